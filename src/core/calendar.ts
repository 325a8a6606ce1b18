/**
 * Day-level calendar arithmetic for 3-year studio terms and reminder windows, on `YYYY-MM-DD` strings.
 * Working days (the 公示 period) are the WorkCalendar's of `work-calendar.ts`: weekends, the State Council's
 * public holidays and its make-up working days.
 */
import { daysInMonth, dayIndex, formatDate, isLeapYear, monthsBetween, parseDate } from './months.js';
import { toHalfWidth, removeSpaces } from './text.js';

export { monthsBetween };

/** A studio is valid for 3 years from 认定 (考核评估 1). */
export const STUDIO_TERM_YEARS = 3;

function requireDate(date: string): { year: number; month: number; day: number } {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return d;
}

/** Inverse of dayIndex (days since 1970-01-01). Date is only a calculator here, in UTC; it never leaves. */
export function dateFromDayIndex(index: number): string {
  const t = new Date(index * 86_400_000);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: string, n: number): string {
  return dateFromDayIndex(dayIndex(date) + n);
}

/** 1 = Monday … 7 = Sunday (ISO). */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayIndex(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The same day `n` months later; a day the target month lacks becomes its last day (01-31 + 1 month →
 * 02-28/29), as 民法典 art. 202 does for a period ending in a month without the corresponding day.
 */
export function addMonthsToDate(date: string, n: number): string {
  const d = requireDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`months must be a whole number: ${n}`);
  const index = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(d.day, daysInMonth(year, month)));
}

/** The same day `n` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`years must be a whole number: ${n}`);
  return addMonthsToDate(date, n * 12);
}

/**
 * Last day of a term of `years` years starting on `start`: the day before the anniversary, as certificates
 * print it (2026-06-30 → 2029-06-29). The anniversary of 29 February in a common year is 1 March, so a term
 * from 2024-02-29 ends 2027-02-28 and one from 2025-03-01 ends 2028-02-29: always exactly `years` years.
 */
export function validUntil(start: string, years: number = STUDIO_TERM_YEARS): string {
  const d = requireDate(start);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`term years must be a whole number ≥ 1: ${years}`);
  const year = d.year + years;
  const anniversary = d.month === 2 && d.day === 29 && !isLeapYear(year) ? formatDate(year, 3, 1) : formatDate(year, d.month, d.day);
  return addDays(anniversary, -1);
}

/**
 * Completed months from `from` to `to` (2026-01-15 → 2026-02-14 is 0, → 2026-02-15 is 1; 2026-01-31 → 2026-02-28
 * is 1, consistent with addMonthsToDate); negative when `to` is earlier.
 */
export function fullMonthsBetween(from: string, to: string): number {
  const a = requireDate(from);
  const b = requireDate(to);
  if (dayIndex(to) < dayIndex(from)) return -fullMonthsBetween(to, from);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonthsToDate(from, months) > to) months--;
  return months;
}

export type WindowUnit = 'd' | 'm' | 'y';

export interface Window {
  count: number;
  unit: WindowUnit;
}

const UNIT_WORDS: Record<string, WindowUnit> = {
  d: 'd', day: 'd', days: 'd', 天: 'd', 日: 'd',
  m: 'm', mo: 'm', month: 'm', months: 'm', 个月: 'm', 月: 'm',
  y: 'y', year: 'y', years: 'y', 年: 'y',
};

/** `6m`, `90d`, `1y` (also `6个月`, `90天`, `1年`, full-width digits) → a window; null when unreadable. */
export function parseWindow(text: string): Window | null {
  const s = removeSpaces(toHalfWidth(text)).toLowerCase();
  if (s === '半年') return { count: 6, unit: 'm' };
  const m = /^(\d{1,4})([a-z]+|[天日年]|个?月)$/u.exec(s);
  if (!m) return null;
  const unit = UNIT_WORDS[m[2]!];
  const count = Number(m[1]);
  if (!unit || count < 1) return null;
  return { count, unit };
}

/** A window as the clerk says it: 6个月, 90天, 1年. */
export function windowText(window: Window): string {
  return `${window.count}${window.unit === 'd' ? '天' : window.unit === 'm' ? '个月' : '年'}`;
}

/** The last day inside a window that starts on `date` (`date` + 6 months, + 90 days …). */
export function windowEnd(date: string, window: Window): string {
  if (window.unit === 'd') return addDays(date, window.count);
  if (window.unit === 'm') return addMonthsToDate(date, window.count);
  return addYears(date, window.count);
}
