/** The refusal every reader and adapter throws for a file it cannot read: one Chinese line, with the file. */
import { InputFileError, type GongshuError } from '../core/errors.js';
import { msg, type MessageKey } from '../messages/index.js';

export function refuse(code: string, key: MessageKey, file: string, params: Record<string, string | number> = {}): GongshuError {
  return new InputFileError(code, msg(key, params), { file });
}

/** A library's own failure, shown to the clerk as `key` and kept as the cause for --debug. */
export function unreadable(code: string, key: MessageKey, file: string, cause: unknown): GongshuError {
  const err = refuse(code, key, file);
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}
