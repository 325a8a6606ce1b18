import { describe, expect, it } from 'vitest';
import { arabicDateNumerals, excelSerialToParts, looksLikeDateFormat, readPartialDate, resolveAmbiguous, smallChineseNumber } from '../../src/core/dates.js';

const month = (input: Parameters<typeof readPartialDate>[0], opts?: Parameters<typeof readPartialDate>[1]): string | null => {
  const r = readPartialDate(input, opts);
  return r.status === 'ok' ? r.month : null;
};

describe('readPartialDate: text typed by clerks', () => {
  it.each([
    ['1975.06', '1975-06'],
    ['1975.6', '1975-06'],
    ['1975.1', '1975-01'], // as text nothing was dropped: January
    ['1975.10', '1975-10'],
    ['1975年6月', '1975-06'],
    ['1975年06月', '1975-06'],
    ['1975年06月15日', '1975-06'],
    ['1975 年 6 月', '1975-06'],
    ['1975-6', '1975-06'],
    ['1975-06-15', '1975-06'],
    ['1975/06', '1975-06'],
    ['1975/6/15', '1975-06'],
    ['197506', '1975-06'],
    ['19750615', '1975-06'],
    ['１９７５．０６', '1975-06'],
    ['１９７５年６月', '1975-06'],
    ['1975-06-15 00:00:00', '1975-06'],
    ['  1975.06  ', '1975-06'],
  ])('%s → %s', (text, expected) => {
    expect(month(text)).toBe(expected);
  });

  it('keeps the day when there is one', () => {
    expect(readPartialDate('1975年06月15日')).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate('19750615')).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate('1975.06')).toEqual({ status: 'ok', month: '1975-06', date: null });
  });

  it.each(['1975.13', '1975-00', '197513', '19750231', '1975', '75.06', '一九七五年六月', 'abc', '1975.061', '2300-01'])(
    '%s is unreadable',
    (text) => {
      expect(readPartialDate(text)).toEqual({ status: 'unreadable', raw: text });
    },
  );

  it('empty text is empty', () => {
    expect(readPartialDate('   ')).toEqual({ status: 'empty' });
    expect(readPartialDate(null)).toEqual({ status: 'empty' });
  });
});

describe('readPartialDate: numbers', () => {
  it('year.month numbers', () => {
    expect(month(1975.06)).toBe('1975-06');
    expect(month(1975.6)).toBe('1975-06');
    expect(month(1975.11)).toBe('1975-11');
    expect(month(1975.12)).toBe('1975-12');
    // binary noise written by old Excel versions
    expect(month(1975.0599999999999)).toBe('1975-06');
  });

  it('1975.1 is January or October (Excel dropped the zero of 1975.10)', () => {
    expect(readPartialDate(1975.1)).toEqual({ status: 'ambiguous', ambiguous: ['1975-01', '1975-10'] });
  });

  it('yyyymm and yyyymmdd integers', () => {
    expect(month(197506)).toBe('1975-06');
    expect(readPartialDate(19750615)).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate(197513).status).toBe('unreadable');
  });

  it('a bare year has no month', () => {
    expect(readPartialDate(1975)).toEqual({ status: 'unreadable', raw: '1975' });
  });

  it('Excel serials in the plausible range, without a number format (Chinese built-in date formats)', () => {
    // 1975-06-15 is serial 27560
    expect(readPartialDate(27560)).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate(27560.5)).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate(500).status).toBe('unreadable');
    expect(readPartialDate(80000).status).toBe('unreadable');
  });

  it('any serial when the number format is a date format', () => {
    expect(month(500, { numFmt: 'yyyy-mm-dd' })).toBe('1901-05');
    expect(month(27560, { numFmt: 'yyyy"年"m"月"' })).toBe('1975-06');
  });

  it('1904 date system', () => {
    expect(month(26098, { numFmt: 'yyyy-mm-dd', date1904: true })).toBe('1975-06');
  });

  it('month out of range is unreadable', () => {
    expect(readPartialDate(1975.13).status).toBe('unreadable');
    expect(readPartialDate(1975.0).status).toBe('unreadable'); // an integer year
  });
});

describe('readPartialDate: date parts', () => {
  it('takes parts as given', () => {
    expect(readPartialDate({ y: 1975, m: 6, d: 15 })).toEqual({ status: 'ok', month: '1975-06', date: '1975-06-15' });
    expect(readPartialDate({ y: 1975, m: 2, d: 30 }).status).toBe('unreadable');
  });
});

describe('excelSerialToParts', () => {
  it('follows Excel across the 1900 leap-year bug', () => {
    expect(excelSerialToParts(1)).toEqual({ y: 1900, m: 1, d: 1 });
    expect(excelSerialToParts(59)).toEqual({ y: 1900, m: 2, d: 28 });
    expect(excelSerialToParts(60)).toBeNull(); // 1900-02-29 never existed
    expect(excelSerialToParts(61)).toEqual({ y: 1900, m: 3, d: 1 });
    expect(excelSerialToParts(27560)).toEqual({ y: 1975, m: 6, d: 15 });
    expect(excelSerialToParts(45658)).toEqual({ y: 2025, m: 1, d: 1 });
    expect(excelSerialToParts(0)).toBeNull();
  });

  it('1904 system counts from 1904-01-01', () => {
    expect(excelSerialToParts(0, true)).toEqual({ y: 1904, m: 1, d: 1 });
  });
});

describe('looksLikeDateFormat', () => {
  it.each(['yyyy-mm-dd', 'mm-dd-yy', 'yyyy"年"m"月"', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"', 'yyyy/m/d', 'd-mmm-yy', 'yyyy.mm'])(
    '%s is a date format',
    (f) => expect(looksLikeDateFormat(f)).toBe(true),
  );
  it.each(['General', '0', '0.00', '@', '#,##0', 'h:mm', 'mm:ss', '0.00E+00', '"年"0', undefined])('%s is not', (f) => {
    expect(looksLikeDateFormat(f)).toBe(false);
  });
});

describe('resolveAmbiguous', () => {
  it('picks the candidate matching the known month', () => {
    expect(resolveAmbiguous(['1975-01', '1975-10'], '1975-10')).toBe('1975-10');
    expect(resolveAmbiguous(['1975-01', '1975-10'], '1975-01')).toBe('1975-01');
  });
  it('gives null without a match', () => {
    expect(resolveAmbiguous(['1975-01', '1975-10'], '1975-03')).toBeNull();
    expect(resolveAmbiguous(['1975-01', '1975-10'], null)).toBeNull();
  });
});

describe('arabicDateNumerals', () => {
  it.each([
    ['二〇一九年六月十五日', '2019年6月15日'],
    ['二〇一九年一月三日', '2019年1月3日'],
    ['二〇二一年三月二十一日', '2021年3月21日'],
    ['二〇一九年十二月一日', '2019年12月1日'],
    ['二〇一九年二月', '2019年2月'],
    ['二〇二一年度', '2021年度'],
  ])('%s → %s', (written, digits) => {
    expect(arabicDateNumerals(written)).toBe(digits);
  });

  it('reads 一 to 三十一 and nothing else as a small numeral', () => {
    const words = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    for (let n = 1; n <= 31; n++) {
      const text = n <= 10 ? words[n - 1]! : n < 20 ? `十${n % 10 ? words[(n % 10) - 1] : ''}` : `${words[Math.floor(n / 10) - 1]}十${n % 10 ? words[(n % 10) - 1] : ''}`;
      expect(smallChineseNumber(text), text).toBe(n);
    }
    for (const text of ['', '一一', '十十', '四十一', '〇', '二三']) expect(smallChineseNumber(text), text).toBeNull();
  });
});
