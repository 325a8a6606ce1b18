/** Exit codes, and the one place an error's kind becomes one. */
import type { ErrorKind, GongshuError } from '../core/errors.js';

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;

const BY_KIND: Record<ErrorKind, number> = {
  usage: ExitCode.usage,
  refused: ExitCode.failed,
  input: ExitCode.failed,
  storage: ExitCode.failed,
};

export function exitCodeOf(error: GongshuError): number {
  return BY_KIND[error.kind];
}
