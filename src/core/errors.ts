/** Errors a clerk can act on. Caught once in cli/main.ts; only --debug shows a stack. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;

export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
}

export class GongshuError extends Error {
  readonly code: string;
  readonly location: Location;
  readonly exitCode: number;

  constructor(code: string, message: string, location: Location = {}, exitCode: number = ExitCode.failed) {
    super(message);
    this.name = 'GongshuError';
    this.code = code;
    this.location = location;
    this.exitCode = exitCode;
  }
}

export class UsageError extends GongshuError {
  constructor(code: string, message: string) {
    super(code, message, {}, ExitCode.usage);
    this.name = 'UsageError';
  }
}

export function isGongshuError(e: unknown): e is GongshuError {
  return e instanceof GongshuError;
}
