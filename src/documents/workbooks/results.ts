/**
 * 考核结果 workbook: 汇总 (ranked totals and grades), 明细 (every item of every studio, with what the figures
 * give and why a row is flagged) and 统计 (grades, mean / min / max, a distribution). Every figure is a
 * number written here, never a formula, so the workbook shows the same in every program. The rubric note
 * (80 vs "100+10") and the thresholds are printed on the summary and the statistics sheets.
 */
import type ExcelJS from 'exceljs';
import { roundPoints } from '../../core/rubric.js';
import type { Finding } from '../../core/finding.js';
import { officialText } from '../../messages/export.js';
import type { ExportMessageKey } from '../../messages/export.js';
import { formatPoints, gradeName, GRADES } from '../../scoring/index.js';
import type { Grade, ItemScore, ScoreResult, ScoreSettings } from '../../scoring/index.js';
import { ERROR_FILL, FONT_BODY, LABEL_FILL, safeText, THIN_BORDER, WARNING_FILL, wrappedRowHeight } from '../styles.js';
import { LIST_FOOTER, listPageSetup, writeSignOff, type Orientation, type SignOff } from '../print.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { withoutCommandHints } from '../../messages/command-text.js';

/** Submitted text on a list that circulates widely: never a formula, never a full ID or mobile number. */
const publicText = (s: string): string => safeText(maskPersonalNumbers(s));

type ExcelModule = typeof import('exceljs');

/** One assessed studio. No ID numbers or phone numbers: the result list circulates widely. */
export interface ResultRow {
  id: number;
  studioName: string;
  unitName: string;
  leadName: string;
  result: ScoreResult;
}

export interface ResultsWorkbookOptions {
  year: number;
  rubricNote: string;
  thresholdsNote: string;
  /** `YYYY-MM-DD`. */
  generatedOn: string;
  /** The 落款 of the summary and the statistics. */
  signOff: SignOff;
  /**
   * The round's thresholds, for the distribution bands. Default: the settings the first result was graded
   * with (one round shares one setting); with neither, the distribution lists no bands.
   */
  settings?: ScoreSettings;
}

/** Shows 80.0, 47.5 and 47.25 alike: scores carry at most two decimals (roundPoints). */
export const POINTS_FORMAT = '0.0#';
const RANK_FORMAT = '0';
const TITLE_SIZE = 16;
/** Printed at 100 % (the columns fit A4, see print.ts): 11 pt body and notes. */
export const RESULTS_BODY_SIZE = 11;
const BODY_SIZE = RESULTS_BODY_SIZE;
const NOTE_SIZE = 11;

type Value = string | number | null;
interface Column {
  header: string;
  width: number;
  /** Numbers get POINTS_FORMAT unless a format is given. */
  numFmt?: string;
  align?: 'left' | 'center';
}

const t = (key: ExportMessageKey, params: Record<string, string | number> = {}): string => officialText(key, params);

// ---------------------------------------------------------------------------------------------
// Pure parts: ranking, remarks, per-item notes, statistics.

export interface RankedRow {
  row: ResultRow;
  /** Competition rank (1, 2, 2, 4); null for rows that are not ranked. */
  rank: number | null;
}

/**
 * Only a complete assessment without a veto has a place in the ranking: a veto fails the studio whatever
 * its points, and an incomplete or not-assessed studio has no final total. Unranked rows follow, vetoes
 * first (their totals are final), then incomplete, then not assessed, each by total descending.
 */
export function isRanked(result: ScoreResult): boolean {
  return result.complete && !result.veto && (result.grade === 'excellent' || result.grade === 'pass' || result.grade === 'fail');
}

function unrankedOrder(result: ScoreResult): number {
  if (result.veto && result.complete) return 0;
  if (result.grade === 'not-assessed') return 2;
  return 1;
}

export function rankRows(rows: readonly ResultRow[]): RankedRow[] {
  const byTotal = (a: ResultRow, b: ResultRow): number => b.result.total - a.result.total || a.id - b.id;
  const ranked = rows.filter((r) => isRanked(r.result)).sort(byTotal);
  const rest = rows
    .filter((r) => !isRanked(r.result))
    .sort((a, b) => unrankedOrder(a.result) - unrankedOrder(b.result) || byTotal(a, b));
  const out: RankedRow[] = [];
  ranked.forEach((row, i) => {
    const previous = out[i - 1];
    const tied = previous !== undefined && roundPoints(previous.row.result.total) === roundPoints(row.result.total);
    out.push({ row, rank: tied ? previous.rank : i + 1 });
  });
  return [...out, ...rest.map((row) => ({ row, rank: null }))];
}

/** Findings a clerk has to look at: warnings and errors (info only explains, e.g. a capped bonus). */
function isFlag(f: Finding): boolean {
  return f.severity === 'warning' || f.severity === 'error';
}

/** Findings about one item: fields `rows.KEY`, `rows.KEY.self`, `rows.KEY.assessor`. */
export function itemFindings(result: ScoreResult, key: string): Finding[] {
  const field = `rows.${key}`;
  return result.findings.filter((f) => f.field === field || (f.field?.startsWith(`${field}.`) ?? false));
}

/** Findings about the sheet as a whole (veto, 合计 row, unknown rows, the lead). */
function sheetFindings(result: ScoreResult): Finding[] {
  const keys = new Set(result.items.map((i) => `rows.${i.key}`));
  return result.findings.filter((f) => {
    const field = f.field ?? '';
    const item = /^rows\.[^.]+/u.exec(field)?.[0];
    return item === undefined || !keys.has(item);
  });
}

/** 备注 of the summary: veto, why incomplete, how many flags, why not assessed. */
export function summaryRemarks(result: ScoreResult): string {
  const parts: string[] = [];
  if (result.veto) parts.push(t('export.results.remark.veto'));
  if (!result.complete && result.grade !== 'not-assessed') {
    const missing = result.items.filter((i) => i.score === null).length;
    if (missing > 0) parts.push(t('export.results.remark.incomplete', { count: missing }));
    if (result.vetoState === 'unclear') parts.push(t('export.results.remark.incompleteVeto'));
  }
  if (result.grade === 'not-assessed') {
    parts.push(...result.findings.filter((f) => f.code === 'not-assessed-retired' || f.code === 'not-assessed-left').map((f) => f.message));
  }
  const flags = result.findings.filter((f) => isFlag(f) && f.code !== 'veto-triggered').length;
  if (flags > 0) parts.push(t('export.results.remark.flags', { count: flags }));
  return parts.join(t('export.results.remark.join'));
}

/** 差异说明 of one item: its findings' messages (a disagreement's message carries the arithmetic). */
export function itemNotes(result: ScoreResult, item: ItemScore): string {
  const notes = itemFindings(result, item.key).map((f) => f.message);
  const disagreement = itemFindings(result, item.key).some((f) => f.code === 'score-disagrees-with-rubric');
  if (item.computedBound === 'atMost' && item.computed !== null && !disagreement) {
    notes.push(t('export.results.detail.atMost', { points: formatPoints(item.computed) }));
  }
  return notes.join('\n');
}

export interface Band {
  from: number;
  /** Exclusive upper edge; null for the top band. */
  to: number | null;
  label: string;
}

/**
 * Score bands from the thresholds: below 合格, 合格 up to the midpoint, the midpoint up to 优秀, 优秀 and
 * above (0–47.99, 48–59.99, 60–71.99, 72+ with the seed rubric). Totals carry two decimals, hence .99.
 */
export function distributionBands(settings: ScoreSettings): Band[] {
  const mid = roundPoints((settings.passAt + settings.excellentAt) / 2);
  const edges = [...new Set([0, settings.passAt, mid, settings.excellentAt].filter((e) => e >= 0))].sort((a, b) => a - b);
  return edges.map((from, i) => {
    const next = edges[i + 1];
    if (next === undefined) return { from, to: null, label: t('export.results.stats.bandFrom', { from: formatPoints(from) }) };
    return { from, to: next, label: t('export.results.stats.bandRange', { from: formatPoints(from), to: formatPoints(roundPoints(next - 0.01)) }) };
  });
}

export interface ResultStats {
  byGrade: Record<Grade, number>;
  vetoCount: number;
  /** Complete assessments with a grade by points or by veto: their totals are final. */
  graded: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  bands: { band: Band; count: number }[];
}

export function resultStats(rows: readonly ResultRow[], settings: ScoreSettings | undefined): ResultStats {
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of rows) byGrade[r.result.grade] += 1;
  const totals = rows
    .filter((r) => r.result.complete && (r.result.grade === 'excellent' || r.result.grade === 'pass' || r.result.grade === 'fail'))
    .map((r) => roundPoints(r.result.total));
  const bands = (settings ? distributionBands(settings) : []).map((band) => ({
    band,
    count: totals.filter((v) => v >= band.from && (band.to === null || v < band.to)).length,
  }));
  return {
    byGrade,
    vetoCount: rows.filter((r) => r.result.veto).length,
    graded: totals.length,
    mean: totals.length ? roundPoints(totals.reduce((s, v) => s + v, 0) / totals.length) : null,
    min: totals.length ? Math.min(...totals) : null,
    max: totals.length ? Math.max(...totals) : null,
    bands,
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets.

function addSheet(wb: ExcelJS.Workbook, name: string, headerRow: number, xSplit = 0, orientation: Orientation = 'landscape'): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: listPageSetup(orientation, `${headerRow}:${headerRow}`),
    headerFooter: { oddFooter: LIST_FOOTER },
    views: [{ state: 'frozen', ySplit: headerRow, xSplit }],
  });
}

function setWidths(ws: ExcelJS.Worksheet, columns: readonly Column[]): number {
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  return columns.reduce((s, c) => s + c.width, 0);
}

function titleRow(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT_BODY, size: TITLE_SIZE, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = 30;
}

/** A merged, wrapped line of explanation (rubric note, thresholds, date). */
function noteRow(ws: ExcelJS.Worksheet, row: number, lastCol: number, totalWidth: number, text: string): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = withoutCommandHints(text);
  c.font = { name: FONT_BODY, size: NOTE_SIZE, color: { argb: 'FF333333' } };
  c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = wrappedRowHeight([{ text: String(c.value), width: totalWidth }], NOTE_SIZE, 18);
}

function headerRow(ws: ExcelJS.Worksheet, row: number, columns: readonly Column[]): void {
  const r = ws.getRow(row);
  columns.forEach((col, i) => {
    const c = r.getCell(i + 1);
    c.value = col.header;
    c.fill = LABEL_FILL;
    c.border = THIN_BORDER;
    c.font = { name: FONT_BODY, size: BODY_SIZE, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  r.height = wrappedRowHeight(columns.map((c) => ({ text: c.header, width: c.width })), BODY_SIZE, 22);
}

function dataRow(ws: ExcelJS.Worksheet, row: number, columns: readonly Column[], values: readonly Value[], fill?: ExcelJS.Fill): void {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const col = columns[i]!;
    const c = r.getCell(i + 1);
    c.value = v;
    c.border = THIN_BORDER;
    c.font = { name: FONT_BODY, size: BODY_SIZE };
    const numeric = typeof v === 'number' || col.numFmt !== undefined;
    c.alignment = { horizontal: numeric ? 'center' : (col.align ?? 'left'), vertical: 'middle', wrapText: true };
    if (typeof v === 'number') c.numFmt = col.numFmt ?? POINTS_FORMAT;
    if (fill) c.fill = fill;
  });
  r.height = wrappedRowHeight(values.map((v, i) => ({ text: v === null ? '' : String(v), width: columns[i]!.width })), BODY_SIZE, 20);
}

function printArea(ws: ExcelJS.Worksheet, lastCol: number, lastRow: number): void {
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${lastRow}`;
}

const SUMMARY_HEADER_ROW = 5;

function writeSummary(wb: ExcelJS.Workbook, rows: readonly ResultRow[], o: ResultsWorkbookOptions): void {
  const columns: Column[] = [
    // Fits A4 landscape at 100 % (print.ts).
    { header: t('export.results.col.rank'), width: 5, numFmt: RANK_FORMAT },
    { header: t('export.col.studio'), width: 26 },
    { header: t('export.col.unit'), width: 24 },
    { header: t('export.col.lead'), width: 7, align: 'center' },
    { header: t('export.results.col.base'), width: 7 },
    { header: t('export.results.col.bonus'), width: 6 },
    { header: t('export.results.col.total'), width: 7 },
    { header: t('export.results.col.grade'), width: 7, align: 'center' },
    { header: t('export.results.col.remarks'), width: 47 },
  ];
  const ws = addSheet(wb, t('export.results.sheet.summary'), SUMMARY_HEADER_ROW, 2);
  const width = setWidths(ws, columns);
  const last = columns.length;
  titleRow(ws, 1, last, t('export.results.title', { year: o.year }));
  noteRow(ws, 2, last, width, o.rubricNote);
  noteRow(ws, 3, last, width, o.thresholdsNote);
  noteRow(ws, 4, last, width, t('export.results.generatedOn', { date: o.generatedOn }));
  headerRow(ws, SUMMARY_HEADER_ROW, columns);
  rankRows(rows).forEach(({ row, rank }, i) => {
    const r = row.result;
    const values: Value[] = [
      rank, publicText(row.studioName), publicText(row.unitName), publicText(row.leadName),
      r.base, r.bonus, r.total, gradeName(r.grade), publicText(summaryRemarks(r)),
    ];
    const fill = r.veto || r.grade === 'fail' ? ERROR_FILL : r.complete ? undefined : WARNING_FILL;
    dataRow(ws, SUMMARY_HEADER_ROW + 1 + i, columns, values);
    if (fill) ws.getCell(SUMMARY_HEADER_ROW + 1 + i, 8).fill = fill;
  });
  const end = writeSignOff(ws, SUMMARY_HEADER_ROW + Math.max(1, rows.length), columns.map((c) => c.width), o.signOff);
  printArea(ws, last, end);
}

const DETAIL_HEADER_ROW = 2;

function writeDetail(wb: ExcelJS.Workbook, rows: readonly ResultRow[], o: ResultsWorkbookOptions): void {
  const columns: Column[] = [
    // Fits A4 landscape at 100 % (print.ts).
    { header: t('export.col.studio'), width: 26 },
    { header: t('export.results.col.category'), width: 19 },
    { header: t('export.results.col.item'), width: 14 },
    { header: t('export.results.col.max'), width: 5 },
    { header: t('export.results.col.self'), width: 6 },
    { header: t('export.results.col.assessor'), width: 6 },
    { header: t('export.results.col.computed'), width: 7 },
    { header: t('export.results.col.notes'), width: 54 },
  ];
  const ws = addSheet(wb, t('export.results.sheet.detail'), DETAIL_HEADER_ROW, 1);
  setWidths(ws, columns);
  const last = columns.length;
  titleRow(ws, 1, last, t('export.results.titleDetail', { year: o.year }));
  headerRow(ws, DETAIL_HEADER_ROW, columns);
  let rowNumber = DETAIL_HEADER_ROW;
  for (const { row } of rankRows(rows)) {
    const r = row.result;
    const studio = publicText(row.studioName);
    for (const item of r.items) {
      const findings = itemFindings(r, item.key);
      const values: Value[] = [studio, item.categoryName, item.shortName, item.max, item.self, item.assessor, item.computed, publicText(itemNotes(r, item))];
      const fill = findings.some((f) => f.severity === 'error') ? ERROR_FILL : findings.some(isFlag) ? WARNING_FILL : undefined;
      dataRow(ws, ++rowNumber, columns, values, fill);
    }
    // Veto, 合计 row and other whole-sheet findings get a row of their own so nothing is lost.
    const whole = sheetFindings(r).filter((f) => isFlag(f) || f.code.startsWith('not-assessed'));
    if (whole.length > 0) {
      const values: Value[] = [studio, t('export.results.detail.wholeSheet'), t('export.results.detail.wholeSheetItem'), null, null, null, null, publicText(whole.map((f) => f.message).join('\n'))];
      const fill = whole.some((f) => f.severity === 'error') ? ERROR_FILL : whole.some(isFlag) ? WARNING_FILL : undefined;
      dataRow(ws, ++rowNumber, columns, values, fill);
    }
  }
  printArea(ws, last, Math.max(DETAIL_HEADER_ROW + 1, rowNumber));
}

/**
 * The statistics sheet has several small tables, so the row repeated on every page and frozen is its
 * title; the notes come right after it so they print with the figures. It is short: A4 portrait, one
 * page tall (fit-to-height only as a safety net; at 11 pt it fits at 100 %).
 */
function writeStats(wb: ExcelJS.Workbook, rows: readonly ResultRow[], o: ResultsWorkbookOptions, settings: ScoreSettings | undefined): void {
  const columns: Column[] = [
    { header: t('export.results.stats.grade'), width: 48, align: 'left' },
    { header: t('export.results.stats.count'), width: 16, numFmt: RANK_FORMAT },
  ];
  const ws = addSheet(wb, t('export.results.sheet.stats'), 1, 0, 'portrait');
  ws.pageSetup.fitToHeight = 1;
  const width = setWidths(ws, columns);
  const last = columns.length;
  const stats = resultStats(rows, settings);
  titleRow(ws, 1, last, t('export.results.titleStats', { year: o.year }));
  let n = 1;
  noteRow(ws, ++n, last, width, o.rubricNote);
  noteRow(ws, ++n, last, width, o.thresholdsNote);
  noteRow(ws, ++n, last, width, t('export.results.generatedOn', { date: o.generatedOn }));

  n += 1;
  headerRow(ws, ++n, columns);
  for (const g of GRADES) dataRow(ws, ++n, columns, [gradeName(g), stats.byGrade[g]]);
  dataRow(ws, ++n, columns, [t('export.results.stats.ofWhichVeto'), stats.vetoCount]);
  dataRow(ws, ++n, columns, [t('export.results.stats.all'), rows.length]);
  ws.getCell(n, 1).font = { name: FONT_BODY, size: BODY_SIZE, bold: true };

  n += 1;
  const totalsColumns: Column[] = [
    { ...columns[0]!, header: t('export.results.stats.measure') },
    { ...columns[1]!, header: t('export.results.stats.value'), numFmt: POINTS_FORMAT },
  ];
  noteRow(ws, ++n, last, width, t('export.results.stats.totals', { count: stats.graded }));
  headerRow(ws, ++n, totalsColumns);
  const none = t('export.results.stats.none');
  dataRow(ws, ++n, totalsColumns, [t('export.results.stats.mean'), stats.mean ?? none]);
  dataRow(ws, ++n, totalsColumns, [t('export.results.stats.max'), stats.max ?? none]);
  dataRow(ws, ++n, totalsColumns, [t('export.results.stats.min'), stats.min ?? none]);

  n += 1;
  noteRow(ws, ++n, last, width, t('export.results.stats.distribution'));
  headerRow(ws, ++n, [{ ...columns[0]!, header: t('export.results.stats.band') }, columns[1]!]);
  for (const { band, count } of stats.bands) dataRow(ws, ++n, columns, [band.label, count]);
  n = writeSignOff(ws, n, columns.map((c) => c.width), o.signOff);
  printArea(ws, last, n);
}

export function buildResultsWorkbook(excel: ExcelModule, rows: ResultRow[], opts: ResultsWorkbookOptions): ExcelJS.Workbook {
  const wb = new excel.Workbook();
  writeSummary(wb, rows, opts);
  writeDetail(wb, rows, opts);
  writeStats(wb, rows, opts, opts.settings ?? rows[0]?.result.settings);
  return wb;
}
