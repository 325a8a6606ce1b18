/**
 * How an exported list prints on A4, in Excel, WPS or LibreOffice (→ PDF): body text at least 五号 (10.5 pt)
 * because the columns fit the printable width at 100 % (fit-to-width is kept only as a safety net and never
 * has to shrink), rows tall enough for their wrapped text, header rows repeated on every page, page numbers,
 * and the 落款 — the bureau's name and the date — with signature lines where a person signs.
 *
 * Widths are Excel column widths. Renderers turn them into pixels differently: Excel about 7 px a unit plus a
 * little padding (Calibri 11), LibreOffice 7.4 px a unit (5.55 pt, measured with Carlito). A layout is
 * planned with the wider of the two, so it fits the page in both.
 */
import type ExcelJS from 'exceljs';
import { a4PageSetup, FONT_BODY, wrappedRowHeight, type Orientation } from './styles.js';

/** 五号: the smallest body text of a printed list. */
export const MIN_BODY_PT = 10.5;

export type { Orientation };

export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;

const PAGE_INCHES: Record<Orientation, { width: number; height: number }> = {
  portrait: { width: 8.27, height: 11.69 },
  landscape: { width: 11.69, height: 8.27 },
};

/** Pixels (96 dpi) of the page between the left and right margins. */
export function printableWidthPx(orientation: Orientation): number {
  return Math.floor((PAGE_INCHES[orientation].width - PRINT_MARGINS.left - PRINT_MARGINS.right) * 96);
}

/** Points of the page between the top and bottom margins. */
export function printableHeightPt(orientation: Orientation): number {
  return (PAGE_INCHES[orientation].height - PRINT_MARGINS.top - PRINT_MARGINS.bottom) * 72;
}

/** Pixels a column of Excel width `width` takes at most: in Excel (7w + 5) or in LibreOffice (7.4w). */
export function columnPx(width: number): number {
  return Math.ceil(Math.max(width * 7 + 5, width * 7.4));
}

export function tableWidthPx(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + columnPx(w), 0);
}

/** The columns print at 100 % on one page width. */
export function fitsPageWidth(widths: readonly number[], orientation: Orientation): boolean {
  return tableWidthPx(widths) <= printableWidthPx(orientation);
}

/**
 * A4, centred, the header rows repeated on every page. Fit-to-width stays on as a safety net: with columns
 * that fit (fitsPageWidth, checked by the writers' tests) it prints at 100 %.
 */
export function listPageSetup(orientation: Orientation, printTitlesRow: string): Partial<ExcelJS.PageSetup> {
  return { ...a4PageSetup(orientation), margins: { ...PRINT_MARGINS }, printTitlesRow };
}

/** 第 N 页 共 M 页, 11 pt. */
export const LIST_FOOTER = '&C&"宋体"&11第 &P 页 共 &N 页';

/** `2026-06-01` → 2026年6月1日, as a 落款 date is written (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface SignOff {
  /** 杭州市拱墅区人力资源和社会保障局 */
  bureau: string;
  /** `YYYY-MM-DD`, printed as 2026年6月1日. */
  date: string;
}

/**
 * The end of a list: an empty row, then the lines people sign (经办人：____ …), then the bureau's name and
 * the date, right-aligned over the right half of the table. Returns the last row written.
 */
export function writeSignOff(
  sheet: ExcelJS.Worksheet,
  afterRow: number,
  widths: readonly number[],
  signOff: SignOff,
  options: { font?: string; size?: number; signatureLine?: string } = {},
): number {
  const lastCol = widths.length;
  const font = { name: options.font ?? FONT_BODY, size: options.size ?? 12 };
  let row = afterRow + 1;
  const line = (text: string, horizontal: 'left' | 'right', minHeight: number): void => {
    row += 1;
    sheet.mergeCells(row, 1, row, lastCol);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'bottom', wrapText: true };
    const total = widths.reduce((a, b) => a + b, 0);
    sheet.getRow(row).height = wrappedRowHeight([{ text, width: total }], font.size, minHeight);
  };
  if (options.signatureLine) line(options.signatureLine, 'left', 40);
  line(signOff.bureau, 'right', 30);
  line(chineseDate(signOff.date), 'right', 22);
  return row;
}
