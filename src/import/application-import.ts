/**
 * Imports application workbooks: parse every file first (async, outside any transaction), then write
 * each file in its own transaction. A failing file leaves nothing behind and the batch goes on.
 */
import path from 'node:path';
import type { ParsedApplication } from '../core/application.js';
import { isGongshuError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { nameKey } from '../core/text.js';
import { openWorkbookFile } from '../excel/read/safe-open.js';
import { readApplication } from '../excel/read/application-reader.js';
import { msg } from '../messages/index.js';
import { evaluateApplication } from '../services/eligibility.js';
import {
  findApplicationId,
  findVersionBySha,
  insertApplication,
  insertVersion,
  setReceivedDate,
} from '../store/applications.js';
import { appendAudit, type Actor } from '../store/audit.js';
import { translateSqliteError, type Db } from '../store/open.js';

export type FileOutcome = 'imported' | 'new-version' | 'skipped' | 'failed';

export interface FileResult {
  file: string;
  outcome: FileOutcome;
  applicationId?: number;
  version?: number;
  studioName?: string;
  errors: number;
  warnings: number;
  /** For failures: the one-line Chinese reason, with its code and where. */
  error?: { code: string; message: string; sheet?: string; cell?: string };
  problems: Finding[];
}

export interface ImportOptions {
  round: number;
  /** 收件日期 YYYY-MM-DD for late-submission; default: today. */
  receivedDate: string;
  actor: Actor;
  dbFile: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Identity of an application within a round: same 单位全称 and same lead ID number (or name when no ID). */
export function applicationIdentity(parsed: ParsedApplication): { unitKey: string; leadKey: string } {
  const app = parsed.application;
  const unitKey = nameKey(app.unit.name || app.coverUnit);
  const id = app.lead.idNumber.trim().toUpperCase();
  const leadKey = id ? `id:${id}` : `name:${nameKey(app.lead.name)}`;
  return { unitKey, leadKey };
}

export async function importApplicationFiles(db: Db, files: readonly string[], options: ImportOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  let done = 0;
  for (const file of files) {
    options.onProgress?.(done, files.length, file);
    results.push(await importOne(db, file, options));
    done += 1;
  }
  options.onProgress?.(done, files.length, '');
  return results;
}

async function importOne(db: Db, file: string, options: ImportOptions): Promise<FileResult> {
  const display = path.basename(file);
  try {
    const opened = await openWorkbookFile(file);
    const existing = findVersionBySha(db, options.round, opened.sha256);
    if (existing) {
      return { file: display, outcome: 'skipped', applicationId: existing.applicationId, version: existing.version, errors: 0, warnings: 0, problems: [] };
    }
    const { parsed, problems } = readApplication(opened);
    return writeOne(db, display, opened.sha256, parsed, problems, options);
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

function writeOne(
  db: Db,
  file: string,
  sha256: string,
  parsed: ParsedApplication,
  problems: Finding[],
  options: ImportOptions,
): FileResult {
  return db
    .transaction((): FileResult => {
      const { unitKey, leadKey } = applicationIdentity(parsed);
      const found = findApplicationId(db, options.round, unitKey, leadKey);
      const id = found ?? insertApplication(db, options.round, unitKey, leadKey, options.receivedDate);
      if (found) setReceivedDate(db, id, options.receivedDate);
      const version = insertVersion(db, id, { file: path.basename(file), sha256, sheet: parsed.sheet, parsed, problems }, options.actor);
      appendAudit(db, options.actor, 'application', id, found ? 'new-version' : 'import', { file: path.basename(file), sha256, version });
      const evaluation = evaluateApplication(db, id);
      const all = [...problems, ...evaluation.findings];
      return {
        file,
        outcome: found ? 'new-version' : 'imported',
        applicationId: id,
        version,
        studioName: parsed.application.studioName,
        errors: all.filter((f) => f.severity === 'error').length,
        warnings: all.filter((f) => f.severity === 'warning').length,
        problems,
      };
    })
    .immediate();
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
