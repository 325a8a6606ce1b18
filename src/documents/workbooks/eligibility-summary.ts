/**
 * 形式审查汇总表: one readable row per application on A4 landscape — 编号, 工作室名称 over 申报单位, 领衔人 over
 * 身份证号码, the checks grouped into six columns (✓ / ✗ / ! / 豁免), 资格, and 问题说明 in full: every
 * finding with its level, its cell, and for a waived error the reason. Text is 11 pt and the columns fit the
 * page at 100 %; rows grow with their text and the table runs over as many pages as it needs, the header
 * row repeated. Personal numbers are masked unless the caller asks for them in full; command-line hints
 * stored with the findings are left out.
 */
import type ExcelJS from 'exceljs';
import type { WaivableFinding } from '../../core/finding.js';
import { maskIdNumber } from '../../core/text.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { withoutCommandHints } from '../../messages/command-text.js';
import type { RuleOutcome } from '../../rules/index.js';
import { LIST_FOOTER, listPageSetup, printableHeightPt, writeSignOff, type SignOff } from '../print.js';
import { footerWithWitness } from './witness.js';
import { ERROR_FILL, FONT_BODY, LABEL_FILL, safeText, THIN_BORDER, WARNING_FILL, wrappedRowHeight } from '../styles.js';

export interface EligibilitySummaryRow {
  id: number;
  studioName: string;
  unitName: string;
  leadName: string;
  idNumber: string;
  eligibility: string;
  /** Reader notes and rule findings, each with the waiver that covers it. */
  findings: WaivableFinding[];
  /** The clerk's corrections, as lines (已更正 field: old → new …). */
  corrections?: readonly string[];
  /** The mail the form came in, one line (sender, date, subject; the sender's address already masked unless full), shown under the unit. */
  mailLine?: string;
}

export interface CheckColumn {
  title: string;
  codes: readonly string[];
  /** Takes the codes no other column names. */
  catchAll: boolean;
}

export interface EligibilitySummaryOptions {
  sheetName: string;
  title: string;
  checkColumns: readonly CheckColumn[];
  headers: { id: string; studio: string; lead: string; eligibility: string; messages: string };
  marks: Record<RuleOutcome, string>;
  /** How a finding is introduced in 问题说明: 错误：, 提醒：, 已豁免（理由：…；日期）：, 已确认（理由：…；日期）：. */
  labels: { error: string; warning: string; waived: (f: WaivableFinding) => string; acknowledged: (f: WaivableFinding) => string };
  full: boolean;
  generatedNote: string;
  signOff: SignOff;
  /** The audit log's head for the page footer (witness.ts); none on a list without one. */
  witness?: string;
}

export const SUMMARY_BODY_PT = 11;
const TITLE_PT = 16;
const NOTE_PT = 11;
const HEADER_ROW = 3;
/** Excel's highest row is 409 pt; a row also has to fit under the repeated header on one page. */
const MAX_ROW_PT = Math.min(400, printableHeightPt('landscape') - 80);

/** Widths for A4 landscape at 100 % (1,026 px between the margins; see print.ts). */
// A studio name or a unit name of up to 18 characters takes one line, a masked ID one line: most
// rows are two lines tall, and a round of 400 prints on about 30 pages.
export const SUMMARY_WIDTHS = { id: 4, studio: 38, lead: 22, check: [5, 5, 5, 5, 5, 5], eligibility: 7, messages: 34 } as const;

/** A column's mark: an error not waived, else a warning, else a waived error, else a pass. */
export function groupOutcome(findings: readonly WaivableFinding[]): RuleOutcome {
  if (findings.some((f) => f.severity === 'error' && !f.overridden)) return 'fail';
  if (findings.some((f) => f.severity === 'warning' && !f.overridden)) return 'warning';
  if (findings.some((f) => f.severity !== 'info' && f.overridden)) return 'waived';
  return 'pass';
}

function columnOf(code: string, columns: readonly CheckColumn[]): number {
  const i = columns.findIndex((c) => c.codes.includes(code));
  return i >= 0 ? i : columns.findIndex((c) => c.catchAll);
}

/** The lines of 问题说明, one per finding (info findings only explain, and are left out). */
export function findingLines(row: EligibilitySummaryRow, o: Pick<EligibilitySummaryOptions, 'labels' | 'full'>): string[] {
  const lines = row.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => {
      const label = f.overridden ? (f.severity === 'error' ? o.labels.waived(f) : o.labels.acknowledged(f)) : f.severity === 'error' ? o.labels.error : o.labels.warning;
      return `${label}${f.cell ? `［${f.cell}］` : ''}${withoutCommandHints(f.message)}`;
    });
  return [...lines, ...(row.corrections ?? [])].map((text) => (o.full ? text : maskPersonalNumbers(text)));
}

/** Lines split into groups that each fit one row (a very long list of findings continues on the next row). */
function chunks(lines: readonly string[], width: number): string[][] {
  const out: string[][] = [[]];
  for (const line of lines) {
    const current = out[out.length - 1]!;
    if (current.length > 0 && wrappedRowHeight([{ text: [...current, line].join('\n'), width }], SUMMARY_BODY_PT) > MAX_ROW_PT) out.push([line]);
    else current.push(line);
  }
  return out;
}

export function buildEligibilitySummary(Excel: typeof ExcelJS, rows: EligibilitySummaryRow[], o: EligibilitySummaryOptions): ExcelJS.Workbook {
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(o.sheetName, {
    pageSetup: listPageSetup('landscape', `${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: footerWithWitness(LIST_FOOTER, o.witness) },
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }],
  });
  const W = SUMMARY_WIDTHS;
  const widths = [W.id, W.studio, W.lead, ...o.checkColumns.map((_, i) => W.check[i] ?? 5), W.eligibility, W.messages];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const headers = [o.headers.id, o.headers.studio, o.headers.lead, ...o.checkColumns.map((c) => c.title), o.headers.eligibility, o.headers.messages];
  const lastCol = headers.length;
  const firstCheck = 4;
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = o.title;
  title.font = { name: FONT_BODY, size: TITLE_PT, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = wrappedRowHeight([{ text: o.title, width: totalWidth }], TITLE_PT, 30);
  ws.mergeCells(2, 1, 2, lastCol);
  const note = ws.getCell(2, 1);
  note.value = o.generatedNote;
  note.font = { name: FONT_BODY, size: NOTE_PT, color: { argb: 'FF333333' } };
  note.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = wrappedRowHeight([{ text: o.generatedNote, width: totalWidth }], NOTE_PT, 18);

  const head = ws.getRow(HEADER_ROW);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.fill = LABEL_FILL;
    c.border = THIN_BORDER;
    c.font = { name: FONT_BODY, size: SUMMARY_BODY_PT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = wrappedRowHeight(headers.map((h, i) => ({ text: h, width: widths[i]! })), SUMMARY_BODY_PT, 30);

  let r = HEADER_ROW;
  for (const row of rows) {
    // Submitted text is never written as something a spreadsheet would run, and without --full never shows
    // a full ID or mobile number, wherever a unit typed one (a phone in the unit name, an ID in a file name).
    const text = (s: string): string => safeText(o.full ? s : maskPersonalNumbers(s));
    const byColumn = o.checkColumns.map(() => [] as WaivableFinding[]);
    for (const f of row.findings) byColumn[columnOf(f.code, o.checkColumns)]?.push(f);
    const outcomes = byColumn.map((fs) => groupOutcome(fs));
    const parts = chunks(findingLines(row, o), W.messages);
    parts.forEach((lines, part) => {
      const sheetRow = ws.getRow(++r);
      const first = part === 0;
      const values: (string | number)[] = [
        first ? row.id : '',
        first ? [row.studioName, row.unitName, ...(row.mailLine ? [row.mailLine] : [])].map(text).join('\n') : '',
        first ? `${text(row.leadName)}\n${o.full ? safeText(row.idNumber) : safeText(maskIdNumber(row.idNumber))}` : '',
        ...outcomes.map((outcome) => (first ? o.marks[outcome] : '')),
        first ? row.eligibility : '',
        safeText(lines.join('\n')),
      ];
      values.forEach((v, i) => {
        const c = sheetRow.getCell(i + 1);
        c.value = v;
        c.border = THIN_BORDER;
        c.font = { name: FONT_BODY, size: SUMMARY_BODY_PT };
        const centred = i === 0 || (i >= firstCheck - 1 && i < lastCol - 1);
        c.alignment = { vertical: 'top', horizontal: centred ? 'center' : 'left', wrapText: true };
      });
      if (first) {
        outcomes.forEach((outcome, i) => {
          const cell = sheetRow.getCell(firstCheck + i);
          if (outcome === 'fail') cell.fill = ERROR_FILL;
          else if (outcome === 'warning') cell.fill = WARNING_FILL;
        });
        if (outcomes.includes('fail')) sheetRow.getCell(lastCol - 1).fill = ERROR_FILL;
      }
      sheetRow.height = wrappedRowHeight(values.map((v, i) => ({ text: String(v), width: widths[i]! })), SUMMARY_BODY_PT, 22);
    });
  }

  const last = writeSignOff(ws, Math.max(r, HEADER_ROW), widths, o.signOff, { size: 12 });
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${last}`;
  return wb;
}
