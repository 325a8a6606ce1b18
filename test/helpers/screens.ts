/**
 * Every screen the CLI tests show a clerk — each command's output (runCli) and each menu screen (the menu
 * harness) — scanned for words a clerk does not speak (ascii-words.ts). With GONGSHU_SCREENS=<file> the
 * offending lines are appended there; test/cli/chinese-only.test.ts checks a set of commands directly.
 */
import fs from 'node:fs';
import { foreignWords } from './ascii-words.js';

export interface Offence {
  where: string;
  line: string;
  words: string[];
}

const offences: Offence[] = [];

export function recordScreen(where: readonly string[] | string, text: string): Offence[] {
  const found: Offence[] = [];
  // What the clerk typed may come back on the screen (a mistyped command, a file's odd extension).
  const typed = new Set(typeof where === 'string' ? [] : where.flatMap((arg) => arg.match(/[A-Za-z][\w-]*|\d+[mdy]/gu) ?? []));
  for (const line of text.split('\n')) {
    const words = foreignWords(line).filter((w) => !typed.has(w) && ![...typed].some((t) => t.includes(w)));
    if (words.length > 0) found.push({ where: typeof where === 'string' ? where : where.join(' '), line: line.trim(), words });
  }
  offences.push(...found);
  if (found.length > 0 && process.env.GONGSHU_SCREENS) fs.appendFileSync(process.env.GONGSHU_SCREENS, found.map((o) => `${o.words.join(',')}\t${o.where}\t${o.line}\n`).join(''));
  return found;
}

/** What the screens of this test file showed that a clerk does not speak. */
export function screenOffences(): readonly Offence[] {
  return offences;
}
