/**
 * The one recogniser of personal numbers (ID numbers and mobile numbers) in free text, by principle rather
 * than by a list of spellings:
 *
 * 1. Each character is normalised on its own with Unicode NFKC (full-width, superscript, subscript,
 *    circled and mathematical digits become ASCII digits; ｘ, Ⅹ and 𝐗 become x/X). Characters whose
 *    Unicode numeric value is a digit but which NFKC leaves alone (❶ ➀ ➊ ⓵ ⓿ 〇, the Han numerals 一…九 零
 *    壹…玖 and the decimal digits of every other script) are mapped to that digit; X-like characters (× ✕ ✖ ✗ ✘ ⨯ ╳, Cyrillic Х,
 *    Greek Χ, either case) to X. Combining marks and invisible format characters are ignored.
 * 2. Letters (any script) and other numbers end a chain of digits; a run of at most MAX_GAP other characters
 *    (spaces, punctuation, brackets, slashes, line breaks, symbols, box drawing) between digits is a
 *    separator.
 * 3. In the normalised chain: 18-character IDs whose check character (MOD 11-2) is right and whose birth
 *    date is a date, 15-digit old IDs whose birth date is a date, and mobile numbers 1[3-9] + 9 digits,
 *    written alone or after 0, 86 or 0086 (`+86`, `(0086)`, `0138…`). A number starts where a group of
 *    digits starts and ends where one ends: a longer unbroken run (an account number, a digest) is none.
 * 4. The match is mapped back to the original characters, which are replaced by the masked number
 *    (330105********0017, 138****5678); the text around it stays as written.
 *
 * Text gongshu made itself (paths, backup names, tables it already masked cell by cell) may be wrapped in
 * made(): the masking leaves it as it is and it ends every chain; the markers are unforgeable (a random
 * key per process) and are removed by maskPersonalNumbers and plainText.
 */
import { randomBytes } from 'node:crypto';
import { idCheckChar } from './id-number.js';
import { maskIdNumber } from './text.js';

export type PersonalNumberKind = 'id' | 'mobile';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** Where it stands in the text (UTF-16 offsets, end exclusive), from its first digit to its last character. */
  start: number;
  end: number;
  /** The number in ASCII digits (an ID's check character as X; a mobile without its prefix). */
  value: string;
  /** What replaces it: 330105********0017, 138****5678. */
  masked: string;
}

/** At most this many visible characters between two digits of one number (`138 --- 1234`, `(138) 1234`). */
export const MAX_GAP = 6;

// ---- normalisation, one code point at a time ----

/** A normalised unit: a digit '0'–'9', 'X' (X-like), 'L' (letter or other number: ends a chain), 'S' (separator), 'I' (ignored). */
type Unit = string;

const X_LIKE = new Set(['X', 'x', '×', '✕', '✖', '✗', '✘', '⨯', '⨉', '☓', '╳', 'Х', 'х', 'Χ', 'χ']);

/** Digits NFKC leaves alone: dingbat and double circled digits, ⓿, 🄋 🄌, the ideographic zero. */
const EXTRA_DIGITS: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  const run = (first: number, from: number, to: number): void => {
    for (let v = from; v <= to; v++) m.set(first + v - from, v);
  };
  run(0x2776, 1, 9); // ❶–❾
  run(0x2780, 1, 9); // ➀–➈
  run(0x278a, 1, 9); // ➊–➒
  run(0x24f5, 1, 9); // ⓵–⓽
  m.set(0x24ff, 0); // ⓿
  m.set(0x1f10b, 0); // 🄋
  m.set(0x1f10c, 0); // 🄌
  m.set(0x3007, 0); // 〇
  // Han ideographs whose Unicode numeric value (Unihan kPrimaryNumeric, kAccountingNumeric, kOtherNumeric)
  // is a digit: 一三八一二三四五六七八 and 壹叁捌… are a mobile number as much as 13812345678.
  const han: readonly [string, number][] = [
    ['零〇', 0], ['一壹弌', 1], ['二贰貳弍', 2], ['三叁參弎', 3], ['四肆', 4],
    ['五伍', 5], ['六陆陸', 6], ['七柒', 7], ['八捌', 8], ['九玖', 9],
  ];
  for (const [chars, v] of han) for (const ch of chars) m.set(ch.codePointAt(0)!, v);
  return m;
})();

const ND = /\p{Nd}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const IGNORED = /[\p{Cf}\p{M}\u115f\u1160\u17b4\u17b5\u3164\uffa0]/u;

let ndValues: Map<number, number> | undefined;

/** The value of a decimal digit of any script: each script's digits are ten code points in a row, 0 first. */
function ndValue(code: number): number | undefined {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (!ndValues) {
    ndValues = new Map();
    let runStart = -1;
    for (let c = 0x80; c <= 0x1ffff; c++) {
      if (ND.test(String.fromCodePoint(c))) {
        if (runStart < 0) runStart = c;
        ndValues.set(c, (c - runStart) % 10);
      } else runStart = -1;
    }
  }
  return ndValues.get(code);
}

function unitOfChar(ch: string): Unit {
  if (X_LIKE.has(ch)) return 'X';
  const code = ch.codePointAt(0)!;
  const extra = EXTRA_DIGITS.get(code);
  if (extra !== undefined) return String(extra);
  if (ND.test(ch)) return String(ndValue(code) ?? 'L');
  if (IGNORED.test(ch)) return 'I';
  if (LETTER_OR_NUMBER.test(ch)) return 'L';
  return 'S';
}

const unitCache = new Map<number, readonly Unit[]>();

/** What one original code point becomes: usually one unit, more when NFKC expands it (⑩ → 1 0, ⒈ → 1 .). */
function unitsOf(code: number): readonly Unit[] {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return DIGIT_UNITS[code - 0x30]!;
    if (code === 0x58 || code === 0x78) return X_UNITS;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return L_UNITS;
    return S_UNITS;
  }
  let units = unitCache.get(code);
  if (!units) {
    const ch = String.fromCodePoint(code);
    if (X_LIKE.has(ch) || EXTRA_DIGITS.has(code) || IGNORED.test(ch)) units = [unitOfChar(ch)];
    else units = [...ch.normalize('NFKC')].map(unitOfChar);
    if (units.length === 0) units = ['I'];
    unitCache.set(code, units);
  }
  return units;
}
const DIGIT_UNITS: readonly (readonly Unit[])[] = Array.from({ length: 10 }, (_, d) => [String(d)]);
const X_UNITS: readonly Unit[] = ['X'];
const L_UNITS: readonly Unit[] = ['L'];
const S_UNITS: readonly Unit[] = ['S'];

// ---- made text ----

// One key per run, shared with the parse workers (threads and processes inherit the environment), so that a
// worker's made() text is recognised where it is shown.
const KEY_VARIABLE = 'GONGSHU_MADE_KEY';
const KEY = (() => {
  const given = process.env[KEY_VARIABLE];
  if (given && /^[\ue100-\ue1ff]{6}$/u.test(given)) return given;
  const key = [...randomBytes(6)].map((b) => String.fromCharCode(0xe100 + b)).join('');
  process.env[KEY_VARIABLE] = key;
  return key;
})();
const OPEN = `\ue000${KEY}`;
const CLOSE = `\ue001${KEY}`;
const MARKER_OF_THIS_RUN = new RegExp(`${OPEN}|${CLOSE}`, 'gu');

/** Marks text gongshu made (a path, a backup name, a table it masked cell by cell): masking leaves it as it is. */
export function made(text: string): string {
  return `${OPEN}${text}${CLOSE}`;
}

/** A made() marker of any process (another key: text stored by an earlier run), removed wherever met. */
const ANY_MARKER = /[\ue000\ue001][\ue100-\ue1ff]{6}/gu;

/** The text without made() markers (for sinks that do not mask: JSON, files). */
export function plainText(text: string): string {
  return /[\ue000\ue001]/u.test(text) ? text.replace(ANY_MARKER, '') : text;
}

/**
 * The literal parts of gongshu's message templates that hold digits (`请写成 1975-06、1975.6、1975/6 …`):
 * gongshu's own words, never a clerk's, wherever they appear whole. Only parts with at least two digits and
 * four letters are kept: distinctive text, which a number typed by someone cannot hide in (a letter ends a
 * number, and a part is protected only where it appears whole).
 */
let literals: string[] = [];
let pending: (() => Iterable<string>)[] = [];

/** Registers the template parts; read only when some text may hold a number (most commands never need them). */
export function registerMadeLiterals(parts: () => Iterable<string>): void {
  pending.push(parts);
}

function madeLiterals(): readonly string[] {
  if (pending.length > 0) {
    const seen = new Set(literals);
    for (const source of pending) {
      for (const part of source()) {
        if (seen.has(part)) continue;
        const digits = (part.match(/\p{Nd}/gu) ?? []).length;
        const letters = (part.match(/\p{L}/gu) ?? []).length;
        if (digits >= 2 && letters >= 4) seen.add(part);
      }
    }
    literals = [...seen];
    pending = [];
  }
  return literals;
}

/** The text with gongshu's literal parts wrapped in made() markers. */
function protectLiterals(text: string): string {
  const parts = madeLiterals();
  if (parts.length === 0) return text;
  const ranges: [number, number][] = [];
  for (const part of parts) {
    for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) ranges.push([at, at + part.length]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    out += text.slice(at, start) + made(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

// ---- finding ----

interface Digit {
  value: string;
  /** The original code point's offsets. */
  start: number;
  end: number;
}

/** Digits standing together (only ignored characters between them). */
interface Group {
  digits: Digit[];
  /** An X-like character right after the group (across a separator), as an ID's last character. */
  check?: { start: number; end: number };
  /** Joined to the next group by a separator of at most MAX_GAP characters. */
  linked: boolean;
  /** The visible separator characters between this group and the next, when linked. */
  sepAfter: string;
  /** The four digits after a mask's stars (138****5678): the end of a number gongshu already masked. */
  maskTail?: boolean;
}

/** A number gongshu masked (138****5678, 330105********0017, 330105*****1191): its head and its stars. */
function isMask(head: Group, gapText: string): boolean {
  const n = head.digits.length;
  // The head may carry a prefix written before the mobile number (86153****1376).
  return (n >= 3 && gapText === '****') || (n === 6 && (gapText === '********' || gapText === '*****'));
}

/** Groups of digits of a text without made() markers, with their links. */
function groupsOf(text: string): Group[] {
  const groups: Group[] = [];
  let last: Group | undefined; // the group a following digit may still join or link to
  let adjacent = false; // nothing but ignored characters since the last digit
  let gap = 0; // visible separators since the last digit
  let gapText = '';
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    for (const u of unitsOf(code)) {
      if (u === 'I') continue;
      if (u >= '0' && u <= '9') {
        const digit = { value: u, start: i, end: i + width };
        if (last && adjacent) last.digits.push(digit);
        else {
          // A masked number (already masked text shown again, `159****3265；2026-12-07`) is no chain: its head,
          // its stars and its tail are not joined to each other nor to the digits after it.
          const mask = last !== undefined && isMask(last, gapText);
          if (last && !mask && !(last.maskTail && last.digits.length === 4)) {
            last.linked = true;
            last.sepAfter = gapText;
          }
          last = { digits: [digit], linked: false, sepAfter: '', ...(mask ? { maskTail: true } : {}) };
          groups.push(last);
        }
        adjacent = true;
        gap = 0;
        gapText = '';
      } else if (u === 'S') {
        adjacent = false;
        gapText += text.slice(i, i + width);
        if (++gap > MAX_GAP) last = undefined;
      } else {
        // An X-like character after digits may be an ID's check character; it ends the chain all the same,
        // as a letter does.
        if (u === 'X' && last && !last.check) last.check = { start: i, end: i + width };
        last = undefined;
        adjacent = false;
        gapText = '';
      }
    }
    i += width;
  }
  return groups;
}

function plausibleDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

interface Match {
  kind: PersonalNumberKind;
  value: string;
  masked: string;
  /** How many leading digits are a prefix (0, 86, 0086), left as written. */
  prefix: number;
  withCheck: boolean;
}

/**
 * An 18-character ID: region, a real birth date (1900–2099) and, for digits joined across separators, the
 * right check character. Written in one piece, an ID with a wrong check character is still masked: it is
 * most often someone's number with a typo, and nothing else gongshu shows is 18 digits with a birth date inside.
 */
function id18(d: string, checked: boolean): boolean {
  if (!/^[1-9]\d{5}(19|20)\d{9}[\dX]$/u.test(d)) return false;
  if (!plausibleDate(Number(d.slice(6, 10)), Number(d.slice(10, 12)), Number(d.slice(12, 14)))) return false;
  return !checked || idCheckChar(d.slice(0, 17)) === d[17];
}

function id15(d: string): boolean {
  return /^[1-9]\d{14}$/u.test(d) && plausibleDate(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)));
}

const MOBILE = /^1[3-9]\d{9}$/u;

function numberOf(digits: string, checkX: boolean, kinds: readonly Kind[], joined: boolean): Match | undefined {
  for (const kind of kinds) {
    if (kind === 'id18') {
      if (checkX && digits.length === 17 && id18(`${digits}X`, joined)) return { kind: 'id', value: `${digits}X`, masked: maskIdNumber(`${digits}X`), prefix: 0, withCheck: true };
      if (digits.length === 18 && id18(digits, joined)) return { kind: 'id', value: digits, masked: maskIdNumber(digits), prefix: 0, withCheck: false };
    } else if (kind === 'mobile') {
      for (const prefix of ['', '0', '86', '0086']) {
        const mobile = digits.slice(prefix.length);
        if (digits.length === 11 + prefix.length && digits.startsWith(prefix) && MOBILE.test(mobile)) {
          return { kind: 'mobile', value: mobile, masked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`, prefix: prefix.length, withCheck: false };
        }
      }
    } else if (digits.length === 15 && id15(digits)) {
      return { kind: 'id', value: digits, masked: maskIdNumber(digits), prefix: 0, withCheck: false };
    }
  }
  return undefined;
}

type Kind = 'id18' | 'mobile' | 'id15';

/**
 * Whether joined groups hold a date written YYYY-MM-DD (or with / . _ marks, the same twice): such digits are a date, not a mobile
 * number or an old ID (`2034-01-30~2000-01-01` would otherwise read as 0 130 2000 0101). An 18-character ID
 * holds its birth date and is not asked this; its check character keeps it tight.
 */
function holdsDate(gs: readonly Group[]): boolean {
  for (let k = 0; k + 2 < gs.length; k++) {
    const [y, m, d] = [gs[k]!, gs[k + 1]!, gs[k + 2]!].map((g) => g.digits.map((x) => x.value).join(''));
    // Written as a date is written: one mark (- / . _) twice, not spaces, which group any number.
    const mark = gs[k]!.sepAfter.trim();
    if (!/^[-/._－／．]$/u.test(mark) || gs[k + 1]!.sepAfter.trim() !== mark) continue;
    if (y!.length === 4 && m!.length === 2 && d!.length === 2 && /^(19|20)/u.test(y!) && plausibleDate(Number(y), Number(m), Number(d))) return true;
  }
  return false;
}

/** Groups written as a figure with thousands separators (`17,170,432,181`): an amount or a count, not a number. */
function thousands(gs: readonly Group[]): boolean {
  return gs[0]!.digits.length <= 3 && gs.slice(1).every((g) => g.digits.length === 3) && gs.slice(0, -1).every((g) => g.sepAfter === ',');
}

/** Personal numbers in a text without made() markers, offsets relative to it. */
function findIn(text: string): PersonalNumber[] {
  const groups = groupsOf(text);
  const taken = groups.map(() => false);
  const found: PersonalNumber[] = [];
  const take = (i: number, j: number, m: Match): void => {
    for (let k = i; k <= j; k++) taken[k] = true;
    const digits = groups.slice(i, j + 1).flatMap((g) => g.digits);
    const first = digits[m.prefix]!;
    const last = groups[j]!;
    const end = m.withCheck ? last.check!.end : digits[digits.length - 1]!.end;
    found.push({ kind: m.kind, value: m.value, masked: m.masked, start: first.start, end });
  };
  const digitsOfRange = (i: number, j: number): string => groups.slice(i, j + 1).map((g) => g.digits.map((d) => d.value).join('')).join('');
  const single = (kinds: readonly Kind[]): void =>
    groups.forEach((g, i) => {
      if (taken[i]) return;
      const m = numberOf(digitsOfRange(i, i), g.check !== undefined, kinds, false);
      if (m) take(i, i, m);
    });
  const joined = (kind: Kind): void => {
    for (let i = 0; i < groups.length; i++) {
      if (taken[i]) continue;
      let count = groups[i]!.digits.length;
      for (let j = i + 1; j < groups.length && groups[j - 1]!.linked && !taken[j] && count < 18; j++) {
        count += groups[j]!.digits.length;
        const m = numberOf(digitsOfRange(i, j), groups[j]!.check !== undefined, [kind], true);
        // An 18-character ID joined across separators has a right check character and a birth date: never a
        // figure or a date, however its digits are grouped (`330,105,198,410,211,004`).
        if (m && kind !== 'id18' && (thousands(groups.slice(i, j + 1)) || holdsDate(groups.slice(i, j + 1)))) continue;
        if (m) {
          take(i, j, m);
          i = j;
          break;
        }
      }
    }
  };
  // IDs of 18 first (the check character and the birth date keep them tight), then a group that is a number
  // by itself (a year before a mobile number, `2026 13812345678`, stays a year), then groups joined by
  // separators: mobiles before old IDs, leftmost first.
  single(['id18']);
  joined('id18');
  single(['mobile', 'id15']);
  joined('mobile');
  joined('id15');
  return found.sort((a, b) => a.start - b.start);
}

/** The shortest personal number: a mobile's 11 digits. */
const FEWEST_DIGITS = 11;

/** Whether a text has FEWEST_DIGITS digit-like characters at all: most screen text has not and is passed over. */
export function mayHoldPersonalNumber(text: string): boolean {
  if (text.length < FEWEST_DIGITS) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x4e00 && code <= 0x9fff && EXTRA_DIGITS.has(code))) {
      if (++digits >= FEWEST_DIGITS) return true;
    } else if (code >= 0x80 && !(code >= 0x4e00 && code <= 0x9fff)) {
      // Anything outside ASCII may be a digit in some form (surrogate halves included): look properly.
      return true;
    }
  }
  return false;
}

/**
 * Every ID and mobile number in a text, however written (see the module's comment). Text inside made()
 * markers is skipped; offsets are the text's own (markers included).
 */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  if (!mayHoldPersonalNumber(text)) return [];
  if (!text.includes(OPEN)) return findIn(text);
  const found: PersonalNumber[] = [];
  for (const s of userSegments(text)) for (const n of findIn(s.text)) found.push({ ...n, start: n.start + s.at, end: n.end + s.at });
  return found;
}

/** The parts of a text outside made() markers, with their offsets. */
function userSegments(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  while (at <= text.length) {
    const open = text.indexOf(OPEN, at);
    const end = open < 0 ? text.length : open;
    out.push({ text: text.slice(at, end), at });
    if (open < 0) break;
    const close = text.indexOf(CLOSE, open + OPEN.length);
    at = close < 0 ? text.length + 1 : close + CLOSE.length;
  }
  return out;
}

function maskIn(text: string): string {
  const found = findIn(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const n of found) {
    out += text.slice(at, n.start) + n.masked;
    at = n.end;
  }
  return out + text.slice(at);
}

/**
 * Masks every ID and mobile number in a text (330105********0017, 138****5678) and removes made() markers,
 * leaving what they enclose as it is.
 */
export function maskPersonalNumbers(raw: string): string {
  if (!mayHoldPersonalNumber(raw)) return plainText(raw);
  // Markers of another process are no markers: what they enclose is user text like the rest.
  const foreign = /[\ue000\ue001]/u.test(raw) ? raw.replace(ANY_MARKER, (m) => (m === OPEN || m === CLOSE ? m : '')) : raw;
  const text = protectLiterals(foreign);
  if (!text.includes(OPEN)) return maskIn(text);
  // Made text may hold made text (a table of cells whose literals were protected): depth, not the next close.
  const userText = (piece: string): string => (mayHoldPersonalNumber(piece) ? maskIn(piece) : piece);
  let out = '';
  let at = 0;
  let depth = 0;
  for (const m of text.matchAll(MARKER_OF_THIS_RUN)) {
    const piece = text.slice(at, m.index);
    out += depth === 0 ? userText(piece) : piece;
    depth = m[0] === OPEN ? depth + 1 : Math.max(0, depth - 1);
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  return out + (depth === 0 ? userText(rest) : rest);
}

/**
 * The text as the recogniser reads it, for tests and checks: each code point normalised, digits as ASCII,
 * X-like characters as X, separators and ignored characters removed between digits (letters kept as they
 * are). `①③⑧ ✕ 1234` → `138X1234`.
 */
export function normalisedDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    for (const u of unitsOf(code)) {
      if (u === 'I' || u === 'S') continue;
      out += u === 'L' ? text.slice(i, i + width) : u;
    }
    i += width;
  }
  return out;
}
