/**
 * The 拟认定名单 in official form: title in 方正小标宋简体 22 pt (LibreOffice and machines without the font
 * fall back to a Song face), 黑体 headings, 仿宋_GB2312 body, borders, the header row repeated on every
 * page, A4 portrait one page wide, footer "第 N 页 共 M 页".
 *
 * Privacy by construction (个人信息保护法 art. 25): the public row type has no field for ID numbers,
 * phones, birth dates or scores, and the writer reads only the named fields, so an object carrying more
 * cannot leak it. The internal version (for the committee) adds the review score and the eligibility
 * findings, says 内部资料 in its title and page header, and is printed landscape for the long findings.
 */
import type ExcelJS from 'exceljs';
import { officialText } from '../../messages/export.js';
import {
  a4PageSetup, FONT_HEADING, FONT_OFFICIAL_BODY, PAGE_FOOTER, safeText, THIN_BORDER, wrappedRowHeight, writeOfficialHeading } from './styles.js';

type ExcelModule = typeof import('exceljs');

export interface ShortlistRow {
  studioName: string;
  leadName: string;
  occupation: string;
  unitName: string;
}

export interface InternalShortlistRow extends ShortlistRow {
  /** Aggregate review score, 2 decimals. */
  score: number | null;
  /** Readable eligibility findings (already masked by the caller if they quote personal numbers). */
  findings: readonly string[];
}

export type ShortlistWorkbookInput =
  | { year: number; rows: readonly ShortlistRow[]; internal?: false }
  | {
      year: number;
      rows: readonly InternalShortlistRow[];
      internal: true;
      /** Printed under the table: the ranking rule (shortlistRuleText()). */
      note?: string;
    };

export const SHORTLIST_TITLE_SIZE = 22;
export const SHORTLIST_BODY_SIZE = 14;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;

interface Column {
  header: string;
  width: number;
  align: 'center' | 'left';
  numFmt?: string;
}

function publicColumns(): Column[] {
  // About 98 width units: one A4 portrait page at 0.5" margins, names of 12 characters on one line.
  return [
    { header: officialText('export.col.serial'), width: 7, align: 'center' },
    { header: officialText('export.col.studio'), width: 34, align: 'center' },
    { header: officialText('export.col.lead'), width: 11, align: 'center' },
    { header: officialText('export.col.occupation'), width: 16, align: 'center' },
    { header: officialText('export.col.unit'), width: 30, align: 'center' },
  ];
}

function internalColumns(): Column[] {
  return [
    ...publicColumns(),
    { header: officialText('export.col.score'), width: 11, align: 'center', numFmt: '0.00' },
    { header: officialText('export.col.findings'), width: 44, align: 'left' },
  ];
}

/** The five public values of a row, read field by field so nothing else can slip in. */
function publicValues(row: ShortlistRow, serial: number): (string | number)[] {
  return [serial, safeText(row.studioName), safeText(row.leadName), safeText(row.occupation), safeText(row.unitName)];
}

function internalValues(row: InternalShortlistRow, serial: number): (string | number | null)[] {
  return [...publicValues(row, serial), row.score, safeText(row.findings.join('\n'))];
}

export function buildShortlistWorkbook(excel: ExcelModule, input: ShortlistWorkbookInput): ExcelJS.Workbook {
  const internal = input.internal === true;
  const columns = internal ? internalColumns() : publicColumns();
  const workbook = new excel.Workbook();
  workbook.creator = 'gongshu';
  const sheet = workbook.addWorksheet(officialText('export.shortlist.sheet'), {
    pageSetup: { ...a4PageSetup(internal ? 'landscape' : 'portrait'), printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: internal
      ? { oddHeader: `&R${officialText('export.shortlist.internalHeader')}`, oddFooter: PAGE_FOOTER }
      : { oddFooter: PAGE_FOOTER },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  writeOfficialHeading(sheet, columns, officialText(internal ? 'export.shortlist.titleInternal' : 'export.shortlist.title', { year: input.year }), {
    headerRow: HEADER_ROW,
    titleSize: SHORTLIST_TITLE_SIZE,
    bodySize: SHORTLIST_BODY_SIZE,
    minTitleHeight: 48,
  });

  const rows: (string | number | null)[][] = internal
    ? (input.rows as readonly InternalShortlistRow[]).map((r, i) => internalValues(r, i + 1))
    : input.rows.map((r, i) => publicValues(r, i + 1));
  rows.forEach((values, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    values.forEach((value, i) => {
      const column = columns[i]!;
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = { name: FONT_OFFICIAL_BODY, size: SHORTLIST_BODY_SIZE };
      cell.alignment = { horizontal: column.align, vertical: 'middle', wrapText: true };
      cell.border = THIN_BORDER;
      if (column.numFmt) cell.numFmt = column.numFmt;
    });
    row.height = wrappedRowHeight(
      values.map((v, i) => ({ text: v === null ? '' : String(v), width: columns[i]!.width })),
      SHORTLIST_BODY_SIZE,
      28,
    );
  });

  let lastRow = FIRST_DATA_ROW + rows.length - 1;
  if (input.internal === true && input.note) {
    lastRow += 2;
    sheet.mergeCells(lastRow, 1, lastRow, columns.length);
    const note = sheet.getCell(lastRow, 1);
    note.value = input.note;
    note.font = { name: FONT_OFFICIAL_BODY, size: 12 };
    note.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(lastRow).height = wrappedRowHeight([{ text: input.note, width: totalWidth }], 12);
  }
  const lastColumn = sheet.getColumn(columns.length).letter;
  sheet.pageSetup.printArea = `A1:${lastColumn}${Math.max(lastRow, HEADER_ROW)}`;
  return workbook;
}
