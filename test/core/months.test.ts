import { describe, expect, it } from 'vitest';
import {
  addMonths, dayIndex, daysBetween, daysInMonth, isDateString, isLeapYear, isMonthString,
  monthFromIndex, monthIndex, monthOf, monthsBetween, parseDate, parseMonth,
} from '../../src/core/months.js';

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });
  it('gives February 29 days only in leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('parsing', () => {
  it('parses YYYY-MM', () => {
    expect(parseMonth('1975-06')).toEqual({ year: 1975, month: 6 });
    expect(parseMonth('1975-6')).toBeNull();
    expect(parseMonth('1975-13')).toBeNull();
    expect(parseMonth('1975-00')).toBeNull();
    expect(parseMonth('1975-06-01')).toBeNull();
  });
  it('parses YYYY-MM-DD and rejects impossible dates', () => {
    expect(parseDate('2026-05-22')).toEqual({ year: 2026, month: 5, day: 22 });
    expect(parseDate('2024-02-29')).not.toBeNull();
    expect(parseDate('2025-02-29')).toBeNull();
    expect(parseDate('1981-02-31')).toBeNull();
    expect(parseDate('2026-04-31')).toBeNull();
    expect(parseDate('2026-05')).toBeNull();
    expect(isDateString('1900-02-29')).toBe(false);
    expect(isMonthString('2026-05')).toBe(true);
  });
});

describe('month arithmetic', () => {
  it('numbers months as year*12 + month − 1', () => {
    expect(monthIndex('2026-05')).toBe(2026 * 12 + 4);
    expect(monthIndex('2026-05-22')).toBe(monthIndex('2026-05'));
    expect(monthFromIndex(monthIndex('1975-01'))).toBe('1975-01');
    expect(monthFromIndex(monthIndex('1975-12'))).toBe('1975-12');
  });
  it('adds months across year ends, both ways', () => {
    expect(addMonths('1975-11', 2)).toBe('1976-01');
    expect(addMonths('1965-01', 721)).toBe('2025-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });
  it('counts whole months between, ignoring days', () => {
    expect(monthsBetween('2026-05-22', '2029-05')).toBe(36);
    expect(monthsBetween('2026-05-22', '2029-04')).toBe(35);
    expect(monthsBetween('2026-05-01', '2026-05-31')).toBe(0);
    expect(monthsBetween('2029-05', '2026-05')).toBe(-36);
    expect(monthOf('2026-05-22')).toBe('2026-05');
  });
  it('rejects malformed input loudly', () => {
    expect(() => monthIndex('2026/05')).toThrow(RangeError);
    expect(() => addMonths('', 1)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('counts days without time zones', () => {
    expect(dayIndex('1970-01-01')).toBe(0);
    expect(daysBetween('2026-05-22', '2026-05-23')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-05-22', '2026-05-22')).toBe(0);
  });
});
