/** Tables aligned for Chinese; cli-table3's own colours are off (it ignores NO_COLOR), colour comes from chalk. */
import Table from 'cli-table3';
import { cleanKeepingColour } from './output.js';

/**
 * A cell may be coloured by our own chalk calls: those colour codes are kept (cleanKeepingColour), every
 * other control character is stripped, so workbook text still cannot move the cursor, clear the screen or
 * retitle the window.
 */
export function renderTable(head: string[], rows: (string | number)[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    wordWrap: true,
    // compact: no separator line between body rows, so a long list fits a screen
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row.map((c) => cleanKeepingColour(String(c))));
  return table.toString();
}
