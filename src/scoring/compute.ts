/**
 * What the rubric gives for an item from the underlying figures (apprentices per year, roster, …).
 * Used only to check the assessor's score: gongshu never replaces it.
 */
import type { Figures } from '../core/assessment.js';
import { findItem, roundPoints } from '../core/rubric.js';
import type { ChecklistRule, ComputedRule, PerUnitRule, Rubric, TargetRule } from '../core/rubric.js';
import { msg } from '../messages/index.js';
import { countPhrase, yesNoPhrase } from './figure-text.js';

export interface ComputedPoints {
  points: number;
  /** The sum as a clerk would write it, e.g. "10 − 2×1 = 8". */
  arithmetic: string;
  /** The facts used, e.g. "每年带徒 6 人、有花名册". */
  basis: string;
  /** 'atMost' when the rubric leaves further deductions to the assessor (funds). */
  bound: 'exact' | 'atMost';
}

const MINUS = ' − ';

export function formatPoints(n: number): string {
  return String(roundPoints(n));
}

function joinBasis(parts: string[]): string {
  return parts.join(msg('scoring.basis.join'));
}

function known<T>(v: T | null | undefined): v is T {
  return v !== null && v !== undefined;
}

/** "base − a − b = r", floored at 0 with the floor said out loud. */
function subtraction(base: number, deductions: string[], raw: number): string {
  if (deductions.length === 0) return formatPoints(base);
  const expr = `${formatPoints(base)}${MINUS}${deductions.join(MINUS)}`;
  return raw < 0 ? msg('scoring.arith.floor', { expr }) : `${expr} = ${formatPoints(raw)}`;
}

function checklist(rule: ChecklistRule, figures: Figures): ComputedPoints | null {
  const zeroing = rule.checks.find((c) => 'whenFalse' in c && figures[c.figure] === false);
  if (zeroing) return { points: 0, arithmetic: '0', basis: yesNoPhrase(zeroing.figure, false), bound: 'exact' };
  const values = rule.checks.map((c) => figures[c.figure]);
  if (!values.every(known)) return null;
  const deductions: string[] = [];
  let raw = rule.base;
  for (const c of rule.checks) {
    if ('deduct' in c && figures[c.figure] === false) {
      deductions.push(formatPoints(c.deduct));
      raw -= c.deduct;
    }
  }
  const points = roundPoints(Math.max(0, raw));
  const basis = joinBasis(rule.checks.map((c) => yesNoPhrase(c.figure, figures[c.figure] === true)));
  return { points, arithmetic: subtraction(rule.base, deductions, raw), basis, bound: rule.discretionary && points > 0 ? 'atMost' : 'exact' };
}

function target(rule: TargetRule, figures: Figures): ComputedPoints | null {
  const n = figures[rule.figure];
  if (!known(n)) return null;
  if (rule.zeroWhenNone && n === 0) {
    return { points: 0, arithmetic: msg('scoring.arith.none'), basis: countPhrase(rule.figure, 0), bound: 'exact' };
  }
  const roster = rule.rosterFigure ? figures[rule.rosterFigure] : true;
  if (!known(roster)) return null;
  const basisParts = [countPhrase(rule.figure, n)];
  if (rule.rosterFigure) basisParts.push(yesNoPhrase(rule.rosterFigure, roster));
  const deductions: string[] = [];
  let raw = rule.base;
  if (!roster && rule.missingRosterDeduction > 0) {
    deductions.push(formatPoints(rule.missingRosterDeduction));
    raw -= rule.missingRosterDeduction;
  }
  const short = Math.max(0, rule.target - n);
  if (short > 0 && rule.perShortDeduction > 0) {
    deductions.push(`${formatPoints(short)}×${formatPoints(rule.perShortDeduction)}`);
    raw -= short * rule.perShortDeduction;
  }
  return {
    points: roundPoints(Math.max(0, raw)),
    arithmetic: subtraction(rule.base, deductions, raw),
    basis: joinBasis(basisParts),
    bound: 'exact',
  };
}

function perUnit(rule: PerUnitRule, figures: Figures): ComputedPoints | null {
  // A blank count next to a filled one means none: clerks leave zeros out.
  if (!rule.units.some((u) => known(figures[u.figure]))) return null;
  const counted = rule.units.map((u) => ({ ...u, n: figures[u.figure] ?? 0 }));
  const raw = roundPoints(counted.reduce((s, u) => s + u.n * u.points, 0));
  const points = roundPoints(Math.min(raw, rule.cap));
  const terms = counted.map((u) => `${formatPoints(u.n)}×${formatPoints(u.points)}`).join(' + ');
  const sum = counted.length > 1 || counted[0]!.points !== 1 ? `${terms} = ${formatPoints(raw)}` : formatPoints(raw);
  const arithmetic = raw > rule.cap ? msg('scoring.arith.capped', { sum, cap: formatPoints(rule.cap), points: formatPoints(points) }) : sum;
  return { points, arithmetic, basis: joinBasis(counted.map((u) => countPhrase(u.figure, u.n))), bound: 'exact' };
}

export function computeRule(rule: ComputedRule, figures: Figures): ComputedPoints | null {
  switch (rule.kind) {
    case 'checklist':
      return checklist(rule, figures);
    case 'target':
      return target(rule, figures);
    case 'per-unit':
      return perUnit(rule, figures);
  }
}

/** Points the rubric gives for an item from the figures, or null when the item has no rule or figures are missing. */
export function computeFromFigures(itemKey: string, figures: Figures, rubric: Rubric): ComputedPoints | null {
  const entry = findItem(rubric, itemKey);
  if (!entry || !entry.item.computed) return null;
  return computeRule(entry.item.computed, figures);
}
