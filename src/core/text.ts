/** Text normalisation shared by label matching, name comparison and rules. */

const FULL_WIDTH_MAP: Record<string, string> = {
  '（': '(', '）': ')', '：': ':', '，': ',', '；': ';', '　': ' ', '【': '[', '】': ']',
};

const FULL_WIDTH = /[\u3000\u3010\u3011\uff01-\uff5e]/u;
const FULL_WIDTH_ALL = /[\u3000\u3010\u3011\uff01-\uff5e]/gu;

function halfWidthChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return FULL_WIDTH_MAP[ch] ?? ch;
}

/** Full-width ASCII (！ to ～) and ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  // Most cell text has no full-width ASCII at all; label matching calls this for every cell of every form.
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, halfWidthChar) : s;
}

/** Removes every kind of white space, including full-width and non-breaking spaces and line breaks. */
export function removeSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/gu, '');
}

/**
 * Key used to compare labels: half-width, no spaces, no colons, parentheses unified, lower-case.
 * `姓  名` → `姓名`, `单位全称：` → `单位全称`, `职业（工种）` → `职业(工种)`.
 */
export function labelKey(s: string): string {
  return removeSpaces(toHalfWidth(s)).replace(/[:：*＊]/gu, '').toLowerCase();
}

/** Key used to compare names written by people (studio names, occupations): spaces and bracket width ignored. */
export function nameKey(s: string): string {
  return removeSpaces(toHalfWidth(s));
}

/** Trims ordinary and full-width spaces at both ends; keeps inner text as written. */
export function trimText(s: string): string {
  return s.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/gu, '');
}

/** Control characters (incl. ESC of ANSI sequences) must never reach the terminal raw. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/**
 * Whole terminal escape sequences: CSI (`ESC [ … m`, cursor moves, clear screen), OSC (`ESC ] 0;title BEL`,
 * hyperlinks), and two-character escapes. Removed whole, so that no `[31m` is left behind in a name.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]/gu;

export function stripControl(s: string): string {
  return s.replace(ANSI, '').replace(CONTROL, '');
}

/** Masks an ID number: 330105********0017. */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return id.replace(/./gu, '*');
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** Masks a phone number: 138****5678; fixed lines keep their last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = digitsOf(phone).replace(/\D/gu, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length >= 7) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return phone;
}

// ---- personal numbers in free text ----

/** Any decimal digit: ASCII, full-width (１３８), and the other scripts' (Arabic-Indic, Devanagari, mathematical …). */
const DIGIT_RUN = /\p{Nd}+/gu;
const ANY_DIGIT = /\p{Nd}/u;
/**
 * What may stand between the digits of one number as people type, paste or hide them: spaces of every width,
 * dashes, dots and middle dots, and characters that take no room at all (zero-width spaces and joiners,
 * soft hyphens, direction marks, word joiners, variation selectors, Hangul fillers). Line breaks are not:
 * a number is masked where it is shown, line by line.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0]/u;
const VISIBLE_SEPARATOR = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\p{Pd}\u2212\u30fc\uff70.\uff0e\u00b7\u2027\u2219\u22c5\u30fb\uff65]/u;
/** At most this many visible separators between two groups of digits (`138 - 1234`); invisible ones do not count. */
const MAX_VISIBLE_GAP = 3;

let otherDigits: Map<number, number> | undefined;

/** The value of a decimal digit of any script: each script's digits are ten code points in a row, 0 first. */
function digitValue(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0x30 && code <= 0x39) return ch;
  if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
  if (!otherDigits) {
    otherDigits = new Map();
    let runStart = -1;
    for (let c = 0x80; c <= 0x1ffff; c++) {
      if (ANY_DIGIT.test(String.fromCodePoint(c))) {
        if (runStart < 0) runStart = c;
        otherDigits.set(c, (c - runStart) % 10);
      } else runStart = -1;
    }
  }
  return String(otherDigits.get(code) ?? ch);
}

/** The text with every decimal digit written as an ASCII digit (`１３８` → `138`). */
export function digitsOf(text: string): string {
  return /[^\x00-\x7f]/u.test(text) ? text.replace(DIGIT_RUN, (run) => [...run].map(digitValue).join('')) : text;
}

export type PersonalNumberKind = 'id' | 'mobile';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** Where it stands in the text, separators included (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The number itself in ASCII digits (an ID's check character as X; a mobile's +86 / 0086 kept as typed before it). */
  value: string;
  /** What replaces it on screen and in public files: 330105********0017, 138****5678. */
  masked: string;
}

interface Group {
  start: number;
  /** After the last digit. */
  digitsEnd: number;
  /** After the check character X when there is one, else digitsEnd. */
  end: number;
  digits: string;
  /** An ID's check character X written right after the digits. */
  checkChar: boolean;
  /** Joined to the next group by separators only. */
  linked: boolean;
}

function groupsOf(text: string): Group[] {
  const groups: Group[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const start = m.index;
    const digitsEnd = start + m[0].length;
    // An X after the digits, straight away or across separators, may be an ID's check character (typed
    // as ×, ✕ or Ⅹ too: what an input method offers for "x").
    const x = /^[^\p{Nd}XxＸｘ×✕✖Ⅹⅹ]{0,8}?[XxＸｘ×✕✖Ⅹⅹ]/u.exec(text.slice(digitsEnd, digitsEnd + 9));
    const checkChar = x !== null && (x[0].length === 1 || isSeparator(x[0].slice(0, -1))) && !/^[A-Za-z0-9]/u.test(text.slice(digitsEnd + x[0].length));
    groups.push({ start, digitsEnd, end: checkChar ? digitsEnd + x![0].length : digitsEnd, digits: digitsOf(m[0]), checkChar, linked: false });
  }
  for (let i = 0; i + 1 < groups.length; i++) {
    // A check character belongs to the end of an ID: nothing continues after it.
    groups[i]!.linked = !groups[i]!.checkChar && isSeparator(text.slice(groups[i]!.end, groups[i + 1]!.start));
  }
  return groups;
}

/** Whether a gap between digits holds separators only (at most MAX_VISIBLE_GAP visible ones). */
function isSeparator(gap: string): boolean {
  let visible = 0;
  for (const ch of gap) {
    if (INVISIBLE.test(ch)) continue;
    if (VISIBLE_SEPARATOR.test(ch) && ++visible <= MAX_VISIBLE_GAP) continue;
    return false;
  }
  return gap.length > 0;
}

interface Match {
  kind: PersonalNumberKind;
  value: string;
  masked: string;
  /** The X after the digits is the ID's check character (otherwise it is left as text). */
  withCheckChar: boolean;
}

type Candidate = 'id18' | 'mobile' | 'id15';

/** What the digits of some adjoining groups make, if a personal number: IDs of 18 (X last) or 15 digits, mobiles with or without +86 / 0086. */
function numberOf(gs: readonly Group[], kinds: readonly Candidate[]): Match | undefined {
  const last = gs[gs.length - 1]!;
  const digits = gs.map((g) => g.digits).join('');
  // Digits joined across separators must also look the part (an ID's region code starts 1–8, a mobile
  // 13–19), so that a bank card or a table of figures written in groups is left alone.
  const joined = gs.length > 1;
  for (const kind of kinds) {
    if (joined && kind !== 'mobile' && !/^[1-8]/u.test(digits)) continue;
    if (kind === 'id18') {
      if (last.checkChar && digits.length === 17) return { kind: 'id', value: `${digits}X`, masked: maskIdNumber(`${digits}X`), withCheckChar: true };
      if (digits.length === 18) return { kind: 'id', value: digits, masked: maskIdNumber(digits), withCheckChar: false };
    } else if (kind === 'mobile') {
      for (const prefix of ['', '86', '0086']) {
        if (digits.length === 11 + prefix.length && digits.startsWith(`${prefix}1`) && (!joined || /^1[3-9]/u.test(digits.slice(prefix.length)))) {
          const mobile = digits.slice(prefix.length);
          return { kind: 'mobile', value: mobile, masked: `${prefix}${maskPhone(mobile)}`, withCheckChar: false };
        }
      }
    } else if (digits.length === 15) {
      return { kind: 'id', value: digits, masked: maskIdNumber(digits), withCheckChar: false };
    }
  }
  return undefined;
}

/**
 * Every 18- or 15-digit ID number and 11-digit mobile number in a text, however it was typed: full-width
 * digits, spaces, dashes or dots between the digits (`138 1234 5678`, `138-1234-5678`, `330105 19750615 0017`),
 * invisible characters inside (`138\u200b12345678`), a `+86` or `0086` in front. A run of digits that is a
 * number by itself is taken first, so a year before a mobile number (`2026 13812345678`) stays a year; then
 * runs joined by separators, IDs before mobiles before old 15-digit IDs. A longer unbroken run of digits
 * (an account number, a digest) is none of these.
 */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  if (!mayHoldPersonalNumber(text)) return [];
  const groups = groupsOf(text);
  const taken: boolean[] = groups.map(() => false);
  const found: PersonalNumber[] = [];
  const take = (i: number, j: number, n: Match): void => {
    for (let k = i; k <= j; k++) taken[k] = true;
    const last = groups[j]!;
    found.push({ kind: n.kind, value: n.value, masked: n.masked, start: groups[i]!.start, end: n.withCheckChar ? last.end : last.digitsEnd });
  };
  groups.forEach((g, i) => {
    const n = numberOf([g], ['id18', 'mobile', 'id15']);
    if (n) take(i, i, n);
  });
  for (const kind of ['id18', 'mobile', 'id15'] as const) {
    for (let i = 0; i < groups.length; i++) {
      if (taken[i]) continue;
      for (let j = i + 1, count = groups[i]!.digits.length; j < groups.length && groups[j - 1]!.linked && !taken[j] && count < 19; j++) {
        count += groups[j]!.digits.length;
        const n = numberOf(groups.slice(i, j + 1), [kind]);
        if (n) {
          take(i, j, n);
          i = j;
          break;
        }
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The shortest personal number: a mobile's 11 digits (IDs have 15, or 17 and an X). */
const FEWEST_DIGITS = 11;

/** What one code point can be in a personal number: 0 neither digit nor separator (it ends a chain of digits), 1 a digit, 2 a separator. */
type Role = 0 | 1 | 2;
const roles = new Map<number, Role>();

function roleOf(code: number): Role {
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return 1;
    return code === 0x20 || code === 0x09 || code === 0x2d || code === 0x2e ? 2 : 0;
  }
  if (code >= 0xff10 && code <= 0xff19) return 1;
  // CJK ideographs and box drawing (most of a screen) are neither.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x2500 && code <= 0x257f)) return 0;
  // Anything else as the expressions findPersonalNumbers uses say, once per code point.
  let role = roles.get(code);
  if (role === undefined) {
    const ch = String.fromCodePoint(code);
    role = ANY_DIGIT.test(ch) ? 1 : INVISIBLE.test(ch) || VISIBLE_SEPARATOR.test(ch) ? 2 : 0;
    roles.set(code, role);
  }
  return role;
}

/**
 * Whether a text may hold a personal number at all: somewhere FEWEST_DIGITS digits stand with nothing but
 * separators between them (a looser test than findPersonalNumbers', which allows at most MAX_VISIBLE_GAP
 * visible separators in a gap and wants joined digits to look the part). Screens are mostly short figures
 * (编号, 总分, counts, dates): most text is passed over in one scan instead of a regular expression and a
 * few slices per group of digits.
 */
export function mayHoldPersonalNumber(text: string): boolean {
  if (text.length < FEWEST_DIGITS) return false; // every digit takes at least one code unit
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++; // the low half of a surrogate pair
    const role = roleOf(code);
    if (role === 1) {
      if (++digits >= FEWEST_DIGITS) return true;
    } else if (role === 0) digits = 0;
  }
  return false;
}

/** Masks every ID and mobile number in a text, however typed (see findPersonalNumbers): 330105********0017, 138****5678. */
export function maskPersonalNumbers(text: string): string {
  if (!mayHoldPersonalNumber(text)) return text;
  // No number goes on across a line break (it is no separator): a long screen is masked line by line,
  // and only the lines that may hold one are searched.
  if (text.includes('\n')) return text.split('\n').map(maskLine).join('\n');
  return maskLine(text);
}

function maskLine(text: string): string {
  const found = findPersonalNumbers(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const n of found) {
    out += text.slice(at, n.start) + n.masked;
    at = n.end;
  }
  return out + text.slice(at);
}
