/**
 * Boxed tables aligned for Chinese (a CJK character is two columns wide). Drawn here rather than by
 * cli-table3, whose layout pass is quadratic in the number of cells: 2,000 applications took over a second
 * to draw. The output is cli-table3's for the options gongshu used (compact, no colours of its own, one
 * space of padding); test/ui/table.test.ts compares the two. Colour comes from chalk.
 */
import { clean } from './output.js';

/** Wide and full-width code points (East Asian Width W/F), as cli-table3's width function counts them. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0x3247], [0x3250, 0x4dbf], [0x4e00, 0xa4c6],
  [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6b], [0xff01, 0xff60],
  [0xffe0, 0xffe6], [0x1b000, 0x1b001], [0x1f200, 0x1f251], [0x20000, 0x3fffd],
];
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2}/gu;
// Text with nothing but printable ASCII is measured by its length.
const PLAIN = /^[\x20-\x7e]*$/u;
// Colour codes (SGR, as chalk writes them) take no room.
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/gu;

function isWide(code: number): boolean {
  if (code < 0x1100) return false;
  for (const [lo, hi] of WIDE) if (code >= lo && code <= hi) return true;
  return false;
}

/** Terminal columns taken by one line of text. */
export function textWidth(line: string): number {
  if (PLAIN.test(line)) return line.length;
  let width = 0;
  for (const ch of line.replace(SGR, '').replace(EMOJI, '  ')) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

export function renderTable(head: string[], rows: (string | number)[][]): string {
  const grid = [head, ...rows].map((row) => row.map((c) => clean(String(c)).split('\n')));
  const columns = Math.max(0, ...grid.map((r) => r.length));
  const widths: number[] = Array.from({ length: columns }, () => 0);
  const measured = grid.map((row) =>
    row.map((lines, c) => {
      const w = lines.map(textWidth);
      widths[c] = Math.max(widths[c]!, ...w);
      return w;
    }),
  );
  const rule = (left: string, mid: string, right: string): string => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const out = [rule('┌', '┬', '┐')];
  for (const [r, row] of grid.entries()) {
    const height = Math.max(1, ...row.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      let line = '│';
      for (let c = 0; c < columns; c++) {
        const text = row[c]?.[i] ?? '';
        const width = measured[r]![c]?.[i] ?? 0;
        line += ` ${text}${' '.repeat(widths[c]! - width)} │`;
      }
      out.push(line);
    }
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
