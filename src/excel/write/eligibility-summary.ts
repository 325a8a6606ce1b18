/**
 * 形式审查汇总表: one row per application, a column per rule (✓ / ✗ / 豁免 / !), the messages, errors
 * highlighted. Personal numbers are masked unless the caller asks for them in full.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../../core/finding.js';
import { maskIdNumber, maskPersonalNumbers } from '../../core/text.js';
import type { RuleOutcome } from '../../rules/index.js';
import { a4PageSetup, ERROR_FILL, FONT_BODY, LABEL_FILL, PAGE_FOOTER, safeText, THIN_BORDER, WARNING_FILL } from './styles.js';

export interface EligibilitySummaryRow {
  id: number;
  studioName: string;
  unitName: string;
  leadName: string;
  idNumber: string;
  eligibility: string;
  outcomes: Record<string, RuleOutcome>;
  findings: Finding[];
}

export interface EligibilitySummaryOptions {
  sheetName: string;
  title: string;
  ruleColumns: { code: string; title: string }[];
  headers: { id: string; studio: string; unit: string; lead: string; idNumber: string; eligibility: string; messages: string };
  marks: Record<RuleOutcome, string>;
  full: boolean;
  generatedNote: string;
}

export function buildEligibilitySummary(Excel: typeof ExcelJS, rows: EligibilitySummaryRow[], o: EligibilitySummaryOptions): ExcelJS.Workbook {
  const wb = new Excel.Workbook();
  wb.creator = 'gongshu';
  const ws = wb.addWorksheet(o.sheetName, {
    pageSetup: { ...a4PageSetup('landscape'), printTitlesRow: '3:3' },
    headerFooter: { oddFooter: PAGE_FOOTER },
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
  });
  const fixed = [o.headers.id, o.headers.studio, o.headers.unit, o.headers.lead, o.headers.idNumber];
  const headers = [...fixed, ...o.ruleColumns.map((r) => r.title), o.headers.eligibility, o.headers.messages];
  const lastCol = headers.length;

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = o.title;
  title.font = { name: FONT_BODY, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = o.generatedNote;
  ws.getCell(2, 1).font = { name: FONT_BODY, size: 9, color: { argb: 'FF555555' } };

  const head = ws.getRow(3);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.fill = LABEL_FILL;
    c.border = THIN_BORDER;
    c.font = { name: FONT_BODY, size: 10, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 42;

  rows.forEach((r, index) => {
    const row = ws.getRow(4 + index);
    // Submitted text is never written as something a spreadsheet would run, and without --full never shows
    // a full ID or mobile number, wherever a unit typed one (a phone in the unit name, an ID in a file name).
    const text = (s: string): string => safeText(o.full ? s : maskPersonalNumbers(s));
    const messages = r.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.cell ? `[${f.cell}] ` : ''}${f.message}`)
      .join('\n');
    const values: (string | number)[] = [
      r.id,
      text(r.studioName),
      text(r.unitName),
      text(r.leadName),
      o.full ? safeText(r.idNumber) : safeText(maskIdNumber(r.idNumber)),
      ...o.ruleColumns.map((c) => o.marks[r.outcomes[c.code] ?? 'pass']),
      r.eligibility,
      text(messages),
    ];
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = THIN_BORDER;
      c.font = { name: FONT_BODY, size: 10 };
      c.alignment = { vertical: 'top', horizontal: i >= fixed.length && i < lastCol - 1 ? 'center' : 'left', wrapText: true };
    });
    o.ruleColumns.forEach((col, i) => {
      const outcome = r.outcomes[col.code];
      const cell = row.getCell(fixed.length + 1 + i);
      if (outcome === 'fail') cell.fill = ERROR_FILL;
      else if (outcome === 'warning') cell.fill = WARNING_FILL;
    });
    if (r.findings.some((f) => f.severity === 'error')) row.getCell(lastCol - 1).fill = ERROR_FILL;
  });

  const widths = [6, 26, 24, 9, 20, ...o.ruleColumns.map(() => 6), 8, 60];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup.printArea = `A1:${ws.getColumn(lastCol).letter}${Math.max(4, 3 + rows.length)}`;
  return wb;
}
