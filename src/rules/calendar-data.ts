/**
 * The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知), read once:
 *
 * 1. lunar-javascript's HolidayUtil, a maintained package that ships every schedule since 2002 (a year is
 *    the holidays whose target day falls in it, so 2019's list holds Saturday 2018-12-29 worked for 元旦);
 * 2. data/calendar/YYYY.json files, each replacing the package's schedule of its year day by day, so a clerk
 *    can add next year's schedule the day it is published (each November) or correct one.
 *
 * The file format is in data/calendar/README.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, isoWeekday } from '../core/calendar.js';
import { InputFileError } from '../core/errors.js';
import { isDateString } from '../core/months.js';
import { WorkCalendar, type OfficialDay, type YearSchedule } from '../core/work-calendar.js';
import { msg } from '../messages/index.js';

export const CALENDAR_DIR = fileURLToPath(new URL('../../data/calendar/', import.meta.url));

interface LunarHoliday {
  getDay(): string;
  getName(): string;
  isWork(): boolean;
  getTarget(): string;
}

interface LunarModule {
  HolidayUtil: { getHolidays(year: number): LunarHoliday[] };
}

const require = createRequire(import.meta.url);

/** Every schedule lunar-javascript knows, by the year of the holiday each day belongs to. */
export function packageSchedules(): YearSchedule[] {
  const { HolidayUtil } = require('lunar-javascript') as LunarModule;
  const version = (require('lunar-javascript/package.json') as { version: string }).version;
  const byYear = new Map<number, OfficialDay[]>();
  // The package's data starts with the 2002 schedule (its first days are in December 2001).
  for (let year = 2001; ; year++) {
    const days = HolidayUtil.getHolidays(year);
    if (days.length === 0 && year > 2002) break;
    for (const h of days) {
      const target = Number(h.getTarget().slice(0, 4));
      const list = byYear.get(target) ?? [];
      list.push({ date: h.getDay(), name: h.getName(), work: h.isWork() });
      byYear.set(target, list);
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, days]) => ({ year, source: `lunar-javascript ${version}`, days }));
}

interface HolidayEntry {
  name?: unknown;
  off?: unknown;
  work?: unknown;
}

/** `2027-02-06` or an inclusive range `2027-02-06..2027-02-14`. */
function expand(entry: string, bad: (detail: string) => never): string[] {
  const [first, last = first, ...rest] = entry.split('..').map((s) => s.trim());
  if (rest.length > 0 || !first || !isDateString(first) || !isDateString(last) || last < first) bad(msg('calendar.file.badDate', { value: entry }));
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  if (out.length > 31) bad(msg('calendar.file.rangeTooLong', { value: entry }));
  return out;
}

/** Reads and checks one data/calendar/YYYY.json file. */
export function readScheduleFile(file: string): YearSchedule {
  const bad = (detail: string): never => {
    throw new InputFileError('calendar-file-invalid', msg('calendar.file.invalid', { file, detail }), { file });
  };
  const fileYear = Number(/^(\d{4})\.json$/u.exec(path.basename(file))?.[1]);
  let data: { year?: unknown; source?: unknown; holidays?: unknown };
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof data;
  } catch (e) {
    return bad(msg('calendar.file.notJson', { error: (e as Error).message }));
  }
  if (data.year !== fileYear) bad(msg('calendar.file.yearMismatch', { year: String(data.year), fileYear }));
  if (!Array.isArray(data.holidays) || data.holidays.length === 0) bad(msg('calendar.file.noHolidays'));
  const days: OfficialDay[] = [];
  const seen = new Set<string>();
  for (const h of data.holidays as HolidayEntry[]) {
    if (typeof h?.name !== 'string' || h.name.trim() === '') bad(msg('calendar.file.noName'));
    const name = (h.name as string).trim();
    for (const [key, work] of [['off', false], ['work', true]] as const) {
      const list = h[key] ?? [];
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) bad(msg('calendar.file.notList', { name, key }));
      for (const date of (list as string[]).flatMap((x) => expand(x, bad))) {
        const year = Number(date.slice(0, 4));
        // A make-up day may fall in the December before (2019's 元旦 had Saturday 2018-12-29 worked).
        if (year !== fileYear && year !== fileYear - 1) bad(msg('calendar.file.outsideYear', { date, year: fileYear }));
        if (work && isoWeekday(date) <= 5) bad(msg('calendar.file.workOnWeekday', { date, name }));
        if (seen.has(date)) bad(msg('calendar.file.twice', { date }));
        seen.add(date);
        days.push({ date, name, work });
      }
    }
  }
  const source = typeof data.source === 'string' && data.source.trim() ? `${path.basename(file)}（${data.source.trim()}）` : path.basename(file);
  return { year: fileYear, source, days };
}

/** The YYYY.json files of a folder (none when it does not exist). */
export function fileSchedules(dir: string): YearSchedule[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/u.test(f))
    .sort()
    .map((f) => readScheduleFile(path.join(dir, f)));
}

/** The package's schedules corrected and completed by the files in `dir`. */
export function loadWorkCalendar(dir: string = CALENDAR_DIR): WorkCalendar {
  return new WorkCalendar([...packageSchedules(), ...fileSchedules(dir)], { addYearHint: dir.endsWith(path.sep) ? dir : `${dir}${path.sep}` });
}

let cached: WorkCalendar | undefined;

/** The calendar every working-day count uses (read once per process). */
export function workCalendar(): WorkCalendar {
  return (cached ??= loadWorkCalendar());
}
