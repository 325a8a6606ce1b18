/** Tables aligned for Chinese; cli-table3's own colours are off (it ignores NO_COLOR), colour comes from chalk. */
import Table from 'cli-table3';
import { cleanKeepingColour } from './output.js';

export function renderTable(head: string[], rows: (string | number)[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    // compact: no separator line between body rows, so a long list fits a screen
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  // Workbook text was stripped when read; file names were not. Colour codes the caller added survive.
  for (const row of rows) table.push(row.map((c) => cleanKeepingColour(String(c))));
  return table.toString();
}
