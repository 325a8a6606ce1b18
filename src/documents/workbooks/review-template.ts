/**
 * 评审打分表: the sheet the expert committee fills in. One row per eligible application (编号, 工作室名称,
 * 申报单位) and, per expert, three columns 分数 / 意见（推荐/不推荐）/ 回避 under a merged header 专家1 …,
 * with a 姓名 line under each header for the expert's name.
 *
 *   row 1  title
 *   row 2  how to fill it in
 *   row 3  编号 | 工作室名称 | 申报单位 (merged down to row 5) | 专家1 (3 columns merged) | 专家2 …
 *   row 4                                                      | 姓名 | name (2 columns merged) | …
 *   row 5                                                      | 分数 | 意见（推荐/不推荐） | 回避 | …
 *   row 6… one application per row
 *
 * The importer finds everything by these labels (REVIEW_LABELS), not by position, so the experts may
 * reorder nothing by accident (the sheet is protected without a password) and the clerk may still
 * unprotect it. A4 landscape, one page wide, rows 3–5 repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { DEFAULT_EXPERTS, REVIEW_LABELS, SCORE_MAX, SCORE_MIN } from '../../core/review.js';
import { officialText } from '../../messages/export.js';
import { LIST_FOOTER, listPageSetup, printableWidthPx, tableWidthPx } from '../print.js';
import { FONT_BODY, FONT_TITLE, LABEL_FILL, safeText, THIN_BORDER, wrappedRowHeight } from '../styles.js';

type ExcelModule = typeof import('exceljs');

export interface ReviewTemplateRow {
  id: number;
  studioName: string;
  unitName: string;
}

export interface ReviewTemplateInput {
  year: number;
  rows: readonly ReviewTemplateRow[];
  /** Number of expert column groups; default 5 (at least the number of names given). */
  experts?: number;
  /** Names to print in the 姓名 lines, in order; the rest stay blank for the experts to fill in. */
  expertNames?: readonly string[];
}

export { DEFAULT_EXPERTS };


/** `专家3` */
export function expertHeader(n: number): string {
  return officialText('export.review.expert', { n });
}

export const REVIEW_LAYOUT = {
  titleRow: 1,
  noteRow: 2,
  expertRow: 3,
  nameRow: 4,
  headerRow: 5,
  firstDataRow: 6,
  /** Column of the first expert's 分数; each expert takes 3 columns. */
  firstExpertColumn: 4,
  columnsPerExpert: 3,
} as const;

const FIXED_WIDTHS = [5, 18, 16];
/** 分数 / 意见 / 回避: 141 px, so five experts and the fixed columns fill A4 landscape at 100 %. */
const EXPERT_WIDTHS = [6, 7, 5];
export const REVIEW_BODY_SIZE = 11;
const BODY_SIZE = REVIEW_BODY_SIZE;
const TITLE_SIZE = 18;

/**
 * How many expert column groups one A4 landscape page holds beside the fixed columns (5). With more
 * experts the sheet prints across pages at 100 %, the fixed columns repeated on each; where a page ends
 * depends on the renderer (Excel and LibreOffice measure columns about 5 % apart), so the expert headings
 * are not merged then and no text is cut.
 */
export function expertsPerPage(): number {
  return Math.floor((printableWidthPx('landscape') - tableWidthPx(FIXED_WIDTHS)) / tableWidthPx(EXPERT_WIDTHS));
}

function border(cell: ExcelJS.Cell): void {
  cell.border = THIN_BORDER;
}

function label(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.fill = LABEL_FILL;
  cell.border = THIN_BORDER;
  cell.font = { name: FONT_BODY, size: BODY_SIZE, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.protection = { locked: true };
}

function input(cell: ExcelJS.Cell): void {
  cell.border = THIN_BORDER;
  cell.font = { name: FONT_BODY, size: BODY_SIZE };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.protection = { locked: false };
}

/** Excel quotes an inline list: "推荐,不推荐". */
function inlineList(values: readonly string[]): string {
  return `"${values.join(',')}"`;
}

/** A validation that refuses other input (an empty cell is fine: an expert may leave a column blank). */
function rejecting(rule: Omit<ExcelJS.DataValidation, 'allowBlank' | 'showErrorMessage' | 'errorStyle'>): ExcelJS.DataValidation {
  return { ...rule, allowBlank: true, showErrorMessage: true, errorStyle: 'stop' } as ExcelJS.DataValidation;
}

export function buildReviewTemplate(excel: ExcelModule, opts: ReviewTemplateInput): ExcelJS.Workbook {
  const names = opts.expertNames ?? [];
  const experts = Math.max(opts.experts ?? DEFAULT_EXPERTS, names.length);
  if (!Number.isInteger(experts) || experts < 1) throw new RangeError(`experts must be a whole number ≥ 1: ${experts}`);
  const L = REVIEW_LAYOUT;
  const lastCol = L.firstExpertColumn + experts * L.columnsPerExpert - 1;
  const lastRow = L.firstDataRow + opts.rows.length - 1;

  const workbook = new excel.Workbook();
  const perPage = expertsPerPage();
  const onePage = experts <= perPage;
  const sheet = workbook.addWorksheet(REVIEW_LABELS.sheet, {
    // Up to five experts fit one page width; more print on further pages with 编号 / 工作室名称 / 申报单位
    // repeated (never shrunk below 五号).
    pageSetup: onePage
      ? listPageSetup('landscape', `${L.expertRow}:${L.headerRow}`)
      : { ...listPageSetup('landscape', `${L.expertRow}:${L.headerRow}`), fitToPage: false, scale: 100, printTitlesColumn: 'A:C' },
    headerFooter: { oddFooter: LIST_FOOTER },
    views: [{ state: 'frozen', xSplit: L.firstExpertColumn - 1, ySplit: L.headerRow }],
  });
  // Over several page widths, the title and the note span the expert columns of the first page only: in the
  // repeated columns (A:C) they would print again, cut, on every page.
  const titleFirstCol = onePage ? 1 : L.firstExpertColumn;
  const titleLastCol = onePage ? lastCol : L.firstExpertColumn + perPage * L.columnsPerExpert - 1;
  FIXED_WIDTHS.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  for (let e = 0; e < experts; e++) {
    EXPERT_WIDTHS.forEach((w, i) => {
      sheet.getColumn(L.firstExpertColumn + e * L.columnsPerExpert + i).width = w;
    });
  }
  const totalWidth = FIXED_WIDTHS.reduce((s, w) => s + w, 0) + experts * EXPERT_WIDTHS.reduce((s, w) => s + w, 0);

  // Title and instructions.
  sheet.mergeCells(L.titleRow, titleFirstCol, L.titleRow, titleLastCol);
  const title = sheet.getCell(L.titleRow, titleFirstCol);
  title.value = officialText('export.review.title', { year: opts.year });
  title.font = { name: FONT_TITLE, size: TITLE_SIZE };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(L.titleRow).height = 36;
  sheet.mergeCells(L.noteRow, titleFirstCol, L.noteRow, titleLastCol);
  const note = sheet.getCell(L.noteRow, titleFirstCol);
  note.value = officialText('export.review.note');
  note.font = { name: FONT_BODY, size: BODY_SIZE };
  note.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  const noteWidth = onePage ? totalWidth : perPage * EXPERT_WIDTHS.reduce((s, w) => s + w, 0);
  sheet.getRow(L.noteRow).height = wrappedRowHeight([{ text: String(note.value), width: noteWidth }], BODY_SIZE, 20);

  // Fixed headings, merged over the three header rows.
  [REVIEW_LABELS.id, REVIEW_LABELS.studio, REVIEW_LABELS.unit].forEach((text, i) => {
    sheet.mergeCells(L.expertRow, i + 1, L.headerRow, i + 1);
    for (let r = L.expertRow; r <= L.headerRow; r++) border(sheet.getCell(r, i + 1));
    label(sheet.getCell(L.expertRow, i + 1), text);
  });

  for (let e = 0; e < experts; e++) {
    const first = L.firstExpertColumn + e * L.columnsPerExpert;
    // Printed over several page widths, a page may end inside an expert's columns (renderers measure column
    // widths differently): nothing is merged across them then, so no heading is cut in two.
    if (onePage) sheet.mergeCells(L.expertRow, first, L.expertRow, first + 2);
    for (let c = first; c <= first + 2; c++) border(sheet.getCell(L.expertRow, c));
    label(sheet.getCell(L.expertRow, first), expertHeader(e + 1));

    label(sheet.getCell(L.nameRow, first), REVIEW_LABELS.expertName);
    if (onePage) sheet.mergeCells(L.nameRow, first + 1, L.nameRow, first + 2);
    const nameCell = sheet.getCell(L.nameRow, first + 1);
    input(nameCell);
    border(sheet.getCell(L.nameRow, first + 2));
    sheet.getCell(L.nameRow, first + 2).protection = { locked: false };
    const name = names[e];
    if (name) nameCell.value = safeText(name);
    // A length check is the only typed validation that can carry an input prompt; no name is that long.
    nameCell.dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [40],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: expertHeader(e + 1),
      prompt: officialText('export.review.namePrompt'),
    };

    label(sheet.getCell(L.headerRow, first), REVIEW_LABELS.score);
    label(sheet.getCell(L.headerRow, first + 1), REVIEW_LABELS.opinion);
    label(sheet.getCell(L.headerRow, first + 2), REVIEW_LABELS.recused);
  }
  sheet.getRow(L.expertRow).height = 22;
  const nameWidth = onePage ? EXPERT_WIDTHS[1]! + EXPERT_WIDTHS[2]! : EXPERT_WIDTHS[1]!;
  sheet.getRow(L.nameRow).height = wrappedRowHeight(names.map((n) => ({ text: n, width: nameWidth })), BODY_SIZE, 24);
  sheet.getRow(L.headerRow).height = wrappedRowHeight([{ text: REVIEW_LABELS.opinion, width: EXPERT_WIDTHS[1]! }], BODY_SIZE, 30);

  opts.rows.forEach((application, index) => {
    const r = L.firstDataRow + index;
    const fixed: [string | number, ExcelJS.Alignment['horizontal']][] = [
      [application.id, 'center'],
      [safeText(application.studioName), 'left'],
      [safeText(application.unitName), 'left'],
    ];
    fixed.forEach(([value, horizontal], i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.value = value;
      cell.border = THIN_BORDER;
      cell.font = { name: FONT_BODY, size: BODY_SIZE };
      cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
      cell.protection = { locked: true };
    });
    for (let e = 0; e < experts; e++) {
      const first = L.firstExpertColumn + e * L.columnsPerExpert;
      const score = sheet.getCell(r, first);
      input(score);
      score.dataValidation = rejecting({
        type: 'decimal',
        operator: 'between',
        formulae: [SCORE_MIN, SCORE_MAX],
        errorTitle: officialText('export.review.scoreErrorTitle'),
        error: officialText('export.review.scoreError'),
      });
      const opinion = sheet.getCell(r, first + 1);
      input(opinion);
      opinion.dataValidation = rejecting({
        type: 'list',
        formulae: [inlineList([REVIEW_LABELS.recommend, REVIEW_LABELS.notRecommend])],
        errorTitle: officialText('export.review.opinionErrorTitle'),
        error: officialText('export.review.opinionError'),
      });
      const recused = sheet.getCell(r, first + 2);
      input(recused);
      recused.dataValidation = rejecting({
        type: 'list',
        formulae: [inlineList([REVIEW_LABELS.recusedYes])],
        error: officialText('export.review.recusedError'),
      });
    }
    sheet.getRow(r).height = wrappedRowHeight(
      fixed.map(([value], i) => ({ text: String(value), width: FIXED_WIDTHS[i]! })),
      BODY_SIZE,
      24,
    );
  });

  // Where each expert signs and dates the sheet, under the expert's own columns. The 编号 column stays
  // empty and so do the score cells, so the importer passes over these rows.
  const signatureRow = Math.max(lastRow, L.headerRow) + 2;
  for (const [offset, text, height] of [[0, REVIEW_LABELS.signature, 40], [1, REVIEW_LABELS.signedOn, 30]] as const) {
    const r = signatureRow + offset;
    sheet.mergeCells(r, 2, r, 3);
    const labelCell = sheet.getCell(r, 2);
    labelCell.value = text;
    labelCell.font = { name: FONT_BODY, size: BODY_SIZE, bold: true };
    labelCell.alignment = { horizontal: 'right', vertical: 'bottom' };
    for (let e = 0; e < experts; e++) {
      // A line under 分数 and 意见; the 回避 column stays blank, so each expert has a line of their own.
      const first = L.firstExpertColumn + e * L.columnsPerExpert;
      sheet.mergeCells(r, first, r, first + 1);
      for (let c = first; c <= first + 1; c++) {
        const cell = sheet.getCell(r, c);
        cell.border = { bottom: { style: 'thin' } };
        cell.protection = { locked: false };
      }
    }
    sheet.getRow(r).height = height;
  }
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(lastCol).letter}${signatureRow + 1}`;
  // No password: experts cannot overwrite labels by accident, a clerk can still unprotect (审阅 → 撤销工作表保护).
  void sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  return workbook;
}
