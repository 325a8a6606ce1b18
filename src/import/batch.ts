/**
 * The batch loop shared by every kind of import: open each file safely, skip a file already imported
 * (same SHA-256 in the round), parse it (async, outside any transaction), then write it in its own
 * transaction. A failing file leaves nothing behind and the batch goes on.
 */
import path from 'node:path';
import { isGongshuError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { openWorkbookFile, type OpenedWorkbook } from '../excel/read/safe-open.js';
import { msg } from '../messages/index.js';
import type { Actor } from '../store/audit.js';
import { translateSqliteError, type Db } from '../store/open.js';

export type FileOutcome = 'imported' | 'new-version' | 'skipped' | 'failed';

export interface FileResult {
  file: string;
  outcome: FileOutcome;
  /** Application id or assessment id, depending on the kind. */
  id?: number;
  version?: number;
  /** Studio name, for the result table. */
  title?: string;
  errors: number;
  warnings: number;
  /** For failures: the one-line Chinese reason, with its code and where. */
  error?: { code: string; message: string; sheet?: string; cell?: string };
  problems: Finding[];
}

export interface BatchOptions {
  round: number;
  actor: Actor;
  dbFile: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ImportKind<Parsed> {
  /** An earlier import of exactly this file in the round, if any. */
  alreadyImported(db: Db, round: number, sha256: string): { id: number; version: number } | undefined;
  parse(opened: OpenedWorkbook): { parsed: Parsed; problems: Finding[] };
  /** Writes one parsed file; runs inside the file's transaction. */
  write(db: Db, file: string, opened: OpenedWorkbook, parsed: Parsed, problems: Finding[]): FileResult;
}

export async function importBatch<Parsed>(db: Db, files: readonly string[], kind: ImportKind<Parsed>, options: BatchOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const [index, file] of files.entries()) {
    options.onProgress?.(index, files.length, file);
    results.push(await importOne(db, file, kind, options));
  }
  options.onProgress?.(files.length, files.length, '');
  return results;
}

async function importOne<Parsed>(db: Db, file: string, kind: ImportKind<Parsed>, options: BatchOptions): Promise<FileResult> {
  const display = path.basename(file);
  try {
    const opened = await openWorkbookFile(file);
    const existing = kind.alreadyImported(db, options.round, opened.sha256);
    if (existing) return { file: display, outcome: 'skipped', id: existing.id, version: existing.version, errors: 0, warnings: 0, problems: [] };
    const { parsed, problems } = kind.parse(opened);
    return db.transaction(() => kind.write(db, display, opened, parsed, problems)).immediate();
  } catch (e) {
    const err = translateSqliteError(e, options.dbFile);
    if (isGongshuError(err)) {
      return {
        file: display,
        outcome: 'failed',
        errors: 1,
        warnings: 0,
        error: { code: err.code, message: err.message, sheet: err.location.sheet, cell: err.location.cell },
        problems: [],
      };
    }
    throw err;
  }
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

export function outcomeLabel(outcome: FileOutcome): string {
  switch (outcome) {
    case 'imported':
      return msg('cli.outcome.imported');
    case 'new-version':
      return msg('cli.outcome.newVersion');
    case 'skipped':
      return msg('cli.outcome.skipped');
    case 'failed':
      return msg('cli.outcome.failed');
  }
}
