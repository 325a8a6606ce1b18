/**
 * The assessment (考核表, Attachment 2) as gongshu understands it, independent of any workbook layout.
 * Score cells stay raw (text or number) so the scorer, not the reader, decides what is a valid score and
 * can point at the cell. Cell references are `Sheet!A1` strings.
 */
import { removeSpaces, toHalfWidth } from './text.js';
import type { CellMap } from './application.js';

/** A cell as read: trimmed text, a number, or null when empty. */
export type CellValue = string | number | null;

/**
 * The underlying figures gongshu's template asks for, from which the rubric's deductions can be
 * recomputed. Kinds are data: 'count' figures are whole numbers ≥ 0, 'yesNo' figures are booleans.
 */
export const FIGURE_KINDS = {
  apprenticesPerYear: 'count',
  apprenticeRoster: 'yesNo',
  highSkillPerYear: 'count',
  highSkillRoster: 'yesNo',
  technicians: 'count',
  seniorTechnicians: 'count',
  patents: 'count',
  awards: 'count',
  mediaReports: 'count',
  site: 'yesNo',
  plaque: 'yesNo',
  honoursBoard: 'yesNo',
  equipmentOk: 'yesNo',
  rulesEstablished: 'yesNo',
  rulesPosted: 'yesNo',
  accounts: 'yesNo',
} as const satisfies Record<string, 'count' | 'yesNo'>;

export type FigureKey = keyof typeof FIGURE_KINDS;
export type CountFigure = { [K in FigureKey]: (typeof FIGURE_KINDS)[K] extends 'count' ? K : never }[FigureKey];
export type YesNoFigure = { [K in FigureKey]: (typeof FIGURE_KINDS)[K] extends 'yesNo' ? K : never }[FigureKey];

/** Every figure is optional; null or absent means "not given" and the item is not recomputed. */
export type Figures = { [K in CountFigure]?: number | null } & { [K in YesNoFigure]?: boolean | null };

export function isFigureKey(key: string): key is FigureKey {
  return Object.prototype.hasOwnProperty.call(FIGURE_KINDS, key);
}

export interface AssessmentRow {
  /** Rubric item key (see data/rubric/*.json), found by `matchItem` for workbooks not written by gongshu. */
  itemKey: string;
  /** 自评分 as read. */
  self: CellValue;
  /** 考核分 as read. */
  assessor: CellValue;
  selfCell?: string;
  assessorCell?: string;
}

export interface SheetTotals {
  self?: CellValue;
  assessor?: CellValue;
  selfCell?: string;
  assessorCell?: string;
}

export interface Assessment {
  /** 填表单位（公章）, as written. */
  unitName?: string;
  /** 铭牌编号, when the form has one (gongshu's template asks for it): the surest link to the studio. */
  plaque?: string;
  studioName: string;
  /** 入选年份 as a year, or null when missing or unreadable. */
  selectionYear: number | null;
  leadName: string;
  phone: string;
  /** 获得经费补助时间: `YYYY-MM` when readable, otherwise the text as written. */
  subsidyDate: string;
  occupationAtSelection: string;
  skillLevelAtSelection: string;
  occupationNow: string;
  skillLevelNow: string;
  rows: AssessmentRow[];
  figures: Figures;
  /** Where each figure was read, for findings. */
  figureCells?: Partial<Record<FigureKey, string>>;
  /** The 一票否决项 row's 考核分 cell or the 是否触发 cell, raw. */
  vetoTriggered: CellValue;
  vetoCell?: string;
  /** The sheet's own 合计 row, when filled. */
  sheetTotals: SheetTotals;
  filledBy: string;
  /** 填表时间: `YYYY-MM-DD` / `YYYY-MM` when readable, otherwise as written. */
  filledDate: string;
  /** Basic-info field → cell reference. */
  cells?: CellMap;
}

export function emptyAssessment(): Assessment {
  return {
    studioName: '', selectionYear: null, leadName: '', phone: '', subsidyDate: '',
    occupationAtSelection: '', skillLevelAtSelection: '', occupationNow: '', skillLevelNow: '',
    rows: [], figures: {}, vetoTriggered: null, sheetTotals: {}, filledBy: '', filledDate: '',
  };
}

/** The words the template offers in its 是/否 drop-downs and writes for a boolean; the sets below also accept them. */
export const YES_WORD = '是';
export const NO_WORD = '否';
const YES = new Set([YES_WORD, '有', 'y', 'yes', '√', '✓', '✔']);
const NO = new Set([NO_WORD, '无', '没有', 'n', 'no', '×', '✗', '✘']);

/** 是/否 (and a few obvious spellings) → boolean; empty → null; anything else → undefined (unreadable). */
export function parseYesNo(value: CellValue | boolean): boolean | null | undefined {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  const key = removeSpaces(toHalfWidth(String(value))).toLowerCase();
  if (key === '') return null;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** A whole count ≥ 0 (`6`, `６`, `6人`, `6 例`); empty → null; anything else → undefined (unreadable). */
export function parseCount(value: CellValue): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const key = removeSpaces(toHalfWidth(value)).replace(/[人例次项个名篇]$/u, '');
  if (key === '') return null;
  return /^\d+$/u.test(key) ? Number(key) : undefined;
}
