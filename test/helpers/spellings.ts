/**
 * Every way a clerk, a unit or a pasted form spells an ID or a mobile number that masking must still
 * catch: spaces, dashes, dots, full-width digits, a +86 / 0086 prefix, invisible characters between digits.
 */
const FULL_WIDTH = (s: string): string => s.replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)));

/** Eleven digits: 138 1234 5678, 138-1234-5678, １３８１２３４５６７８, +86 138…, 0086…, with zero-width spaces. */
export function mobileSpellings(mobile: string): string[] {
  const [a, b, c] = [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)];
  return [
    mobile,
    `${a} ${b} ${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    FULL_WIDTH(mobile),
    `${FULL_WIDTH(a)}－${FULL_WIDTH(b)}－${FULL_WIDTH(c)}`,
    `+86 ${a} ${b} ${c}`,
    `+86${mobile}`,
    `0086-${mobile}`,
    [...mobile].join('\u200b'),
    `${a}\u200d${b}\u2060${c}`,
    `${a}\u00a0${b}\u3000${c}`,
  ];
}

/** An 18-character ID: with spaces, dashes, full-width, zero-width characters, X in either width. */
export function idSpellings(id: string): string[] {
  const [a, b, c] = [id.slice(0, 6), id.slice(6, 14), id.slice(14)];
  return [
    id,
    `${a} ${b} ${c}`,
    `${a}-${b}-${c}`,
    FULL_WIDTH(id),
    [...id].join('\u200b'),
    `${a}\ufeff${b}\u00ad${c}`,
    `${a} ${b.slice(0, 4)} ${b.slice(4)} ${c}`,
  ];
}

/** A full 18- or 15-digit ID or an 11-digit mobile, after the spellings above are undone (for checking output). */
export const FULL_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])|(?<!\d)\d{15}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/u;

/** The text with every digit half-width and every separator between digits removed, so that any dodge shows. */
export function undodged(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/gu, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[ＸｘX]/gu, 'X')
    .replace(/(?<=\d)[\s\u00a0\u3000\u200b-\u200f\u2060\ufeff\u00ad.\-－]+(?=[\dX])/gu, '');
}

// ---- generated spellings (fast-check): the recogniser's principle, not a list ----

import fc from 'fast-check';
import { idCheckChar } from '../../src/core/id-number.js';

/** Ways to write each digit: ASCII, full-width, circled, superscript, subscript, dingbat, mathematical, other scripts. */
const DIGIT_FORMS: readonly ((d: number) => string)[] = [
  (d) => String(d),
  (d) => String.fromCharCode(0xff10 + d),
  (d) => (d === 0 ? '⓪' : String.fromCharCode(0x2460 + d - 1)),
  (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]!,
  (d) => String.fromCharCode(0x2080 + d),
  (d) => (d === 0 ? '⓿' : String.fromCharCode(0x2776 + d - 1)),
  (d) => (d === 0 ? '〇' : String.fromCharCode(0x2780 + d - 1)),
  (d) => String.fromCodePoint(0x1d7ce + d),
  (d) => String.fromCharCode(0x0660 + d),
  (d) => String.fromCharCode(0x0966 + d),
  (d) => `${d}\ufe0f\u20e3`,
];
/** Characters that stand for an ID's check character X. */
export const X_FORMS = ['X', 'x', '×', '✕', '✖', 'Х', 'х', 'Χ', 'ｘ', 'Ｘ'] as const;
/** Separators people and forms put between groups of digits (each a non-alphanumeric character). */
const SEPARATORS = [' ', '-', '/', '_', ',', '，', '~', ':', '：', '.', '·', '(', ')', '（', '）', '　', '\u00a0', '—', '－', '*', '#', '|', '│', '\n', '\t', '、', '\u200b', '\u2060', '\ufeff', '\u00ad'] as const;
/** Text around a number (no digit or letter touching it would change what it is). */
const AROUND = ['', '身份证', '手机：', '联系电话 ', '（', '理由：核对', ' 号码为', '申报表-', '.xlsx', '）', '，请核对', '备注'] as const;

export const mobileArb: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/u)).map(([b, rest]) => `1${b}${rest}`);

export const idArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 110000, max: 829999 }), fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
  .map(([region, birth, seq]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/gu, '')}${String(seq).padStart(3, '0')}`;
    return first17 + idCheckChar(first17);
  });

/** 15-digit IDs of the old style: region, YYMMDD, three digits. */
export const id15Arb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 110000, max: 829999 }), fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
  .map(([region, birth, seq]) => `${region}${birth.toISOString().slice(2, 10).replace(/-/gu, '')}${String(seq).padStart(3, '0')}`);

/** A number's characters as written: each digit in some form, an X in some form, separators of 1–6 characters at random places. */
export function spelledArb(value: string, prefixes: readonly string[] = ['']): fc.Arbitrary<string> {
  const chars = [...value];
  return fc
    .tuple(
      fc.constantFrom(...prefixes),
      fc.array(fc.nat({ max: DIGIT_FORMS.length - 1 }), { minLength: chars.length, maxLength: chars.length }),
      fc.array(fc.option(fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 6 }), { freq: 3 }), { minLength: chars.length, maxLength: chars.length }),
      fc.constantFrom(...X_FORMS),
    )
    .map(([prefix, forms, gaps, x]) =>
      prefix +
      chars
        .map((c, i) => (i > 0 && gaps[i] ? gaps[i]!.join('') : '') + (c === 'X' ? x : DIGIT_FORMS[forms[i]!]!(Number(c))))
        .join(''),
    );
}

export interface Planted {
  /** The number as the recogniser normalises it (ASCII digits, X). */
  value: string;
  /** The text holding it. */
  text: string;
}

/** An ID (18 or 15) or a mobile number (with or without +86 / 0086 / 0 / brackets), spelt at random, in some text. */
export const plantedArb: fc.Arbitrary<Planted> = fc
  .oneof(
    idArb.chain((id) => spelledArb(id).map((s) => ({ value: id, s }))),
    id15Arb.chain((id) => spelledArb(id).map((s) => ({ value: id, s }))),
    mobileArb.chain((m) => spelledArb(m, ['', '+86 ', '+86-', '0086 ', '(+86)', '（0086）', '0', '86']).map((s) => ({ value: m, s }))),
  )
  .chain(({ value, s }) => fc.tuple(fc.constantFrom(...AROUND), fc.constantFrom(...AROUND)).map(([a, b]) => ({ value, text: `${a}${s}${b}` })));
