/** How an error reaches the clerk: one Chinese line (with file › sheet › cell when known), a stack only with --debug. */
import { GongshuError, isGongshuError } from '../core/errors.js';
import { ExitCode, exitCodeOf } from './exit-code.js';
import { msg } from '../messages/index.js';
import type { Output } from '../ui/output.js';
import { storageError } from '../services/context.js';

export function formatError(e: GongshuError): string {
  // A message that already names its file ("找不到文件或文件夹：./2026申报材料") is not prefixed with it again.
  const file = e.location.file && !e.message.includes(e.location.file) ? e.location.file : undefined;
  const where = [file, e.location.sheet, e.location.cell].filter(Boolean).join(' › ');
  return where ? msg('cli.errorAt', { where, message: e.message }) : msg('cli.error', { message: e.message });
}

/**
 * Prints the error and returns the exit code it stands for. A storage failure outside an import (disk
 * full, lock held too long, read-only folder) is still the clerk's to act on: said in Chinese with the
 * database file, not as an internal error.
 */
export function reportError(out: Output, e: unknown, debug: boolean, dbFile?: string): number {
  const known = !isGongshuError(e) && dbFile ? storageError(e, dbFile) : e;
  if (isGongshuError(known)) {
    out.error(formatError(known));
    if (debug && known.stack) out.note(known.stack);
    return exitCodeOf(known);
  }
  out.error(msg('cli.internalError', { message: e instanceof Error ? e.message : String(e) }));
  if (debug && e instanceof Error && e.stack) out.note(e.stack);
  else out.note(msg('cli.debugHint'));
  return ExitCode.failed;
}
