/**
 * The assessment rubric (附件2) as data: loaded from data/rubric/*.json, checked once, then read by the
 * pure scorer. A corrected rubric file can replace the seed without code changes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GongshuError, InputFileError } from './errors.js';
import { FIGURE_KINDS, isFigureKey } from './assessment.js';
import type { CountFigure, FigureKey, YesNoFigure } from './assessment.js';
import { removeSpaces, toHalfWidth } from './text.js';
import { msg } from '../messages/index.js';

/** A yes/no figure that, when false, either zeroes the item or deducts points. */
export type ChecklistCheck = { figure: YesNoFigure; whenFalse: 'zero' } | { figure: YesNoFigure; deduct: number };

/** Base points minus listed deductions (site, equipment, rules, funds). */
export interface ChecklistRule {
  kind: 'checklist';
  base: number;
  checks: ChecklistCheck[];
  /** The assessor may deduct further at discretion: the figures only give an upper bound. */
  discretionary?: boolean;
}

/** Base minus a roster deduction minus a deduction per person short of the yearly target (apprentices, high-skill). */
export interface TargetRule {
  kind: 'target';
  figure: CountFigure;
  rosterFigure?: YesNoFigure;
  base: number;
  missingRosterDeduction: number;
  target: number;
  perShortDeduction: number;
  /** 没培养不得分: zero people trained gives zero whatever else. */
  zeroWhenNone?: boolean;
}

/** Points per counted unit, capped (bonus items). */
export interface PerUnitRule {
  kind: 'per-unit';
  units: { figure: CountFigure; points: number }[];
  cap: number;
}

export type ComputedRule = ChecklistRule | TargetRule | PerUnitRule;

export type MergeableColumn = 'criteria' | 'methods';

export interface RubricItem {
  key: string;
  /** Short name used in findings and tables (e.g. 名师带徒). */
  shortName: string;
  /** 考核内容, as printed. */
  content: string;
  /** 评分标准, as printed (repeated where the printed form merged it with the cell above). */
  criteria: string;
  /** 评估方式: 实地考察 and/or 材料审核. */
  methods: string[];
  /** Columns the printed form merges with the item above (same text). */
  sameAsAbove?: MergeableColumn[];
  max: number;
  computed: ComputedRule | null;
}

export interface RubricCategory {
  key: string;
  /** 考核项目 without the points, e.g. 日常管理与基础保障. */
  name: string;
  /** As printed, e.g. 日常管理与基础保障（30分）. */
  label: string;
  max: number;
  bonus: boolean;
  items: RubricItem[];
}

export interface RubricVeto {
  label: string;
  text: string;
  conditions: string[];
  triggeredForms: string[];
  clearForms: string[];
}

export interface Rubric {
  id: string;
  title: string;
  source: string;
  /** The 合计 row's 分值 as printed, e.g. "100+10". */
  declaredTotal: string;
  /** Cap on the sum of all bonus items. */
  bonusCap: number;
  /** Default grade thresholds as shares of the base maximum. */
  grades: { passShare: number; excellentShare: number };
  categories: RubricCategory[];
  veto: RubricVeto;
  totalLabel: string;
  notes?: string[];
}

export const DEFAULT_RUBRIC_URL = new URL('../../data/rubric/2020.json', import.meta.url);

/** Reads and validates a rubric file (default: the 2020 seed rubric). */
export function loadRubric(path?: string): Rubric {
  const file = path ?? fileURLToPath(DEFAULT_RUBRIC_URL);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputFileError('rubric-not-found', msg('rubric.notFound', { file }), { file });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (e) {
    throw new InputFileError('rubric-invalid-json', msg('rubric.invalidJson', { file, reason: (e as Error).message }), { file });
  }
  try {
    return validateRubric(raw);
  } catch (e) {
    if (e instanceof GongshuError) throw new InputFileError(e.code, `${file}: ${e.message}`, { file });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: a hand-edited rubric must fail loudly, naming where, before any score is computed.

function invalid(path: string, expected: string): never {
  throw new InputFileError('rubric-invalid', msg('rubric.invalidField', { path, expected }));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Record<string, unknown>, key: string, path: string, allowEmpty = false): string {
  const v = o[key];
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) invalid(`${path}.${key}`, msg('rubric.expectText'));
  return v;
}

function num(o: Record<string, unknown>, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) invalid(`${path}.${key}`, msg('rubric.expectNumber'));
  return v;
}

function arr(o: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) invalid(`${path}.${key}`, msg('rubric.expectList'));
  return v;
}

function strList(o: Record<string, unknown>, key: string, path: string): string[] {
  return arr(o, key, path).map((v, i) => {
    if (typeof v !== 'string') invalid(`${path}.${key}[${i}]`, msg('rubric.expectText'));
    return v;
  });
}

function figureOf(v: unknown, path: string, kind: 'count' | 'yesNo'): FigureKey {
  if (typeof v !== 'string' || !isFigureKey(v) || FIGURE_KINDS[v] !== kind) {
    const known = Object.entries(FIGURE_KINDS).filter(([, k]) => k === kind).map(([name]) => name).join(', ');
    invalid(path, msg('rubric.expectFigure', { known }));
  }
  return v;
}

function validateComputed(v: unknown, path: string): ComputedRule | null {
  if (v === null || v === undefined) return null;
  if (!isObject(v)) invalid(path, msg('rubric.expectObject'));
  switch (v.kind) {
    case 'checklist': {
      const checks = arr(v, 'checks', path).map((c, i): ChecklistCheck => {
        const p = `${path}.checks[${i}]`;
        if (!isObject(c)) invalid(p, msg('rubric.expectObject'));
        const figure = figureOf(c.figure, `${p}.figure`, 'yesNo') as YesNoFigure;
        if (c.whenFalse === 'zero') return { figure, whenFalse: 'zero' };
        return { figure, deduct: num(c, 'deduct', p) };
      });
      const rule: ChecklistRule = { kind: 'checklist', base: num(v, 'base', path), checks };
      if (v.discretionary === true) rule.discretionary = true;
      return rule;
    }
    case 'target': {
      const rule: TargetRule = {
        kind: 'target',
        figure: figureOf(v.figure, `${path}.figure`, 'count') as CountFigure,
        base: num(v, 'base', path),
        missingRosterDeduction: v.missingRosterDeduction === undefined ? 0 : num(v, 'missingRosterDeduction', path),
        target: num(v, 'target', path),
        perShortDeduction: num(v, 'perShortDeduction', path),
        zeroWhenNone: v.zeroWhenNone === true,
      };
      if (v.rosterFigure !== undefined) rule.rosterFigure = figureOf(v.rosterFigure, `${path}.rosterFigure`, 'yesNo') as YesNoFigure;
      return rule;
    }
    case 'per-unit': {
      const units = arr(v, 'units', path).map((u, i) => {
        const p = `${path}.units[${i}]`;
        if (!isObject(u)) invalid(p, msg('rubric.expectObject'));
        return { figure: figureOf(u.figure, `${p}.figure`, 'count') as CountFigure, points: num(u, 'points', p) };
      });
      return { kind: 'per-unit', units, cap: num(v, 'cap', path) };
    }
    default:
      return invalid(`${path}.kind`, msg('rubric.expectRuleKind'));
  }
}

function validateItem(v: unknown, path: string, above: RubricItem | undefined): RubricItem {
  if (!isObject(v)) invalid(path, msg('rubric.expectObject'));
  const item: RubricItem = {
    key: str(v, 'key', path),
    shortName: str(v, 'shortName', path),
    content: str(v, 'content', path),
    criteria: str(v, 'criteria', path, true),
    methods: strList(v, 'methods', path),
    max: num(v, 'max', path),
    computed: validateComputed(v.computed, `${path}.computed`),
  };
  if (v.sameAsAbove !== undefined) {
    const cols = strList(v, 'sameAsAbove', path);
    for (const col of cols) {
      if (col !== 'criteria' && col !== 'methods') invalid(`${path}.sameAsAbove`, msg('rubric.expectMergeable'));
      const same = above !== undefined && (col === 'criteria' ? above.criteria === item.criteria : above.methods.join('\n') === item.methods.join('\n'));
      if (!same) invalid(`${path}.sameAsAbove`, msg('rubric.mergeNeedsSameText'));
    }
    item.sameAsAbove = cols as MergeableColumn[];
  }
  return item;
}

function validateCategory(v: unknown, path: string): RubricCategory {
  if (!isObject(v)) invalid(path, msg('rubric.expectObject'));
  const items: RubricItem[] = [];
  arr(v, 'items', path).forEach((raw, i) => items.push(validateItem(raw, `${path}.items[${i}]`, items[i - 1])));
  const category: RubricCategory = {
    key: str(v, 'key', path),
    name: str(v, 'name', path),
    label: typeof v.label === 'string' && v.label.trim() !== '' ? v.label : str(v, 'name', path),
    max: num(v, 'max', path),
    bonus: v.bonus === true,
    items,
  };
  if (items.length === 0) invalid(`${path}.items`, msg('rubric.expectItems'));
  const sum = roundPoints(items.reduce((s, it) => s + it.max, 0));
  if (Math.abs(sum - category.max) > 1e-9) {
    throw new InputFileError('rubric-category-sum', msg('rubric.categorySum', { category: category.name, max: category.max, sum }));
  }
  return category;
}

function validateVeto(v: unknown): RubricVeto {
  if (!isObject(v)) invalid('veto', msg('rubric.expectObject'));
  return {
    label: str(v, 'label', 'veto'),
    text: str(v, 'text', 'veto'),
    conditions: strList(v, 'conditions', 'veto'),
    triggeredForms: strList(v, 'triggeredForms', 'veto'),
    clearForms: strList(v, 'clearForms', 'veto'),
  };
}

/** Checks the shape of a parsed rubric and that every category's maximum equals the sum of its items. */
export function validateRubric(raw: unknown): Rubric {
  if (!isObject(raw)) invalid('(root)', msg('rubric.expectObject'));
  const categories = arr(raw, 'categories', 'rubric').map((c, i) => validateCategory(c, `categories[${i}]`));
  if (!categories.some((c) => !c.bonus)) invalid('categories', msg('rubric.expectBaseCategory'));
  const seen = new Set<string>();
  for (const c of categories) {
    for (const it of c.items) {
      if (seen.has(it.key)) invalid(`items.${it.key}`, msg('rubric.expectUniqueKey'));
      seen.add(it.key);
    }
  }
  const grades = raw.grades;
  if (!isObject(grades)) invalid('grades', msg('rubric.expectObject'));
  const passShare = num(grades, 'passShare', 'grades');
  const excellentShare = num(grades, 'excellentShare', 'grades');
  if (passShare > excellentShare) invalid('grades', msg('rubric.expectShares'));
  const rubric: Rubric = {
    id: str(raw, 'id', 'rubric'),
    title: str(raw, 'title', 'rubric'),
    source: typeof raw.source === 'string' ? raw.source : '',
    declaredTotal: typeof raw.declaredTotal === 'string' ? raw.declaredTotal : String(raw.declaredTotal ?? ''),
    bonusCap: num(raw, 'bonusCap', 'rubric'),
    grades: { passShare, excellentShare },
    categories,
    veto: validateVeto(raw.veto),
    totalLabel: typeof raw.totalLabel === 'string' && raw.totalLabel.trim() !== '' ? raw.totalLabel : '合计',
  };
  if (Array.isArray(raw.notes)) rubric.notes = raw.notes.filter((n): n is string => typeof n === 'string');
  return rubric;
}

// ---------------------------------------------------------------------------------------------
// Totals and the 80-vs-100 note.

/** Scores are kept to two decimals so 0.1 + 0.2 style sums compare exactly. */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}

export function allItems(rubric: Rubric): { item: RubricItem; category: RubricCategory }[] {
  return rubric.categories.flatMap((category) => category.items.map((item) => ({ item, category })));
}

export function findItem(rubric: Rubric, key: string): { item: RubricItem; category: RubricCategory } | undefined {
  return allItems(rubric).find((e) => e.item.key === key);
}

/** Sum of the non-bonus categories' maxima (80 for the seed rubric). */
export function baseMax(rubric: Rubric): number {
  return roundPoints(rubric.categories.filter((c) => !c.bonus).reduce((s, c) => s + c.max, 0));
}

/** Most bonus points obtainable: the bonus items' sum, capped by the rubric's bonus cap (10 for the seed). */
export function bonusMax(rubric: Rubric): number {
  const sum = rubric.categories.filter((c) => c.bonus).reduce((s, c) => s + c.max, 0);
  return roundPoints(Math.min(sum, rubric.bonusCap));
}

/** The 合计 row's 分值 as printed ("100+10"). */
export function declaredTotal(rubric: Rubric): string {
  return rubric.declaredTotal;
}

/** "100+10" → {base: 100, bonus: 10}; "100" → {base: 100, bonus: 0}; anything else → null. */
export function parseDeclaredTotal(text: string): { base: number; bonus: number } | null {
  const m = /^(\d+(?:\.\d+)?)(?:\+(\d+(?:\.\d+)?))?$/u.exec(removeSpaces(toHalfWidth(text)));
  if (!m) return null;
  return { base: Number(m[1]), bonus: m[2] === undefined ? 0 : Number(m[2]) };
}

/** True when the itemised maxima add up to the declared total. */
export function rubricIsConsistent(rubric: Rubric): boolean {
  const declared = parseDeclaredTotal(rubric.declaredTotal);
  return declared !== null && declared.base === baseMax(rubric) && declared.bonus === bonusMax(rubric);
}

/**
 * The sentence every score report and result workbook carries about the rubric's totals: with the seed,
 * that the items add up to 80 (+10) while the form says 100+10; with a corrected rubric, that they agree.
 */
export function rubricNote(rubric: Rubric): string {
  const breakdown = rubric.categories.filter((c) => !c.bonus).map((c) => `${c.name} ${c.max}`).join(' + ');
  const params = { declared: rubric.declaredTotal, baseMax: baseMax(rubric), bonusMax: bonusMax(rubric), breakdown };
  return rubricIsConsistent(rubric) ? msg('rubric.note.consistent', params) : msg('rubric.note.inconsistent', params);
}

// ---------------------------------------------------------------------------------------------
// Matching a workbook's scoring row to a rubric item.

/** Text reduced to the characters that carry meaning: half-width, no spaces or punctuation, lower-case. */
export function matchKey(s: string): string {
  return removeSpaces(toHalfWidth(s))
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '');
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams of the match keys (1 = same text). */
export function textSimilarity(a: string, b: string): number {
  const ka = matchKey(a);
  const kb = matchKey(b);
  if (ka === kb) return ka === '' ? 0 : 1;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / total;
}

export const MATCH_THRESHOLD = 0.6;

/** Category text as printed ("技术攻关（15分）") → the category; blank → undefined (search every category). */
function matchCategory(rubric: Rubric, categoryText: string): RubricCategory | null | undefined {
  const key = matchKey(categoryText.replace(/[（(]\s*[\d.]+\s*分\s*[)）]/gu, ''));
  if (key === '') return undefined;
  let best: RubricCategory | null = null;
  let bestScore = 0;
  let tied = false;
  for (const c of rubric.categories) {
    const name = matchKey(c.name);
    const score = key === name ? 1 : key.includes(name) || name.includes(key) ? 0.99 : textSimilarity(key, name);
    if (score > bestScore + 1e-9) {
      best = c;
      bestScore = score;
      tied = false;
    } else if (Math.abs(score - bestScore) <= 1e-9) tied = true;
  }
  return best !== null && !tied && bestScore >= MATCH_THRESHOLD ? best : null;
}

/**
 * Finds the rubric item a scoring row describes, by its 考核内容 within its 考核项目. Tolerates spacing,
 * punctuation, full/half width and small wording differences (bigram Dice ≥ 0.6); the best match wins;
 * a tie or no match gives null. A blank category text (a merged cell read as empty) searches every
 * category; a category text that matches no category gives null.
 */
export function matchItem(rubric: Rubric, categoryText: string, contentText: string): RubricItem | null {
  const category = matchCategory(rubric, categoryText);
  if (category === null) return null;
  const candidates = category === undefined ? allItems(rubric).map((e) => e.item) : category.items;
  let best: RubricItem | null = null;
  let bestScore = 0;
  let tied = false;
  for (const item of candidates) {
    const score = textSimilarity(contentText, item.content);
    if (score > bestScore + 1e-9) {
      best = item;
      bestScore = score;
      tied = false;
    } else if (Math.abs(score - bestScore) <= 1e-9) tied = true;
  }
  return best !== null && !tied && bestScore >= MATCH_THRESHOLD ? best : null;
}
