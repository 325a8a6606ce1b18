/**
 * One file's safe open and parse, as run by a parse worker thread (or in-process: small batches, GONGSHU_WORKERS=0).
 * Everything returned is plain data, so it can be posted back to the main thread.
 */
import { isGongshuError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { openWorkbookBuffer, type OpenOptions } from './open/safe-open.js';
import { PARSERS, type KindName } from './kinds.js';

/** Why a file cannot be imported, as shown in the import table. */
export interface FileError {
  code: string;
  message: string;
  sheet?: string;
  cell?: string;
}

export type ParseReply =
  | { ok: true; parsed: unknown; problems: Finding[]; sha256: string }
  /** The file was refused (a GongshuError): a failed row, the batch goes on. */
  | { ok: false; error: FileError }
  /** A defect in gongshu itself: re-thrown by the batch, as it would be in-process. */
  | { ok: false; internal: { message: string; stack?: string } };

/** `limits`: safe-open's, tighter than its defaults for a file parsed outside a worker (see parse-pool.ts). */
export async function parseWorkbook(kind: KindName, arg: unknown, path: string, bytes: Buffer, limits: OpenOptions = {}): Promise<ParseReply> {
  try {
    const opened = await openWorkbookBuffer(bytes, path, limits);
    const parse = PARSERS[kind] as (opened: unknown, arg: unknown) => { parsed: unknown; problems: Finding[] };
    const { parsed, problems } = parse(opened, arg);
    return { ok: true, parsed, problems, sha256: opened.sha256 };
  } catch (e) {
    if (isGongshuError(e)) return { ok: false, error: { code: e.code, message: e.message, sheet: e.location.sheet, cell: e.location.cell } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, internal: { message: err.message, stack: err.stack } };
  }
}
