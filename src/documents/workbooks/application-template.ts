/**
 * The blank, fillable application form (附件1 拱墅区技能大师工作室申报表), drawn from the layout table.
 * exceljs is passed in because loading it costs ~200 ms: only commands that write workbooks pay for it.
 */
import type ExcelJS from 'exceljs';
import {
  APPLICATION_TEMPLATE_LAYOUT,
  BLANK_YEAR,
  CHOICE_LISTS,
  type ChoiceListName,
  type InputHint,
  type LayoutCell,
  type ListStrictness,
  type SheetLayout,
} from './application-layout.js';
import { officialText } from '../../messages/export.js';
import { a4PageSetup, FONT_BODY, FONT_TITLE, PAGE_FOOTER, styleInput, styleLabel, THIN_BORDER } from '../styles.js';

type ExcelModule = typeof import('exceljs');

/** exceljs supports data validations but leaves them out of its TypeScript types. */
interface DataValidationRule {
  type: 'list' | 'any' | 'whole' | 'decimal' | 'date' | 'textLength' | 'custom';
  formulae?: string[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: ListStrictness;
  errorTitle?: string;
  error?: string;
}

interface WithDataValidations {
  dataValidations: { add(range: string, rule: DataValidationRule): void };
}

/** Excel refuses an inline list longer than this; longer lists are referenced from a hidden sheet. */
export const INLINE_LIST_LIMIT = 255;
export const LIST_SHEET_NAME = officialText('export.template.listSheet');

const TEXT_FORMAT = '@';
const DIGITS = '〇一二三四五六七八九';

/** 2026 → 二〇二六, the way a year is written on an official cover (GB/T 9704: 〇, not 零). */
export function yearInChinese(year: number): string {
  return String(year).replace(/\d/gu, (d) => DIGITS[Number(d)]!);
}

/** The cover's date line for a round year, or with a blank year so the file fits every round. */
export function coverDateText(template: string, year: number | null): string {
  return template.replace('{year}', year === null ? BLANK_YEAR : yearInChinese(year));
}

export interface ApplicationTemplateOptions {
  /** Round year shown on the cover (二〇二六年 月); null leaves it blank. */
  year: number | null;
}

export function buildApplicationTemplate(excel: ExcelModule, opts: ApplicationTemplateOptions): ExcelJS.Workbook {
  const workbook = new excel.Workbook();
  const lists = new ListFormulae(workbook);
  const { cover, form } = APPLICATION_TEMPLATE_LAYOUT;
  drawSheet(workbook, cover, lists, opts.year);
  const formSheet = drawSheet(workbook, form, lists, opts.year);
  drawMemberTable(formSheet, form, lists);
  return workbook;
}

function drawSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, lists: ListFormulae, year: number | null): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.name, {
    pageSetup: { ...a4PageSetup('portrait'), printArea: layout.printArea },
    headerFooter: { oddFooter: PAGE_FOOTER },
    views: [{ showGridLines: false }],
  });
  layout.widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const row of layout.rows) {
    sheet.getRow(row.row).height = row.height;
    for (const cell of row.cells) drawCell(sheet, row.row, cell, lists, year);
    if (row.pageBreakAfter) sheet.getRow(row.row).addPageBreak();
  }
  protectWithoutPassword(sheet);
  return sheet;
}

/**
 * Protected without a password: applicants cannot overwrite labels by accident, and a clerk who needs
 * to change the form can still unprotect it (审阅 → 撤销工作表保护). exceljs only hashes when a password
 * is given, so this costs nothing. Rows may be resized, inserted and (when wholly unlocked) deleted
 * because long texts and larger teams need room.
 */
function protectWithoutPassword(sheet: ExcelJS.Worksheet): void {
  void sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: true,
    insertRows: true,
    deleteRows: true,
  });
}

function rangeOf(row: number, cell: Pick<LayoutCell, 'cols' | 'rowSpan'>): { first: string; last: string; range: string } {
  const [from, to = from] = cell.cols.split(':') as [string, string?];
  const lastRow = row + (cell.rowSpan ?? 1) - 1;
  const first = `${from}${row}`;
  const last = `${to}${lastRow}`;
  return { first, last, range: first === last ? first : `${first}:${last}` };
}

/** Every address of a range: borders and the lock flag must be set on each cell of a merge to show. */
function eachCell(sheet: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [a, b = a] = range.split(':') as [string, string?];
  const from = sheet.getCell(a);
  const to = sheet.getCell(b);
  for (let r = Number(from.row); r <= Number(to.row); r++) {
    for (let c = Number(from.col); c <= Number(to.col); c++) fn(sheet.getCell(r, c));
  }
}

function drawCell(sheet: ExcelJS.Worksheet, row: number, spec: LayoutCell, lists: ListFormulae, year: number | null): void {
  const { first, range } = rangeOf(row, spec);
  if (range !== first) sheet.mergeCells(range);
  const master = sheet.getCell(first);
  switch (spec.kind) {
    case 'title':
      master.value = coverDateText(spec.text ?? '', year);
      master.font = { name: spec.fontSize && spec.fontSize >= 20 ? FONT_TITLE : FONT_BODY, size: spec.fontSize ?? 16, bold: true };
      master.alignment = { vertical: 'middle', horizontal: 'center' };
      break;
    case 'section':
      master.value = spec.text ?? '';
      eachCell(sheet, range, styleLabel);
      master.font = { name: FONT_BODY, size: 12, bold: true };
      master.alignment = { vertical: 'middle', horizontal: 'left', indent: 1 };
      break;
    case 'label':
      master.value = spec.text ?? '';
      eachCell(sheet, range, styleLabel);
      if (spec.fontSize) master.font = { name: FONT_BODY, size: spec.fontSize, bold: true };
      break;
    case 'note':
      master.value = spec.text ?? '';
      eachCell(sheet, range, (cell) => {
        if (!spec.noBorder) cell.border = THIN_BORDER;
        cell.protection = { locked: true };
      });
      master.font = { name: FONT_BODY, size: spec.fontSize ?? 11 };
      master.alignment = { vertical: 'middle', horizontal: spec.align ?? 'center', wrapText: true };
      break;
    case 'input':
      eachCell(sheet, range, (cell) => {
        styleInput(cell, spec.align === 'center' ? 'center' : 'left');
        if (!spec.multiline) cell.alignment = { ...cell.alignment, vertical: 'middle' };
        if (spec.asText) cell.numFmt = TEXT_FORMAT;
      });
      if (spec.fontSize) master.font = { name: FONT_BODY, size: spec.fontSize };
      addValidation(sheet, first, lists, spec.list, spec.strictness, spec.hint);
      break;
  }
}

function drawMemberTable(sheet: ExcelJS.Worksheet, layout: SheetLayout, lists: ListFormulae): void {
  const table = layout.members;
  if (!table) return;
  sheet.getRow(table.headerRow).height = table.headerHeight;
  const lastRow = table.firstRow + table.rowCount - 1;
  for (const column of table.columns) {
    const header = sheet.getCell(`${column.col}${table.headerRow}`);
    header.value = column.header;
    styleLabel(header);
    for (let r = table.firstRow; r <= lastRow; r++) {
      const cell = sheet.getCell(`${column.col}${r}`);
      styleInput(cell, column.align ?? 'left');
    }
    addValidation(sheet, `${column.col}${table.firstRow}:${column.col}${lastRow}`, lists, column.list, column.strictness, column.hint);
  }
  for (let r = table.firstRow; r <= lastRow; r++) sheet.getRow(r).height = table.rowHeight;
}

const LIST_ERROR: Record<ListStrictness, string> = {
  stop: officialText('export.template.listError.stop'),
  warning: officialText('export.template.listError.warning'),
  information: officialText('export.template.listError.information'),
};

function addValidation(
  sheet: ExcelJS.Worksheet,
  range: string,
  lists: ListFormulae,
  list: ChoiceListName | undefined,
  strictness: ListStrictness | undefined,
  hint: InputHint | undefined,
): void {
  if (!list && !hint) return;
  const rule: DataValidationRule = list
    ? {
        type: 'list',
        allowBlank: true,
        formulae: [lists.formulaFor(list)],
        showErrorMessage: true,
        errorStyle: strictness ?? 'stop',
        errorTitle: officialText('export.template.listErrorTitle'),
        error: LIST_ERROR[strictness ?? 'stop'],
      }
    : { type: 'any', allowBlank: true };
  if (hint) Object.assign(rule, { showInputMessage: true, promptTitle: hint.title, prompt: hint.text });
  (sheet as unknown as WithDataValidations).dataValidations.add(range, rule);
}

/**
 * The formula of a list validation: inline ("男,女") when short enough, else a range on a hidden sheet
 * (created on first use) because Excel rejects inline lists over 255 characters.
 */
export class ListFormulae {
  private readonly ranges = new Map<string, string>();
  private listSheet: ExcelJS.Worksheet | undefined;

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  formulaFor(name: ChoiceListName): string {
    return this.formula(name, CHOICE_LISTS[name]);
  }

  formula(name: string, values: readonly string[]): string {
    const inline = values.join(',');
    if (inline.length <= INLINE_LIST_LIMIT) return `"${inline}"`;
    const known = this.ranges.get(name);
    if (known) return known;
    const sheet = this.ensureListSheet();
    const col = this.ranges.size + 1;
    sheet.getCell(1, col).value = name;
    values.forEach((v, i) => {
      sheet.getCell(i + 2, col).value = v;
    });
    const letter = sheet.getColumn(col).letter;
    const ref = `'${LIST_SHEET_NAME}'!$${letter}$2:$${letter}$${values.length + 1}`;
    this.ranges.set(name, ref);
    return ref;
  }

  private ensureListSheet(): ExcelJS.Worksheet {
    this.listSheet ??= this.workbook.addWorksheet(LIST_SHEET_NAME, { state: 'hidden' });
    return this.listSheet;
  }
}
