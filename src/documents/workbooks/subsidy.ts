/**
 * 补助发放名单: the one-off subsidy (奖励措施 1, ¥20,000 by default) of each certified studio, whether and when
 * it was paid, and a 合计 row. The total is a number computed here, not a formula: a list handed to the
 * finance office must show the same figure in every program, with or without recalculation.
 */
import type ExcelJS from 'exceljs';
import { officialText } from '../../messages/export.js';
import { fitsPageWidth, LIST_FOOTER, listPageSetup, writeSignOff, type SignOff } from '../print.js';
import { footerWithWitness } from './witness.js';
import { FONT_HEADING, FONT_OFFICIAL_BODY, safeText, THIN_BORDER, wrappedRowHeight, writeOfficialHeading } from '../styles.js';

type ExcelModule = typeof import('exceljs');

export interface SubsidyRow {
  /** 铭牌编号 GS-2026-001 (a studio certified by gongshu always has one). */
  plaque: string | null;
  studioName: string;
  unitName: string;
  leadName: string;
  /** Yuan. */
  amount: number;
  /** `YYYY-MM-DD` of the payment, or null when not paid yet. */
  paidOn: string | null;
}

export interface SubsidyWorkbookInput {
  year: number;
  rows: readonly SubsidyRow[];
  /** The 落款 under the 经办人 / 审核人 / 负责人 lines. */
  signOff: SignOff;
  /** The audit log's head for the page footer (witness.ts); none on a list without one. */
  witness?: string;
}

const TITLE_SIZE = 22;
/** 小四: seven columns on A4 portrait at 100 %. */
const BODY_SIZE = 12;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;
export const AMOUNT_FORMAT = '#,##0';
const AMOUNT_FORMAT_CENTS = '#,##0.00';

/** Sum in fen so that 0.1 + 0.2 yuan stays 0.3. */
export function subsidyTotal(rows: readonly Pick<SubsidyRow, 'amount'>[]): number {
  return rows.reduce((fen, r) => fen + Math.round(r.amount * 100), 0) / 100;
}

export function paymentStatusText(paidOn: string | null): string {
  return paidOn ? officialText('export.subsidy.paid', { date: paidOn }) : officialText('export.subsidy.unpaid');
}

export function buildSubsidyWorkbook(excel: ExcelModule, input: SubsidyWorkbookInput): ExcelJS.Workbook {
  const columns = [
    // Fits A4 portrait at 100 % (print.ts); 发放状态 wraps the date under 已发放.
    { header: officialText('export.col.serial'), width: 5 },
    { header: officialText('export.col.plaque'), width: 15 },
    { header: officialText('export.col.studio'), width: 21 },
    { header: officialText('export.col.unit'), width: 19 },
    { header: officialText('export.col.lead'), width: 7 },
    { header: officialText('export.col.amount'), width: 10 },
    { header: officialText('export.col.payment'), width: 14 },
  ];
  if (!fitsPageWidth(columns.map((c) => c.width), 'portrait')) throw new RangeError('subsidy columns wider than the page');
  const amountCol = 6;
  // Whole yuan is the normal case; show fen only when an amount has them, rather than hide them.
  const amountFormat = input.rows.every((r) => Number.isInteger(r.amount)) ? AMOUNT_FORMAT : AMOUNT_FORMAT_CENTS;

  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(officialText('export.subsidy.sheet'), {
    pageSetup: listPageSetup('portrait', `${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: footerWithWitness(LIST_FOOTER, input.witness) },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  writeOfficialHeading(sheet, columns, officialText('export.subsidy.title', { year: input.year }), {
    headerRow: HEADER_ROW,
    titleSize: TITLE_SIZE,
    bodySize: BODY_SIZE,
    minTitleHeight: 44,
  });

  const bodyCell = (cell: ExcelJS.Cell, value: string | number, align: 'center' | 'left' | 'right' = 'center'): void => {
    cell.value = value;
    cell.font = { name: FONT_OFFICIAL_BODY, size: BODY_SIZE };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  };

  input.rows.forEach((r, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    const values: (string | number)[] = [index + 1, safeText(r.plaque ?? ''), safeText(r.studioName), safeText(r.unitName), safeText(r.leadName), r.amount, paymentStatusText(r.paidOn)];
    values.forEach((v, i) => bodyCell(row.getCell(i + 1), v, i + 1 === amountCol ? 'right' : 'center'));
    row.getCell(amountCol).numFmt = amountFormat;
    row.height = wrappedRowHeight(values.map((v, i) => ({ text: String(v), width: columns[i]!.width })), BODY_SIZE, 28);
  });

  const totalRow = FIRST_DATA_ROW + input.rows.length;
  const row = sheet.getRow(totalRow);
  for (let c = 1; c <= columns.length; c++) bodyCell(row.getCell(c), '');
  sheet.mergeCells(totalRow, 1, totalRow, amountCol - 1);
  bodyCell(row.getCell(1), officialText('export.subsidy.total'));
  row.getCell(1).font = { name: FONT_HEADING, size: BODY_SIZE };
  bodyCell(row.getCell(amountCol), subsidyTotal(input.rows), 'right');
  row.getCell(amountCol).numFmt = amountFormat;
  // Not bold: in bold the 合计 of five studios (100,000) no longer fits the column and prints as ###.
  row.getCell(amountCol).font = { name: FONT_OFFICIAL_BODY, size: BODY_SIZE };
  const paid = input.rows.filter((r) => r.paidOn).length;
  const note = officialText('export.subsidy.totalNote', { paid, unpaid: input.rows.length - paid });
  bodyCell(row.getCell(amountCol + 1), note);
  row.height = wrappedRowHeight([{ text: note, width: columns[amountCol]!.width }], BODY_SIZE, 28);

  const last = writeSignOff(sheet, totalRow, columns.map((c) => c.width), input.signOff, {
    font: FONT_OFFICIAL_BODY,
    size: BODY_SIZE,
    signatureLine: officialText('export.subsidy.signatures'),
  });
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(columns.length).letter}${last}`;
  return workbook;
}
