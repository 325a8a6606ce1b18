/** The small pieces behind the menu's questions. */
import { describe, expect, it } from 'vitest';
import { cleanPath, validatorOf } from '../../../src/cli/interactive/questions.js';
import { parseDate, parseYear } from '../../../src/cli/parse.js';
import { certifiedOnHint, readDate } from '../../../src/cli/dates.js';
import { msg } from '../../../src/messages/index.js';

describe('cleanPath', () => {
  it.each([
    ['  /data/2026申报材料  ', 'linux', '/data/2026申报材料'],
    ["'/home/科员/2026 申报材料/'", 'linux', '/home/科员/2026 申报材料/'],
    ['/Users/ke/2026\\ 申报材料', 'darwin', '/Users/ke/2026 申报材料'],
    ['"C:\\Users\\科员\\2026 申报材料"', 'win32', 'C:\\Users\\科员\\2026 申报材料'],
    ['C:\\Users\\科员\\申报', 'win32', 'C:\\Users\\科员\\申报'],
    ['', 'linux', ''],
  ] as const)('%s on %s → %s', (typed, platform, expected) => {
    expect(cleanPath(typed, platform)).toBe(expected);
  });
});

describe('validatorOf', () => {
  it('passes what the parser accepts and shows the parser’s own message otherwise', () => {
    expect(validatorOf(parseYear)('2026')).toBe(true);
    expect(validatorOf(parseYear)('二〇二六')).toBe(msg('cli.badYear', { value: '二〇二六' }));
    // The command names its option; the menu, where no option is typed, does not.
    expect(validatorOf((v) => parseDate(v, '--received', 2026))('2026-02-29')).toBe('--received：日期“2026-02-29”不存在：2026 年 2 月只有 28 天。请写成如 2026-05-20');
    expect(validatorOf((v) => readDate(v, undefined, 2026))('2026-02-29')).toBe('日期“2026-02-29”不存在：2026 年 2 月只有 28 天。请写成如 2026-05-20');
    expect(validatorOf((v) => readDate(v, undefined, 2026))('2026.5.20')).toBe(true);
  });

  it('lets a programming error through instead of showing it as a hint', () => {
    expect(() =>
      validatorOf(() => {
        throw new TypeError('bug');
      })('x'),
    ).toThrow(TypeError);
  });
});

describe('certifiedOnHint', () => {
  const read = (typed: string, studio: { certifiedOn: string | null; selectionYear: number | null }) => {
    try {
      return readDate(typed, undefined, certifiedOnHint(studio)).value;
    } catch (e) {
      return (e as Error).message;
    }
  };
  it('takes a day typed without a year near the studio’s 认定 date, else in its selection year, else asks for the year', () => {
    expect(read('6月20日', { certifiedOn: '2023-06-15', selectionYear: 2023 })).toBe('2023-06-20');
    expect(read('12月30日', { certifiedOn: '2027-01-11', selectionYear: 2026 })).toBe('2026-12-30');
    // Only the studio's 认定年度 and the next are considered (2018-12-20 would be nearer).
    expect(read('12月20日', { certifiedOn: '2019-06-18', selectionYear: 2019 })).toBe('2019-12-20');
    expect(read('12月20日', { certifiedOn: '2019-06-18', selectionYear: null })).toBe('2018-12-20');
    expect(read('6月20日', { certifiedOn: null, selectionYear: 2021 })).toBe('2021-06-20');
    expect(read('6月20日', { certifiedOn: null, selectionYear: null })).toContain('没有写年份');
    expect(read('2024-06-20', { certifiedOn: null, selectionYear: null })).toBe('2024-06-20');
  });
});
