/**
 * Everything the CLI prints goes through here: results to stdout, notes/warnings/errors to stderr,
 * colour only on a terminal and never with NO_COLOR, control characters stripped from workbook text.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { stripControl } from '../core/text.js';
import { maskPersonalNumbers, plainText } from '../core/personal-numbers.js';

export interface Output {
  readonly color: ChalkInstance;
  readonly json: boolean;
  /** The command's main result (tables, lists) on stdout. */
  print(text: string): void;
  /** A note for the clerk on stderr. */
  note(text: string): void;
  warn(text: string): void;
  error(text: string): void;
  success(text: string): void;
  /** A line about a number the clerk typed in and asked about (`check id`): shown in full, it is theirs. */
  showTyped(text: string): void;
  /** Machine-readable result: stdout holds the JSON alone. */
  printJson(value: unknown): void;
  /** A transient progress line, on a terminal only. */
  progress(text: string): void;
  endProgress(): void;
}

export interface OutputOptions {
  json?: boolean;
  stdout?: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr?: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Text from workbooks and file names may carry ANSI escapes or control characters (a lone CR rewrites the
 * line): never let them reach the terminal raw.
 */
export function clean(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return stripControl(text.replace(/\r\n?/gu, '\n'));
}

/**
 * What clean() changes: control characters (escape sequences start with one, CR among them) other than the
 * line feed and the tab it keeps. Most text holds none and comes back as it is, without three passes over it.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/gu;

/** As clean(), but colour codes (SGR sequences, which chalk writes) survive; nothing else does. */
export function cleanKeepingColour(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    out += clean(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + clean(text.slice(last));
}

export function createOutput(options: OutputOptions = {}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const colour = colorEnabled(stderr, env);
  const color = new Chalk({ level: colour ? 1 : 0 });
  // Without colour, no escape sequence at all may reach the stream; with it, only colour codes. What a
  // clerk's screen shows may be photographed, pasted into a chat or logged by a script: ID and mobile
  // numbers are masked in every line of it (330105********0017, 138****5678), except in the parts gongshu
  // made and marked with made() (paths, backup names, tables whose cells were masked one by one). --json
  // output is data and stays complete.
  const sanitize = (text: string): string => maskPersonalNumbers(colour ? cleanKeepingColour(text) : clean(text));
  const plain = (text: string): string => maskPersonalNumbers(clean(text));
  const progressOn = Boolean(stderr.isTTY) && !options.json;
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) {
      stderr.write('\r\u001b[2K');
      progressShown = false;
    }
  };
  return {
    color,
    json: Boolean(options.json),
    print(text) {
      clearProgress();
      stdout.write(`${sanitize(text)}\n`);
    },
    note(text) {
      clearProgress();
      stderr.write(`${sanitize(text)}\n`);
    },
    warn(text) {
      clearProgress();
      stderr.write(`${color.yellow(plain(text))}\n`);
    },
    error(text) {
      clearProgress();
      stderr.write(`${color.red(plain(text))}\n`);
    },
    success(text) {
      clearProgress();
      stderr.write(`${color.green(plain(text))}\n`);
    },
    showTyped(text) {
      clearProgress();
      stderr.write(`${color.green(clean(plainText(text)))}\n`);
    },
    printJson(value) {
      stdout.write(`${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? plainText(v) : v), 2)}\n`);
    },
    progress(text) {
      if (!progressOn) return;
      stderr.write(`\r\u001b[2K${plain(text)}`);
      progressShown = true;
    },
    endProgress() {
      clearProgress();
    },
  };
}
