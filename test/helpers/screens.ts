/**
 * Every screen the CLI tests show a clerk — each command's output (runCli), each menu prompt as it renders
 * and each line the menu's actions print (test/cli/interactive/harness.ts) — scanned for words a clerk does
 * not speak (ascii-words.ts). test/setup-screens.ts fails any test file under test/cli whose screens held
 * one; with GONGSHU_SCREENS=<file> the offending lines are also appended there.
 */
import fs from 'node:fs';
import os from 'node:os';
import { foreignWords } from './ascii-words.js';

export interface Offence {
  where: string;
  line: string;
  words: string[];
}

/**
 * The clerk's own login name: history lists and waivers say who did what (root on a test machine, the
 * clerk's Windows account in the bureau). It is the clerk's, not gongshu's, like what the clerk typed.
 */
const USER = os.userInfo().username.toLowerCase();

const offences: Offence[] = [];
const seen = new Set<string>();
let screens = 0;

/**
 * Scans `text` line by line. `where` names the screen (a command's arguments, or the menu and the test);
 * the words in `typed` (and, for a command, in its arguments) are what the clerk typed and may come back
 * on the screen (a mistyped command, a file's odd extension).
 */
export function recordScreen(where: readonly string[] | string, text: string, typed: readonly string[] = []): Offence[] {
  screens++;
  // `--lang en` asks for English: that screen is meant to be in English.
  if (typeof where !== 'string' && where.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && where[i + 1] === 'en'))) return [];
  const found = scanScreen(where, text, typed);
  // A menu prompt renders again at every key, a history table repeats the same name on each row: the
  // first line that shows the same words on the same screen is enough to find them.
  const fresh = found.filter((o) => {
    const key = `${o.where}\u0000${o.words.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  offences.push(...fresh);
  if (fresh.length > 0 && process.env.GONGSHU_SCREENS) fs.appendFileSync(process.env.GONGSHU_SCREENS, fresh.map((o) => `${o.words.join(',')}\t${o.where}\t${o.line}\n`).join(''));
  return found;
}

/** What recordScreen finds on a screen, without recording it (for the scanner's own tests). */
export function scanScreen(where: readonly string[] | string, text: string, typed: readonly string[] = []): Offence[] {
  const name = typeof where === 'string' ? where : where.join(' ');
  // Split as the scanner splits (a word, its hyphen parts, a period like 6m) and compared whole (ignoring
  // case: an extension comes back lower-cased), so a temporary folder's random name never excuses a word that
  // merely occurs inside it. A menu prompt shows an answer as it is typed, so there a word may be the
  // beginning of a typed one (申报表.do… on the way to 申报表.docx).
  const tokens = (texts: readonly string[]): string[] =>
    texts.flatMap((arg) => (arg.match(/(?<!\d)[A-Za-z][A-Za-z_]*(?:-[A-Za-z_]+)*|\d+[mdy]/gu) ?? []).flatMap((w) => [w, ...w.split('-')])).map((w) => w.toLowerCase());
  const args = new Set([...tokens(typeof where === 'string' ? [] : where), ...tokens(typed), USER]);
  const partial = tokens(typed);
  const said = (w: string): boolean => args.has(w.toLowerCase()) || partial.some((t) => t.startsWith(w.toLowerCase()));
  const found: Offence[] = [];
  for (const line of text.split('\n')) {
    const words = foreignWords(line).filter((w) => !said(w));
    if (words.length > 0) found.push({ where: name, line: line.trim(), words });
  }
  return found;
}

/** What the screens of this test file showed that a clerk does not speak. */
export function screenOffences(): readonly Offence[] {
  return offences;
}

/** How many screens this test file has recorded (so a check of them cannot pass on none). */
export function screensRecorded(): number {
  return screens;
}
