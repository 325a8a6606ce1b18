/**
 * An exceljs workbook already in memory (built in code, as the tests build forms) as the cell model. Submitted
 * files are never read by exceljs: every spreadsheet format goes through SheetJS (sheetjs.ts) after safe-open.
 */
import type ExcelJS from 'exceljs';
import { readCellValue } from '../cells/cell-value.js';
import type { CellModel, MergeArea, ModelCell, ModelSheet } from '../cells/cell-model.js';

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
