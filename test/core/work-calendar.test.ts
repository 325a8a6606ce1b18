/** The working-day calendar over the State Council's 2026 schedule (from lunar-javascript) and data/calendar files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusedError, InputFileError } from '../../src/core/errors.js';
import { describePeriod, skippedRuns, WorkCalendar, workingPeriod } from '../../src/core/work-calendar.js';
import { loadWorkCalendar, packageSchedules, readScheduleFile } from '../../src/rules/calendar-data.js';
import { periodLines } from '../../src/ui/period.js';

// The package alone, so a data/calendar/2027.json added later cannot change what these tests mean.
const calendar = new WorkCalendar(packageSchedules(), { addYearHint: 'data/calendar/' });

describe('the schedules shipped by lunar-javascript', () => {
  it('covers 2002 to 2026 and knows 2026 国庆 and its make-up days', () => {
    expect(calendar.covers(2002)).toBe(true);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday worked
    expect(calendar.officialDay('2026-10-10')).toEqual({ date: '2026-10-10', name: '国庆节', work: true });
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // Sunday worked
  });

  it('files a make-up day of December under the next year (2019 元旦: Saturday 2018-12-29)', () => {
    const y2019 = packageSchedules().find((s) => s.year === 2019)!;
    expect(y2019.days).toContainEqual({ date: '2018-12-29', name: '元旦节', work: true });
  });
});

describe('the 公示 period over 国庆 2026', () => {
  it('skips 10-01..10-07 and Sunday 10-11, counts Saturday 10-10', () => {
    const p = workingPeriod('2026-09-30', 5, calendar);
    expect(p.to).toBe('2026-10-12');
    expect(p.workingDays).toBe(5);
    expect(p.skipped.map((d) => d.date)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11',
    ]);
    expect(p.skipped[0]).toEqual({ date: '2026-10-01', holiday: '国庆节' });
    expect(p.skipped[7]).toEqual({ date: '2026-10-11', holiday: null });
    expect(p.madeUp).toEqual([{ date: '2026-10-10', name: '国庆节', work: true }]);
  });

  it('counts the make-up Sunday 09-20 before the holiday', () => {
    const p = workingPeriod('2026-09-18', 5, calendar);
    expect(p.to).toBe('2026-09-23');
    expect(p.madeUp.map((d) => d.date)).toEqual(['2026-09-20']);
    expect(p.skipped).toEqual([{ date: '2026-09-19', holiday: null }]);
  });

  it('tells the clerk the period, the skipped days and the make-up days', () => {
    expect(periodLines(workingPeriod('2026-09-30', 5, calendar))).toEqual([
      '公示期：2026-09-30 至 2026-10-12，共 5 个工作日',
      '不计入的日子：2026-10-01 至 2026-10-07（国庆节）；2026-10-11（周末）',
      '调休上班、计入工作日：2026-10-10（国庆节调休）',
    ]);
  });
});

describe('the 公示 period over 春节 2026 (2-15..2-23 off, Saturdays 2-14 and 2-28 worked)', () => {
  it('counts Saturday 2-14 and skips the nine days off', () => {
    const p = workingPeriod('2026-02-12', 5, calendar);
    expect(p.to).toBe('2026-02-25');
    expect(p.madeUp.map((d) => d.date)).toEqual(['2026-02-14']);
    expect(skippedRuns(p.skipped)).toEqual([{ from: '2026-02-15', to: '2026-02-23', holidays: ['春节'] }]);
  });

  it('counts Saturday 2-28 and skips Sunday 3-1', () => {
    const p = workingPeriod('2026-02-26', 5, calendar);
    expect(p.to).toBe('2026-03-03');
    expect(p.madeUp.map((d) => d.date)).toEqual(['2026-02-28']);
    expect(p.skipped).toEqual([{ date: '2026-03-01', holiday: null }]);
  });

  it('counts a make-up Sunday (2026-01-04, 元旦) as the first working day', () => {
    const p = workingPeriod('2026-01-01', 5, calendar);
    expect(p.to).toBe('2026-01-08');
    expect(p.madeUp).toEqual([{ date: '2026-01-04', name: '元旦节', work: true }]);
    expect(skippedRuns(p.skipped)).toEqual([{ from: '2026-01-01', to: '2026-01-03', holidays: ['元旦节'] }]);
  });

  it('a plain June week still ends on Friday', () => {
    expect(workingPeriod('2026-06-01', 5, calendar).to).toBe('2026-06-05');
    expect(workingPeriod('2026-06-06', 5, calendar).to).toBe('2026-06-12');
  });
});

describe('a year without a schedule', () => {
  it('refuses to count into 2027 and says how to add it', () => {
    expect(() => workingPeriod('2026-12-28', 5, calendar)).toThrow(RefusedError);
    try {
      workingPeriod('2026-12-28', 5, calendar);
    } catch (e) {
      expect((e as RefusedError).code).toBe('calendar-year-missing');
      expect((e as Error).message).toContain('2027 年的法定节假日安排尚未收录');
      expect((e as Error).message).toContain('data/calendar/2027.json');
      expect((e as Error).message).toContain('结束日期');
    }
  });

  it('accepts an end date given by hand and says which days were not checked', () => {
    const p = describePeriod('2026-12-28', '2027-01-05', calendar);
    expect(p.unchecked).toEqual([2027]);
    expect(p.workingDays).toBe(7); // 12-28..31 and 2027-01-01, 04, 05 by weekday alone
    expect(periodLines(p).at(-1)).toContain('2027 年的法定节假日安排尚未收录');
  });

  it('counts into 2027 once data/calendar/2027.json is there', () => {
    // Test data only (the real 2027 schedule is published by the State Council in November 2026).
    const dir = tempDir();
    write(dir, '2027.json', { year: 2027, source: '测试数据', holidays: [{ name: '元旦', off: ['2027-01-01..2027-01-03'], work: [] }] });
    const withFile = loadWorkCalendar(dir);
    expect(withFile.covers(2027)).toBe(true);
    const p = workingPeriod('2026-12-28', 5, withFile);
    expect(p.to).toBe('2027-01-04');
    expect(skippedRuns(p.skipped)).toEqual([{ from: '2027-01-01', to: '2027-01-03', holidays: ['元旦'] }]);
    expect(withFile.sourceOf(2027)).toBe('2027.json（测试数据）');
  });

  it('a file for a known year replaces that year whole (a correction)', () => {
    const dir = tempDir();
    write(dir, '2026.json', { year: 2026, holidays: [{ name: '国庆节', off: ['2026-10-01..2026-10-07'], work: ['2026-10-10'] }] });
    const corrected = loadWorkCalendar(dir);
    expect(corrected.isWorkingDay('2026-02-16')).toBe(true); // 春节 no longer in the corrected year
    expect(corrected.isWorkingDay('2026-10-02')).toBe(false);
    expect(corrected.sourceOf(2026)).toBe('2026.json');
  });
});

describe('data/calendar files', () => {
  const invalid: [string, unknown, string][] = [
    ['2027.json', { year: 2028, holidays: [{ name: '元旦', off: ['2027-01-01'] }] }, '应与文件名一致'],
    ['2027.json', { year: 2027, holidays: [] }, 'holidays'],
    ['2027.json', { year: 2027, holidays: [{ off: ['2027-01-01'] }] }, 'name'],
    ['2027.json', { year: 2027, holidays: [{ name: '元旦', off: ['2027-02-30'] }] }, '2027-02-30'],
    ['2027.json', { year: 2027, holidays: [{ name: '春节', off: [], work: ['2027-02-01'] }] }, '不是周六或周日'],
    ['2027.json', { year: 2027, holidays: [{ name: '元旦', off: ['2025-01-01'] }] }, '不在 2027 年'],
    ['2027.json', { year: 2027, holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-01'] }] }, '写了两次'],
  ];
  it.each(invalid)('refuses %s with %j', (name, content, expected) => {
    const dir = tempDir();
    write(dir, name, content);
    expect(() => readScheduleFile(path.join(dir, name))).toThrow(InputFileError);
    expect(() => readScheduleFile(path.join(dir, name))).toThrow(expected);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '2027.json'), '{ year: 2027');
    expect(() => loadWorkCalendar(dir)).toThrow(/2027\.json.*JSON/u);
  });

  it('the shipped folder holds only valid files', () => {
    expect(() => loadWorkCalendar()).not.toThrow();
    expect(loadWorkCalendar().covers(2026)).toBe(true);
  });
});

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-calendar-'));
  dirs.push(dir);
  return dir;
}
function write(dir: string, name: string, content: unknown): void {
  fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
