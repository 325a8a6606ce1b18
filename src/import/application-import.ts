/** Application (申报表) import: identity, versions and the eligibility check of each file. */
import { unitNameOf, type ParsedApplication } from '../core/application.js';
import { nameKey } from '../core/text.js';
import { evaluateApplication, RoundFacts } from '../services/eligibility.js';
import { findApplicationId, findVersionBySha, insertApplication, insertVersion, setReceivedDate } from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/open.js';
import { countBySeverity, importBatch, type BatchOptions, type FileResult, type ImportKind } from './batch.js';

export interface ImportOptions extends BatchOptions {
  /** 收件日期 YYYY-MM-DD for late-submission; default: today. */
  receivedDate: string;
}

/** Identity of an application within a round: same 单位全称 and same lead ID number (or name when no ID). */
export function applicationIdentity(parsed: ParsedApplication): { unitKey: string; leadKey: string } {
  const app = parsed.application;
  const unitKey = nameKey(unitNameOf(app));
  const id = app.lead.idNumber.trim().toUpperCase();
  const leadKey = id ? `id:${id}` : `name:${nameKey(app.lead.name)}`;
  return { unitKey, leadKey };
}

function applicationKind(options: ImportOptions): ImportKind<'application'> & { recheckSameLeads(db: Db): void } {
  // The round's leads, read once at the first write and kept up to date, so each file's duplicate-lead
  // check does not read the whole round again.
  let facts: RoundFacts | undefined;
  const written: number[] = [];
  return {
    name: 'application',
    parseArg: undefined,
    alreadyImported(db, round, sha256) {
      const found = findVersionBySha(db, round, sha256);
      return found && { id: found.applicationId, version: found.version };
    },
    write(db, file, source, parsed, problems): FileResult {
      facts ??= RoundFacts.load(db, options.round);
      const { unitKey, leadKey } = applicationIdentity(parsed);
      const found = findApplicationId(db, options.round, unitKey, leadKey);
      const id = found ?? insertApplication(db, options.round, unitKey, leadKey, options.receivedDate);
      if (found) setReceivedDate(db, id, options.receivedDate);
      const version = insertVersion(db, id, { file, sha256: source.sha256, sheet: parsed.sheet, parsed, problems }, options.actor);
      appendAudit(db, options.actor, 'application', id, found ? 'new-version' : 'import', { file, sha256: source.sha256, version });
      const evaluation = evaluateApplication(db, id, options.actor, facts);
      return {
        file,
        outcome: found ? 'new-version' : 'imported',
        id,
        version,
        title: parsed.application.studioName,
        ...countBySeverity([...problems, ...evaluation.findings]),
        problems,
      };
    },
    written(result, parsed) {
      if (result.id === undefined) return;
      // A new version keeps its identity, lead ID included, so an application never leaves its lead's group.
      facts?.setApplicationLead(result.id, parsed.application.lead.idNumber);
      written.push(result.id);
    },
    /**
     * Each file was checked against the files before it; an earlier application with the same lead as a
     * later one is checked again now. No other verdict depends on the rest of the round.
     */
    recheckSameLeads(db) {
      const ids = facts?.sameLeadAs(written) ?? [];
      if (ids.length === 0) return;
      db.transaction(() => {
        for (const id of ids) evaluateApplication(db, id, options.actor, facts);
      }).immediate();
    },
  };
}

/** Imports application workbooks; afterwards every verdict of the round is current (see recheckSameLeads). */
export async function importApplicationFiles(db: Db, files: readonly string[], options: ImportOptions): Promise<FileResult[]> {
  const kind = applicationKind(options);
  const results = await importBatch(db, files, kind, options);
  kind.recheckSameLeads(db);
  return results;
}
