import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonthsToDate, addYears, fullMonthsBetween, isoWeekday, monthsBetween, parseWindow, validUntil, windowEnd, windowText,
} from '../../src/core/calendar.js';
import { describePeriod, WorkCalendar, workingPeriod } from '../../src/core/work-calendar.js';

describe('weekdays', () => {
  it('knows the day of the week', () => {
    expect(isoWeekday('2026-06-01')).toBe(1); // Monday
    expect(isoWeekday('2026-06-06')).toBe(6);
    expect(isoWeekday('2026-06-07')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-31')).toBe(3);
  });
  it('treats Monday–Friday as working days unless the schedule says otherwise', () => {
    expect(plain.isWorkingDay('2026-06-05')).toBe(true);
    expect(plain.isWorkingDay('2026-06-06')).toBe(false);
    expect(moved.isWorkingDay('2026-06-19')).toBe(false);
    expect(moved.isWorkingDay('2026-06-20')).toBe(true);
  });
});

// The 公示 arithmetic is the work calendar's (core/work-calendar.ts): here over a 2026 without holidays, and one
// where Friday 2026-06-19 is a holiday and Saturday 2026-06-20 a make-up working day.
const plain = new WorkCalendar([{ year: 2026, source: 'test', days: [] }]);
const moved = new WorkCalendar([{ year: 2026, source: 'test', days: [{ date: '2026-06-19', name: '端午节', work: false }, { date: '2026-06-20', name: '端午节', work: true }] }]);
const onlyOff = new WorkCalendar([{ year: 2026, source: 'test', days: [{ date: '2026-06-19', name: '端午节', work: false }] }]);
const end = (from: string, n: number, calendar = plain): string => workingPeriod(from, n, calendar).to;

describe('the 公示 period (working days, the first day counts)', () => {
  it('ends on Friday for 5 working days from Monday 2026-06-01', () => {
    expect(end('2026-06-01', 5)).toBe('2026-06-05');
  });
  it('skips the weekend', () => {
    expect(end('2026-06-03', 5)).toBe('2026-06-09');
    expect(end('2026-06-05', 1)).toBe('2026-06-05');
    expect(end('2026-06-05', 2)).toBe('2026-06-08');
  });
  it('starts counting on Monday when the first day is a weekend', () => {
    expect(end('2026-06-06', 5)).toBe('2026-06-12');
  });
  it('skips holidays and counts make-up working days', () => {
    expect(end('2026-06-15', 5, onlyOff)).toBe('2026-06-22');
    expect(end('2026-06-15', 6, moved)).toBe('2026-06-22');
  });
  it('refuses nonsense', () => {
    expect(() => end('2026-06-01', 0)).toThrow(RangeError);
    expect(() => end('2026-02-30', 5)).toThrow(RangeError);
  });
  it('counts working days between two dates, both included', () => {
    expect(describePeriod('2026-06-01', '2026-06-05', plain).workingDays).toBe(5);
    expect(describePeriod('2026-06-01', '2026-06-08', plain).workingDays).toBe(6);
    expect(describePeriod('2026-06-08', '2026-06-01', plain).workingDays).toBe(0);
  });
});

describe('years and the 3-year term', () => {
  it('adds whole years, 29 February becoming 28 February in a common year', () => {
    expect(addYears('2026-06-30', 3)).toBe('2029-06-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('ends a term the day before the anniversary', () => {
    expect(validUntil('2026-06-30')).toBe('2029-06-29');
    expect(validUntil('2026-01-01', 3)).toBe('2028-12-31');
    expect(validUntil('2026-03-01')).toBe('2029-02-28');
  });
  it('handles 29 February at both ends', () => {
    expect(validUntil('2024-02-29')).toBe('2027-02-28');
    expect(validUntil('2025-03-01')).toBe('2028-02-29');
    expect(validUntil('2024-02-29', 4)).toBe('2028-02-28');
  });
});

describe('months', () => {
  it('adds months clamping to the end of shorter months', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
  });
  it('counts completed months', () => {
    expect(fullMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(fullMonthsBetween('2026-01-15', '2026-02-14')).toBe(0);
    expect(fullMonthsBetween('2026-01-15', '2026-02-15')).toBe(1);
    expect(fullMonthsBetween('2026-06-30', '2029-06-29')).toBe(35);
    expect(fullMonthsBetween('2026-03-15', '2026-01-15')).toBe(-2);
  });
  it('re-exports calendar-month differences', () => {
    expect(monthsBetween('2026-05-22', '2029-05')).toBe(36);
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('windows', () => {
  it.each([
    ['6m', { count: 6, unit: 'm' }],
    ['90d', { count: 90, unit: 'd' }],
    ['1y', { count: 1, unit: 'y' }],
    ['6个月', { count: 6, unit: 'm' }],
    ['９０天', { count: 90, unit: 'd' }],
    [' 2 Y ', { count: 2, unit: 'y' }],
    ['半年', { count: 6, unit: 'm' }],
  ])('reads %s', (text, window) => {
    expect(parseWindow(text)).toEqual(window);
  });
  it.each(['', '6', 'm', '0m', '-1m', '6w', 'six months', '1.5y'])('refuses %j', (text) => {
    expect(parseWindow(text)).toBeNull();
  });
  it('says a window the way it reads it back', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('d', 'm', 'y'), (count, unit) => {
      const window = { count, unit } as const;
      expect(parseWindow(windowText(window))).toEqual(window);
      expect(windowText(window)).toMatch(/^\d+(天|个月|年)$/u);
    }));
  });
  it('gives the last day of a window', () => {
    expect(windowEnd('2026-08-31', { count: 6, unit: 'm' })).toBe('2027-02-28');
    expect(windowEnd('2026-06-01', { count: 90, unit: 'd' })).toBe('2026-08-30');
    expect(windowEnd('2028-02-29', { count: 1, unit: 'y' })).toBe('2029-02-28');
  });
});
