/** A1-style cell addresses, shared by the readers (which report `Sheet!B7`) and the writers (which lay cells out). */

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** `B7` */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** `申报表!B7`, as findings name a cell. */
export function sheetCellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${cellRef(row, col)}`;
}
