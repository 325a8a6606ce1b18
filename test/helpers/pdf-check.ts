/**
 * Printing a document as a clerk would (LibreOffice → PDF) and measuring the result with poppler's pdftotext:
 * page sizes, every word's box, the text. Used by test/print/print.test.ts, which skips where the tools are
 * missing, except on CI, where `.ci/run` installs them and a missing tool fails the test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Why the print check cannot run here, or null. Besides the programs, LibreOffice needs Carlito (metric-
 * compatible with Calibri, the workbooks' default font, which sets the unit of column widths): without it
 * LibreOffice measures columns about a third wider than Excel does and shrinks the page to fit.
 */
export function printCheckUnavailable(): string | null {
  const missing = ['soffice', 'pdftotext', 'pdfinfo', 'fc-match', 'fc-list'].filter((c) => !hasCommand(c));
  if (missing.length > 0) return `needs ${missing.join(', ')} (LibreOffice and poppler-utils)`;
  const calibri = spawnSync('fc-match', ['Calibri'], { encoding: 'utf8' }).stdout;
  if (!/Carlito|Calibri/iu.test(calibri)) return 'needs the Carlito font (fonts-crosextra-carlito), which LibreOffice uses for Calibri';
  const chinese = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout;
  if (!chinese.trim()) return 'needs a Chinese font (fonts-noto-cjk): without one nothing Chinese prints';
  return null;
}

/** Converts documents to PDF with LibreOffice, into `outDir`; returns the PDF paths in the same order. */
export function toPdf(files: readonly string[], outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  // A profile of its own, so a LibreOffice the clerk (or another test) has open does not interfere.
  const profile = `file://${path.join(outDir, '.lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 180_000 });
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** Pages and word boxes (points, origin top left) from `pdftotext -bbox`. */
export function readPdf(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((w) => ({
      xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]),
      text: w[5]!.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"'),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

const A4 = [595.3, 841.9];

export function isA4(page: Page): boolean {
  const [w, h] = [page.width, page.height].sort((a, b) => a - b);
  return Math.abs(w! - A4[0]!) < 1.5 && Math.abs(h! - A4[1]!) < 1.5;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;

/**
 * The font size a word was printed at, from its box: a Chinese font's box is about 1.3 times the size
 * (the Noto CJK fonts LibreOffice falls back to; 宋体 and 仿宋 are about the same), a Latin font's at least
 * about 1.16 times — so a word set below the limit cannot pass.
 */
export function printedSize(word: Word): number {
  return (word.yMax - word.yMin) / (CJK.test(word.text) ? 1.3 : 1.16);
}

/**
 * Pairs of words on a page whose boxes overlap: a row too short for its text prints lines over the next row.
 * Two lines of Latin text in one cell (100 over +10) sit 12.8 pt apart in boxes 14.3 pt tall, so boxes
 * overlapping by less than 2 pt are lines, not a cut.
 */
export function overlaps(page: Page, tolerance = 2): [Word, Word][] {
  const out: [Word, Word][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length && words[j]!.yMin < a.yMax; j++) {
      const b = words[j]!;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > tolerance && dy > tolerance) out.push([a, b]);
    }
  }
  return out;
}

/** Words outside the sheet of paper. */
export function outsidePage(page: Page): Word[] {
  return page.words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > page.width + 0.5 || w.yMax > page.height + 0.5);
}

/** Characters of `expected` (each as often as it occurs) that the printed text lacks; whitespace aside. */
export function missingCharacters(expected: readonly string[], printed: string): string[] {
  const have = new Map<string, number>();
  for (const ch of printed.replace(/\s/gu, '')) have.set(ch, (have.get(ch) ?? 0) + 1);
  const missing: string[] = [];
  for (const ch of expected.join('').replace(/\s/gu, '')) {
    const n = have.get(ch) ?? 0;
    if (n > 0) have.set(ch, n - 1);
    else missing.push(ch);
  }
  return missing;
}

export function pageText(page: Page): string {
  return page.words.map((w) => w.text).join(' ');
}
