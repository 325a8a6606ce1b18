/** Entry point: builds the program, runs it, and maps every error to one Chinese line and an exit code. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { ExitCode } from './exit-code.js';
import { msg, setLang } from '../messages/index.js';
import { resolveDbPath } from '../services/context.js';
import { createOutput } from '../ui/output.js';
import { buildProgram } from './program.js';
import { reportError } from './report.js';

const { CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;

export { formatError } from './report.js';

/**
 * stdout may be a file on a full disk (`> /dev/full`), a pipe whose reader left (`| head -1`) or a broken
 * device: the clerk gets one Chinese line on stderr and a non-zero exit, never a Node stack trace, and a
 * partial result is never taken for a whole one. A failing stderr leaves nobody to tell: the exit code says it.
 */
export function guardOutputStreams(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): void {
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    const reason =
      e.code === 'EPIPE' ? msg('safety.output.pipeClosed') : e.code === 'ENOSPC' || e.code === 'EDQUOT' ? msg('safety.output.diskFull') : msg('safety.output.ioError', { code: e.code ?? e.message });
    try {
      fs.writeSync(2, `${msg('safety.output.failed', { reason })}\n`);
    } catch {
      /* stderr is gone too */
    }
    process.exit(ExitCode.failed);
  });
  stderr.on('error', () => {
    process.exitCode = ExitCode.failed;
  });
}

function dbOption(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--db='.length) : argv[i + 1];
}

function langFrom(argv: readonly string[]): 'zh' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

/**
 * `gongshu` alone opens the menu only where a person can answer it: both ends a terminal and not
 * under CI. Anywhere else (a pipe, a script, CI) waiting for input would hang, so help is printed.
 */
export function opensMenu(stdin: { isTTY?: boolean }, stdout: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return Boolean(stdin.isTTY) && Boolean(stdout.isTTY) && !ci;
}

const GLOBAL_WITH_VALUE = new Set(['--db', '--round', '--lang']);

/** `gongshu`, or `gongshu --db x.db --round 2026`: global options and no command. */
export function namesNoCommand(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (GLOBAL_WITH_VALUE.has(a)) {
      if (i + 1 >= args.length) return false; // let commander report the missing value
      i++;
    }
    else if (a === '--debug' || [...GLOBAL_WITH_VALUE].some((o) => a.startsWith(`${o}=`))) continue;
    else return false;
  }
  return true;
}

export async function main(argv: readonly string[]): Promise<number> {
  setLang(langFrom(argv));
  const debug = argv.includes('--debug');
  const out = createOutput();
  const program = buildProgram();
  let args = argv;
  if (namesNoCommand(argv.slice(2))) {
    if (!opensMenu(process.stdin, process.stdout, process.env)) {
      program.outputHelp();
      return ExitCode.ok;
    }
    args = [...argv, 'interactive'];
  }
  try {
    await program.parseAsync(args as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    return reportError(out, e, debug, resolveDbPath(dbOption(argv)));
  }
}
