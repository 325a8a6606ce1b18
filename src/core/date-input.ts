/**
 * A date or a month as a clerk types it: 2026-05-20, 2026-5-20, 2026/5/20, 2026.5.20, 2026年5月20日, 20260520
 * (full-width digits too); a month as 2026-05, 2026.5, 2026/5, 2026年5月, 202605. Pure, no I/O.
 *
 * Refused, each for its own reason so the message can say what to write instead:
 * - impossible: the parts are in order but the day does not exist (2026-02-30, 2026-13-01);
 * - ambiguous: the year is not first or has two digits (5/20/2026, 20/5/2026, 26-5-20): which number is
 *   the month cannot be told for certain, so nothing is guessed;
 * - no-year: 5月22日 without a year when the caller gives no year to assume;
 * - month-day: a month and day in another spelling (1.8, 01-08, 1/8, 一月八日): not guessed (1/8 is the 1st
 *   of August in some hands), but the refusal offers 1月8日, which is read with the caller's year;
 * - unreadable: anything else.
 */
import { readPartialDate, smallChineseNumber } from './dates.js';
import { daysInMonth } from './months.js';

export type TypedProblem = 'empty' | 'impossible' | 'ambiguous' | 'no-year' | 'no-day' | 'month-day' | 'unreadable';

export type TypedDate =
  /** `text` is `YYYY-MM-DD` or `YYYY-MM`; `canonical` when the clerk typed exactly that (nothing to echo). */
  | { ok: true; value: string; canonical: boolean }
  | { ok: false; problem: TypedProblem; detail?: { year: number; month: number; days?: number }; monthDay?: MonthDay };

/**
 * A month and day typed another way (1.8): `exists` false for a day no month has (2.30, 4.31), `withYear` when
 * no year can be assumed where it was typed (the offer must then include one).
 */
export interface MonthDay {
  month: number;
  day: number;
  exists: boolean;
  withYear: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Full-width digits and punctuation to ASCII, blanks removed. */
function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return out.replace(/[\s\u00a0\u3000]+/gu, '').replace(/。/gu, '.');
}

const SEP = '[-/.年月]';

/**
 * Why a text shaped like a date was not read: an impossible day, a year not first, or no year. `yearKnown`:
 * the caller has a year to assume, so a month and day need none (the offer of 1月8日 says so).
 */
function diagnose(s: string, yearKnown = false): TypedDate {
  let m = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})[日号]?$`, 'u').exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month >= 1 && month <= 12 && year >= MIN_YEAR && year <= MAX_YEAR) {
      return { ok: false, problem: 'impossible', detail: { year, month, days: daysInMonth(year, month) } };
    }
    return { ok: false, problem: 'impossible', detail: { year, month } };
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})$/u.test(s) || /^\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/u.test(s)) return { ok: false, problem: 'ambiguous' };
  m = /^(\d{1,2})月(\d{1,2})[日号]?$/u.exec(s);
  if (m) return { ok: false, problem: 'no-year' };
  const monthDay = monthDayOf(s);
  if (monthDay) return { ok: false, problem: 'month-day', monthDay: { ...monthDay, exists: monthDay.day <= daysInMonth(2000, monthDay.month), withYear: !yearKnown } };
  return { ok: false, problem: 'unreadable' };
}

/** A month and a day written without a year some other way than 1月8日: 1.8, 1.8日, 01-08, 1/8, 一月八日, 1月八日. */
function monthDayOf(s: string): { month: number; day: number } | undefined {
  const digits = /^(\d{1,2})[-/.](\d{1,2})[日号]?\.?$/u.exec(s);
  const words = /^([一二三四五六七八九十]{1,2}|\d{1,2})月([一二三四五六七八九十]{1,3}|\d{1,2})[日号]?$/u.exec(s);
  const number = (t: string): number | undefined => (/^\d+$/u.test(t) ? Number(t) : (smallChineseNumber(t) ?? undefined));
  const month = digits ? Number(digits[1]) : words ? number(words[1]!) : undefined;
  const day = digits ? Number(digits[2]) : words ? number(words[2]!) : undefined;
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { month, day };
}

/**
 * The year to assume for a date typed without one: a year, or (for the last day of a period such as a 公示)
 * the period's first day, so that 1月5日 typed after 12月28日 is the 5th of January that follows it.
 */
export type YearHint = number | { onOrAfter: string } | { near: string; years?: readonly number[] };

/** How far into the next year a period typed without a year may end: a 公示 is days long, not a year. */
const ROLL_OVER_DAYS = 62;

function daysBetween(a: string, b: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return (utc(b) - utc(a)) / 86_400_000;
}

/**
 * 5月22日 as the end of a period starting on `start` (`YYYY-MM-DD`): in the start's year, or in the next when
 * that is at most ROLL_OVER_DAYS after the start (12月28日 to 1月5日). A day further off stays in the
 * start's year, where the caller refuses it as before the start: a typo is never read as a year-long period.
 */
function endOfPeriod(s: string, start: string): TypedDate {
  const year = Number(start.slice(0, 4));
  const same = readTypedDate(`${year}年${s}`);
  if (same.ok && same.value >= start) return same;
  const next = readTypedDate(`${year + 1}年${s}`);
  return next.ok && daysBetween(start, next.value) <= ROLL_OVER_DAYS ? next : same;
}

/**
 * 1月8日 as the date of a step that follows an event (`YYYY-MM-DD`: a 认定 after its 公示 ends, a payment after
 * the 认定): in the year, of the event's year and the ones either side, that puts the day nearest the event (a
 * tie goes to the later). So 1月8日 after a 公示 ending 2026-12-30 is 2027-01-08, 12月30日 with a 公示 ending
 * 2027-01-08 is 2026-12-30 (and refused as inside the 公示): never the round's year across New Year.
 * `years`, when given, are the only years considered (a studio's 认定年度 and the next).
 */
function nearEvent(s: string, event: string, years?: readonly number[]): TypedDate {
  const year = Number(event.slice(0, 4));
  const [month, day] = /^(\d{1,2})月(\d{1,2})/u.exec(s)!.slice(1).map(Number) as [number, number];
  if (month < 1 || month > 12) return readTypedDate(`${year}年${s}`);
  // The nearest year is chosen as if the day existed in each (2月29日 counts as the end of February): when it
  // does not exist in that year the date is refused, never moved to the leap year after (a year off).
  let best: { y: number; gap: number } | undefined;
  for (const y of years ?? [year - 1, year, year + 1]) {
    const d = Math.min(day, daysInMonth(y, month));
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const gap = Math.abs(daysBetween(event, iso));
    if (!best || gap <= best.gap) best = { y, gap };
  }
  return readTypedDate(`${best!.y}年${s}`);
}

/**
 * A full date. `defaultYear` is assumed for 5月22日 (the caller echoes the result, so the clerk sees the year
 * taken); without it such a date is refused.
 */
export function readTypedDate(text: string, defaultYear?: YearHint): TypedDate {
  const s = normalise(text);
  if (s === '') return { ok: false, problem: 'empty' };
  const noYear = /^(\d{1,2})月(\d{1,2})[日号]?$/u.exec(s);
  if (noYear && typeof defaultYear === 'object') return 'near' in defaultYear ? nearEvent(s, defaultYear.near, defaultYear.years) : endOfPeriod(s, defaultYear.onOrAfter);
  if (noYear && defaultYear !== undefined) return readTypedDate(`${defaultYear}年${s}`);
  // Only the shapes below are dates typed by a person; readPartialDate also takes numbers from cells.
  if (!/^\d{8}$/u.test(s) && !new RegExp(`^\\d{4}${SEP}\\d{1,2}${SEP}\\d{1,2}[日号]?$`, 'u').test(s)) {
    if (/^\d{6}$/u.test(s) || new RegExp(`^\\d{4}${SEP}\\d{1,2}月?$`, 'u').test(s)) return { ok: false, problem: 'no-day' };
    return diagnose(s, defaultYear !== undefined);
  }
  const r = readPartialDate(s);
  if (r.status === 'ok' && r.date) return { ok: true, value: r.date, canonical: text.trim() === r.date };
  return diagnose(s);
}

/** A month (出生年月). A full date is taken for its month. */
export function readTypedMonth(text: string): TypedDate {
  const s = normalise(text);
  if (s === '') return { ok: false, problem: 'empty' };
  const date = readTypedDate(s);
  if (date.ok) return { ok: true, value: date.value.slice(0, 7), canonical: false };
  if (/^\d{6}$/u.test(s) || new RegExp(`^\\d{4}${SEP}\\d{1,2}月?$`, 'u').test(s)) {
    const r = readPartialDate(s);
    if (r.status === 'ok') return { ok: true, value: r.month, canonical: text.trim() === r.month };
    const m = /^(\d{4})\D*(\d{1,2})/u.exec(s);
    return { ok: false, problem: 'impossible', ...(m ? { detail: { year: Number(m[1]), month: Number(m[2]) } } : {}) };
  }
  if (/^\d{1,2}[-/.]\d{4}$/u.test(s) || /^\d{2}[-/.年]\d{1,2}月?$/u.test(s)) return { ok: false, problem: 'ambiguous' };
  return date.problem === 'impossible' ? date : { ok: false, problem: 'unreadable' };
}
