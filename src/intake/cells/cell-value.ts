/**
 * One normal form for every value exceljs can hand back (see library-notes: null, number, string, boolean,
 * Date, rich text, hyperlink, formula / shared formula with or without a cached result, error), so the
 * readers above never look at exceljs shapes.
 */
import type ExcelJS from 'exceljs';
import { stripControl, unguardText } from '../../core/text.js';
import { excelSerialToParts, looksLikeDateFormat, type DateParts } from '../../core/dates.js';

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'bool' | 'error';

export interface CellValue {
  /** What a clerk would read in the cell; numbers without exponent, dates as YYYY-MM-DD (or YYYY-MM). */
  text: string;
  number: number | null;
  date: DateParts | null;
  kind: CellKind;
  numFmt?: string;
  /** The cell holds a formula whose cached result is missing (the workbook was never recalculated/saved by Excel). */
  formulaWithoutResult?: boolean;
  /** The cell was a formula (with a cached result, which is what text/number hold). */
  formula?: boolean;
  /** Target of a hyperlink cell, as written (e.g. `mailto:a@b.cn`). */
  hyperlink?: string;
  /** The text was longer than Excel allows in a cell and was cut; this is its original length. */
  truncatedFrom?: number;
  /** Control characters or terminal escape sequences were removed from the text. */
  controlRemoved?: boolean;
}

/** Excel refuses more than 32,767 characters in a cell; longer text was not written by Excel or WPS. */
export const MAX_CELL_CHARS = 32_767;

export interface CellReadOptions {
  numFmt?: string;
  /** Workbook uses the 1904 date system: numbers with a date format count from 1904-01-01. */
  date1904?: boolean;
}

const EMPTY: CellValue = Object.freeze({ text: '', number: null, date: null, kind: 'empty' }) as CellValue;

/**
 * A number as the digits a person typed: no exponent, no binary noise. Excel keeps 15 significant digits, so
 * 13812345678 → '13812345678', 571.5 → '571.5', 3.30105197506150E+17 → '330105197506150000' (the digits that
 * survived; the rest are zeros, never guessed).
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(15));
  if (Math.abs(rounded) < 1e21) return String(rounded);
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
}

function cleanText(s: string): string {
  return stripControl(s.replace(/\r\n?/gu, '\n'));
}

/** A text value, cut to Excel's cell limit first so that a 10 MB cell costs no more than a normal one. */
function textValue(raw: string): CellValue {
  let cut = raw;
  if (raw.length > MAX_CELL_CHARS) {
    cut = raw.slice(0, MAX_CELL_CHARS);
    // Never keep half of a surrogate pair (𠮷 is two UTF-16 units).
    if (/[\ud800-\udbff]$/u.test(cut)) cut = cut.slice(0, -1);
  }
  // What gongshu wrote guarded (a leading apostrophe before = + - @) reads back as it was (core/text.ts).
  const lines = unguardText(cut).replace(/\r\n?/gu, '\n');
  const text = stripControl(lines);
  if (text === '') return EMPTY;
  const value: CellValue = { text, number: null, date: null, kind: 'text' };
  if (cut.length < raw.length) value.truncatedFrom = raw.length;
  if (text !== lines) value.controlRemoved = true;
  return value;
}

function richTextToString(v: unknown): string | null {
  if (typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: Array<{ text?: unknown }> }).richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  return null;
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function hasDayToken(numFmt: string | undefined): boolean {
  if (!numFmt) return true;
  const bare = numFmt.replace(/"[^"]*"/gu, '').replace(/\[[^\]]*\]/gu, '');
  return /d/iu.test(bare) || numFmt.includes('日');
}

function fromParts(parts: DateParts, numFmt: string | undefined): CellValue {
  const month = `${parts.y}-${String(parts.m).padStart(2, '0')}`;
  const text = hasDayToken(numFmt) ? `${month}-${String(parts.d).padStart(2, '0')}` : month;
  return withFmt({ text, number: null, date: parts, kind: 'date' }, numFmt);
}

function withFmt(v: CellValue, numFmt: string | undefined): CellValue {
  return numFmt ? { ...v, numFmt } : v;
}

/** Normalises a raw exceljs value. */
export function normaliseValue(value: unknown, opts: CellReadOptions = {}): CellValue {
  const { numFmt } = opts;
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textValue(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return EMPTY;
    if (looksLikeDateFormat(numFmt)) {
      const parts = excelSerialToParts(value, opts.date1904);
      if (parts) return fromParts(parts, numFmt);
    }
    return withFmt({ text: numberToText(value), number: value, date: null, kind: 'number' }, numFmt);
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', number: null, date: null, kind: 'bool' };
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return EMPTY;
    // exceljs builds dates at UTC midnight; local getters would move them a day west of Greenwich.
    return fromParts({ y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() }, numFmt);
  }
  if (typeof value !== 'object') return EMPTY;

  const rich = richTextToString(value);
  if (rich !== null) return textValue(rich);
  const obj = value as Record<string, unknown>;
  if ('hyperlink' in obj || ('text' in obj && !('formula' in obj) && !('sharedFormula' in obj))) {
    const inner = typeof obj.text === 'string' ? obj.text : (richTextToString(obj.text) ?? '');
    const target = typeof obj.hyperlink === 'string' ? cleanText(obj.hyperlink.slice(0, MAX_CELL_CHARS)) : '';
    let v = textValue(inner);
    if (v.text.trim() === '') v = textValue(target.replace(/^mailto:/iu, ''));
    if (v.kind === 'empty') return EMPTY;
    return { ...v, ...(target ? { hyperlink: target } : {}) };
  }
  if ('formula' in obj || 'sharedFormula' in obj) {
    if (obj.result === undefined || obj.result === null) return { ...EMPTY, formulaWithoutResult: true };
    const inner = normaliseValue(obj.result, opts);
    return { ...inner, formula: true };
  }
  if ('error' in obj) {
    return { text: String(obj.error ?? '#ERROR'), number: null, date: null, kind: 'error' };
  }
  return EMPTY;
}

/** Normalises a cell; a merged non-master cell reads its master's value and format. */
export function readCellValue(cell: ExcelJS.Cell, opts: { date1904?: boolean } = {}): CellValue {
  const master = cell.isMerged && cell.master ? cell.master : cell;
  let numFmt: string | undefined;
  try {
    numFmt = master.numFmt || undefined;
  } catch {
    numFmt = undefined;
  }
  return normaliseValue(master.value, { numFmt, date1904: opts.date1904 });
}
