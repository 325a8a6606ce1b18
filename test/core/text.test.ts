import { describe, expect, it } from 'vitest';
import { digitsOf, findPersonalNumbers, maskPersonalNumbers } from '../../src/core/text.js';
import { makeIdNumber } from '../fixtures/make-samples.js';
import { FULL_NUMBER, idSpellings, mobileSpellings, undodged } from '../helpers/spellings.js';

const ID = makeIdNumber('330105', '1975-06-15', 1);
const ID_X = '11010519491231002X';
const MOBILE = '13857106218';

describe('maskPersonalNumbers', () => {
  it.each(mobileSpellings(MOBILE))('masks the mobile number spelt %j', (spelling) => {
    const masked = maskPersonalNumbers(`联系电话：${spelling}（办公室）`);
    expect(masked).toContain('138****6218');
    expect(undodged(masked)).not.toMatch(FULL_NUMBER);
    expect(masked.startsWith('联系电话：')).toBe(true);
    expect(masked.endsWith('（办公室）')).toBe(true);
  });

  it.each([...idSpellings(ID), ...idSpellings(ID_X), ID_X.replace('X', 'x'), ID_X.replace('X', 'Ｘ')])('masks the ID number spelt %j', (spelling) => {
    const masked = maskPersonalNumbers(`身份证 ${spelling} 已核实`);
    expect(masked).toMatch(/身份证 \d{6}\*{8}\d{3}[\dX] 已核实/u);
    expect(undodged(masked)).not.toMatch(FULL_NUMBER);
  });

  it('masks numbers in other scripts’ digits, and 15-digit IDs', () => {
    expect(maskPersonalNumbers('\u0661\u0663\u0668\u0665\u0667\u0661\u0660\u0666\u0662\u0661\u0668')).toBe('138****6218');
    expect(maskPersonalNumbers('旧号码 330105750615001')).toBe('旧号码 330105*****5001');
  });

  it('leaves dates, plaques, amounts, years before a number, digests and long account numbers as they are', () => {
    for (const text of ['2026-05-20 至 2026-06-05', 'GS-2026-001', '补助 20,000 元', '评审得分 85.25', '2026 年 5 月 20 日', '6222 0202 0000 1234 567', 'a3f9c0e1b2d34567890abcdef1234567']) {
      expect(maskPersonalNumbers(text), text).toBe(text);
    }
    expect(maskPersonalNumbers(`2026 ${MOBILE}`)).toBe('2026 138****6218');
    expect(maskPersonalNumbers(`申报表-${ID}-${MOBILE}.xlsx`)).toBe(`申报表-${ID.slice(0, 6)}********${ID.slice(-4)}-138****6218.xlsx`);
  });

  it('finds each number once with its kind, and normalises digits', () => {
    expect(findPersonalNumbers(`${idSpellings(ID)[1]}，电话 ${mobileSpellings(MOBILE)[6]}`).map((n) => [n.kind, n.value])).toEqual([['id', ID], ['mobile', MOBILE]]);
    expect(digitsOf('１３８')).toBe('138');
  });
});
