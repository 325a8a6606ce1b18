import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, made, maskPersonalNumbers, normalisedDigits, plainText } from '../../src/core/personal-numbers.js';
import { backupFileName } from '../../src/store/backup.js';
import { makeIdNumber } from '../fixtures/make-samples.js';
import { idArb, mobileArb, plantedArb, spelledArb } from '../helpers/spellings.js';

const ID_X = '33010519841021191X';
const ID = makeIdNumber('330105', '1984-10-21', 193);

describe('the recogniser, by principle', () => {
  it('masks every generated ID and mobile number, whatever its digits, separators, X and surroundings', () => {
    fc.assert(
      fc.property(plantedArb, ({ value, text }) => {
        const masked = maskPersonalNumbers(text);
        expect(normalisedDigits(masked)).not.toContain(value);
        // An ID of 18 is found whole; an old ID whose last 11 digits are a mobile number may be masked as one.
        if (value.length === 18) expect(findPersonalNumbers(text).map((n) => n.value)).toContain(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same numbers in text that holds several, and keeps the words around them', () => {
    fc.assert(
      fc.property(fc.array(plantedArb, { minLength: 1, maxLength: 4 }), (planted) => {
        const text = planted.map((p) => p.text).join('；备注：');
        const masked = maskPersonalNumbers(text);
        for (const p of planted) expect(normalisedDigits(masked)).not.toContain(p.value);
        expect(masked.split('；备注：')).toHaveLength(planted.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('catches each spelling the red team used', () => {
    const cases = [
      `身份证${ID_X.replace('X', '×')} 核对`, `${ID_X.replace('X', '✕')}`, `${ID_X.replace('X', '✖')}`, `${ID_X.replace('X', 'Х')}`, `${ID_X.replace('X', 'Χ')}`,
      '159/0005/3265', '159_0005_3265', '159,0005,3265', '159，0005，3265', '159~0005~3265', '159:0005:3265',
      '138 -  - 1234 - - 5678', '(138)1234-5678', '013812345678', '¹³⁸¹²³⁴⁵⁶⁷⁸', '①③⑧①②③④⑤⑥⑦⑧', '❶❸❽➀➁➂➃➄➅➆➇',
      `${ID.slice(0, 6)}\n${ID.slice(6)}`, `1️⃣3️⃣8️⃣12345678`,
    ];
    for (const text of cases) {
      const masked = maskPersonalNumbers(text);
      expect(findPersonalNumbers(text), text).toHaveLength(1);
      expect(normalisedDigits(masked), text).not.toMatch(/\d{11}/u);
    }
    expect(maskPersonalNumbers(`身份证${ID_X.replace('X', '×')} 核对`)).toBe('身份证330105********191X 核对');
    expect(maskPersonalNumbers('单位手机“159/0005/3265”')).toBe('单位手机“159****3265”');
    expect(maskPersonalNumbers('+86 138 1234 5678')).toBe('+86 138****5678');
    expect(maskPersonalNumbers('013812345678')).toBe('0138****5678');
  });

  it('leaves gongshu-made text alone: dates, times, plaques, amounts, counts, scores and backup names', () => {
    const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(
      fc.property(dateArb, dateArb, fc.nat({ max: 999 }), fc.nat({ max: 99_999_999 }), fc.nat({ max: 10_000 }), fc.constantFrom('gongshu', 'gongshu2025', 'data/gongshu-2026', '课题2024'), (a, b, plaque, amount, score, base) => {
        const iso = (d: Date): string => d.toISOString().slice(0, 10);
        const texts = [
          `${iso(a)} 至 ${iso(b)}`, `${iso(a)}~${iso(b)}`, iso(a).replace(/-/gu, ''), `${iso(a).replace(/-/gu, '')} ${iso(b).replace(/-/gu, '')}`,
          `GS-${iso(a).slice(0, 4)}-${String(plaque).padStart(3, '0')}`, `补助 ${amount.toLocaleString('en-US')} 元`, `总分 ${score / 100}`,
          `共 ${plaque} 份，合计 ${amount} 元`, a.toISOString(),
        ];
        for (const t of texts) expect(maskPersonalNumbers(t), t).toBe(t);
        const backup = `/srv/gongshu-backups/${backupFileName(`${base}.db`, 'before-restore', a)}`;
        expect(maskPersonalNumbers(`已自动备份数据库：${made(backup)}`)).toBe(`已自动备份数据库：${backup}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks user text around made() text but never inside it, and made() markers cannot be forged', () => {
    fc.assert(
      fc.property(plantedArb, mobileArb, (p, mobile) => {
        const line = `${p.text}${made(`/tmp/${mobile}.db`)}${p.text}`;
        const masked = maskPersonalNumbers(line);
        expect(masked).toContain(`/tmp/${mobile}.db`);
        expect(normalisedDigits(masked.replace(`/tmp/${mobile}.db`, '|'))).not.toContain(p.value);
        // A made() marker from another process (another key) is no marker: the text is masked.
        const forged = `\ue000\ue1ff${mobile}\ue001\ue1ff`;
        expect(normalisedDigits(maskPersonalNumbers(forged))).not.toContain(mobile);
        expect(plainText(made(mobile))).toBe(mobile);
      }),
      { numRuns: 300 },
    );
  });

  it('needs the right check character for digits joined across separators, not for an ID written in one piece (a typo is still someone’s number)', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
        const grouped = `${wrong.slice(0, 6)} ${wrong.slice(6, 14)} ${wrong.slice(14)}`;
        expect(maskPersonalNumbers(`账号 ${grouped}`)).toBe(`账号 ${grouped}`);
        expect(maskPersonalNumbers(`身份证 ${wrong}`)).toBe(`身份证 ${wrong.slice(0, 6)}********${wrong.slice(14)}`);
        if (/\d$/u.test(id)) expect(maskPersonalNumbers(`账号 ${id}1`)).toBe(`账号 ${id}1`);
      }),
    );
  });

  it('reads digits grouped by thousands (17,170,432,181) as a figure, and 159,0005,3265 as a number', () => {
    expect(maskPersonalNumbers('合并单元格共覆盖 17,170,432,181 个单元格')).toBe('合并单元格共覆盖 17,170,432,181 个单元格');
    expect(maskPersonalNumbers('合计 13,812,345,678 元')).toBe('合计 13,812,345,678 元');
    expect(maskPersonalNumbers('159,0005,3265')).toBe('159****3265');
  });

  it('masks an ID grouped by thousands (330,105,198,410,211,004): a right check character is no figure', () => {
    fc.assert(
      fc.property(idArb, fc.constantFrom(',', '，', ', '), (id, sep) => {
        const grouped = id.replace(/(.{3})(?=.)/gu, `$1${sep}`);
        const masked = maskPersonalNumbers(`身份证${grouped}号`);
        expect(normalisedDigits(masked)).not.toContain(id);
        expect(masked).toBe(`身份证${id.slice(0, 6)}********${id.slice(14)}号`);
      }),
    );
  });

  it('reads Han numerals (一三八…, 壹叁捌…, 〇 零) as the digits they are, and ⨉ ☓ as X', () => {
    const han = ['零〇', '一壹', '二贰', '三叁', '四肆', '五伍', '六陆', '七柒', '八捌', '九玖'];
    fc.assert(
      fc.property(mobileArb, fc.infiniteStream(fc.boolean()), fc.constantFrom('', ' ', '-', '、'), (m, flips, sep) => {
        const spelt = [...m].map((d, i) => (i === 3 || i === 7 ? sep : '') + (flips.next().value ? han[Number(d)]![m.length % 2]! : d)).join('');
        expect(normalisedDigits(maskPersonalNumbers(`联系人电话${spelt}，谢谢`))).not.toContain(m);
      }),
    );
    expect(maskPersonalNumbers('身份证三三〇一〇五一九八四一〇二一一九一X')).toBe('身份证330105********191X');
    expect(maskPersonalNumbers('33010519841021191⨉ 33010519841021191☓')).toBe('330105********191X 330105********191X');
    expect(maskPersonalNumbers('第一二三四五六七八九条、二〇二五年')).toBe('第一二三四五六七八九条、二〇二五年');
  });

  it('shows an already masked number again as it is, whatever date follows it (159****3265；2026-12-07)', () => {
    fc.assert(
      fc.property(plantedArb, fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), ({ text }, when) => {
        const once = maskPersonalNumbers(`原因：${text}`);
        const line = `${once}；${when.toISOString().slice(0, 10)}）`;
        expect(maskPersonalNumbers(line)).toBe(line);
      }),
    );
  });

  it('maps the match back to the characters written', () => {
    fc.assert(
      fc.property(mobileArb.chain((m) => spelledArb(m).map((s) => [m, s] as const)), ([m, s]) => {
        const [n] = findPersonalNumbers(`电话 ${s} 办公室`);
        expect(n!.value).toBe(m);
        expect(normalisedDigits(`电话 ${s} 办公室`.slice(n!.start, n!.end))).toBe(m);
      }),
    );
  });
});

describe('made text inside made text', () => {
  it('keeps every made part as it is, masks the user text outside, and leaves no marker behind', () => {
    const table = made(`表 ${made('备份 gongshu2025-20261207-014649Z')} 尾 13812345678`);
    expect(maskPersonalNumbers(`${table} 13812345678`)).toBe('表 备份 gongshu2025-20261207-014649Z 尾 13812345678 138****5678');
  });

  it('removes the markers of a text that holds no number at all', () => {
    expect(maskPersonalNumbers(made(`上限2.0MB；${made('一份申报表的每一部分都不到100KB')}`))).toBe('上限2.0MB；一份申报表的每一部分都不到100KB');
  });
});

describe('a date inside a number', () => {
  it('masks an old ID grouped so that its middle looks like a year, month and day with spaces (a date is written with marks)', () => {
    expect(maskPersonalNumbers('1100 1930 01 01 751')).not.toContain('1930 01 01');
    expect(maskPersonalNumbers('1100 2026-05-22 751')).toBe('1100 2026-05-22 751');
  });
});
