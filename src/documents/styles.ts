/** Shared look of every workbook gongshu writes: A4, thin borders, shaded locked labels, Chinese fonts. */
import { guardText } from '../core/text.js';
import type ExcelJS from 'exceljs';

export const FONT_BODY = '宋体';
export const FONT_TITLE = '方正小标宋简体';
export const FONT_OFFICIAL_BODY = '仿宋_GB2312';

export const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
export const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } };
export const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3CD' } };

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export type Orientation = 'portrait' | 'landscape';

/** A4, fit to one page wide, as many pages tall as needed. */
export function a4PageSetup(orientation: Orientation): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Page footer "第 N 页 共 M 页". */
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

export function styleLabel(cell: ExcelJS.Cell): void {
  cell.fill = LABEL_FILL;
  cell.border = THIN_BORDER;
  cell.font = { name: FONT_BODY, size: 11, bold: true };
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  cell.protection = { locked: true };
}

export function styleInput(cell: ExcelJS.Cell, align: 'left' | 'center' = 'left'): void {
  cell.border = THIN_BORDER;
  cell.font = { name: FONT_BODY, size: 11 };
  cell.alignment = { vertical: align === 'left' ? 'top' : 'middle', horizontal: align, wrapText: true };
  cell.protection = { locked: false };
}

/**
 * Text from a submitted workbook that a spreadsheet would read as a formula (= + - @, full-width forms,
 * tab, CR) gets a leading apostrophe, shown as text. In .xlsx the cell is a string either way; the
 * apostrophe keeps it one when a clerk edits the cell and presses Enter, or copies it into a CSV.
 * Never build formula or hyperlink objects from submitted text (test/hostile/formula-injection.test.ts).
 */
export function safeText(value: string): string {
  return guardText(value);
}

/** Heading font of official lists (公文 convention: 小标宋 title, 黑体 headings, 仿宋 body). */
export const FONT_HEADING = '黑体';

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2014\u2026]/u;

/** Ems of one character: a Chinese character or full-width sign (、。（）“”…) is one, anything else about half. */
function ems(ch: string): number {
  // Digits and Latin letters of 宋体 are half an em; Carlito's (LibreOffice's Calibri) about 0.5.
  return WIDE.test(ch) ? 1 : 0.51;
}

/**
 * Width of a text in Excel column-width units at `fontSize` points: a Chinese or full-width character is
 * about one em, other characters about half. Excel and LibreOffice do not grow row heights for wrapped
 * text that was written by a program, so writers size rows themselves from this estimate.
 */
export function textWidthUnits(text: string, fontSize: number): number {
  let total = 0;
  for (const ch of text) total += ems(ch);
  // One column unit is the width of '0' in the 11 pt default font, about 7 px; 1 pt = 4/3 px.
  return (total * fontSize * 4) / 3 / 7;
}

/** Punctuation that may not begin a line (禁则): it is carried with the character before it. */
const NO_LINE_START = /[，。、；：！？）》」』”’%,.;:!?)\]]/u;

/**
 * The pieces a line may break between: a Chinese character (with the punctuation that must follow it on the
 * same line), a run of Latin letters, digits and signs (never broken, as spreadsheets wrap at words), a space.
 */
function breakUnits(paragraph: string): string[] {
  const units: string[] = [];
  for (const ch of paragraph) {
    const last = units.length - 1;
    const prev = units[last];
    if (prev !== undefined && NO_LINE_START.test(ch)) units[last] = prev + ch;
    else if (prev !== undefined && ch !== ' ' && !WIDE.test(ch) && !/[\s]/u.test(prev.at(-1)!) && !WIDE.test(prev.at(-1)!)) units[last] = prev + ch;
    else units.push(ch);
  }
  return units;
}

/**
 * Lines a text takes when wrapped in a column `width` units wide, filled piece by piece as a spreadsheet
 * fills it (a column is 7 × width + 5 px, less a few px of padding; a line break starts a line): Latin words
 * are not broken, and a closing mark never begins a line.
 */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const em = (fontSize * 4) / 3;
  // LibreOffice fits about 6 % less Chinese text in a column than its width suggests.
  const usable = Math.max(em, (width * 7 + 5 - 8) * 0.94);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let x = 0;
    for (const unit of breakUnits(paragraph)) {
      let w = 0;
      for (const ch of unit) w += ems(ch) * em;
      if (x > 0 && x + w > usable) {
        lines += 1;
        x = 0;
      }
      if (w > usable) {
        // A word longer than the column is broken wherever the column ends.
        lines += Math.floor(w / usable);
        x = w % usable;
      } else x += w;
    }
  }
  return lines;
}

/** Row height in points so that every cell's text fits when wrapped in its column (width in column units). */
export function wrappedRowHeight(cells: readonly { text: string; width: number }[], fontSize: number, minHeight = 0): number {
  let lines = 1;
  for (const { text, width } of cells) lines = Math.max(lines, wrappedLines(text, width, fontSize));
  // A line of Chinese takes about 1.45 times the point size in LibreOffice (Noto CJK, measured in its PDFs)
  // and about 1.3 in Excel and WPS (宋体); the row is sized for the taller, with a few points of padding.
  return Math.max(minHeight, Math.ceil(lines * fontSize * 1.45 + 4));
}

export interface OfficialColumn {
  header: string;
  width: number;
}

/**
 * Column widths, a merged title in row 1 and a bordered header row, as on every official list
 * (拟认定名单, 补助发放名单). Row heights are computed because Excel does not grow rows a program wrote.
 */
export function writeOfficialHeading(
  sheet: ExcelJS.Worksheet,
  columns: readonly OfficialColumn[],
  titleText: string,
  o: { headerRow: number; titleSize: number; bodySize: number; minTitleHeight: number },
): void {
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  const totalWidth = columns.reduce((s, c) => s + c.width, 0);
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = titleText;
  title.font = { name: FONT_TITLE, size: o.titleSize };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = wrappedRowHeight([{ text: titleText, width: totalWidth }], o.titleSize, o.minTitleHeight);

  const header = sheet.getRow(o.headerRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT_HEADING, size: o.bodySize };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });
  header.height = wrappedRowHeight(columns.map((c) => ({ text: c.header, width: c.width })), o.bodySize, 30);
}

/**
 * A label that does not fit its column on one line, with its closing bracketed part (（30分）, （1000字以内）,
 * （工种）) moved to a line of its own, so the cell wraps before the bracket and never inside it; and a short
 * label that just overflows split into two even lines (是否配 / 备场地, never 是否配备场 / 地). Unchanged when it
 * fits or has a line break already. Readers ignore the line break.
 */
export function breakBeforeBracket(text: string, width: number, fontSize: number): string {
  if (text.includes('\n') || wrappedLines(text, width, fontSize) <= 1) return text;
  const at = text.search(/[（(][^（()）]*[)）][：:]?$/u);
  const [head, bracket] = at > 0 ? [text.slice(0, at), text.slice(at)] : [text, ''];
  const lines = [...evenLines(head, width, fontSize), ...(bracket ? [bracket] : [])];
  return lines.join('\n');
}

/**
 * A short run of Chinese characters that just overflows its line (by one or two characters, as the estimate
 * counts) as two even lines: the estimate is a little cautious, and where a renderer fits one character more
 * the natural wrap would leave one alone (是否配备场 / 地). Longer runs wrap as they fall.
 */
function evenLines(text: string, width: number, fontSize: number): string[] {
  const chars = [...text];
  if (!/^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+$/u.test(text) || wrappedLines(text, width, fontSize) <= 1) return [text];
  let perLine = 1;
  while (perLine < chars.length && wrappedLines(chars.slice(0, perLine + 1).join(''), width, fontSize) === 1) perLine += 1;
  if (chars.length > perLine + 2) return [text];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half).join('')];
}
