/**
 * .xlsx/.xlsm, .xls (BIFF2–8), WPS .et (BIFF8 inside) and .ods through SheetJS into the cell model: one reader
 * for every spreadsheet format. Macros (xl/vbaProject.bin) are never read, let alone run. The npm registry's
 * `xlsx@0.18.5` is old and has known crafted-file vulnerabilities; `@e965/xlsx` is the current official release
 * republished (pinned in package.json). SheetJS only reads here: exceljs writes every workbook. Its values go
 * through the same normalisation as exceljs' (cell-value.ts), so a form reads the same whatever program saved it.
 */
import { createRequire } from 'node:module';
import type * as XLSXTypes from '@e965/xlsx';
import { normaliseValue, type CellValue } from '../cells/cell-value.js';
import { sheetFromGrid, type CellModel, type FormFormat, type ModelSheet } from '../cells/cell-model.js';
import { refuse, unreadable } from '../read-errors.js';

type SheetJS = typeof XLSXTypes;
let XLSX: SheetJS | undefined;
let codepages = false;

/**
 * SheetJS, loaded on first use (parse workers load it while they start). Its ES module build leaves out the
 * codepage tables (~100 ms to load, in every worker) that only strings inside legacy .xls/.et files can need;
 * `legacy` adds them, the same tables the CommonJS build loads.
 */
export async function loadSheetjs(legacy = false): Promise<SheetJS> {
  XLSX ??= (await import('@e965/xlsx')) as SheetJS;
  if (legacy && !codepages) {
    XLSX.set_cptable(createRequire(import.meta.url)('@e965/xlsx/dist/cpexcel.js'));
    codepages = true;
  }
  return XLSX;
}

function sheetjs(): SheetJS {
  if (!XLSX) throw new Error('SheetJS read before loadSheetjs()');
  return XLSX;
}

/** Excel's error codes as SheetJS keeps them (the number in `v` of an error cell). */
export const SHEETJS_ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/**
 * SheetJS prints some complaints straight to the console (reading LibreOffice .ods: "ODS number format may be
 * incorrect"); nothing of a library may reach the clerk's screen, so the console is quiet while it reads.
 */
function quietly<T>(fn: () => T): T {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const nothing = (): void => {};
  Object.assign(console, { log: nothing, info: nothing, warn: nothing, error: nothing, debug: nothing });
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

/**
 * A hyperlink's target as it was written. Reading an .xlsx, SheetJS keeps a relationship's target as the bytes of
 * its UTF-8 (附件 as \u00e9\u0099\u0084…): a target made of such bytes that are UTF-8 is decoded, any other kept.
 */
export function hyperlinkTarget(target: string): string {
  if (!/[\u0080-\u00ff]/u.test(target) || /[^\u0000-\u00ff]/u.test(target)) return target;
  const decoded = Buffer.from(target, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? target : decoded;
}

/** A SheetJS cell as the raw value exceljs would have given for it, so both meet one normaliser. */
function rawValue(cell: XLSXTypes.CellObject, utf8Targets: boolean): unknown {
  const formula = typeof cell.f === 'string' && cell.f !== '';
  let value: unknown;
  switch (cell.t) {
    case 's':
    case 'n':
    case 'b':
      value = cell.v;
      break;
    case 'e':
      value = { error: SHEETJS_ERRORS[cell.v as number] ?? (typeof cell.w === 'string' ? cell.w : '#ERROR') };
      break;
    case 'd':
      value = cell.v instanceof Date ? cell.v : null;
      break;
    default:
      value = null;
  }
  if (formula) return { formula: cell.f, result: value === undefined ? null : value };
  const written = cell.l?.Target;
  const target = typeof written === 'string' && utf8Targets ? hyperlinkTarget(written) : written;
  if (typeof target === 'string' && target !== '' && typeof value === 'string') return { text: value, hyperlink: target };
  return value;
}

function sheetModel(ws: XLSXTypes.WorkSheet, name: string, hidden: boolean, date1904: boolean, utf8Targets: boolean): ModelSheet {
  const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
  const data = (ws as { '!data'?: (XLSXTypes.CellObject | undefined)[][] })['!data'] ?? [];
  const hiddenRows = (ws['!rows'] ?? []).flatMap((info, i) => (info?.hidden ? [i + 1] : []));
  const hiddenCols = (ws['!cols'] ?? []).flatMap((info, i) => (info?.hidden ? [i + 1] : []));
  const read = (cell: XLSXTypes.CellObject): CellValue => {
    const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
    return normaliseValue(rawValue(cell, utf8Targets), { numFmt, date1904 });
  };
  return sheetFromGrid(data, read, { name, hidden, merges, hiddenRows, hiddenCols });
}

/** What SheetJS is asked to read (test/bench/sheetjs-options.mjs, the benchmark's bare baseline, must stay equal). */
export const READ_OPTIONS = {
  dense: true,
  cellNF: true,
  // Hidden rows and columns are read only with styles; SheetJS then also keeps empty styled cells (stubs).
  cellStyles: true,
  sheetStubs: true,
  cellDates: false,
  cellHTML: false,
  cellText: false,
  bookVBA: false,
  WTF: false,
} as const;

const DOC_PROPS = /^docProps\//iu;

type ZipParse = (zip: { files: Record<string, { name: string; data: string }> }, opts: object) => XLSXTypes.WorkBook;

/**
 * Reads a workbook already checked by safe-open: its bytes (.xls, .et, .ods), or for .xlsx/.xlsm the XML parts
 * safe-open inflated and judged (byte strings by name), which SheetJS reads as the zip it would otherwise
 * unpack again with its own JavaScript inflate.
 */
export function readSheetjsModel(input: Buffer | ReadonlyMap<string, string>, file: string, format: Exclude<FormFormat, 'docx'>): CellModel {
  const X = sheetjs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = quietly(() => {
      if (Buffer.isBuffer(input)) return X.read(input, { type: 'buffer', ...READ_OPTIONS });
      const files = Object.create(null) as Record<string, { name: string; data: string }>;
      // The document properties (author, application, custom fields) are never read from a form: SheetJS is not
      // given them to parse (about a twentieth of its time on a form).
      for (const [name, data] of input) if (!DOC_PROPS.test(name)) files[name] = { name, data };
      return (X as unknown as { parse_zip: ZipParse }).parse_zip({ files }, { ...READ_OPTIONS });
    });
  } catch (e) {
    throw unreadable('file-unreadable', 'import.fileUnreadable', file, e);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.flatMap((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return [];
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    return [sheetModel(ws, name, hidden, date1904, format === 'xlsx')];
  });
  if (sheets.length === 0) throw refuse('file-no-sheets', 'import.fileNoSheets', file);
  return { format, sheets };
}
