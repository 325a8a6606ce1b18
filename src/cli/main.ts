/** Entry point: builds the program, runs it, and maps every error to one Chinese line and an exit code. */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { ExitCode, isGongshuError, type GongshuError } from '../core/errors.js';
import { msg, setLang } from '../messages/index.js';
import { createOutput } from '../ui/output.js';
import { buildProgram } from './program.js';

const { CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;

export function formatError(e: GongshuError): string {
  const where = [e.location.file, e.location.sheet, e.location.cell].filter(Boolean).join(' › ');
  return where ? msg('cli.errorAt', { where, message: e.message }) : msg('cli.error', { message: e.message });
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
    out.error(msg('cli.internalError', { message: e instanceof Error ? e.message : String(e) }));
    if (debug && e instanceof Error && e.stack) out.note(e.stack);
    else out.note(msg('cli.debugHint'));
    return ExitCode.failed;
  }
}
