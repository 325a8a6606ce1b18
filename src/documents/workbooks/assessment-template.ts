/**
 * The blank 考核表 (附件2 拱墅区技能大师工作室考核表), generated from the rubric so a corrected rubric gives a
 * matching form. Layout as printed: basic information, the scoring table with vertically merged 考核项目
 * cells, the 一票否决项 row and 合计; gongshu adds a 相关数据 block (figures for checking deductions) and a
 * 是否触发 cell on the veto row. exceljs is passed in because loading it costs ~200 ms.
 */
import { NO_WORD, YES_WORD } from '../../core/assessment.js';
import type ExcelJS from 'exceljs';
import { loadRubric } from '../../core/rubric.js';
import type { Rubric } from '../../core/rubric.js';
import { msg } from '../../messages/index.js';
import type { MessageKey } from '../../messages/index.js';
import { assessmentLayout, ASSESSMENT_COLUMNS, BASIC_INFO_ROWS, BASIC_INFO_SPANS, cellRef, columnLetter } from './assessment-layout.js';
import type { AssessmentLayout, BasicInfoField, FigureCell } from './assessment-layout.js';
import { printableHeightPt, PRINT_MARGINS } from '../print.js';
import { a4PageSetup, breakBeforeBracket, FONT_BODY, FONT_TITLE, PAGE_FOOTER, styleInput, styleLabel, THIN_BORDER, wrappedRowHeight } from '../styles.js';

type ExcelModule = typeof import('exceljs');

export interface AssessmentTemplateOptions {
  /** Assessment year written in the 考核年度 cell; absent leaves it blank (the committed copy fits every round). */
  year?: number;
  /** Defaults to the seed rubric. */
  rubric?: Rubric;
}

/** exceljs supports data validations but leaves them out of its TypeScript types. */
interface DataValidationRule {
  type: 'list' | 'whole' | 'decimal';
  operator?: 'between' | 'greaterThanOrEqual';
  formulae: (string | number)[];
  allowBlank: boolean;
  showErrorMessage: boolean;
  errorStyle: 'stop';
  errorTitle: string;
  error: string;
}

interface WithDataValidations {
  dataValidations: { add(range: string, rule: DataValidationRule): void };
}

const YES_NO_LIST = `"${YES_WORD},${NO_WORD}"`;
const DISABLED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Every text of the form prints at 五号 or larger: the form is filled in and read on paper. */
const BODY_PT = 11;
const FIGURE_LABEL_FONT: Partial<ExcelJS.Font> = { name: FONT_BODY, size: BODY_PT, bold: false };

/**
 * Column widths: the printed form's seven columns, then (label, value) pairs for figures. Together they fit
 * A4 landscape at 100 % (1,021 of 1,026 px with three figure pairs, see print.ts), so nothing is shrunk; the
 * form runs over as many pages as its rows need, the header row repeated. 考核项目 is wide enough for
 * "（30分）" on a line of its own, 评估方式 / 自评分 / 考核分 (and 实地考察) print on one line.
 */
const WIDTHS = [12.5, 21, 24, 10, 5, 7.2, 7.2];
const FIGURE_WIDTHS = [11, 5];

const BASIC_INFO_LABELS: Record<BasicInfoField, MessageKey> = {
  studioName: 'assessTemplate.studioName',
  selectionYear: 'assessTemplate.selectionYear',
  leadName: 'assessTemplate.leadName',
  phone: 'assessTemplate.phone',
  subsidyDate: 'assessTemplate.subsidyDate',
  occupationAtSelection: 'assessTemplate.occupationAtSelection',
  skillLevelAtSelection: 'assessTemplate.skillLevelAtSelection',
  occupationNow: 'assessTemplate.occupationNow',
  skillLevelNow: 'assessTemplate.skillLevelNow',
};

export function buildAssessmentTemplate(excel: ExcelModule, opts: AssessmentTemplateOptions = {}): ExcelJS.Workbook {
  const rubric = opts.rubric ?? loadRubric();
  const layout = assessmentLayout(rubric);
  const workbook = new excel.Workbook();
  const last = columnLetter(layout.columnCount);
  const sheet = workbook.addWorksheet(layout.sheetName, {
    // At full size over several pages (a form shrunk to one page printed at about 7 pt).
    pageSetup: { ...a4PageSetup('landscape'), margins: { ...PRINT_MARGINS }, printArea: `A1:${last}${layout.signatureRow + 1}`, printTitlesRow: `${layout.headerRow}:${layout.headerRow}` },
    headerFooter: { oddFooter: PAGE_FOOTER },
    views: [{ showGridLines: false }],
  });
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (let c = ASSESSMENT_COLUMNS.firstFigure; c <= layout.columnCount; c++) {
    sheet.getColumn(c).width = FIGURE_WIDTHS[(c - ASSESSMENT_COLUMNS.firstFigure) % 2]!;
  }

  drawHeading(sheet, layout, rubric, opts.year);
  drawBasicInfo(sheet, layout);
  drawTableHeader(sheet, layout);
  drawItems(sheet, layout, rubric);
  drawVetoAndTotal(sheet, layout, rubric);
  drawSignature(sheet, layout);
  breakBetweenCategories(sheet, layout, rubric);
  protectWithoutPassword(sheet);
  return workbook;
}

// ---------------------------------------------------------------------------------------------

function merge(sheet: ExcelJS.Worksheet, range: string): void {
  if (range.includes(':') && range.split(':')[0] !== range.split(':')[1]) sheet.mergeCells(range);
}

/** Borders and the lock flag must be set on every cell of a merged range to show. */
function eachCell(sheet: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, fn: (cell: ExcelJS.Cell) => void): void {
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) fn(sheet.getCell(r, c));
}

function label(sheet: ExcelJS.Worksheet, row: number, col: number, text: string, toCol = col, toRow = row): ExcelJS.Cell {
  merge(sheet, `${cellRef(row, col)}:${cellRef(toRow, toCol)}`);
  eachCell(sheet, row, col, toRow, toCol, styleLabel);
  const cell = sheet.getCell(row, col);
  cell.value = text;
  return cell;
}

/** Locked text printed from the rubric (考核内容, 评分标准, …): bordered, not shaded, left aligned. */
function fixedText(sheet: ExcelJS.Worksheet, row: number, col: number, value: string | number, opts: { toRow?: number; toCol?: number; align?: 'left' | 'center' } = {}): void {
  const toRow = opts.toRow ?? row;
  const toCol = opts.toCol ?? col;
  merge(sheet, `${cellRef(row, col)}:${cellRef(toRow, toCol)}`);
  eachCell(sheet, row, col, toRow, toCol, (cell) => {
    cell.border = THIN_BORDER;
    cell.protection = { locked: true };
  });
  const cell = sheet.getCell(row, col);
  cell.value = value;
  cell.font = { name: FONT_BODY, size: BODY_PT };
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: true };
}

function widthOf(sheet: ExcelJS.Worksheet, from: number, to = from): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += sheet.getColumn(c).width ?? 8;
  return w;
}

function input(sheet: ExcelJS.Worksheet, row: number, col: number, toCol = col, align: 'left' | 'center' = 'left'): ExcelJS.Cell {
  merge(sheet, `${cellRef(row, col)}:${cellRef(row, toCol)}`);
  eachCell(sheet, row, col, row, toCol, (cell) => styleInput(cell, align));
  const cell = sheet.getCell(row, col);
  cell.alignment = { vertical: 'middle', horizontal: align, wrapText: true };
  return cell;
}

function disabled(sheet: ExcelJS.Worksheet, row: number, col: number, toCol = col): void {
  merge(sheet, `${cellRef(row, col)}:${cellRef(row, toCol)}`);
  eachCell(sheet, row, col, row, toCol, (cell) => {
    cell.border = THIN_BORDER;
    cell.fill = DISABLED_FILL;
    cell.protection = { locked: true };
  });
}

function validate(sheet: ExcelJS.Worksheet, address: string, rule: Omit<DataValidationRule, 'allowBlank' | 'showErrorMessage' | 'errorStyle' | 'errorTitle'>): void {
  (sheet as unknown as WithDataValidations).dataValidations.add(address, {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: msg('assessTemplate.errorTitle'),
    ...rule,
  });
}

function yesNo(sheet: ExcelJS.Worksheet, address: string): void {
  validate(sheet, address, { type: 'list', formulae: [YES_NO_LIST], error: msg('assessTemplate.yesNoError') });
}


// ---------------------------------------------------------------------------------------------

function drawHeading(sheet: ExcelJS.Worksheet, layout: AssessmentLayout, rubric: Rubric, year: number | undefined): void {
  const title = sheet.getCell(layout.titleRow, 1);
  merge(sheet, `A${layout.titleRow}:${columnLetter(layout.columnCount)}${layout.titleRow}`);
  title.value = rubric.title;
  title.font = { name: FONT_TITLE, size: 20, bold: true };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(layout.titleRow).height = 40;

  // 填表单位（公章）： and 考核年度 over the same spans as the basic information below, so neither wraps.
  const B = BASIC_INFO_SPANS;
  const unitRow = layout.unitRow;
  const headingLabel = (span: { fromCol: number; toCol: number }, text: string, horizontal: 'left' | 'right'): void => {
    merge(sheet, `${cellRef(unitRow, span.fromCol)}:${cellRef(unitRow, span.toCol)}`);
    const cell = sheet.getCell(unitRow, span.fromCol);
    cell.value = text;
    cell.font = { name: FONT_BODY, size: BODY_PT, bold: true };
    cell.alignment = { vertical: 'middle', horizontal };
    eachCell(sheet, unitRow, span.fromCol, unitRow, span.toCol, (c) => (c.protection = { locked: true }));
  };
  headingLabel(B.leftLabel, msg('assessTemplate.unit'), 'left');
  input(sheet, unitRow, B.leftValue.fromCol, B.leftValue.toCol);
  eachCell(sheet, unitRow, B.leftValue.fromCol, unitRow, B.leftValue.toCol, (c) => (c.border = { bottom: { style: 'thin' } }));

  headingLabel(B.rightLabel, msg('assessTemplate.round'), 'right');
  const roundTo = Math.min(layout.columnCount, B.rightValueFrom + 1);
  const round = input(sheet, unitRow, B.rightValueFrom, roundTo, 'center');
  if (year !== undefined) round.value = year;
  validate(sheet, layout.round.valueCell, { type: 'whole', operator: 'between', formulae: [1990, 2100], error: msg('assessTemplate.yearError') });
  sheet.getRow(unitRow).height = wrappedRowHeight(
    [{ text: msg('assessTemplate.unit'), width: widthOf(sheet, B.leftLabel.fromCol, B.leftLabel.toCol) }, { text: msg('assessTemplate.round'), width: widthOf(sheet, B.rightLabel.fromCol, B.rightLabel.toCol) }],
    BODY_PT,
    26,
  );
}

function drawBasicInfo(sheet: ExcelJS.Worksheet, layout: AssessmentLayout): void {
  const headingRow = layout.basicInfoHeadingRow;
  // Across the whole width of the scoring table below, each label on one line.
  const B = BASIC_INFO_SPANS;
  const last = layout.columnCount;
  const heading = label(sheet, headingRow, 1, msg('assessTemplate.basicInfo'), last);
  heading.alignment = { vertical: 'middle', horizontal: 'left', indent: 1 };
  sheet.getRow(headingRow).height = 22;
  for (const [left, right] of BASIC_INFO_ROWS) {
    const { row } = layout.basicInfo[left];
    label(sheet, row, B.leftLabel.fromCol, msg(BASIC_INFO_LABELS[left]), B.leftLabel.toCol);
    input(sheet, row, B.leftValue.fromCol, B.leftValue.toCol);
    if (right) {
      label(sheet, row, B.rightLabel.fromCol, msg(BASIC_INFO_LABELS[right]), B.rightLabel.toCol);
      input(sheet, row, B.rightValueFrom, last);
    } else {
      // The printed form leaves these two cells blank.
      fixedText(sheet, row, B.rightLabel.fromCol, '', { toCol: B.rightLabel.toCol });
      fixedText(sheet, row, B.rightValueFrom, '', { toCol: last });
    }
    const texts = [{ text: msg(BASIC_INFO_LABELS[left]), width: widthOf(sheet, B.leftLabel.fromCol, B.leftLabel.toCol) }];
    if (right) texts.push({ text: msg(BASIC_INFO_LABELS[right]), width: widthOf(sheet, B.rightLabel.fromCol, B.rightLabel.toCol) });
    sheet.getRow(row).height = wrappedRowHeight(texts, BODY_PT, 30);
  }
  const year = layout.basicInfo.selectionYear.valueCell;
  validate(sheet, year, { type: 'whole', operator: 'between', formulae: [1990, 2100], error: msg('assessTemplate.yearError') });
}

function drawTableHeader(sheet: ExcelJS.Worksheet, layout: AssessmentLayout): void {
  const heading = label(sheet, layout.tableHeadingRow, 1, msg('assessTemplate.selfTable'), layout.columnCount);
  heading.alignment = { vertical: 'middle', horizontal: 'left', indent: 1 };
  sheet.getRow(layout.tableHeadingRow).height = 22;
  const headers: [number, MessageKey][] = [
    [ASSESSMENT_COLUMNS.category, 'assessTemplate.col.category'],
    [ASSESSMENT_COLUMNS.content, 'assessTemplate.col.content'],
    [ASSESSMENT_COLUMNS.criteria, 'assessTemplate.col.criteria'],
    [ASSESSMENT_COLUMNS.method, 'assessTemplate.col.method'],
    [ASSESSMENT_COLUMNS.max, 'assessTemplate.col.max'],
    [ASSESSMENT_COLUMNS.self, 'assessTemplate.col.self'],
    [ASSESSMENT_COLUMNS.assessor, 'assessTemplate.col.assessor'],
  ];
  for (const [col, key] of headers) label(sheet, layout.headerRow, col, msg(key));
  label(sheet, layout.headerRow, ASSESSMENT_COLUMNS.firstFigure, msg('assessTemplate.col.figures'), layout.columnCount);
  const texts = headers.map(([col, key]) => ({ text: msg(key), width: widthOf(sheet, col) }));
  texts.push({ text: msg('assessTemplate.col.figures'), width: widthOf(sheet, ASSESSMENT_COLUMNS.firstFigure, layout.columnCount) });
  sheet.getRow(layout.headerRow).height = wrappedRowHeight(texts, BODY_PT, 30);
}

/** A figure's label as printed: 市级及以上媒体报道 / （次）, wrapped before its bracket. */
function figureText(figure: FigureCell): string {
  return breakBeforeBracket(figure.label, FIGURE_WIDTHS[0]!, BODY_PT);
}

function drawFigure(sheet: ExcelJS.Worksheet, figure: FigureCell): void {
  const labelCell = sheet.getCell(figure.labelCell);
  labelCell.value = figureText(figure);
  styleLabel(labelCell);
  labelCell.font = FIGURE_LABEL_FONT;
  const value = sheet.getCell(figure.valueCell);
  styleInput(value, 'center');
  if (figure.kind === 'yesNo') yesNo(sheet, figure.valueCell);
  else validate(sheet, figure.valueCell, { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: msg('assessTemplate.countError') });
}

function drawItems(sheet: ExcelJS.Worksheet, layout: AssessmentLayout, rubric: Rubric): void {
  const C = ASSESSMENT_COLUMNS;
  let index = 0;
  /** Merged cells over several rows (评分标准, 评估方式, 考核项目): the rows must add up to their text. */
  const spans: { from: number; to: number; text: string; width: number }[] = [];
  for (const category of rubric.categories) {
    const rows = layout.items.slice(index, index + category.items.length);
    index += category.items.length;
    const first = rows[0]!.row;
    const lastRow = rows[rows.length - 1]!.row;
    // 日常管理与基础保障 / （30分）: wrapped before the bracket, never inside it.
    const categoryText = breakBeforeBracket(category.label, widthOf(sheet, C.category), BODY_PT);
    label(sheet, first, C.category, categoryText, C.category, lastRow);
    spans.push({ from: first, to: lastRow, text: categoryText, width: widthOf(sheet, C.category) });

    category.items.forEach((item, i) => {
      const at = rows[i]!;
      const row = at.row;
      fixedText(sheet, row, C.content, item.content);
      // Columns the printed form merges with the row above are drawn once, spanning every merged row.
      const spanOf = (col: 'criteria' | 'methods'): number => {
        let end = i;
        while (category.items[end + 1]?.sameAsAbove?.includes(col)) end++;
        return rows[end]!.row;
      };
      if (!item.sameAsAbove?.includes('criteria')) {
        fixedText(sheet, row, C.criteria, item.criteria, { toRow: spanOf('criteria') });
        spans.push({ from: row, to: spanOf('criteria'), text: item.criteria, width: widthOf(sheet, C.criteria) });
      }
      if (!item.sameAsAbove?.includes('methods')) {
        fixedText(sheet, row, C.method, item.methods.join('\n'), { toRow: spanOf('methods'), align: 'center' });
        spans.push({ from: row, to: spanOf('methods'), text: item.methods.join('\n'), width: widthOf(sheet, C.method) });
      }
      fixedText(sheet, row, C.max, item.max, { align: 'center' });
      for (const col of [C.self, C.assessor]) {
        input(sheet, row, col, col, 'center');
        validate(sheet, cellRef(row, col), {
          type: 'decimal',
          operator: 'between',
          formulae: [0, item.max],
          error: msg('assessTemplate.scoreError', { max: item.max }),
        });
      }
      at.figures.forEach((f) => drawFigure(sheet, f));
      for (let k = at.figures.length; k < layout.figurePairs; k++) disabled(sheet, row, C.firstFigure + 2 * k, C.firstFigure + 2 * k + 1);
      const texts = [{ text: item.content, width: widthOf(sheet, C.content) }, ...at.figures.map((f) => ({ text: figureText(f), width: FIGURE_WIDTHS[0]! }))];
      sheet.getRow(row).height = wrappedRowHeight(texts, BODY_PT, 30);
    });
  }
  for (const span of spans) {
    const need = wrappedRowHeight([{ text: span.text, width: span.width }], BODY_PT);
    let have = 0;
    for (let r = span.from; r <= span.to; r++) have += sheet.getRow(r).height ?? 0;
    if (have >= need) continue;
    const extra = Math.ceil((need - have) / (span.to - span.from + 1));
    for (let r = span.from; r <= span.to; r++) sheet.getRow(r).height = (sheet.getRow(r).height ?? 0) + extra;
  }
}

function drawVetoAndTotal(sheet: ExcelJS.Worksheet, layout: AssessmentLayout, rubric: Rubric): void {
  const C = ASSESSMENT_COLUMNS;
  const vetoRow = layout.vetoRow;
  label(sheet, vetoRow, C.category, rubric.veto.label);
  fixedText(sheet, vetoRow, C.content, rubric.veto.text, { toCol: C.method });
  fixedText(sheet, vetoRow, C.max, '');
  disabled(sheet, vetoRow, C.self);
  disabled(sheet, vetoRow, C.assessor);
  label(sheet, vetoRow, C.firstFigure, msg('assessTemplate.vetoTriggered'));
  input(sheet, vetoRow, C.firstFigure + 1, C.firstFigure + 1, 'center');
  yesNo(sheet, layout.vetoTriggered.valueCell);
  for (let c = C.firstFigure + 2; c <= layout.columnCount; c++) disabled(sheet, vetoRow, c);
  sheet.getRow(vetoRow).height = wrappedRowHeight(
    [{ text: rubric.veto.text, width: widthOf(sheet, C.content, C.method) }, { text: rubric.veto.label, width: widthOf(sheet, C.category) }, { text: msg('assessTemplate.vetoTriggered'), width: widthOf(sheet, C.firstFigure) }],
    BODY_PT,
    40,
  );

  const totalRow = layout.totalRow;
  label(sheet, totalRow, C.category, rubric.totalLabel);
  fixedText(sheet, totalRow, C.content, '', { toCol: C.method });
  fixedText(sheet, totalRow, C.max, rubric.declaredTotal, { align: 'center' });
  for (const col of [C.self, C.assessor]) {
    input(sheet, totalRow, col, col, 'center');
    validate(sheet, cellRef(totalRow, col), { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: msg('assessTemplate.totalError') });
  }
  for (let c = C.firstFigure; c <= layout.columnCount; c++) disabled(sheet, totalRow, c);
  sheet.getRow(totalRow).height = wrappedRowHeight([{ text: String(rubric.declaredTotal), width: widthOf(sheet, C.max) }], BODY_PT, 28);
}

function drawSignature(sheet: ExcelJS.Worksheet, layout: AssessmentLayout): void {
  const row = layout.signatureRow;
  for (const [at, key] of [[layout.filledBy, 'assessTemplate.filledBy'], [layout.filledDate, 'assessTemplate.filledDate']] as const) {
    const cell = sheet.getCell(at.labelCell);
    cell.value = msg(key);
    cell.font = { name: FONT_BODY, size: 11, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'right' };
    cell.protection = { locked: true };
  }
  const by = input(sheet, row, 2);
  by.border = { bottom: { style: 'thin' } };
  const date = input(sheet, row, 4, ASSESSMENT_COLUMNS.assessor);
  eachCell(sheet, row, 4, row, ASSESSMENT_COLUMNS.assessor, (cell) => (cell.border = { bottom: { style: 'thin' } }));
  date.alignment = { vertical: 'middle', horizontal: 'left' };
  sheet.getRow(row).height = 26;

  const noteRow = row + 1;
  merge(sheet, `A${noteRow}:${columnLetter(layout.columnCount)}${noteRow}`);
  const note = sheet.getCell(noteRow, 1);
  note.value = msg('assessTemplate.instructions');
  note.font = { name: FONT_BODY, size: BODY_PT };
  note.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
  note.protection = { locked: true };
  sheet.getRow(noteRow).height = wrappedRowHeight([{ text: String(note.value), width: widthOf(sheet, 1, layout.columnCount) }], BODY_PT, 30);
}

/**
 * Page breaks where a page would otherwise end inside a 考核项目: its merged label (and merged 评分标准)
 * would be split over two pages and printed over the repeated header row.
 */
function breakBetweenCategories(sheet: ExcelJS.Worksheet, layout: AssessmentLayout, rubric: Rubric): void {
  const page = printableHeightPt('landscape') * 0.95;
  const height = (from: number, to: number): number => {
    let h = 0;
    for (let r = from; r <= to; r++) h += sheet.getRow(r).height ?? 15;
    return h;
  };
  const header = height(layout.headerRow, layout.headerRow);
  const blocks: [number, number][] = [];
  let index = 0;
  for (const category of rubric.categories) {
    const rows = layout.items.slice(index, index + category.items.length);
    index += category.items.length;
    blocks.push([rows[0]!.row, rows[rows.length - 1]!.row]);
  }
  blocks.push([layout.vetoRow, layout.vetoRow], [layout.totalRow, layout.totalRow], [layout.signatureRow, layout.signatureRow + 1]);
  let used = height(1, blocks[0]![0] - 1);
  for (const [k, [from, to]] of blocks.entries()) {
    const h = height(from, to);
    if (used + h > page) {
      if (k === 0) {
        // The first 考核项目 does not fit under the basic information: 自评表格 and the header row go with it
        // to the next page, rather than the header printing alone at the foot of page 1.
        sheet.getRow(layout.tableHeadingRow - 1).addPageBreak();
        used = height(layout.tableHeadingRow, from - 1);
      } else {
        sheet.getRow(from - 1).addPageBreak();
        used = header;
      }
    }
    used += h;
  }
}

/**
 * Protected without a password: labels cannot be overwritten by accident, and a clerk who needs to change
 * the form can still unprotect it. exceljs only hashes when a password is given, so this costs nothing.
 */
function protectWithoutPassword(sheet: ExcelJS.Worksheet): void {
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
}
