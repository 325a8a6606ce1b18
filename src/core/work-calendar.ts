/**
 * The official working-day calendar: Monday to Friday are working days, except the State Council's public
 * holidays (法定节假日, with the weekend days moved next to them), and some Saturdays and Sundays are working
 * days (调休上班). The schedule changes every year and is published each November for the next year, so the
 * calendar only answers for the years it has a schedule for; counting into any other year is refused
 * rather than guessed.
 *
 * Pure: the schedules come in as data (`rules/calendar-data.ts` reads lunar-javascript and data/calendar/).
 */
import { addDays, isoWeekday } from './calendar.js';
import { RefusedError } from './errors.js';
import { isDateString } from './months.js';
import { msg } from '../messages/index.js';

/** One day of the State Council's schedule. */
export interface OfficialDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The holiday it belongs to (春节, 国庆节 …). */
  name: string;
  /** true: a weekend day worked (调休上班); false: a day off. */
  work: boolean;
}

/** The schedule of one year, as published (it may list a make-up day of the previous December). */
export interface YearSchedule {
  year: number;
  /** Where it comes from: the package and its version, or the data file. */
  source: string;
  days: readonly OfficialDay[];
}

export interface WorkCalendarOptions {
  /** Where a missing year is added, named in the refusal (`data/calendar/`). */
  addYearHint?: string;
}

/** A day the period passes over without counting it. */
export interface SkippedDay {
  date: string;
  /** The holiday, or null for a plain Saturday or Sunday. */
  holiday: string | null;
}

export interface WorkingPeriod {
  from: string;
  to: string;
  /** Working days from `from` to `to`, both included. */
  workingDays: number;
  /** Days inside the period that are not working days (weekends and public holidays), in order. */
  skipped: SkippedDay[];
  /** Saturdays and Sundays inside the period that are working days (调休上班). */
  madeUp: OfficialDay[];
  /** Years of the period without a schedule: there, only weekends were skipped (an end date given by hand). */
  unchecked: number[];
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

export class WorkCalendar {
  private readonly days = new Map<string, OfficialDay>();
  private readonly years = new Map<number, string>();
  readonly addYearHint: string;

  /** A later schedule of the same year replaces the earlier one whole: a data file corrects the package. */
  constructor(schedules: readonly YearSchedule[], options: WorkCalendarOptions = {}) {
    const byYear = new Map<number, YearSchedule>();
    for (const s of schedules) byYear.set(s.year, s);
    for (const s of [...byYear.values()].sort((a, b) => a.year - b.year)) {
      this.years.set(s.year, s.source);
      for (const d of s.days) this.days.set(d.date, d);
    }
    this.addYearHint = options.addYearHint ?? 'data/calendar/';
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Where the schedule of a year comes from, or undefined when there is none. */
  sourceOf(year: number): string | undefined {
    return this.years.get(year);
  }

  /** The schedule's entry for a day (a holiday or a make-up working day), if any. */
  officialDay(date: string): OfficialDay | undefined {
    return this.days.get(date);
  }

  /** Refuses a date in a year without a schedule, saying how to add the year. */
  requireYear(date: string): void {
    const year = yearOf(date);
    if (!this.covers(year)) {
      const known = this.coveredYears();
      throw new RefusedError(
        'calendar-year-missing',
        msg('calendar.yearMissing', { year, hint: this.addYearHint, first: known[0] ?? '—', last: known[known.length - 1] ?? '—' }),
      );
    }
  }

  isWorkingDay(date: string): boolean {
    this.requireYear(date);
    return this.isWorkingDayOrWeekday(date);
  }

  /** As isWorkingDay, but a day of a year without a schedule counts by the weekday alone. */
  isWorkingDayOrWeekday(date: string): boolean {
    const official = this.days.get(date);
    if (official) return official.work;
    return isoWeekday(date) <= 5;
  }
}

function requireDate(date: string): void {
  if (!isDateString(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
}

function skippedDay(calendar: WorkCalendar, date: string): SkippedDay {
  const official = calendar.officialDay(date);
  return { date, holiday: official && !official.work ? official.name : null };
}

/**
 * The period of `n` working days that starts on `from`; `from` counts as the first day when it is a working
 * day (5 working days from Monday 2026-06-01 end on Friday 2026-06-05). Refused when the count runs into a
 * year without a schedule.
 */
export function workingPeriod(from: string, n: number, calendar: WorkCalendar): WorkingPeriod {
  requireDate(from);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1: ${n}`);
  const skipped: SkippedDay[] = [];
  const madeUp: OfficialDay[] = [];
  let day = from;
  let counted = 0;
  for (;;) {
    if (calendar.isWorkingDay(day)) {
      counted++;
      if (isoWeekday(day) > 5) madeUp.push(calendar.officialDay(day)!);
      if (counted === n) break;
    } else skipped.push(skippedDay(calendar, day));
    day = addDays(day, 1);
  }
  return { from, to: day, workingDays: n, skipped, madeUp, unchecked: [] };
}

/**
 * What a period with a given end holds: its working days, the days skipped and the make-up days. A year
 * without a schedule is not refused here (the clerk chose the end date) but reported in `unchecked`.
 */
export function describePeriod(from: string, to: string, calendar: WorkCalendar): WorkingPeriod {
  requireDate(from);
  requireDate(to);
  const skipped: SkippedDay[] = [];
  const madeUp: OfficialDay[] = [];
  const unchecked = new Set<number>();
  let workingDays = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!calendar.covers(yearOf(day))) unchecked.add(yearOf(day));
    if (calendar.isWorkingDayOrWeekday(day)) {
      workingDays++;
      if (isoWeekday(day) > 5) madeUp.push(calendar.officialDay(day)!);
    } else skipped.push(skippedDay(calendar, day));
  }
  return { from, to, workingDays, skipped, madeUp, unchecked: [...unchecked] };
}

/**
 * Skipped days as the clerk reads them, consecutive days of one kind joined:
 * `2026-10-01 至 2026-10-08（国庆节、中秋节）`, `2026-06-06、2026-06-07（周末）`.
 */
export function skippedRuns(skipped: readonly SkippedDay[]): { from: string; to: string; holidays: string[] }[] {
  const runs: { from: string; to: string; holidays: string[] }[] = [];
  for (const s of skipped) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.to, 1) === s.date) {
      last.to = s.date;
      if (s.holiday && !last.holidays.includes(s.holiday)) last.holidays.push(s.holiday);
    } else runs.push({ from: s.date, to: s.date, holidays: s.holiday ? [s.holiday] : [] });
  }
  return runs;
}
