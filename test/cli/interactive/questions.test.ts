/** The small pieces behind the menu's questions. */
import { describe, expect, it } from 'vitest';
import { cleanPath, validatorOf } from '../../../src/cli/interactive/questions.js';
import { parseDate, parseYear } from '../../../src/cli/parse.js';
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
    expect(validatorOf((v) => parseDate(v, '收件日期'))('2026-02-29')).toBe(msg('cli.badDate', { value: '2026-02-29', option: '收件日期' }));
  });

  it('lets a programming error through instead of showing it as a hint', () => {
    expect(() =>
      validatorOf(() => {
        throw new TypeError('bug');
      })('x'),
    ).toThrow(TypeError);
  });
});
