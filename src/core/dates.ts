/**
 * Reading the partial dates clerks type (出生年月, 从业时间) into `YYYY-MM` / `YYYY-MM-DD` strings.
 *
 * Pure: the Excel reader hands over a plain value (text, number or the UTC parts of a Date) plus the cell's
 * number format when it knows one; nothing here touches a JS Date, so time zones cannot shift a day.
 *
 * How a NUMBER is read (decided here, in this order):
 * 1. The cell's number format looks like a date (`yyyy-mm-dd`, `yyyy"年"m"月"`, `[$-804]…`, …) → an Excel serial.
 * 2. A fraction between 1900 and 2100 → year.month as typed (`1975.06`, `1975.6`); one decimal digit `1`
 *    (`1975.1`) is ambiguous because Excel drops the trailing zero of `1975.10`.
 * 3. An integer of 6 digits → `yyyymm` (197506); of 8 digits → `yyyymmdd` (19750615).
 * 4. An integer between 1900 and 2100 → a bare year: no month, unreadable.
 * 5. Anything else between 1910-01-01 (serial 3654) and 2099-12-31 (serial 73050) → an Excel serial. Excel's
 *    built-in Chinese date formats (numFmt ids 27–36, 50–58) are unknown to exceljs, so such cells arrive as bare
 *    numbers without a format: this range lets them through while keeping 1–3653 (which would be 1900–1909)
 *    out, and it cannot collide with rules 2–4 (years are below 3654, yyyymm above 73050).
 */

export interface DateParts {
  y: number;
  m: number; // 1–12
  d: number; // 1–31
}

export type DateInput = string | number | DateParts | null | undefined;

export type DateReading =
  /** `month` is `YYYY-MM`; `date` is `YYYY-MM-DD` when the input had a day. */
  | { status: 'ok'; month: string; date: string | null }
  /** Two readings of a year.month number (`1975.1`): January or October. */
  | { status: 'ambiguous'; ambiguous: [string, string] }
  | { status: 'unreadable'; raw: string }
  | { status: 'empty' };

export interface DateReadOptions {
  /** The cell's number format, when known. */
  numFmt?: string;
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** 1910-01-01 and 2099-12-31 in the 1900 date system. */
export const PLAUSIBLE_SERIAL_MIN = 3654;
export const PLAUSIBLE_SERIAL_MAX = 73050;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function ok(y: number, m: number, d: number | null): DateReading | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return null;
  if (d !== null && (!Number.isInteger(d) || d < 1 || d > monthLength(y, m))) return null;
  const month = `${y}-${pad2(m)}`;
  return { status: 'ok', month, date: d === null ? null : `${month}-${pad2(d)}` };
}

/**
 * Excel serial → calendar parts. In the 1900 system Excel pretends 1900-02-29 existed (serial 60, a Lotus 1-2-3
 * bug kept for compatibility), so serials from 61 on count from 1899-12-30 and serials 1–59 from 1899-12-31;
 * serial 60 is no real day and gives null.
 */
export function excelSerialToParts(serial: number, date1904 = false): DateParts | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let epochDays: number; // days since 1970-01-01
  if (date1904) {
    if (whole < 0) return null;
    epochDays = whole + Date.UTC(1904, 0, 1) / 86_400_000;
  } else {
    if (whole < 1 || whole === 60) return null;
    const base = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
    epochDays = whole + base / 86_400_000;
  }
  // Date is used only as a calendar calculator in UTC; it never leaves this function.
  const t = new Date(epochDays * 86_400_000);
  // A phone number in a date-formatted cell is a serial beyond any calendar Date can hold.
  if (Number.isNaN(t.getTime())) return null;
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** True when an Excel number format shows a date (y/m/d tokens outside quotes, brackets and escapes). */
export function looksLikeDateFormat(numFmt: string | undefined | null): boolean {
  if (!numFmt) return false;
  const bare = numFmt
    .replace(/"[^"]*"/gu, '') // quoted literals: "年" "月"
    .replace(/\[[^\]]*\]/gu, '') // [$-804], [Red], [h]
    .replace(/\\./gu, '') // escaped characters
    .replace(/_.|\*./gu, '');
  if (/[年月日]/u.test(numFmt) && /[ymd]/iu.test(bare)) return true;
  // "m" alone is also minutes (h:mm); a date format has a y or d, or an m next to a date separator.
  return /[yd]/iu.test(bare) || /m+[-/.]|[-/.]m+/iu.test(bare);
}

/** `１９７５．０６` → `1975.06`: full-width digits and punctuation to ASCII, spaces removed. */
function normaliseDateText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return out.replace(/[\s\u00a0\u3000]+/gu, '');
}

function fromText(raw: string): DateReading {
  // A time of day after the date (`1975-06-15 00:00:00`, ISO `T…Z`) says nothing about the month.
  const s = normaliseDateText(raw.trim().replace(/(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/u, ''));
  if (s === '') return { status: 'empty' };
  // 19750615 / 197506 typed as text
  let m = /^(\d{4})(\d{2})(\d{2})?$/u.exec(s);
  if (m) return ok(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null) ?? { status: 'unreadable', raw };
  // 1975年6月15日, 1975.06, 1975-6, 1975/06/15, 1975年06月
  const unified = s.replace(/[年月.\-/]/gu, '-').replace(/[日号]$/u, '').replace(/-$/u, '');
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/u.exec(unified);
  if (m) return ok(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null) ?? { status: 'unreadable', raw };
  return { status: 'unreadable', raw };
}

function fromSerial(n: number, date1904: boolean | undefined, raw: string): DateReading {
  const p = excelSerialToParts(n, date1904);
  return (p && ok(p.y, p.m, p.d)) || { status: 'unreadable', raw };
}

/** Excel stores at most 15 significant digits; drop binary noise such as 1975.0999999999999. */
function decimalString(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function fromNumber(n: number, opts: DateReadOptions): DateReading {
  const raw = decimalString(n);
  if (!Number.isFinite(n) || n <= 0) return { status: 'unreadable', raw };
  if (looksLikeDateFormat(opts.numFmt)) return fromSerial(n, opts.date1904, raw);
  if (!Number.isInteger(n)) {
    if (n >= MIN_YEAR && n < MAX_YEAR + 1) {
      const [yearText, fraction = ''] = raw.split('.');
      const y = Number(yearText);
      if (fraction === '1') return { status: 'ambiguous', ambiguous: [`${y}-01`, `${y}-10`] };
      if (fraction.length > 2) return { status: 'unreadable', raw };
      return ok(y, Number(fraction), null) ?? { status: 'unreadable', raw };
    }
    if (n >= PLAUSIBLE_SERIAL_MIN && n <= PLAUSIBLE_SERIAL_MAX + 1) return fromSerial(n, opts.date1904, raw);
    return { status: 'unreadable', raw };
  }
  if (n >= 100_000 && n <= 999_999) return ok(Math.floor(n / 100), n % 100, null) ?? { status: 'unreadable', raw };
  if (n >= 10_000_000 && n <= 99_999_999) {
    return ok(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100) ?? { status: 'unreadable', raw };
  }
  if (n >= MIN_YEAR && n <= MAX_YEAR) return { status: 'unreadable', raw };
  if (n >= PLAUSIBLE_SERIAL_MIN && n <= PLAUSIBLE_SERIAL_MAX) return fromSerial(n, opts.date1904, raw);
  return { status: 'unreadable', raw };
}

function isParts(v: unknown): v is DateParts {
  return typeof v === 'object' && v !== null && 'y' in v && 'm' in v && 'd' in v;
}

/** Reads one typed date; see the module comment for how numbers are told apart. */
export function readPartialDate(input: DateInput, opts: DateReadOptions = {}): DateReading {
  if (input === null || input === undefined) return { status: 'empty' };
  if (typeof input === 'number') return fromNumber(input, opts);
  if (typeof input === 'string') return fromText(input);
  if (isParts(input)) {
    return ok(input.y, input.m, input.d) ?? { status: 'unreadable', raw: `${input.y}-${pad2(input.m)}-${pad2(input.d)}` };
  }
  return { status: 'unreadable', raw: String(input) };
}

/**
 * Picks the reading of an ambiguous year.month that matches a known month (e.g. the birth month in the ID
 * number, `YYYY-MM`); null when there is none or neither candidate matches.
 */
export function resolveAmbiguous(candidates: readonly string[], knownMonth: string | null | undefined): string | null {
  if (!knownMonth) return null;
  return candidates.find((c) => c === knownMonth) ?? null;
}

const CN_DIGITS: Record<string, number> = { '〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };

/** 一…九, 十, 十一…十九, 二十…三十九 as a number (null when the text is not such a numeral). */
export function smallChineseNumber(t: string): number | null {
  // The tens digit only before 十: a lone 一, 二 or 三 is a unit (一月, 三日), not a tens digit without its 十.
  const m = /^(?:([一二三])?(十))?([一二三四五六七八九])?$/u.exec(t);
  if (!m || t === '') return null;
  if (!m[2]) return CN_DIGITS[m[3]!]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

/**
 * A date written in Chinese numerals, as official documents do (二〇一九年六月十五日, 二〇二一年度), with its
 * numbers in digits (2019年6月15日, 2021年度); any other text comes back as it was.
 */
export function arabicDateNumerals(text: string): string {
  return text
    .replace(/([〇零○Ｏ一二三四五六七八九]{4})(\s*年)/gu, (_, y: string, rest: string) => [...y].map((c) => CN_DIGITS[c]).join('') + rest)
    .replace(/(\d{4}\s*年\s*)([一二三四五六七八九十]{1,3})(\s*月)/gu, (all, head: string, n: string, tail: string) => {
      const v = smallChineseNumber(n);
      return v === null ? all : `${head}${v}${tail}`;
    })
    .replace(/(月\s*)([一二三四五六七八九十]{1,3})(\s*[日号])/gu, (all, head: string, n: string, tail: string) => {
      const v = smallChineseNumber(n);
      return v === null ? all : `${head}${v}${tail}`;
    });
}
