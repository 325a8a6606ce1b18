/** Dates and months as clerks type them (options, menu questions) and as units write them on forms. */
import { describe, expect, it } from 'vitest';
import { readDate, readMonth } from '../../src/cli/dates.js';
import { readTypedDate, readTypedMonth } from '../../src/core/date-input.js';
import { readPartialDate } from '../../src/core/dates.js';
import { UsageError } from '../../src/core/errors.js';

describe('a typed date', () => {
  it.each([
    ['2026-05-20', true],
    ['2026-5-20', false],
    ['2026/5/20', false],
    ['2026/05/20', false],
    ['2026.5.20', false],
    ['2026年5月20日', false],
    ['2026年05月20日', false],
    ['2026年5月20号', false],
    ['20260520', false],
    ['２０２６－５－２０', false],
    [' 2026 年 5 月 20 日 ', false],
  ])('reads %j as 2026-05-20', (typed, canonical) => {
    expect(readTypedDate(typed)).toEqual({ ok: true, value: '2026-05-20', canonical });
  });

  it('takes the end of a period typed without a year as the first such day on or after its start', () => {
    expect(readTypedDate('1月5日', { onOrAfter: '2026-12-28' })).toEqual({ ok: true, value: '2027-01-05', canonical: false });
    expect(readTypedDate('12月31日', { onOrAfter: '2026-12-28' })).toEqual({ ok: true, value: '2026-12-31', canonical: false });
    expect(readTypedDate('12月28日', { onOrAfter: '2026-12-28' })).toEqual({ ok: true, value: '2026-12-28', canonical: false });
    expect(readTypedDate('2月20日', { onOrAfter: '2027-12-28' })).toEqual({ ok: true, value: '2028-02-20', canonical: false });
    // A day before the start that is not early next year stays in the start's year (refused as before the start), never a year-long period.
    expect(readTypedDate('12月20日', { onOrAfter: '2026-12-28' })).toEqual({ ok: true, value: '2026-12-20', canonical: false });
    expect(readTypedDate('6月1日', { onOrAfter: '2026-06-05' })).toEqual({ ok: true, value: '2026-06-01', canonical: false });
    expect(readTypedDate('2026-01-05', { onOrAfter: '2026-12-28' })).toEqual({ ok: true, value: '2026-01-05', canonical: true });
    expect(readTypedDate('2月30日', { onOrAfter: '2026-12-28' }).ok).toBe(false);
  });

  it('takes 5月22日 in the year given, and refuses it without one', () => {
    expect(readTypedDate('5月22日', 2026)).toEqual({ ok: true, value: '2026-05-22', canonical: false });
    expect(readTypedDate('5月22日')).toEqual({ ok: false, problem: 'no-year' });
  });

  it.each([
    ['2026-02-30', 'impossible'],
    ['2026年2月29日', 'impossible'],
    ['20260230', 'impossible'],
    ['2026-13-01', 'impossible'],
    ['5/20/2026', 'ambiguous'],
    ['20/5/2026', 'ambiguous'],
    ['26-5-20', 'ambiguous'],
    ['2026-05', 'no-day'],
    ['2026年5月', 'no-day'],
    ['明天', 'unreadable'],
    ['2026-5-20-1', 'unreadable'],
    ['', 'empty'],
  ] as const)('refuses %j (%s)', (typed, problem) => {
    expect(readTypedDate(typed)).toMatchObject({ ok: false, problem });
  });

  it.each([
    ['1.8', 1, 8],
    ['01-08', 1, 8],
    ['1/8', 1, 8],
    ['１．８', 1, 8],
    ['12.31', 12, 31],
    ['一月八日', 1, 8],
    ['十二月二十一日', 12, 21],
    ['三月三十一号', 3, 31],
    ['十月十日', 10, 10],
    ['1.8日', 1, 8],
    ['1.8.', 1, 8],
    ['1月八日', 1, 8],
    ['一月8日', 1, 8],
  ] as const)('refuses the month and day %j without guessing, offering %i月%i日', (typed, month, day) => {
    expect(readTypedDate(typed, 2026)).toEqual({ ok: false, problem: 'month-day', monthDay: { month, day, exists: true, withYear: false } });
    expect(() => readDate(typed, '--date', 2026)).toThrow(`如果是 ${month} 月 ${day} 日，请写成 ${month}月${day}日`);
    // What it offers is read with the same year.
    expect(readTypedDate(`${month}月${day}日`, 2026)).toMatchObject({ ok: true, value: `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
  });

  it('offers a spelling with a year where none can be assumed, and says a day no month has does not exist', () => {
    expect(readTypedDate('6.15')).toEqual({ ok: false, problem: 'month-day', monthDay: { month: 6, day: 15, exists: true, withYear: true } });
    expect(() => readDate('6.15', '--certified-on', undefined)).toThrow('如果是 6 月 15 日，请连同年份写成如 2020年6月15日');
    for (const [typed, month, day] of [['2.30', 2, 30], ['4.31', 4, 31], ['二月三十日', 2, 30]] as const) {
      expect(() => readDate(typed, '--deadline', 2026)).toThrow(`日期“${typed}”不存在：${month} 月没有 ${day} 日`);
    }
    // 2月29日 exists in some years: offered, and then read (or refused) in the year taken.
    expect(() => readDate('2.29', '--deadline', 2026)).toThrow('如果是 2 月 29 日，请写成 2月29日');
  });

  it.each(['13.8', '1.32', '0.5', '十三月一日', '一月三十二日', '二十月一日', '1.8.9'])('does not offer a month and day for %j', (typed) => {
    expect(readTypedDate(typed, 2026)).toMatchObject({ ok: false });
    expect(readTypedDate(typed, 2026)).not.toHaveProperty('monthDay');
  });

  it('says what is wrong and gives an example, naming the option only on the command line', () => {
    expect(() => readDate('2026-02-30', '--received', 2026)).toThrow(UsageError);
    expect(() => readDate('2026-02-30', '--received', 2026)).toThrow('--received：日期“2026-02-30”不存在：2026 年 2 月只有 28 天。请写成如 2026-05-20');
    expect(() => readDate('2028-02-30', undefined, 2026)).toThrow('日期“2028-02-30”不存在：2028 年 2 月只有 29 天');
    expect(() => readDate('5/20/2026', undefined, 2026)).toThrow('看不出哪个数是年、哪个是月，请按“年-月-日”的顺序写四位年份，如 2026-05-20 或 2026年5月20日');
    expect(() => readDate('明天', undefined, 2026)).toThrow('日期“明天”无法识别，请写成 2026-05-20、2026/5/20、2026.5.20、2026年5月20日 或 20260520');
    expect(() => readDate('2026-05', undefined, 2026)).toThrow('“2026-05”只有年月，这里要写到哪一天');
  });
});

describe('a typed month', () => {
  it.each([
    ['1975-06', true],
    ['1975-6', false],
    ['1975.6', false],
    ['1975.06', false],
    ['1975/6', false],
    ['1975年6月', false],
    ['197506', false],
    ['1975-06-15', false],
  ])('reads %j as 1975-06', (typed, canonical) => {
    expect(readTypedMonth(typed)).toEqual({ ok: true, value: '1975-06', canonical });
  });

  it('reads 1975.1 typed as text as January (a typed text keeps its zero, unlike a number in a cell)', () => {
    expect(readTypedMonth('1975.1')).toEqual({ ok: true, value: '1975-01', canonical: false });
    expect(readTypedMonth('1975.10')).toEqual({ ok: true, value: '1975-10', canonical: false });
  });

  it.each([
    ['1975-13', 'impossible'],
    ['6/1975', 'ambiguous'],
    ['1975', 'unreadable'],
    ['', 'empty'],
  ] as const)('refuses %j (%s)', (typed, problem) => {
    expect(readTypedMonth(typed)).toMatchObject({ ok: false, problem });
  });

  it('says what to write', () => {
    expect(() => readMonth('1975', '--birth')).toThrow('--birth：年月“1975”无法识别，请写成 1975-06、1975.6、1975/6、1975年6月 或 197506');
    expect(() => readMonth('1975-13')).toThrow('年月“1975-13”不存在：月份应为 1 到 12');
  });
});

describe('a date written on a form (出生年月, 从业时间)', () => {
  it.each([
    ['2026-5-20', '2026-05', '2026-05-20'],
    ['2026/5/20', '2026-05', '2026-05-20'],
    ['2026.5.20', '2026-05', '2026-05-20'],
    ['2026年5月20日', '2026-05', '2026-05-20'],
    ['20260520', '2026-05', '2026-05-20'],
    ['2026-05', '2026-05', null],
    ['2026.5', '2026-05', null],
    ['2026年5月', '2026-05', null],
  ])('reads %j', (written, month, date) => {
    expect(readPartialDate(written)).toEqual({ status: 'ok', month, date });
  });

  it('does not invent a day that does not exist', () => {
    expect(readPartialDate('2026-02-30')).toEqual({ status: 'unreadable', raw: '2026-02-30' });
  });
});
