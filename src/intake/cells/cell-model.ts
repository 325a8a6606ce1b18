/**
 * The one shape every submitted form becomes before the label locator sees it, whatever program wrote it:
 * .xlsx/.xlsm, .xls/.et/.ods (SheetJS) and .docx (a Word table, see adapters/docx.ts). Values are
 * already normalised (cell-value.ts: plain text, number, date parts, with the number format); merged areas,
 * hidden rows and columns and hidden sheets are kept, so every rule about layouts holds for every format.
 * Plain data: no library object crosses into the readers.
 */
import type { CellValue } from './cell-value.js';

/** The program family a form came from; decided from the bytes (safe-open), never from the extension alone. */
export type FormFormat = 'xlsx' | 'xls' | 'ods' | 'docx';

export interface ModelCell {
  /** 1-based row and column of the cell (the top-left of a merged area). */
  row: number;
  col: number;
  value: CellValue;
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ModelSheet {
  name: string;
  /** A hidden or very hidden sheet (drop-down lists). */
  hidden: boolean;
  /** Cells with a value (or a formula without a result), row by row, left to right; covered cells of a merged area are not listed. */
  cells: ModelCell[];
  merges: MergeArea[];
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface CellModel {
  format: FormFormat;
  sheets: ModelSheet[];
}

/** Sorts cells row by row, left to right (adapters that collect them in another order call this once). */
export function sortCells(cells: ModelCell[]): ModelCell[] {
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The indexes an array holds, ascending: a short array by counting, a long one (one cell in column XFD, a row
 * a million down) by its keys, so that 15,000 rows of one far cell each cost 15,000 steps, not 250 million.
 */
function present<T>(items: readonly T[]): number[] {
  if (items.length <= 256) return Array.from(items.keys());
  return Object.keys(items).map(Number);
}

/**
 * A sheet from a dense grid of cells as a reader keeps them (row, then column, 0-based; a later cell at the
 * same address has replaced the earlier one): the covered cells of each merged area read as nothing (its
 * master holds the value) and cells that read empty are left out, visiting only the rows that exist, so a huge
 * merged area costs a loop, not a set of its cells. `read` turns one of the reader's cells into its value.
 */
export function sheetFromGrid<T>(
  grid: (T | undefined)[][],
  read: (cell: T) => CellValue,
  sheet: Omit<ModelSheet, 'cells'>,
): ModelSheet {
  for (const m of sheet.merges) {
    for (let r = m.top - 1; r < Math.min(m.bottom, grid.length); r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = m.left - 1; c < Math.min(m.right, row.length); c++) if (r !== m.top - 1 || c !== m.left - 1) row[c] = undefined;
    }
  }
  const cells: ModelCell[] = [];
  for (const r of present(grid)) {
    const row = grid[r];
    if (!row) continue;
    for (const c of present(row)) {
      const cell = row[c];
      if (cell === undefined) continue;
      const value = read(cell);
      if (value.kind === 'empty' && !value.formulaWithoutResult) continue;
      cells.push({ row: r + 1, col: c + 1, value });
    }
  }
  return { ...sheet, cells };
}
