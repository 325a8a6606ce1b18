/**
 * Statutory retirement (法定退休年龄) by birth month, after the NPC Standing Committee decision of 2024-09-13
 * (effective 2025-01-01). The group table lives in data/rules/retirement.json; this module only does the
 * arithmetic on month counts.
 */
import { readFileSync } from 'node:fs';
import { addMonths, isMonthString, monthIndex, monthsBetween } from './months.js';

export type RetirementGroup = 'male' | 'female-cadre' | 'female-worker';
export type FemaleGroup = 'worker' | 'cadre';

export interface RetirementGroupRule {
  baseYears: number;
  /** First birth month (`YYYY-MM`) whose retirement is delayed. */
  firstBirthMonth: string;
  /** Every `stepMonths` months of birth add one month of delay. */
  stepMonths: number;
  maxDelayMonths: number;
}

export interface RetirementAge {
  years: number;
  months: number;
}

export interface Retirement {
  age: RetirementAge;
  /** The month (`YYYY-MM`) in which the person reaches the statutory retirement age. */
  month: string;
}

interface RetirementData {
  groups: Record<RetirementGroup, RetirementGroupRule>;
}

const DATA = JSON.parse(readFileSync(new URL('../../data/rules/retirement.json', import.meta.url), 'utf8')) as RetirementData;

export const RETIREMENT_GROUPS: readonly RetirementGroup[] = ['male', 'female-cadre', 'female-worker'];

export function retirementRule(group: RetirementGroup): RetirementGroupRule {
  const rule = DATA.groups[group];
  if (!rule) throw new RangeError(`unknown retirement group: ${group}`);
  return rule;
}

/** Months added to the base age for a birth month: k < 0 → 0, else min(floor(k/step) + 1, cap). */
export function delayMonths(birth: string, group: RetirementGroup): number {
  const rule = retirementRule(group);
  const k = monthsBetween(rule.firstBirthMonth, birth);
  if (k < 0) return 0;
  return Math.min(Math.floor(k / rule.stepMonths) + 1, rule.maxDelayMonths);
}

/** Statutory retirement age and month for someone born in `birth` (`YYYY-MM`). */
export function retirementFor(birth: string, group: RetirementGroup): Retirement {
  if (!isMonthString(birth)) throw new RangeError(`birth must be YYYY-MM: ${birth}`);
  const totalMonths = retirementRule(group).baseYears * 12 + delayMonths(birth, group);
  return {
    age: { years: Math.floor(totalMonths / 12), months: totalMonths % 12 },
    month: addMonths(birth, totalMonths),
  };
}

/**
 * The group of a person. A woman's group (worker 50 / cadre 55) cannot be read from the form, so it
 * defaults to the worker group; the caller says so to the clerk.
 */
export function groupFor(gender: '男' | '女', femaleGroup?: FemaleGroup | null): RetirementGroup;
export function groupFor(gender: string, femaleGroup?: FemaleGroup | null): RetirementGroup | null;
export function groupFor(gender: string, femaleGroup?: FemaleGroup | null): RetirementGroup | null {
  if (gender === '男') return 'male';
  if (gender === '女') return femaleGroup === 'cadre' ? 'female-cadre' : 'female-worker';
  return null;
}

/** Whole months from the month of `asOf` (`YYYY-MM` or `YYYY-MM-DD`) to the retirement month. */
export function monthsUntilRetirement(birth: string, group: RetirementGroup, asOf: string): number {
  return monthIndex(retirementFor(birth, group).month) - monthIndex(asOf);
}
