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
