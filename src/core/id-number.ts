/**
 * Citizen identity numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
 * The region prefix is never judged: people keep the code of their first registration and districts merge
 * (330103 下城 became part of 330105 拱墅 in 2021).
 */
import { chinaDate } from './china-time.js';
import { formatDate, isValidDate } from './months.js';
import { removeSpaces, toHalfWidth } from './text.js';

export type IdProblem = 'empty' | 'length' | 'characters' | 'checksum' | 'birth-date';

export interface IdCheck {
  valid: boolean;
  /** 18 characters with an upper-case X, or '' when the number is not valid. */
  normalized: string;
  /** Birth date read from the number (`YYYY-MM-DD`), or '' when it cannot be read or is impossible. */
  birth: string;
  gender: '男' | '女' | '';
  /** The 6-digit region prefix as written ('' when the first 6 characters are not digits). */
  region: string;
  /** A 15-digit (pre-1999) number was converted to 18 digits. */
  converted15: boolean;
  problems: IdProblem[];
}

export interface IdCheckOptions {
  /** `YYYY-MM-DD`; birth dates after it are impossible. Defaults to the local date. */
  today?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/**
 * Earliest birth date accepted. The standard's own example 440524188001010014 is born in 1880, so the
 * bound sits before it; it only catches digits that are clearly not a year.
 */
const EARLIEST_BIRTH = '1800-01-01';

/** The MOD 11-2 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/u.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Upper-case, half-width, without spaces: what a clerk or a form may add around the number. The check
 * character X is often typed as × (what a Chinese input method offers for "x"), ✕ or the Roman numeral Ⅹ.
 */
export function cleanIdText(raw: string): string {
  return removeSpaces(toHalfWidth(raw)).replace(/[\u00d7\u2715\u2716\u2169\u2179]/gu, 'X').toUpperCase();
}

export function checkIdNumber(raw: string, options: IdCheckOptions = {}): IdCheck {
  const text = cleanIdText(raw);
  const result: IdCheck = {
    valid: false, normalized: '', birth: '', gender: '', region: /^\d{6}/u.test(text) ? text.slice(0, 6) : '',
    converted15: false, problems: [],
  };
  if (text === '') {
    result.problems.push('empty');
    return result;
  }

  const wellFormed18 = /^\d{17}[\dX]$/u.test(text);
  const wellFormed15 = /^\d{15}$/u.test(text);
  if (!wellFormed18 && !wellFormed15) {
    if (/[^\dX]/u.test(text) || (text.length === 18 && text.slice(0, 17).includes('X')) || (text.length === 15 && text.includes('X'))) {
      result.problems.push('characters');
    }
    if (text.length !== 18 && text.length !== 15) result.problems.push('length');
    return result;
  }

  const first17 = wellFormed15 ? `${text.slice(0, 6)}19${text.slice(6)}` : text.slice(0, 17);
  const full = wellFormed15 ? first17 + idCheckChar(first17) : text;
  result.converted15 = wellFormed15;
  result.gender = Number(first17[16]) % 2 === 1 ? '男' : '女';

  const birth = birthOf(first17, options.today ?? chinaDate());
  if (birth) result.birth = birth;
  else result.problems.push('birth-date');

  if (!wellFormed15 && idCheckChar(first17) !== text[17]) result.problems.push('checksum');

  result.valid = result.problems.length === 0;
  if (result.valid) result.normalized = full;
  return result;
}

/** `YYYY-MM` of a normalised (valid) 18-character number. */
export function idBirthMonth(normalized: string): string {
  return `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}`;
}

/** 男 / 女 from the 17th character of a normalised (valid) 18-character number. */
export function idGender(normalized: string): '男' | '女' {
  return Number(normalized[16]) % 2 === 1 ? '男' : '女';
}

function birthOf(first17: string, today: string): string | null {
  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  if (!isValidDate(year, month, day)) return null;
  const date = formatDate(year, month, day);
  // Same-format ISO dates compare correctly as strings.
  if (date < EARLIEST_BIRTH || date > today) return null;
  return date;
}
