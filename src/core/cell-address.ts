/** A1-style cell addresses, shared by the readers (which report `Sheet!B7`) and the writers (which lay cells out). */

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A → 1, XFD → 16384: the inverse of columnLetter, for upper-case letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/**
 * `B7` → row 7, column 2, as Excel writes an address: upper-case letters, no `$`, no leading zero, within
 * XFD1048576; null for anything else.
 */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  while (i < ref.length && i < 3 && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 48 || ref.length - i > 7) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const code = ref.charCodeAt(j);
    if (code < 48 || code > 57) return null;
    row = row * 10 + code - 48;
  }
  const col = columnNumber(ref.slice(0, i));
  return col > 16384 || row > 1048576 ? null : { row, col };
}

/** `B7` */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** `申报表!B7`, as findings name a cell. */
export function sheetCellRef(sheet: string, row: number, col: number): string {
  return `${sheet}!${cellRef(row, col)}`;
}
