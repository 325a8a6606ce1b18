/**
 * Boxed tables aligned for Chinese (a CJK character is two columns wide). Drawn here rather than by
 * cli-table3, whose layout pass is quadratic in the number of cells: 2,000 applications took over a second
 * to draw. The output is cli-table3's for the options gongshu used (compact, no colours of its own, one
 * space of padding); test/ui/table.test.ts compares the two. Colour comes from chalk.
 */
import { made, maskPersonalNumbers } from '../core/personal-numbers.js';
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
// Nearly every cell of a list: printable ASCII and CJK ideographs, punctuation and full-width forms (all
// two columns wide, none outside the BMP), measured without looking at each character in JavaScript.
const ASCII_AND_CJK = /^[\x20-\x7e\u3000-\u303e\u4e00-\u9fff\uff01-\uff60]*$/u;
const ASCII_RUN = /[\x20-\x7e]+/gu;
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
  if (ASCII_AND_CJK.test(line)) return line.length + line.replace(ASCII_RUN, '').length;
  let text = line.includes('\u001b') ? line.replace(SGR, '') : line;
  if (MAYBE_EMOJI.test(text)) text = text.replace(EMOJI, '  ');
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++; // the low half of a surrogate pair
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

export interface TableOptions {
  /**
   * Columns the whole table may take; long cells wrap inside their column instead of widening the table.
   * Default: the terminal's width (stdout's when it is a terminal, else $COLUMNS), else no limit.
   */
  width?: number;
}

/** The width tables fit: stdout's columns when it is a terminal, else $COLUMNS, else no limit. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : Infinity;
}

/** A column is never squeezed below this, nor below its longest word up to MAX_WORD (a code, a plaque number). */
const MIN_COLUMN = 4;
const SHORT_COLUMN = 12;
const MAX_WORD = 20;
// Printable ASCII without the space: a word that is only broken when longer than its column.
const WORD = /[\x21-\x7e]+/gu;

function longestWord(lines: readonly string[]): number {
  let longest = 0;
  for (const line of lines) for (const m of line.replace(SGR, '').matchAll(WORD)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** Lines a cell's text takes at `width` columns (an estimate: words and punctuation may add a little). */
function linesAt(widths: readonly number[], width: number): number {
  let n = 0;
  for (const w of widths) n += Math.max(1, Math.ceil(w / width));
  return n;
}

/** Rows the greedy layout looks at: enough to judge the shape of a long list, cheap for 10,000 rows. */
const LAYOUT_SAMPLE = 400;

/**
 * Column widths within `available` text columns. One column at a time gives up one column of width: the
 * one whose narrowing adds the fewest lines to the table (rows are as tall as their tallest cell, so a
 * column may shrink for free beside a cell that wraps anyway), the widest on a tie. Short columns (编号,
 * 资格, counts) keep their width; long texts share the room.
 *
 * `cells[r][c]` holds the widths of the lines of each cell (only the first LAYOUT_SAMPLE rows are looked at).
 */
export function fitWidths(natural: readonly number[], minimums: readonly number[], available: number, cells: readonly (readonly number[])[][] = []): number[] {
  const widths = [...natural];
  const rows = cells.slice(0, LAYOUT_SAMPLE);
  const height = (c: number, w: number, r: number): number => linesAt(rows[r]![c] ?? [], w);
  // Each row's height per column at the current widths.
  const perColumn = rows.map((row) => widths.map((w, c) => linesAt(row[c] ?? [], w)));
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    let best = -1;
    let bestCost = Infinity;
    for (let c = 0; c < widths.length; c++) {
      if (widths[c]! <= minimums[c]!) continue;
      let cost = 0;
      for (let r = 0; r < rows.length; r++) {
        const h = perColumn[r]!;
        const now = Math.max(...h);
        const narrower = height(c, widths[c]! - 1, r);
        if (narrower > h[c]!) cost += Math.max(0, narrower - now);
      }
      if (cost < bestCost || (cost === bestCost && widths[c]! > widths[best]!)) {
        best = c;
        bestCost = cost;
      }
    }
    if (best < 0) break; // every column at its minimum: the table is as narrow as it can be
    widths[best]!--;
    total--;
    for (let r = 0; r < rows.length; r++) perColumn[r]![best] = height(best, widths[best]!, r);
  }
  return widths;
}

// Chinese punctuation that may not start a line (避头): it goes down with the character before it.
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’…%,.;:?!)]}']);

type Token = { text: string; width: number; kind: 'sgr' | 'space' | 'word' | 'char' };

function tokens(line: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const sgr = line.startsWith('\u001b', i) ? /^\u001b\[(?:\d*;){0,5}\d*m/u.exec(line.slice(i)) : null;
    if (sgr) {
      out.push({ text: sgr[0], width: 0, kind: 'sgr' });
      i += sgr[0].length;
      continue;
    }
    const word = /^[\x21-\x7e]+/u.exec(line.slice(i));
    if (word) {
      out.push({ text: word[0], width: word[0].length, kind: 'word' });
      i += word[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i)!);
    out.push({ text: ch, width: textWidth(ch), kind: ch === ' ' ? 'space' : 'char' });
    i += ch.length;
  }
  return out;
}

/**
 * One line of a cell broken into lines of at most `width` columns: between characters of Chinese text, at
 * spaces between words, inside a word only when the word alone is too long. Colour codes stay with their
 * text: a line ends with a reset and the next one reopens the colour.
 */
export function wrapLine(line: string, width: number): string[] {
  if (textWidth(line) <= width) return [line];
  const lines: Token[][] = [[]];
  let used = 0;
  let open: string[] = [];
  const current = (): Token[] => lines[lines.length - 1]!;
  const newLine = (): void => {
    while (current().length > 0 && current()[current().length - 1]!.kind === 'space') current().pop();
    lines.push(open.map((text) => ({ text, width: 0, kind: 'sgr' as const })));
    used = 0;
  };
  const put = (t: Token): void => {
    if (t.kind === 'space' && used === 0) return; // no blank at the start of a wrapped line
    if (used + t.width > width && used > 0) {
      if (t.kind === 'space') {
        newLine(); // the space is where the line breaks
        return;
      }
      const carried: Token[] = [];
      if (t.kind === 'char' && NO_LINE_START.has(t.text)) {
        const line = current();
        const last = line.map((x) => x.kind).lastIndexOf('char');
        if (last > 0 && line.slice(0, last).some((x) => x.kind !== 'sgr')) carried.push(...line.splice(last));
      }
      newLine();
      for (const c of carried) {
        current().push(c);
        used += c.width;
      }
    }
    current().push(t);
    used += t.width;
  };
  for (const t of tokens(line)) {
    if (t.kind === 'sgr') {
      current().push(t);
      open = /\u001b\[(?:0|39|49|22|23|24)?m/u.test(t.text) ? [] : [...open, t.text];
      continue;
    }
    if (t.kind === 'word' && t.width > width) {
      // A word longer than the column: cut it where the line is full.
      for (const ch of t.text) put({ text: ch, width: 1, kind: 'char' });
      continue;
    }
    put(t);
  }
  return lines.map((l, i) => {
    const text = l.map((t) => t.text).join('');
    // A line that ends inside a colour is closed, so the border after it keeps the terminal's colour.
    return i < lines.length - 1 && /\u001b\[/u.test(text) && lineOpens(l) ? `${text}\u001b[0m` : text;
  });
}

/**
 * As wrapLine, but lines of even length: a name that needs two lines is cut near its middle
 * (陈国平数控车工 / 技能大师工作室) rather than leaving one character on the second line.
 */
export function wrapBalanced(line: string, width: number): string[] {
  const lines = wrapLine(line, width);
  if (lines.length < 2) return lines;
  for (let w = Math.ceil(textWidth(line) / lines.length); w < width; w++) {
    const even = wrapLine(line, w);
    if (even.length === lines.length) return even;
  }
  return lines;
}

function lineOpens(line: readonly Token[]): boolean {
  let open = false;
  for (const t of line) if (t.kind === 'sgr') open = !/\u001b\[(?:0|39|49|22|23|24)?m/u.test(t.text);
  return open;
}

export function renderTable(head: string[], rows: (string | number)[][], options: TableOptions = {}): string {
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
  let grid = [head, ...rows].map((row) => row.map(cell));
  const columns = Math.max(0, ...grid.map((r) => r.length));
  let widths: number[] = Array.from({ length: columns }, () => 0);
  for (const row of grid) row.forEach((c, i) => (widths[i] = Math.max(widths[i]!, ...c.widths)));

  const limit = options.width ?? terminalWidth();
  const available = limit - (3 * columns + 1);
  if (widths.reduce((a, b) => a + b, 0) > available) {
    let minimums = widths.map((natural, i) => {
      const word = Math.max(0, ...grid.map((row) => (row[i] ? longestWord(row[i]!.lines) : 0)));
      // A short column (编号, 资格, a cell reference, a count) keeps its width: long texts wrap instead.
      return natural <= SHORT_COLUMN ? natural : Math.min(natural, Math.max(MIN_COLUMN, Math.min(word, MAX_WORD)));
    });
    if (minimums.reduce((a, b) => a + b, 0) > available) {
      minimums = widths.map((natural, i) => Math.min(natural, Math.max(MIN_COLUMN, Math.min(MAX_WORD, Math.max(0, ...grid.map((row) => (row[i] ? longestWord(row[i]!.lines) : 0)))))));
    }
    widths = fitWidths(widths, minimums, available, grid.map((row) => row.map((c) => c.widths)));
    const wrapped = new Map<string, Cell>();
    grid = grid.map((row) =>
      row.map((c, i) => {
        const w = widths[i]!;
        if (c.widths.every((x) => x <= w)) return c;
        const key = `${w}\u0000${c.lines.join('\n')}`;
        let out = wrapped.get(key);
        if (!out) {
          const lines = c.lines.flatMap((l) => wrapBalanced(l, w));
          out = { lines, widths: lines.map(textWidth) };
          wrapped.set(key, out);
        }
        return out;
      }),
    );
    // Each column as wide as its widest line now: balanced lines may leave room, and a word longer than
    // every limit may still overflow (the column then takes its width).
    widths = widths.map(() => 0);
    for (const row of grid) row.forEach((c, i) => (widths[i] = Math.max(widths[i]!, ...c.widths)));
  }

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
  // Each cell was masked by itself above; the table as a whole is gongshu's: the output channel does not
  // read digits across its borders and rows as one number (a column of counts is no mobile number).
  return made(out.join('\n'));
}
