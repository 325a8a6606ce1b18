/**
 * A comparable picture of a workbook's content: what a clerk sees and what the form enforces, without
 * the zip timestamps that make two writes of the same workbook differ byte for byte.
 */
import type ExcelJS from 'exceljs';

export interface CellSnapshot {
  value: unknown;
  numFmt?: string;
  locked: boolean;
  shaded: boolean;
}

export interface SheetSnapshot {
  name: string;
  state: string;
  widths: (number | null)[];
  heights: Record<number, number>;
  cells: Record<string, CellSnapshot>;
  merges: string[];
  validations: Record<string, unknown>;
  pageSetup: Record<string, unknown>;
  headerFooter: unknown;
  protection: unknown;
}

const PAGE_KEYS = ['paperSize', 'orientation', 'fitToPage', 'fitToWidth', 'fitToHeight', 'printArea', 'horizontalCentered', 'margins'] as const;

function plainValue(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return { date: value.toISOString() };
  return value === undefined ? null : JSON.parse(JSON.stringify(value)) as unknown;
}

export function sheetSnapshot(sheet: ExcelJS.Worksheet): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const heights: Record<number, number> = {};
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.height) heights[rowNumber] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const snap: CellSnapshot = {
        value: cell.type === 6 /* Merge */ ? null : plainValue(cell.value),
        locked: cell.protection?.locked !== false,
        shaded: fill?.type === 'pattern' && fill.pattern === 'solid',
      };
      if (cell.numFmt) snap.numFmt = cell.numFmt;
      cells[cell.address] = snap;
    });
  });
  const widths: (number | null)[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) widths.push(sheet.getColumn(c).width ?? null);
  const pageSetup: Record<string, unknown> = {};
  for (const key of PAGE_KEYS) pageSetup[key] = (sheet.pageSetup as Record<string, unknown>)[key];
  const model = sheet.model as unknown as { merges?: string[] };
  const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  return {
    name: sheet.name,
    state: sheet.state,
    widths,
    heights,
    cells,
    merges: [...(model.merges ?? [])].sort(),
    validations: JSON.parse(JSON.stringify(validations)) as Record<string, unknown>,
    pageSetup: JSON.parse(JSON.stringify(pageSetup)) as Record<string, unknown>,
    headerFooter: JSON.parse(JSON.stringify(sheet.headerFooter ?? null)) as unknown,
    protection: JSON.parse(JSON.stringify((sheet as unknown as { sheetProtection?: unknown }).sheetProtection ?? null)) as unknown,
  };
}

export function workbookSnapshot(workbook: ExcelJS.Workbook): SheetSnapshot[] {
  return workbook.worksheets.map(sheetSnapshot);
}

/** Writes and reads back, so a workbook built in memory compares with one loaded from disk. */
export async function roundTrip(excel: typeof import('exceljs'), workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const loaded = new excel.Workbook();
  await loaded.xlsx.load(buffer as ArrayBuffer);
  return loaded;
}

export async function loadWorkbook(excel: typeof import('exceljs'), file: string): Promise<ExcelJS.Workbook> {
  const loaded = new excel.Workbook();
  await loaded.xlsx.readFile(file);
  return loaded;
}
