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
import type { FieldCorrection, WaivableFinding } from '../../core/finding.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { withoutCommandHints } from '../../messages/command-text.js';
import { correctionLine, officialText, waiverWhy } from '../../messages/export.js';
import { fitsPageWidth, LIST_FOOTER, listPageSetup, writeSignOff, type Orientation, type SignOff } from '../print.js';
import { footerWithWitness } from './witness.js';
import { FONT_OFFICIAL_BODY, safeText, THIN_BORDER, wrappedRowHeight, writeOfficialHeading } from '../styles.js';

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
  /** The application's eligibility findings with their waivers (info findings are left out, numbers masked here). */
  findings: readonly WaivableFinding[];
  /** The clerk's corrections the application carries (已更正 lines). */
  corrections?: readonly FieldCorrection[];
  /** The committee's reason when it put the application on the list by hand. */
  addedBy?: string;
  /** Lines said first (有待处理的新版本: a newer form not in effect). */
  notes?: readonly string[];
}

export type ShortlistWorkbookInput =
  | { year: number; rows: readonly ShortlistRow[]; internal?: false; signOff: SignOff }
  | {
      year: number;
      rows: readonly InternalShortlistRow[];
      internal: true;
      /** Printed under the table: the ranking rule (shortlistRuleText()). */
      note?: string;
      signOff: SignOff;
      /** The audit log's head for the page footer (witness.ts). */
      witness?: string;
    };

export const SHORTLIST_TITLE_SIZE = 22;
/** 四号 on the public list; the internal one, landscape with long remarks, uses 小四. */
export const SHORTLIST_BODY_SIZE = 14;
export const INTERNAL_BODY_SIZE = 12;
const HEADER_ROW = 2;
const FIRST_DATA_ROW = 3;

interface Column {
  header: string;
  width: number;
  align: 'center' | 'left';
  numFmt?: string;
}

function publicColumns(): Column[] {
  // Fits A4 portrait at 100 % (print.ts), names of 10 characters a line at 14 pt.
  return [
    { header: officialText('export.col.serial'), width: 6, align: 'center' },
    { header: officialText('export.col.studio'), width: 30, align: 'center' },
    { header: officialText('export.col.lead'), width: 10, align: 'center' },
    { header: officialText('export.col.occupation'), width: 17, align: 'center' },
    { header: officialText('export.col.unit'), width: 28, align: 'center' },
  ];
}

function internalColumns(): Column[] {
  // Fits A4 landscape at 100 % (print.ts).(1,026 px between the margins) at 12 pt.
  return [
    { header: officialText('export.col.serial'), width: 5, align: 'center' },
    { header: officialText('export.col.studio'), width: 24, align: 'center' },
    { header: officialText('export.col.lead'), width: 9, align: 'center' },
    { header: officialText('export.col.occupation'), width: 14, align: 'center' },
    { header: officialText('export.col.unit'), width: 22, align: 'center' },
    { header: officialText('export.col.score'), width: 8, align: 'center', numFmt: '0.00' },
    { header: officialText('export.col.remarks'), width: 55, align: 'left' },
  ];
}

export function shortlistColumnWidths(internal: boolean): { widths: number[]; orientation: Orientation } {
  return { widths: (internal ? internalColumns() : publicColumns()).map((c) => c.width), orientation: internal ? 'landscape' : 'portrait' };
}

/** The five public values of a row, read field by field so nothing else can slip in. */
function publicValues(row: ShortlistRow, serial: number): (string | number)[] {
  return [serial, safeText(row.studioName), safeText(row.leadName), safeText(row.occupation), safeText(row.unitName)];
}

/**
 * 说明 of the internal list: the committee's addition with its reason, then each finding with its level,
 * a waived error as 已豁免 and an acknowledged warning as 已确认, each with reason and day, then each corrected field
 * as 已更正 (old → new, reason, day). No command-line hints, no full personal numbers.
 */
export function internalRemarks(row: InternalShortlistRow): string[] {
  const lines: string[] = [...(row.notes ?? [])];
  if (row.addedBy !== undefined) lines.push(officialText('export.shortlist.addedBy', { reason: row.addedBy }));
  for (const f of row.findings) {
    if (f.severity === 'info') continue;
    const message = withoutCommandHints(f.message);
    if (f.overridden) lines.push(officialText(f.severity === 'error' ? 'export.shortlist.waived' : 'export.shortlist.acknowledged', { message, why: waiverWhy(f) }));
    else lines.push(officialText(f.severity === 'error' ? 'export.shortlist.error' : 'export.shortlist.warning', { message }));
  }
  for (const c of row.corrections ?? []) lines.push(correctionLine(c));
  return lines.map(maskPersonalNumbers);
}

function internalValues(row: InternalShortlistRow, serial: number): (string | number | null)[] {
  return [...publicValues(row, serial), row.score, safeText(internalRemarks(row).join('\n'))];
}

export function buildShortlistWorkbook(excel: ExcelModule, input: ShortlistWorkbookInput): ExcelJS.Workbook {
  const internal = input.internal === true;
  const columns = internal ? internalColumns() : publicColumns();
  const bodySize = internal ? INTERNAL_BODY_SIZE : SHORTLIST_BODY_SIZE;
  const { orientation } = shortlistColumnWidths(internal);
  if (!fitsPageWidth(columns.map((c) => c.width), orientation)) throw new RangeError('shortlist columns wider than the page');
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(officialText('export.shortlist.sheet'), {
    pageSetup: listPageSetup(orientation, `${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: internal ? { oddHeader: `&R&11${officialText('export.shortlist.internalHeader')}`, oddFooter: footerWithWitness(LIST_FOOTER, input.internal ? input.witness : undefined) } : { oddFooter: LIST_FOOTER },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  writeOfficialHeading(sheet, columns, officialText(internal ? 'export.shortlist.titleInternal' : 'export.shortlist.title', { year: input.year }), {
    headerRow: HEADER_ROW,
    titleSize: SHORTLIST_TITLE_SIZE,
    bodySize,
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
      cell.font = { name: FONT_OFFICIAL_BODY, size: bodySize };
      cell.alignment = { horizontal: column.align, vertical: 'middle', wrapText: true };
      cell.border = THIN_BORDER;
      if (column.numFmt) cell.numFmt = column.numFmt;
    });
    row.height = wrappedRowHeight(
      values.map((v, i) => ({ text: v === null ? '' : String(v), width: columns[i]!.width })),
      bodySize,
      28,
    );
  });

  let lastRow = FIRST_DATA_ROW + rows.length - 1;
  if (input.internal === true && input.note) {
    lastRow += 2;
    sheet.mergeCells(lastRow, 1, lastRow, columns.length);
    const note = sheet.getCell(lastRow, 1);
    note.value = input.note;
    note.font = { name: FONT_OFFICIAL_BODY, size: bodySize };
    note.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(lastRow).height = wrappedRowHeight([{ text: input.note, width: totalWidth }], bodySize);
  }
  lastRow = writeSignOff(sheet, Math.max(lastRow, HEADER_ROW), columns.map((c) => c.width), input.signOff, { font: FONT_OFFICIAL_BODY, size: bodySize });
  const lastColumn = sheet.getColumn(columns.length).letter;
  sheet.pageSetup.printArea = `A1:${lastColumn}${lastRow}`;
  return workbook;
}
