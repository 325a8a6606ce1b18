/** How an error reaches the clerk: one Chinese line (with file › sheet › cell when known), a stack only with --debug. */
import { ExitCode, isGongshuError, type GongshuError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import type { Output } from '../ui/output.js';

export function formatError(e: GongshuError): string {
  const where = [e.location.file, e.location.sheet, e.location.cell].filter(Boolean).join(' › ');
  return where ? msg('cli.errorAt', { where, message: e.message }) : msg('cli.error', { message: e.message });
}

/** Prints the error and returns the exit code it stands for. */
export function reportError(out: Output, e: unknown, debug: boolean): number {
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
