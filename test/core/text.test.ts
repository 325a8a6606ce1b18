import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../src/core/text.js';
import { findPersonalNumbers, maskPersonalNumbers, mayHoldPersonalNumber } from '../../src/core/personal-numbers.js';
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

  it.each([...idSpellings(ID), ...idSpellings(ID_X), ID_X.replace('X', 'x'), ID_X.replace('X', 'Ｘ'), ID_X.replace('X', '×'), ID_X.replace('X', '✕'), ID_X.replace('X', 'Ⅹ')])('masks the ID number spelt %j', (spelling) => {
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

describe('mayHoldPersonalNumber (the quick look before masking)', () => {
  const spellings = [...mobileSpellings(MOBILE), ...idSpellings(ID), ...idSpellings(ID_X), '\u0661\u0663\u0668\u0665\u0667\u0661\u0660\u0666\u0662\u0661\u0668', '330105750615001', '\u{1d7cf}\u{1d7d1}\u{1d7d6}57106218'];

  it.each(spellings)('says yes to every spelling masking catches: %j', (spelling) => {
    for (const text of [spelling, `联系电话：${spelling}（办公室）`, `│ #12 │ ${spelling} │`]) {
      expect(findPersonalNumbers(text).length, text).toBeGreaterThan(0);
      expect(mayHoldPersonalNumber(text), text).toBe(true);
    }
  });

  it('leaves text without a personal number as it was', () => {
    for (const text of ['', '王建国数控车工技能大师工作室', '│ #1999 │ 杭州拱墅第1999号运河锦绣刺绣工艺品有限公司 │ 向志强 │ 合格 │ 错误 0，提醒 0 │', '138 1234 567', '2026-05-20 至 2026-06-05', '总分 87（基础分 79 + 加分 8）', '1381234567号', '13812345a678']) {
      expect(findPersonalNumbers(text), text).toEqual([]);
      expect(maskPersonalNumbers(text), text).toBe(text);
    }
  });

  it('reads a line break, a # or any other short run of non-alphanumeric characters between digits as a separator; a letter ends the number', () => {
    expect(maskPersonalNumbers('13812345\n678')).toBe('138****5678');
    expect(maskPersonalNumbers('13812345#678')).toBe('138****5678');
    expect(maskPersonalNumbers('13812345a678')).toBe('13812345a678');
    expect(mayHoldPersonalNumber('138\u200b1234\u00ad5678')).toBe(true);
  });
});
