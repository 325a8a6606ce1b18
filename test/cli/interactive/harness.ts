/**
 * Drives the menu in-process through @inquirer/testing's screen (which replaces the prompts' terminal)
 * while the actions print into a buffer, as a clerk's terminal would show them.
 * Import this module before anything that loads @inquirer/prompts.
 */
import { screen } from '@inquirer/testing/vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { runInteractive } from '../../../src/cli/interactive/index.js';
import type { MenuEntry } from '../../../src/cli/interactive/menu.js';
import { createPrompts } from '../../../src/cli/interactive/prompts.js';
import { createOutput } from '../../../src/ui/output.js';
import { runCli } from '../../helpers/run-cli.js';
import { recordScreen } from '../../helpers/screens.js';
import { tempDir } from '../../helpers/tmp.js';

export { screen };

export const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));
export const APPLICATIONS = path.join(SAMPLES, 'applications');
export const ASSESSMENTS = path.join(SAMPLES, 'assessments');
export const REVIEWS = path.join(SAMPLES, 'reviews');
export const ROUND = 2026;

/**
 * What the clerk sees goes to the screen scanner (test/helpers/screens.ts): every render of every prompt
 * (the question, the choices, the highlighted choice's description, a refusal under the answer) as it
 * happens, and the lines the actions printed at the end of each test. What the test typed is the clerk's
 * own and may come back on the screen.
 */
const typed: string[] = [];
const printedBy: (() => string)[] = [];
const menuScreen = (): string => `菜单（${expect.getState().currentTestName ?? ''}）`;
const newPromptOutput = screen.createOutput.bind(screen);
screen.createOutput = () => {
  const output = newPromptOutput();
  output.on('render', () => recordScreen(menuScreen(), stripVTControlCharacters(output.getLastChunk()), typed));
  return output;
};
const type = screen.type.bind(screen);
screen.type = (text: string) => {
  typed.push(text);
  type(text);
};
beforeEach(() => {
  typed.length = 0;
});
afterEach(() => {
  for (const printed of printedBy.splice(0)) recordScreen(menuScreen(), printed(), typed);
});

export interface MenuRun {
  /** The menu's exit code, once it has left. */
  done: Promise<number>;
  /** Everything the actions printed so far (tables, notes, errors), colour off. */
  printed(): string;
  dir: string;
  db: string;
}

export async function startMenu(options: { dir?: string; db?: string; round?: number; entries?: readonly MenuEntry[] } = {}): Promise<MenuRun> {
  const dir = options.dir ?? tempDir();
  const db = options.db ?? path.join(dir, 'g.db');
  let text = '';
  const sink = {
    write: (s: string) => {
      text += s;
      return true;
    },
  };
  const out = createOutput({ stdout: sink, stderr: sink, env: { NO_COLOR: '1' } });
  const prompts = await createPrompts({ input: screen.input, color: new Chalk({ level: 0 }) });
  const done = runInteractive({ prompts, out, dbPath: db, round: options.round ?? ROUND, debug: false, cwd: dir }, options.entries);
  printedBy.push(() => text);
  return { done, printed: () => text, dir, db };
}

/** A database holding the ten sample applications of 2026, made once per file and copied per test. */
let seeded: string | undefined;
afterAll(() => {
  if (seeded) fs.rmSync(path.dirname(seeded), { recursive: true, force: true });
});
export async function seededDb(dir: string): Promise<string> {
  if (!seeded) {
    seeded = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-seed-')), 'seed.db');
    const r = await runCli(['--db', seeded, '--round', String(ROUND), 'apply', 'import', APPLICATIONS, '--received', '2026-05-20']);
    if (r.code !== 0) throw new Error(`seeding failed: ${r.stderr}`);
  }
  const db = path.join(dir, 'g.db');
  fs.copyFileSync(seeded, db);
  return db;
}

/** The prompt on screen now, colour stripped. */
export function shown(): string {
  return screen.getScreen();
}

/** The answer lines of a list prompt: the highlighted one starts with ❯. */
function choiceLines(): string[] {
  return shown()
    .split('\n')
    .slice(1)
    .filter((l) => /^(❯| )( |[◯◉] )\S/u.test(l));
}

/** Moves the highlight onto the first choice containing `label`. */
export function highlight(label: string): void {
  const lines = choiceLines();
  const target = lines.findIndex((l) => l.includes(label));
  if (target < 0) throw new Error(`no choice "${label}" on screen:\n${shown()}`);
  const active = lines.findIndex((l) => l.startsWith('❯'));
  const steps = target - active;
  for (let i = 0; i < Math.abs(steps); i++) screen.keypress(steps > 0 ? 'down' : 'up');
}

/** Picks a choice and waits for what comes next. */
export async function pick(label: string): Promise<void> {
  highlight(label);
  screen.keypress('enter');
  await screen.next();
}

/** Types an answer (after clearing what is there) and waits for what comes next. */
export async function answer(text: string): Promise<void> {
  screen.keypress({ name: 'u', ctrl: true });
  screen.type(text);
  screen.keypress('enter');
  await screen.next();
}

/** Presses Enter on the default and waits. */
export async function enter(): Promise<void> {
  screen.keypress('enter');
  await screen.next();
}

export function ctrlC(): void {
  screen.keypress({ name: 'c', ctrl: true });
}

export function files(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => !f.startsWith('g.db')).sort();
}
