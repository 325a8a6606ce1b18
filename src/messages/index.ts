/**
 * The message catalogue. Every text a clerk reads comes from here, in Simplified Chinese by default
 * and English with `--lang en`. Each domain keeps its own catalogue file; keys are unique across files.
 */
import { cliMessages } from './cli.js';
import { importMessages } from './import.js';
import { rulesMessages } from './rules.js';
import { scoringMessages } from './scoring.js';
import { storeMessages } from './store.js';
import { lifecycleMessages } from './lifecycle.js';
import { exportMessages } from './export.js';
import { workflowMessages } from './workflow.js';
import { interactiveMessages } from './interactive.js';
import { safetyMessages } from './safety.js';
import { recordsMessages } from './records.js';
import { calendarMessages } from './calendar.js';
import { dateMessages } from './dates.js';
import { recoveryMessages } from './recovery.js';
import { registerMessages } from './register.js';
import { made, registerMadeLiterals } from '../core/personal-numbers.js';

export type Lang = 'zh' | 'en';
export interface MessageEntry {
  zh: string;
  en: string;
  /**
   * The wording in the menu, where the clerk types no command: a hint to run a command the menu itself
   * offers names the menu entry instead, and nothing names a command-line option.
   */
  menu?: { zh: string; en: string };
  /**
   * Parameters whose values gongshu made (a path it wrote, a backup's name): marked with made(), so that the
   * masking of personal numbers leaves them as they are. Every other parameter is user text and is masked.
   */
  made?: readonly string[];
}

/** Who the clerk is talking to: the command line, or the menu (`gongshu`, `gongshu i`). */
export type Face = 'cli' | 'menu';

type Catalogue = typeof cliMessages & typeof importMessages & typeof rulesMessages & typeof scoringMessages & typeof storeMessages & typeof lifecycleMessages & typeof exportMessages & typeof workflowMessages & typeof interactiveMessages & typeof safetyMessages & typeof recordsMessages & typeof calendarMessages & typeof dateMessages & typeof recoveryMessages & typeof registerMessages;

// One object built by Object.assign: an object literal spreading the thirteen catalogues took ~4.5 ms of
// every command's start (1,261 keys), Object.assign ~0.1 ms. Same keys, same order, a later file winning.
const catalogue: Catalogue = Object.assign({}, cliMessages, importMessages, rulesMessages, scoringMessages, storeMessages, lifecycleMessages, exportMessages, workflowMessages, interactiveMessages, safetyMessages, recordsMessages, calendarMessages, dateMessages, recoveryMessages, registerMessages);
// Every entry is a MessageEntry (as the spread literal's `satisfies` checked).
const entries: Record<keyof Catalogue, MessageEntry> = catalogue;


// The templates' own words are gongshu's: a literal part with digits in it (an example date, a command) is
// never masked where it appears whole, whatever digits a parameter puts beside it.
registerMadeLiterals(function* parts() {
  for (const e of Object.values(entries) as MessageEntry[]) {
    for (const t of [e.zh, e.en, e.menu?.zh, e.menu?.en]) if (t && /\d/u.test(t)) yield* t.split(/\{\w+\}/u);
  }
});

export type MessageKey = keyof typeof catalogue;
export type MessageParams = Record<string, string | number>;

let current: Lang = 'zh';
let face: Face = 'cli';

/** The menu sets its face for as long as it runs; messages with a `menu` wording then use it. */
export function setFace(f: Face): void {
  face = f;
}

export function getFace(): Face {
  return face;
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Templates split at their placeholders once: literal, name, literal, name, …, literal. */
const compiled = new Map<string, string[]>();

/** Looks a message up and fills `{name}` placeholders. Unknown placeholders stay visible, so a test catches them. */
export function msg(key: MessageKey, params: MessageParams = {}): string {
  const stored: MessageEntry = entries[key];
  const entry = face === 'menu' && stored.menu ? stored.menu : stored;
  const template = entry[current] || entry.zh;
  // Scoring 10,000 assessments asks for half a million messages: split each template only once.
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/u);
    compiled.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = name in params ? String(params[name]) : `{${name}}`;
    out += (stored.made?.includes(name) && name in params ? made(value) : value) + parts[i + 1]!;
  }
  return out;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** All keys, for the test that checks every entry has both languages. */
export function allMessages(): Readonly<Record<string, MessageEntry>> {
  return catalogue;
}
