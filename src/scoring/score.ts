/**
 * Scores one assessment against the rubric. Pure: the assessor's 考核分 is the score; figures only check it.
 *
 * Order of the grade: a triggered veto fails the studio whatever the points (points still computed);
 * a retired lead or one who left is not assessed; a missing or invalid 考核分 (or an unreadable veto
 * cell) leaves the assessment incomplete; otherwise the total (base + bonus) against the thresholds.
 */
import type { Assessment, AssessmentRow, CellValue } from '../core/assessment.js';
import { allItems, roundPoints } from '../core/rubric.js';
import type { Rubric, RubricCategory, RubricItem } from '../core/rubric.js';
import type { Finding } from '../core/finding.js';
import { msg } from '../messages/index.js';
import { computeRule, formatPoints } from './compute.js';
import type { ComputedPoints } from './compute.js';
import { gradeByPoints } from './grade.js';
import type { Grade, ScoreSettings } from './grade.js';
import { parseScore, parseVeto } from './parse.js';
import type { VetoState } from './parse.js';

export interface ScoreContext {
  /** The lead's statutory retirement month is before the assessment date. */
  leadRetiredBefore?: boolean;
  /** The clerk marked the lead as having left the unit or the skilled post. */
  leadLeft?: boolean;
}

export interface ItemScore {
  key: string;
  /** Category key, e.g. `management`. */
  category: string;
  categoryName: string;
  shortName: string;
  bonus: boolean;
  max: number;
  self: number | null;
  assessor: number | null;
  /** What counts towards the total: the assessor score (bonus items capped at their maximum); null when missing or invalid. */
  score: number | null;
  /** What the rubric gives from the figures, when they were given. */
  computed: number | null;
  computedBound: 'exact' | 'atMost' | null;
  arithmetic: string | null;
  explanation: string;
  selfCell?: string;
  assessorCell?: string;
}

export interface ScoreResult {
  items: ItemScore[];
  base: number;
  bonus: number;
  total: number;
  veto: boolean;
  vetoState: VetoState;
  grade: Grade;
  /** False while any 考核分 is missing or invalid or the veto cell is unreadable: no total is final. */
  complete: boolean;
  findings: Finding[];
  settings: ScoreSettings;
}

/** Differences smaller than this are rounding, not disagreement. */
const EPSILON = 0.005;
export const GAP_THRESHOLD = 3;

function itemLabel(category: RubricCategory, item: RubricItem): string {
  return msg('scoring.item', { category: category.name, item: item.shortName });
}

function shown(value: CellValue): string {
  return value === null ? '' : String(value);
}

interface Column {
  readonly name: 'self' | 'assessor';
  readonly label: string;
}

/** A score cell → number, or findings when it is not a valid score for the item. */
function readScore(
  raw: CellValue,
  column: Column,
  item: RubricItem,
  bonus: boolean,
  label: () => string,
  cell: string | undefined,
  findings: Finding[],
): { value: number | null; valid: boolean; empty: boolean } {
  const parsed = parseScore(raw);
  const severity = column.name === 'assessor' ? 'error' : 'warning';
  const field = `rows.${item.key}.${column.name}`;
  const at = cell ? { cell } : {};
  if (parsed.kind === 'empty') return { value: null, valid: false, empty: true };
  if (parsed.kind === 'text') {
    findings.push({ code: 'score-not-number', severity, message: msg('scoring.notNumber', { item: label(), column: column.label, value: parsed.text }), field, ...at });
    return { value: null, valid: false, empty: false };
  }
  const value = parsed.value;
  // Bonus scores above the item's cap are capped, not rejected: the rubric caps bonus items.
  const aboveAllowed = column.name === 'assessor' && bonus;
  if (value < 0 || (value > item.max + 1e-9 && !aboveAllowed)) {
    findings.push({ code: 'score-out-of-range', severity, message: msg('scoring.outOfRange', { item: label(), column: column.label, value: formatPoints(value), max: formatPoints(item.max) }), field, ...at });
    return { value, valid: false, empty: false };
  }
  return { value, valid: true, empty: false };
}

type RubricEntry = { item: RubricItem; category: RubricCategory };

/** A rubric's items in order and by key, worked out once per rubric: a round scores thousands of sheets against one. */
const rubricItems = new WeakMap<Rubric, { entries: readonly RubricEntry[]; byKey: ReadonlyMap<string, RubricEntry> }>();

function itemsOf(rubric: Rubric): { entries: readonly RubricEntry[]; byKey: ReadonlyMap<string, RubricEntry> } {
  let found = rubricItems.get(rubric);
  if (!found) {
    const entries = allItems(rubric);
    found = { entries, byKey: new Map(entries.map((e) => [e.item.key, e])) };
    rubricItems.set(rubric, found);
  }
  return found;
}

function indexRows(rubric: Rubric, rows: AssessmentRow[], findings: Finding[]): Map<string, AssessmentRow> {
  const byKey = new Map<string, AssessmentRow>();
  const items = itemsOf(rubric).byKey;
  for (const row of rows) {
    const entry = items.get(row.itemKey);
    const at = row.assessorCell ? { cell: row.assessorCell } : {};
    if (!entry) {
      findings.push({ code: 'score-unknown-item', severity: 'error', message: msg('scoring.unknownItem', { key: row.itemKey }), field: `rows.${row.itemKey}`, ...at });
    } else if (byKey.has(row.itemKey)) {
      findings.push({ code: 'score-duplicate-item', severity: 'error', message: msg('scoring.duplicateItem', { item: itemLabel(entry.category, entry.item) }), field: `rows.${row.itemKey}`, ...at });
    } else byKey.set(row.itemKey, row);
  }
  return byKey;
}

function explain(item: RubricItem, raw: CellValue, assessor: number | null, score: number | null, valid: boolean, computed: ComputedPoints | null): string {
  const parts: string[] = [];
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) parts.push(msg('scoring.explain.missing', { max: formatPoints(item.max) }));
  else if (!valid) parts.push(msg('scoring.explain.invalid', { value: shown(raw) }));
  else if (assessor !== null && score !== null && score < assessor) parts.push(msg('scoring.explain.capped', { value: formatPoints(assessor), max: formatPoints(item.max) }));
  else parts.push(msg('scoring.explain.score', { score: formatPoints(score ?? 0), max: formatPoints(item.max) }));
  if (computed) {
    const params = { basis: computed.basis, arithmetic: computed.arithmetic };
    if (computed.bound === 'atMost') parts.push(msg('scoring.explain.atMost', params));
    else if (valid && assessor !== null) parts.push(msg(disagrees(assessor, computed) ? 'scoring.explain.differs' : 'scoring.explain.agrees', params));
    else parts.push(msg('scoring.explain.computed', params));
  }
  return parts.join('；');
}

function disagrees(assessor: number, computed: ComputedPoints): boolean {
  return computed.bound === 'atMost' ? assessor > computed.points + EPSILON : Math.abs(assessor - computed.points) > EPSILON;
}

export function scoreAssessment(assessment: Assessment, rubric: Rubric, settings: ScoreSettings, context: ScoreContext = {}): ScoreResult {
  const findings: Finding[] = [];
  const rows = indexRows(rubric, assessment.rows, findings);
  const selfColumn: Column = { name: 'self', label: msg('scoring.col.self') };
  const assessorColumn: Column = { name: 'assessor', label: msg('scoring.col.assessor') };
  const notAssessed = context.leadRetiredBefore === true || context.leadLeft === true;

  const items: ItemScore[] = [];
  let pointsComplete = true;
  let allSelfValid = true;
  for (const { item, category } of itemsOf(rubric).entries) {
    const row = rows.get(item.key);
    // Named in findings only: most items have none.
    let named: string | undefined;
    const label = (): string => (named ??= itemLabel(category, item));
    const selfRead = readScore(row?.self ?? null, selfColumn, item, category.bonus, label, row?.selfCell, findings);
    const rawAssessor = row?.assessor ?? null;
    const assessorRead = readScore(rawAssessor, assessorColumn, item, category.bonus, label, row?.assessorCell, findings);
    if (!selfRead.valid) allSelfValid = false;
    const at = row?.assessorCell ? { cell: row.assessorCell } : {};

    let score: number | null = null;
    if (assessorRead.valid && assessorRead.value !== null) {
      score = assessorRead.value;
      if (category.bonus && score > item.max) {
        score = item.max;
        findings.push({ code: 'bonus-capped', severity: 'info', message: msg('scoring.bonusItemCapped', { item: label(), value: formatPoints(assessorRead.value), max: formatPoints(item.max) }), field: `rows.${item.key}.assessor`, ...at });
      }
    } else {
      pointsComplete = false;
      if (assessorRead.empty && !notAssessed) {
        findings.push({ code: 'score-missing', severity: 'warning', message: msg('scoring.missing', { item: label() }), field: `rows.${item.key}.assessor`, ...at });
      }
    }

    const computed = item.computed ? computeRule(item.computed, assessment.figures) : null;
    if (computed && assessorRead.valid && assessorRead.value !== null && disagrees(assessorRead.value, computed)) {
      const key = computed.bound === 'atMost' ? 'scoring.disagreesAtMost' : 'scoring.disagrees';
      findings.push({ code: 'score-disagrees-with-rubric', severity: 'warning', message: msg(key, { item: label(), basis: computed.basis, arithmetic: computed.arithmetic, assessor: formatPoints(assessorRead.value) }), field: `rows.${item.key}.assessor`, ...at });
    }

    if (selfRead.valid && assessorRead.valid && selfRead.value !== null && assessorRead.value !== null) {
      const gap = roundPoints(Math.abs(selfRead.value - assessorRead.value));
      if (gap >= GAP_THRESHOLD) {
        findings.push({ code: 'self-assessor-gap', severity: 'warning', message: msg('scoring.gap', { item: label(), self: formatPoints(selfRead.value), assessor: formatPoints(assessorRead.value), gap: formatPoints(gap) }), field: `rows.${item.key}`, ...at });
      }
    }

    const result: ItemScore = {
      key: item.key,
      category: category.key,
      categoryName: category.name,
      shortName: item.shortName,
      bonus: category.bonus,
      max: item.max,
      self: selfRead.valid ? selfRead.value : null,
      assessor: assessorRead.valid ? assessorRead.value : null,
      score,
      computed: computed ? computed.points : null,
      computedBound: computed ? computed.bound : null,
      arithmetic: computed ? computed.arithmetic : null,
      explanation: explain(item, rawAssessor, assessorRead.value, score, assessorRead.valid, computed),
    };
    if (row?.selfCell) result.selfCell = row.selfCell;
    if (row?.assessorCell) result.assessorCell = row.assessorCell;
    items.push(result);
  }

  const base = roundPoints(items.filter((i) => !i.bonus).reduce((s, i) => s + (i.score ?? 0), 0));
  const bonusSum = roundPoints(items.filter((i) => i.bonus).reduce((s, i) => s + (i.score ?? 0), 0));
  const bonus = roundPoints(Math.min(bonusSum, rubric.bonusCap));
  if (bonusSum > rubric.bonusCap + 1e-9) {
    findings.push({ code: 'bonus-capped', severity: 'info', message: msg('scoring.bonusTotalCapped', { sum: formatPoints(bonusSum), cap: formatPoints(rubric.bonusCap) }), field: 'bonus' });
  }
  const total = roundPoints(base + bonus);

  const vetoState = parseVeto(assessment.vetoTriggered, rubric.veto);
  const vetoAt = assessment.vetoCell ? { cell: assessment.vetoCell } : {};
  if (vetoState === 'triggered') {
    findings.push({ code: 'veto-triggered', severity: 'error', message: msg('scoring.vetoTriggered', { value: shown(assessment.vetoTriggered), total: formatPoints(total) }), field: 'veto', ...vetoAt });
  } else if (vetoState === 'unclear') {
    findings.push({ code: 'veto-unclear', severity: 'error', message: msg('scoring.vetoUnclear', { value: shown(assessment.vetoTriggered) }), field: 'veto', ...vetoAt });
  }

  if (pointsComplete) checkSheetTotal(assessment.sheetTotals.assessor, assessment.sheetTotals.assessorCell, total, assessorColumn, findings);
  if (allSelfValid) {
    const selfSum = roundPoints(items.reduce((s, i) => s + (i.self ?? 0), 0));
    checkSheetTotal(assessment.sheetTotals.self, assessment.sheetTotals.selfCell, selfSum, selfColumn, findings);
  }

  if (context.leadRetiredBefore) findings.push({ code: 'not-assessed-retired', severity: 'info', message: msg('scoring.notAssessedRetired'), field: 'lead' });
  if (context.leadLeft) findings.push({ code: 'not-assessed-left', severity: 'info', message: msg('scoring.notAssessedLeft'), field: 'lead' });

  const complete = pointsComplete && vetoState !== 'unclear';
  const veto = vetoState === 'triggered';
  let grade: Grade;
  if (veto) grade = 'fail';
  else if (notAssessed) grade = 'not-assessed';
  else if (!complete) grade = 'incomplete';
  else grade = gradeByPoints(total, settings);

  return { items, base, bonus, total, veto, vetoState, grade, complete, findings, settings: { ...settings } };
}

function checkSheetTotal(sheet: CellValue | undefined, cell: string | undefined, computed: number, column: Column, findings: Finding[]): void {
  if (sheet === undefined) return;
  const parsed = parseScore(sheet);
  if (parsed.kind === 'empty') return;
  const at = cell ? { cell } : {};
  const field = `sheetTotals.${column.name}`;
  if (parsed.kind === 'text') {
    findings.push({ code: 'sheet-total-mismatch', severity: 'warning', message: msg('scoring.sheetTotalNotNumber', { column: column.label, sheet: parsed.text, computed: formatPoints(computed) }), field, ...at });
  } else if (Math.abs(parsed.value - computed) > EPSILON) {
    findings.push({ code: 'sheet-total-mismatch', severity: 'warning', message: msg('scoring.sheetTotalMismatch', { column: column.label, sheet: formatPoints(parsed.value), computed: formatPoints(computed) }), field, ...at });
  }
}
