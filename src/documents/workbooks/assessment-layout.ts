/**
 * Where every input of gongshu's 考核表 template is, derived from the rubric. The template writer, the
 * sample filler and tests read this table; the workbook reader stays label-anchored but can use the labels
 * listed here (figure labels, 是否触发) to find gongshu's extra columns.
 */
import { cellRef, columnLetter } from '../../core/cell-address.js';
import { FIGURE_KINDS } from '../../core/assessment.js';
import type { FigureKey } from '../../core/assessment.js';
import type { ComputedRule, Rubric } from '../../core/rubric.js';
import { figureLabel } from '../../scoring/figure-text.js';

export const ASSESSMENT_SHEET = '考核表';

/** Fixed columns of the scoring table, as in 附件2. */
export const ASSESSMENT_COLUMNS = {
  category: 1, // A 考核项目
  content: 2, // B 考核内容
  criteria: 3, // C 评分标准
  method: 4, // D 评估方式
  max: 5, // E 分值
  self: 6, // F 自评分
  assessor: 7, // G 考核分
  firstFigure: 8, // H… pairs of (label, value)
} as const;

export type BasicInfoField =
  | 'studioName' | 'selectionYear' | 'leadName' | 'phone' | 'subsidyDate'
  | 'occupationAtSelection' | 'skillLevelAtSelection' | 'occupationNow' | 'skillLevelNow';

/**
 * Basic-info rows as in the form: label | value | label | value, across the whole width of the scoring
 * table: left label A:B, left value C:D (考核内容 … 评估方式), right label E to the first figure column,
 * right value from there to the last column.
 */
export const BASIC_INFO_ROWS: readonly (readonly [BasicInfoField, BasicInfoField | null])[] = [
  ['studioName', 'selectionYear'],
  ['leadName', 'phone'],
  ['subsidyDate', null],
  ['occupationAtSelection', 'skillLevelAtSelection'],
  ['occupationNow', 'skillLevelNow'],
];

export interface LabelledCell {
  labelCell: string;
  valueCell: string;
}

/** A label or value merged over columns `fromCol` … `toCol` (1-based) of one row. */
export interface Span {
  fromCol: number;
  toCol: number;
}

/** Where the parts of a basic-info row (or of the 填表单位 / 考核年度 row) go, as column spans. */
export const BASIC_INFO_SPANS = {
  leftLabel: { fromCol: 1, toCol: 2 },
  leftValue: { fromCol: 3, toCol: 4 },
  rightLabel: { fromCol: 5, toCol: 8 },
  /** To the last column of the table (set by the rubric's figure pairs). */
  rightValueFrom: 9,
} as const;

export interface FigureCell extends LabelledCell {
  figure: FigureKey;
  kind: 'count' | 'yesNo';
  label: string;
}

export interface ItemLayout {
  itemKey: string;
  categoryKey: string;
  row: number;
  contentCell: string;
  maxCell: string;
  selfCell: string;
  assessorCell: string;
  figures: FigureCell[];
}

export interface AssessmentLayout {
  sheetName: string;
  /** Number of columns in use (A … last figure value column). */
  columnCount: number;
  /** Pairs of (label, value) columns for figures. */
  figurePairs: number;
  titleRow: number;
  /** 填表单位（公章） and 考核年度 share this row. */
  unitRow: number;
  unit: LabelledCell;
  round: LabelledCell;
  basicInfoHeadingRow: number;
  basicInfo: Record<BasicInfoField, LabelledCell & { row: number }>;
  tableHeadingRow: number;
  headerRow: number;
  items: ItemLayout[];
  vetoRow: number;
  vetoTriggered: LabelledCell;
  totalRow: number;
  totalSelfCell: string;
  totalAssessorCell: string;
  signatureRow: number;
  filledBy: LabelledCell;
  filledDate: LabelledCell;
}

export { cellRef, columnLetter };

/** The figures an item's rule reads, in the order the rubric lists them. */
export function ruleFigures(rule: ComputedRule | null): FigureKey[] {
  if (!rule) return [];
  switch (rule.kind) {
    case 'checklist':
      return rule.checks.map((c) => c.figure);
    case 'target':
      return rule.rosterFigure ? [rule.figure, rule.rosterFigure] : [rule.figure];
    case 'per-unit':
      return rule.units.map((u) => u.figure);
  }
}

export function assessmentLayout(rubric: Rubric): AssessmentLayout {
  const C = ASSESSMENT_COLUMNS;
  const allRubricItems = rubric.categories.flatMap((c) => c.items.map((item) => ({ item, category: c })));
  const figurePairs = Math.max(1, ...allRubricItems.map((e) => ruleFigures(e.item.computed).length));
  const columnCount = C.firstFigure + figurePairs * 2 - 1;

  const titleRow = 1;
  const unitRow = 2;
  const basicInfoHeadingRow = 3;
  const basicInfo = {} as AssessmentLayout['basicInfo'];
  BASIC_INFO_ROWS.forEach(([left, right], i) => {
    const row = basicInfoHeadingRow + 1 + i;
    const B = BASIC_INFO_SPANS;
    basicInfo[left] = { row, labelCell: cellRef(row, B.leftLabel.fromCol), valueCell: cellRef(row, B.leftValue.fromCol) };
    if (right) basicInfo[right] = { row, labelCell: cellRef(row, B.rightLabel.fromCol), valueCell: cellRef(row, B.rightValueFrom) };
  });
  const tableHeadingRow = basicInfoHeadingRow + BASIC_INFO_ROWS.length + 1;
  const headerRow = tableHeadingRow + 1;

  const items: ItemLayout[] = allRubricItems.map(({ item, category }, i) => {
    const row = headerRow + 1 + i;
    const figures = ruleFigures(item.computed).map((figure, k): FigureCell => ({
      figure,
      kind: FIGURE_KINDS[figure],
      label: figureLabel(figure),
      labelCell: cellRef(row, C.firstFigure + 2 * k),
      valueCell: cellRef(row, C.firstFigure + 2 * k + 1),
    }));
    return {
      itemKey: item.key,
      categoryKey: category.key,
      row,
      contentCell: cellRef(row, C.content),
      maxCell: cellRef(row, C.max),
      selfCell: cellRef(row, C.self),
      assessorCell: cellRef(row, C.assessor),
      figures,
    };
  });
  const vetoRow = headerRow + items.length + 1;
  const totalRow = vetoRow + 1;
  const signatureRow = totalRow + 2;

  return {
    sheetName: ASSESSMENT_SHEET,
    columnCount,
    figurePairs,
    titleRow,
    unitRow,
    unit: { labelCell: cellRef(unitRow, BASIC_INFO_SPANS.leftLabel.fromCol), valueCell: cellRef(unitRow, BASIC_INFO_SPANS.leftValue.fromCol) },
    round: { labelCell: cellRef(unitRow, BASIC_INFO_SPANS.rightLabel.fromCol), valueCell: cellRef(unitRow, BASIC_INFO_SPANS.rightValueFrom) },
    basicInfoHeadingRow,
    basicInfo,
    tableHeadingRow,
    headerRow,
    items,
    vetoRow,
    vetoTriggered: { labelCell: cellRef(vetoRow, C.firstFigure), valueCell: cellRef(vetoRow, C.firstFigure + 1) },
    totalRow,
    totalSelfCell: cellRef(totalRow, C.self),
    totalAssessorCell: cellRef(totalRow, C.assessor),
    signatureRow,
    filledBy: { labelCell: cellRef(signatureRow, 1), valueCell: cellRef(signatureRow, 2) },
    filledDate: { labelCell: cellRef(signatureRow, 3), valueCell: cellRef(signatureRow, 4) },
  };
}
