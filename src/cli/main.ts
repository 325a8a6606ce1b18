/** Entry point: builds the program, runs it, and maps every error to one Chinese line and an exit code. */
import { CommanderError } from 'commander';
import { ExitCode, isGongshuError, type GongshuError } from '../core/errors.js';
import { msg, setLang } from '../messages/index.js';
import { resolveDbPath, translateSqliteError } from '../store/open.js';
import { createOutput } from '../ui/output.js';
import { buildProgram } from './program.js';

export function formatError(e: GongshuError): string {
  const where = [e.location.file, e.location.sheet, e.location.cell].filter(Boolean).join(' › ');
  return where ? msg('cli.errorAt', { where, message: e.message }) : msg('cli.error', { message: e.message });
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

export async function main(argv: readonly string[]): Promise<number> {
  setLang(langFrom(argv));
  const debug = argv.includes('--debug');
  const out = createOutput();
  const program = buildProgram();
  const args = argv.slice(2);
  if (args.length === 0) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (isGongshuError(e)) {
      out.error(formatError(e));
      if (debug && e.stack) out.note(e.stack);
      return e.exitCode;
    }
    // A storage failure outside an import (disk full, lock held too long, read-only folder) is still the
    // clerk's to act on: said in Chinese with the database file, not as an internal error.
    const stored = translateSqliteError(e, resolveDbPath(dbOption(argv)));
    if (isGongshuError(stored)) {
      out.error(formatError(stored));
      return stored.exitCode;
    }
    out.error(msg('cli.internalError', { message: e instanceof Error ? e.message : String(e) }));
    if (debug && e instanceof Error && e.stack) out.note(e.stack);
    else out.note(msg('cli.debugHint'));
    return ExitCode.failed;
  }
}
