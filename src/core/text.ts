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

/**
 * Bidirectional controls (U+200E/F, U+202A–U+202E, U+2066–U+2069): invisible, they reorder what follows, so a
 * name like `申报表\u202Excod.xlsx` shows as `申报表xslx.docx`. A name the clerk reads never keeps them.
 */
export function withoutBidiControls(s: string): string {
  return s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
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

/** What a spreadsheet would run: = + - @ (and their full-width forms), tab, CR, after any apostrophes. */
const GUARDED = /^'*[=+\-@＝＋－＠\t\r]/u;

/**
 * Text from a submitted workbook that a spreadsheet would read as a formula gets a leading apostrophe,
 * shown as text. Text that already starts with apostrophes before such a character gets one more, so that
 * unguardText gives back exactly what was guarded, whatever it was.
 */
export function guardText(value: string): string {
  return GUARDED.test(value) ? `'${value}` : value;
}

/** The text guardText was given: one apostrophe dropped when (and only when) guardText would have added it. */
export function unguardText(value: string): string {
  return value.startsWith("'") && GUARDED.test(value.slice(1)) ? value.slice(1) : value;
}

let chineseCollator: Intl.Collator | undefined;

/**
 * Names (files in a folder, entries of a bundle) in the order a Chinese clerk expects, as
 * `a.localeCompare(b, 'zh')` orders them but with one collator for the process: localeCompare with a locale
 * builds one for every comparison.
 */
export function compareChineseNames(a: string, b: string): number {
  chineseCollator ??= new Intl.Collator('zh');
  return chineseCollator.compare(a, b);
}
