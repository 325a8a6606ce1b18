/**
 * Boxed tables aligned for Chinese (a CJK character is two columns wide). Drawn here rather than by
 * cli-table3, whose layout pass is quadratic in the number of cells: 2,000 applications took over a second
 * to draw. The output is cli-table3's for the options gongshu used (compact, no colours of its own, one
 * space of padding); test/ui/table.test.ts compares the two. Colour comes from chalk.
 */
import { maskPersonalNumbers } from '../core/text.js';
import { cleanKeepingColour } from './output.js';

/** Wide and full-width code points (East Asian Width W/F), as cli-table3's width function counts them. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0x3247], [0x3250, 0x4dbf], [0x4e00, 0xa4c6],
  [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6b], [0xff01, 0xff60],
  [0xffe0, 0xffe6], [0x1b000, 0x1b001], [0x1f200, 0x1f251], [0x20000, 0x3fffd],
];
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2}/gu;
/** Cheap first look: text without any of these has no emoji. */
const MAYBE_EMOJI = /[\u00a9\u00ae\u203c-\u3299\u{1f000}-\u{1faff}]/u;
// Text with nothing but printable ASCII is measured by its length.
const PLAIN = /^[\x20-\x7e]*$/u;
// Colour codes (SGR, as chalk writes them) take no room.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/gu;

function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  // CJK ideographs first: nearly every wide character in a form is one.
  if (code >= 0x4e00 && code <= 0xa4c6) return true;
  for (const [lo, hi] of WIDE) if (code >= lo && code <= hi) return true;
  return false;
}

/** Terminal columns taken by one line of text. */
export function textWidth(line: string): number {
  if (PLAIN.test(line)) return line.length;
  let text = line.includes('\u001b') ? line.replace(SGR, '') : line;
  if (MAYBE_EMOJI.test(text)) text = text.replace(EMOJI, '  ');
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    // Control characters and combining accents take no room.
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

interface Cell {
  lines: string[];
  widths: number[];
}

export function renderTable(head: string[], rows: (string | number)[][]): string {
  // Lists repeat the same texts (verdicts, counts, occupations): clean and measure each once.
  const seen = new Map<string, Cell>();
  const cell = (value: string | number): Cell => {
    const raw = String(value);
    let c = seen.get(raw);
    if (!c) {
      // Our own colour codes survive (they take no room); every other control character is stripped, so
      // workbook text cannot move the cursor, clear the screen or retitle the window.
      // ID and mobile numbers are masked in the cell before it is measured and laid out: the column fits the
      // masked text, and no wrapping can split a number into pieces the screen-wide masking would miss.
      const lines = maskPersonalNumbers(cleanKeepingColour(raw)).split('\n');
      c = { lines, widths: lines.map(textWidth) };
      seen.set(raw, c);
    }
    return c;
  };
  const grid = [head, ...rows].map((row) => row.map(cell));
  const columns = Math.max(0, ...grid.map((r) => r.length));
  const widths: number[] = Array.from({ length: columns }, () => 0);
  for (const row of grid) row.forEach((c, i) => (widths[i] = Math.max(widths[i]!, ...c.widths)));
  const rule = (left: string, mid: string, right: string): string => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const out = [rule('┌', '┬', '┐')];
  for (const row of grid) {
    const height = Math.max(1, ...row.map((c) => c.lines.length));
    for (let i = 0; i < height; i++) {
      let line = '│';
      for (let c = 0; c < columns; c++) {
        const text = row[c]?.lines[i] ?? '';
        line += ` ${text}${' '.repeat(widths[c]! - (row[c]?.widths[i] ?? 0))} │`;
      }
      out.push(line);
    }
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
