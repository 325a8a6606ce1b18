/**
 * Calendar helpers on `YYYY-MM` and `YYYY-MM-DD` strings. Inside gongshu dates never travel as JS Date
 * (time zones shift midnight dates by a day), so arithmetic happens on month and day counts instead.
 */

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

export interface YearMonthDay extends YearMonth {
  day: number; // 1–31
}

const MONTH_RE = /^(\d{4})-(\d{2})$/u;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYearMonth(year: number, month: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && year >= 1 && year <= 9999 && month >= 1 && month <= 12;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return isValidYearMonth(year, month) && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** `1975-06` → {year: 1975, month: 6}; null for anything else (including `1975-13` and `1975-6`). */
export function parseMonth(s: string): YearMonth | null {
  const m = MONTH_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return isValidYearMonth(year, month) ? { year, month } : null;
}

/** `2026-05-22` → {year, month, day}; null for impossible dates such as `2025-02-29`. */
export function parseDate(s: string): YearMonthDay | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isMonthString(s: string): boolean {
  return parseMonth(s) !== null;
}

export function isDateString(s: string): boolean {
  return parseDate(s) !== null;
}

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${formatMonth(year, month)}-${String(day).padStart(2, '0')}`;
}

/** The month of a `YYYY-MM` or `YYYY-MM-DD` string, or null when neither is valid. */
export function toYearMonth(s: string): YearMonth | null {
  return parseMonth(s) ?? parseDate(s);
}

/** `2026-05-22` → `2026-05`; a month string is returned as it is. Throws on anything else. */
export function monthOf(s: string): string {
  const ym = requireYearMonth(s);
  return formatMonth(ym.year, ym.month);
}

/** Months since year 0: year*12 + month − 1. Accepts `YYYY-MM` or `YYYY-MM-DD` (the day is ignored). */
export function monthIndex(s: string): number {
  const ym = requireYearMonth(s);
  return ym.year * 12 + ym.month - 1;
}

/** Inverse of monthIndex. */
export function monthFromIndex(index: number): string {
  if (!Number.isInteger(index)) throw new RangeError(`month index must be an integer: ${index}`);
  return formatMonth(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1);
}

/** `1975-06` + 3 → `1975-09`; negative counts go back. */
export function addMonths(month: string, count: number): string {
  return monthFromIndex(monthIndex(month) + count);
}

/** Whole months from `from` to `to` (days ignored): 2026-05-22 → 2029-05 is 36. Negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string (proleptic Gregorian, no time zone involved). */
export function dayIndex(date: string): number {
  const d = parseDate(date);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** Days from `from` to `to`; positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayIndex(to) - dayIndex(from);
}

/**
 * The local calendar date of a JS Date as `YYYY-MM-DD`. Used once at the edge (today's date in the CLI);
 * the clerk's wall clock, not UTC, decides what "today" is.
 */
function requireYearMonth(s: string): YearMonth {
  const ym = toYearMonth(s);
  if (!ym) throw new RangeError(`not a YYYY-MM or YYYY-MM-DD string: ${s}`);
  return ym;
}
