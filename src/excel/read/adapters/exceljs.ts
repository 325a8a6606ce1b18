/**
 * .xlsx / .xlsm through exceljs into the cell model. Macros (xl/vbaProject.bin) are never read, let alone run.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { readCellValue } from '../cell-value.js';
import type { CellModel, MergeArea, ModelCell, ModelSheet } from '../cell-model.js';
import { refuse, unreadable } from '../read-errors.js';

let Workbook: typeof ExcelJS.Workbook | undefined;

/**
 * exceljs' Workbook, loaded on first use: only commands that read workbooks pay for it. Its main entry also
 * loads the streaming reader and writer (zip and csv libraries: 660 modules, ~220 ms); reading needs the
 * workbook and its xlsx reader only (~280 modules, ~100 ms), which is what a parse worker spends starting.
 * exceljs is pinned and declares no "exports" map, so the module path is stable.
 */
export function workbookClass(): typeof ExcelJS.Workbook {
  Workbook ??= createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  return Workbook;
}

/** Loads an .xlsx already checked by safe-open and turns it into the cell model. */
export async function readXlsxModel(buffer: Buffer, file: string): Promise<CellModel> {
  const workbook = new (workbookClass())();
  try {
    // Whole-column data validations are expanded cell by cell by exceljs: never read them.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0], { ignoreNodes: ['dataValidations'] });
  } catch (e) {
    // exceljs' own words mean nothing to a clerk; keep them for --debug.
    throw unreadable('file-unreadable', 'import.fileUnreadable', file, e);
  }
  if (workbook.worksheets.length === 0) throw refuse('file-no-sheets', 'import.fileNoSheets', file);
  return modelOfWorkbook(workbook);
}

function mergesOf(ws: ExcelJS.Worksheet): Record<string, MergeArea> {
  // exceljs keeps merges by master address; `worksheet.model` would rebuild the whole sheet model to list them.
  const merges = (ws as unknown as { _merges?: Record<string, MergeArea> })._merges;
  return merges ?? {};
}

function sheetModel(ws: ExcelJS.Worksheet, date1904: boolean): ModelSheet {
  const cells: ModelCell[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master && cell.master !== cell) return;
      const value = readCellValue(cell, { date1904 });
      if (value.kind === 'empty' && !value.formulaWithoutResult) return;
      cells.push({ row: rowNumber, col: colNumber, value });
    });
  });
  const merges = Object.values(mergesOf(ws)).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
  const columns = (ws as unknown as { _columns?: Array<{ hidden?: boolean } | undefined> })._columns ?? [];
  const hiddenCols = columns.flatMap((c, i) => (c?.hidden ? [i + 1] : []));
  return { name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', cells, merges, hiddenRows, hiddenCols };
}

/** An exceljs workbook (loaded, or built in code by a test) as the cell model. */
export function modelOfWorkbook(workbook: ExcelJS.Workbook): CellModel {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  return { format: 'xlsx', sheets: workbook.worksheets.map((ws) => sheetModel(ws, date1904)) };
}
