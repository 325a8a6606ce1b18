/**
 * Errors a clerk can act on: a few named kinds, each with a stable code, a Chinese message and, when
 * known, where (file › sheet › cell). The kind says whose move it is; `cli/report.ts` maps kinds to exit
 * codes, once, so no throw site chooses an exit code.
 */
export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
}

export type ErrorKind = 'usage' | 'refused' | 'input' | 'storage';

export abstract class GongshuError extends Error {
  readonly code: string;
  readonly location: Location;
  abstract readonly kind: ErrorKind;

  constructor(code: string, message: string, location: Location = {}) {
    super(message);
    this.code = code;
    this.location = location;
  }
}

/** The command was typed wrong: a missing or malformed argument or option. */
export class UsageError extends GongshuError {
  readonly kind = 'usage';
  override readonly name = 'UsageError';
}

/** The records do not allow it now: the life cycle, an invariant, or the record asked for does not exist. */
export class RefusedError extends GongshuError {
  readonly kind = 'refused';
  override readonly name = 'RefusedError';
}

/** A file the clerk gave cannot be used as it is (a workbook, a rubric, a backup to restore). */
export class InputFileError extends GongshuError {
  readonly kind = 'input';
  override readonly name = 'InputFileError';
}

/** The database or the file system failed: disk full, read-only, locked, damaged. */
export class StorageError extends GongshuError {
  readonly kind = 'storage';
  override readonly name = 'StorageError';
}

export function isGongshuError(e: unknown): e is GongshuError {
  return e instanceof GongshuError;
}
