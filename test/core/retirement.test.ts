import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween } from '../../src/core/months.js';
import {
  delayMonths, groupFor, monthsUntilRetirement, RETIREMENT_GROUPS, retirementFor, retirementRule, type RetirementGroup,
} from '../../src/core/retirement.js';

describe('the examples of the issue (NPC Standing Committee decision of 2024-09-13)', () => {
  it.each([
    ['male', '1965-01', 60, 1, '2025-02'],
    ['male', '1965-05', 60, 2, '2025-07'],
    ['female-cadre', '1971-04', 55, 4, '2026-08'],
    ['female-worker', '1975-11', 50, 6, '2026-05'],
    ['male', '1976-09', 63, 0, '2039-09'],
  ] as const)('%s born %s retires at %i years %i months, in %s', (group, birth, years, months, month) => {
    expect(retirementFor(birth, group)).toEqual({ age: { years, months }, month });
  });
});

describe('group boundaries and caps', () => {
  // Hand-derived from the law: k = months since the first birth month, delay = min(floor(k/step)+1, cap).
  it.each([
    // men: 60, from 1965-01, +1 month per 4 months, cap 36 (reached at k = 140 → 1976-09)
    ['male', '1964-12', 60, 0, '2024-12'],
    ['male', '1965-01', 60, 1, '2025-02'],
    ['male', '1965-04', 60, 1, '2025-05'],
    ['male', '1965-05', 60, 2, '2025-07'],
    ['male', '1976-08', 62, 11, '2039-07'],
    ['male', '1976-09', 63, 0, '2039-09'],
    ['male', '1990-01', 63, 0, '2053-01'],
    // women of the 55 group: from 1970-01, +1 per 4, cap 36 (reached at 1981-09)
    ['female-cadre', '1969-12', 55, 0, '2024-12'],
    ['female-cadre', '1970-01', 55, 1, '2025-02'],
    ['female-cadre', '1970-05', 55, 2, '2025-07'],
    ['female-cadre', '1981-08', 57, 11, '2039-07'],
    ['female-cadre', '1981-09', 58, 0, '2039-09'],
    // women of the 50 group: from 1975-01, +1 per 2, cap 60 (reached at k = 118 → 1984-11)
    ['female-worker', '1974-12', 50, 0, '2024-12'],
    ['female-worker', '1975-01', 50, 1, '2025-02'],
    ['female-worker', '1975-02', 50, 1, '2025-03'],
    ['female-worker', '1975-03', 50, 2, '2025-05'],
    ['female-worker', '1984-10', 54, 11, '2039-09'],
    ['female-worker', '1984-11', 55, 0, '2039-11'],
    ['female-worker', '1995-06', 55, 0, '2050-06'],
  ] as const)('%s born %s → %i years %i months, %s', (group, birth, years, months, month) => {
    expect(retirementFor(birth, group)).toEqual({ age: { years, months }, month });
  });

  it.each(RETIREMENT_GROUPS.map((g) => [g]))('%s: the delay grows by one month every step, from 1 to the cap', (group: RetirementGroup) => {
    const rule = retirementRule(group);
    const start = addMonths(rule.firstBirthMonth, -24);
    let previousMonth = '';
    let previousDelay = 0;
    for (let i = 0; i < 24 + rule.stepMonths * rule.maxDelayMonths + 24; i++) {
      const birth = addMonths(start, i);
      const delay = delayMonths(birth, group);
      const k = monthsBetween(rule.firstBirthMonth, birth);
      if (k < 0) expect(delay).toBe(0);
      else if (k % rule.stepMonths === 0 && delay < rule.maxDelayMonths) expect(delay).toBe(previousDelay + 1);
      else expect(delay === previousDelay || (k % rule.stepMonths === 0 && delay === previousDelay + 1)).toBe(true);
      expect(delay).toBeLessThanOrEqual(rule.maxDelayMonths);
      const { month } = retirementFor(birth, group);
      if (previousMonth) expect(monthsBetween(previousMonth, month)).toBeGreaterThanOrEqual(1);
      previousMonth = month;
      previousDelay = delay;
    }
    expect(previousDelay).toBe(rule.maxDelayMonths);
  });

  it('rejects a birth that is not YYYY-MM', () => {
    expect(() => retirementFor('1975', 'male')).toThrow(RangeError);
    expect(() => retirementFor('1975-06-15', 'male')).toThrow(RangeError);
  });
});

describe('groupFor', () => {
  it('maps gender and the female group, defaulting women to the worker group', () => {
    expect(groupFor('男')).toBe('male');
    expect(groupFor('男', 'cadre')).toBe('male');
    expect(groupFor('女')).toBe('female-worker');
    expect(groupFor('女', null)).toBe('female-worker');
    expect(groupFor('女', 'worker')).toBe('female-worker');
    expect(groupFor('女', 'cadre')).toBe('female-cadre');
    expect(groupFor('')).toBeNull();
  });
});

describe('monthsUntilRetirement', () => {
  it('counts whole months from the month of the reference date', () => {
    // 1965-05 man retires 2025-07
    expect(monthsUntilRetirement('1965-05', 'male', '2025-05-31')).toBe(2);
    expect(monthsUntilRetirement('1965-05', 'male', '2025-07')).toBe(0);
    expect(monthsUntilRetirement('1965-05', 'male', '2026-01-01')).toBe(-6);
  });
});
