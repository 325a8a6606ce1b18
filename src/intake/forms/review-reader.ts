/**
 * Reads a filled 评审打分表 back: finds the header by its labels (编号, 分数, 意见, 回避, 姓名, 专家N),
 * not by position, so a sheet whose columns were moved or that WPS re-saved still reads, and returns
 * one row per application with each expert's score, opinion and recusal as written. Judging the values
 * (range, numbers as text) belongs to core/review.ts; this module only reports what it cannot read.
 */
import { InputFileError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { ExpertReview, Recommendation } from '../../core/review.js';
import { labelKey, nameKey } from '../../core/text.js';
import { msg } from '../../messages/index.js';
import { REVIEW_LABELS } from '../../core/review.js';
import { sheetCellRef } from '../../core/cell-address.js';
import { buildGrids, ref, type GridCell, type SheetGrid } from '../cells/label-locator.js';
import type { OpenedWorkbook } from '../open/safe-open.js';

export interface ReviewExpert {
  /** `专家3` as printed above the columns (or the column letter when missing). */
  header: string;
  /** The name written in the 姓名 line; '' when left blank. */
  name: string;
  /** Identity of the expert across files: the name, or the header when no name was written. */
  key: string;
}

export interface ReviewSheetRow {
  applicationId: number;
  studioName: string;
  /** `Sheet!A7` of the 编号 cell. */
  cell: string;
  reviews: (ExpertReview & { key: string })[];
}

export interface ParsedReviewSheet {
  sheet: string;
  experts: ReviewExpert[];
  rows: ReviewSheetRow[];
}

interface ExpertColumns {
  score: number;
  opinion: number | null;
  recused: number | null;
  expert: ReviewExpert;
}

const RECUSED_YES = new Set([labelKey(REVIEW_LABELS.recusedYes), '√', '✓', 'y', 'yes', '回避'].map(labelKey));

function ownerAt(grid: SheetGrid, row: number, col: number): GridCell | undefined {
  return grid.rows.get(row)?.find((c) => c.col <= col && col <= c.right);
}

function isLabel(cell: GridCell, label: string): boolean {
  return labelKey(cell.text) === labelKey(label);
}

function findHeader(grids: readonly SheetGrid[]): { grid: SheetGrid; idCell: GridCell; headerRow: number; scores: GridCell[] } | undefined {
  for (const grid of grids) {
    const idCell = grid.owners.find((c) => isLabel(c, REVIEW_LABELS.id));
    if (!idCell) continue;
    // The 分数 labels sit on the last row the 编号 heading covers (it is merged down over the expert rows).
    for (let r = idCell.row; r <= idCell.bottom + 2; r++) {
      const scores = (grid.rows.get(r) ?? []).filter((c) => c.row === r && isLabel(c, REVIEW_LABELS.score));
      if (scores.length > 0) return { grid, idCell, headerRow: r, scores };
    }
  }
  return undefined;
}

function expertFor(grid: SheetGrid, headerRow: number, top: number, scoreCol: number): ReviewExpert {
  let header = '';
  let name = '';
  for (let r = top; r < headerRow; r++) {
    const cell = ownerAt(grid, r, scoreCol);
    if (!cell || cell.row !== r) continue;
    if (isLabel(cell, REVIEW_LABELS.expertName)) {
      const value = ownerAt(grid, r, cell.right + 1);
      if (value && value.row === r && !isLabel(value, REVIEW_LABELS.expertName)) name = value.text;
    } else if (!header) {
      header = cell.text;
    }
  }
  if (!header) header = msg('workflow.review.columnExpert', { col: scoreCol });
  return { header, name, key: name ? nameKey(name) : nameKey(header) };
}

function columnsFor(grid: SheetGrid, headerRow: number, scores: readonly GridCell[], top: number): ExpertColumns[] {
  const labels = grid.rows.get(headerRow) ?? [];
  return scores.map((score, i) => {
    const nextScore = scores[i + 1]?.col ?? Number.POSITIVE_INFINITY;
    const within = labels.filter((c) => c.col > score.col && c.col < nextScore);
    const opinion = within.find((c) => labelKey(c.text).startsWith(labelKey('意见')));
    const recused = within.find((c) => isLabel(c, REVIEW_LABELS.recused));
    return { score: score.col, opinion: opinion?.col ?? null, recused: recused?.col ?? null, expert: expertFor(grid, headerRow, top, score.col) };
  });
}

function cellValue(grid: SheetGrid, row: number, col: number | null): GridCell | undefined {
  if (col === null) return undefined;
  const cell = ownerAt(grid, row, col);
  return cell && cell.row === row && cell.col === col ? cell : undefined;
}

function readOpinion(cell: GridCell | undefined, problems: Finding[]): Recommendation | null {
  if (!cell || cell.text === '') return null;
  const key = labelKey(cell.text);
  if (key === labelKey(REVIEW_LABELS.recommend)) return 'yes';
  if (key === labelKey(REVIEW_LABELS.notRecommend)) return 'no';
  problems.push({ code: 'review-opinion-unreadable', severity: 'warning', message: msg('workflow.review.opinionUnreadable', { value: cell.text }), cell: ref(cell) });
  return null;
}

function readRecused(cell: GridCell | undefined, problems: Finding[]): boolean {
  if (!cell || cell.text === '') return false;
  if (RECUSED_YES.has(labelKey(cell.text))) return true;
  problems.push({ code: 'review-recused-unreadable', severity: 'warning', message: msg('workflow.review.recusedUnreadable', { value: cell.text }), cell: ref(cell) });
  return false;
}

export function readReviewSheet(opened: OpenedWorkbook): { parsed: ParsedReviewSheet; problems: Finding[] } {
  const grids = buildGrids(opened.model);
  const header = findHeader(grids);
  if (!header) throw new InputFileError('review-sheet-not-found', msg('workflow.review.notAReviewSheet'), { file: opened.fileName });
  const { grid, idCell, headerRow, scores } = header;
  const studioCell = (grid.rows.get(idCell.row) ?? []).find((c) => isLabel(c, REVIEW_LABELS.studio));
  const experts = columnsFor(grid, headerRow, scores, idCell.row);
  const problems: Finding[] = [];
  const rows: ReviewSheetRow[] = [];
  const used = new Set<string>();

  for (const r of grid.rowNumbers) {
    if (r <= headerRow) continue;
    const idOwner = cellValue(grid, r, idCell.col);
    const reviews: ReviewSheetRow['reviews'] = [];
    for (const e of experts) {
      const scoreCell = cellValue(grid, r, e.score);
      const opinion = readOpinion(cellValue(grid, r, e.opinion), problems);
      const recused = readRecused(cellValue(grid, r, e.recused), problems);
      const score = scoreCell ? (scoreCell.value.kind === 'number' ? scoreCell.value.number : scoreCell.text) : null;
      if ((score === null || score === '') && opinion === null && !recused) continue;
      used.add(e.expert.key);
      reviews.push({
        expert: e.expert.name || e.expert.header,
        key: e.expert.key,
        score: score === '' ? null : score,
        recommend: opinion,
        recused,
        cell: sheetCellRef(grid.name, r, e.score),
      });
    }
    if (!idOwner || idOwner.text === '') {
      if (reviews.length > 0) problems.push({ code: 'review-row-without-id', severity: 'error', message: msg('workflow.review.rowWithoutId', { row: r }), cell: sheetCellRef(grid.name, r, idCell.col) });
      continue;
    }
    const id = Number(idOwner.text.replace(/^#/u, ''));
    if (!Number.isInteger(id) || id <= 0) {
      problems.push({ code: 'review-id-unreadable', severity: 'error', message: msg('workflow.review.idUnreadable', { value: idOwner.text }), cell: ref(idOwner) });
      continue;
    }
    const studioName = studioCell ? cellValue(grid, r, studioCell.col)?.text ?? '' : '';
    rows.push({ applicationId: id, studioName, cell: ref(idOwner), reviews });
  }

  for (const e of experts) {
    if (used.has(e.expert.key) && !e.expert.name) {
      problems.push({ code: 'review-expert-unnamed', severity: 'warning', message: msg('workflow.review.expertUnnamed', { header: e.expert.header }) });
    }
  }
  return { parsed: { sheet: grid.name, experts: experts.map((e) => e.expert).filter((e) => used.has(e.key)), rows }, problems };
}
