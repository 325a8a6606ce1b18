/** Tables aligned for Chinese; cli-table3's own colours are off (it ignores NO_COLOR), colour comes from chalk. */
import Table from 'cli-table3';
import { clean } from './output.js';

export function renderTable(head: string[], rows: (string | number)[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    // compact: no separator line between body rows, so a long list fits a screen
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row.map((c) => clean(String(c))));
  return table.toString();
}
