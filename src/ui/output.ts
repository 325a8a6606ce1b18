/**
 * Everything the CLI prints goes through here: results to stdout, notes/warnings/errors to stderr,
 * colour only on a terminal and never with NO_COLOR, control characters stripped from workbook text.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { stripControl } from '../core/text.js';

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

/** Text from workbooks may carry ANSI escapes or control characters: never let them reach the terminal raw. */
export function clean(text: string): string {
  return stripControl(text);
}

export function createOutput(options: OutputOptions = {}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const color = new Chalk({ level: colorEnabled(stderr, env) ? 1 : 0 });
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
      stdout.write(`${text}\n`);
    },
    note(text) {
      clearProgress();
      stderr.write(`${text}\n`);
    },
    warn(text) {
      clearProgress();
      stderr.write(`${color.yellow(text)}\n`);
    },
    error(text) {
      clearProgress();
      stderr.write(`${color.red(text)}\n`);
    },
    success(text) {
      clearProgress();
      stderr.write(`${color.green(text)}\n`);
    },
    printJson(value) {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    progress(text) {
      if (!progressOn) return;
      stderr.write(`\r\u001b[2K${text}`);
      progressShown = true;
    },
    endProgress() {
      clearProgress();
    },
  };
}
