/**
 * Application (申报表) import: which application a form belongs to, whether its content takes effect, and the
 * eligibility check. A form is a new version of an application when its lead is the same person (see
 * core/identity.ts); a lead that cannot be confirmed (an unreadable ID where the application has one, another
 * birth month or gender, several same-named leads) makes a held version or a new application, with a warning
 * naming the candidates. Before expert review a new version replaces the old one and is checked again; from
 * 已评审 on, the reviewed and publicized content must stay what is certified, so a changed form is stored
 * but held as pending until the clerk accepts it (`apply accept-version`).
 */
import { unitNameOf, type ParsedApplication } from '../core/application.js';
import { chinaDate } from '../core/china-time.js';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { applicationKeys, leadDifferences, matchForm, type ApplicationKeys, type FormMatch, type LeadIdentity } from '../core/identity.js';
import { statusName } from '../core/lifecycle.js';
import { nameKey } from '../core/text.js';
import type { PoolOptions } from '../intake/parse-pool.js';
import { countBySeverity, importBatch, sameContentReason, type FileResult, type ImportKind } from './import-batch.js';
import { msg } from '../messages/index.js';
import { RULE_CODES } from '../rules/index.js';
import {
  applicationStatus,
  applicationsWithKeys,
  findVersionBySha,
  getApplication,
  insertApplication,
  insertVersion,
  setCurrentVersion,
  setReceivedDate,
  type StoredApplication,
} from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/open.js';
import { readerNotes } from './application-view.js';
import { inTransaction, type Workspace } from './context.js';
import { CHECKED_STATUSES, evaluateApplication, OUT_OF_SELECTION, RoundFacts } from './eligibility.js';

export interface ImportRun {
  round: number;
  /** 收件日期 `YYYY-MM-DD`, for late-submission. */
  receivedDate: string;
  /**
   * The 收件日期 of a form that came in a mail is the mail's Date in China, not `receivedDate` (which the
   * clerk did not give: it is today). False when the clerk gave the date (`--received`).
   */
  mailDates?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Parse workers; default from the environment (GONGSHU_WORKERS …). */
  pool?: PoolOptions;
  /** Ctrl+C: stop before the next file (see BatchOptions.stopRequested). */
  stopRequested?: () => boolean;
}

function identityOf(app: StoredApplication, keys: ApplicationKeys): LeadIdentity {
  const lead = app.current.parsed.application.lead;
  return { id: app.id, keys, birth: lead.birth, gender: lead.gender, name: lead.name };
}

/**
 * Which stored application a form belongs to (core/identity.ts matchForm): by readable ID, the one still in
 * the selection first, then the oldest; without a readable ID only the unit's one same-named lead of the
 * same birth month and gender.
 */
function matchingApplication(db: Db, round: number, parsed: ParsedApplication, keys: ApplicationKeys): FormMatch {
  const rows = applicationsWithKeys(db, round, keys);
  const byId = keys.idKey === null ? [] : rows.filter((r) => r.keys.idKey === keys.idKey).map((r) => getApplication(db, r.id)!);
  const chosen = byId.find((a) => !OUT_OF_SELECTION.has(a.status)) ?? byId[0];
  const sameName = rows.filter((r) => r.keys.nameKey === keys.nameKey).map((r) => identityOf(getApplication(db, r.id)!, r.keys));
  const lead = parsed.application.lead;
  return matchForm({ keys, birth: lead.birth, gender: lead.gender, name: lead.name }, chosen?.id, sameName);
}

function candidateList(candidates: readonly LeadIdentity[]): string {
  const unknown = msg('records.import.leadUncertain.unknown');
  return candidates.map((c) => msg('records.import.leadUncertain.candidate', { id: c.id, name: c.name, birth: c.birth || unknown, gender: c.gender || unknown })).join('、');
}

/** Why a same-named lead could not be confirmed as the form's. */
function uncertainWhy(keys: ApplicationKeys, match: Extract<FormMatch, { kind: 'held' | 'new-uncertain' }>): string {
  if (match.kind === 'new-uncertain') return msg('records.import.leadUncertain.several');
  if (match.candidates.length > 1) return msg('records.import.leadUncertain.sameName', { count: match.candidates.length });
  const held = match.candidates.find((c) => c.id === match.id)!;
  return held.keys.idKey !== null && keys.idKey === null ? msg('records.import.leadUncertain.idUnreadable') : msg('records.import.leadUncertain.differs', { id: match.id });
}

function sameContent(a: ParsedApplication, b: ParsedApplication): boolean {
  return JSON.stringify([a.application, a.facts]) === JSON.stringify([b.application, b.facts]);
}

/** A mail's Date more than this many calendar years from the round's year is said to the clerk. */
export const MAIL_YEARS_FROM_ROUND = 1;

function note(code: string, message: string, severity: Finding['severity'] = 'warning'): Finding {
  return { code, severity, message };
}

function applicationKind(ws: Workspace, run: ImportRun): ImportKind<'application'> & { recheckSameLeads(): void } {
  // The round's leads, read once at the first write and kept up to date, so each file's duplicate-lead
  // check does not read the whole round again.
  let facts: RoundFacts | undefined;
  const written: number[] = [];
  const { round } = run;
  return {
    name: 'application',
    parseArg: undefined,
    alreadyImported(db, r, sha256) {
      const found = findVersionBySha(db, r, sha256);
      return found && { id: found.applicationId, version: found.version, reason: sameContentReason(found, msg('cli.import.sameAs.application', { id: found.applicationId, version: found.version })) };
    },
    write(db, file, source, parsed, problems): FileResult {
      facts ??= RoundFacts.load(db, round);
      const keys = applicationKeys(parsed);
      const match = matchingApplication(db, round, parsed, keys);
      const notes = readerNotes(problems, RULE_CODES);
      // The clerk expects a mail's own date: a mail without a readable Date says what was taken instead.
      if (run.mailDates && source.mail && !source.mail.date) notes.push(note('mail-no-date', msg('records.import.mailNoDate', { date: run.receivedDate })));
      const stored = { file, sha256: source.sha256, sheet: parsed.sheet, parsed, problems: notes, ...(source.mail ? { mail: source.mail } : {}) };
      const receivedDate = run.mailDates && source.mail?.date ? chinaDate(source.mail.date) : run.receivedDate;
      // A Date years away from the round is a sender's clock set wrong (or a mail of another round): said on the file's row, not silently taken.
      if (run.mailDates && source.mail?.date && Math.abs(Number(receivedDate.slice(0, 4)) - round) > MAIL_YEARS_FROM_ROUND) {
        notes.push(note('mail-date-far', msg('records.import.mailDateFar', { date: receivedDate, round })));
      }
      const title = parsed.application.studioName;
      if (match.kind === 'new' || match.kind === 'new-uncertain') {
        const id = insertApplication(db, round, keys, receivedDate);
        const version = insertVersion(db, id, stored, ws.actor);
        setCurrentVersion(db, id, version, keys);
        appendAudit(db, ws.actor, 'application', id, 'import', { file, sha256: source.sha256, version });
        if (match.kind === 'new-uncertain') {
          notes.push(note('lead-uncertain', msg('records.import.leadUncertain.new', { id, candidates: candidateList(match.candidates), why: uncertainWhy(keys, match) })));
        }
        const evaluation = evaluateApplication(ws, id, facts);
        return { file, outcome: 'imported', id, version, title, ...countBySeverity([...notes, ...evaluation.findings]), problems: notes };
      }

      const found = getApplication(db, match.id)!;
      if (match.kind === 'held') {
        // The person is not confirmed: the form is kept, and only the clerk's apply accept-version puts it into effect.
        const version = insertVersion(db, found.id, stored, ws.actor);
        appendAudit(db, ws.actor, 'application', found.id, 'new-version-pending', { file, sha256: source.sha256, version, status: found.status, inEffect: found.current.version, leadUncertain: true });
        notes.push(
          note(
            'version-pending',
            msg('records.import.leadUncertain.held', { id: found.id, version, current: found.current.version, candidates: candidateList(match.candidates), why: uncertainWhy(keys, match) }),
          ),
        );
        return { file, outcome: 'pending', id: found.id, version, title: found.current.parsed.application.studioName, ...countBySeverity(notes), problems: notes };
      }
      const lead = parsed.application.lead;
      const before = found.current.parsed.application.lead;
      const differs = leadDifferences(lead, before);
      if (differs.length > 0) {
        // The same ID number on another person's name or birth: perhaps copied from another form. Never put into effect unasked.
        const version = insertVersion(db, found.id, stored, ws.actor);
        appendAudit(db, ws.actor, 'application', found.id, 'new-version-pending', { file, sha256: source.sha256, version, status: found.status, inEffect: found.current.version, leadDiffers: differs });
        const unknown = msg('records.import.leadUncertain.unknown');
        const person = (p: typeof lead): string => msg('records.import.leadPerson', { name: p.name, birth: p.birth || unknown, gender: p.gender || unknown });
        const what = differs.map((f) => msg(`records.import.leadField.${f}`)).join('、');
        notes.push(note('version-pending', msg('records.import.sameIdDiffers', { id: found.id, now: person(lead), before: person(before), what, version, current: found.current.version })));
        return { file, outcome: 'pending', id: found.id, version, title: found.current.parsed.application.studioName, ...countBySeverity(notes), problems: notes };
      }
      const id = found.id;
      const version = insertVersion(db, id, stored, ws.actor);
      const unitBefore = unitNameOf(found.current.parsed.application);
      const unitNow = unitNameOf(parsed.application);
      if (sameContent(found.current.parsed, parsed)) {
        // A re-saved or renamed file with the very same content: nothing that was checked or reviewed changes.
        setCurrentVersion(db, id, version, keys);
        appendAudit(db, ws.actor, 'application', id, 'new-version', { file, sha256: source.sha256, version, sameContent: true });
        notes.push(note('same-content', msg('records.import.sameContent', { id, version: found.current.version }), 'info'));
        return { file, outcome: 'new-version', id, version, title, ...countBySeverity([...notes, ...found.findings]), problems: notes };
      }
      // The same lead from another unit is not simply a corrected form: two units may have put forward the
      // same person. The form is kept, but the clerk decides whether it replaces the one in effect.
      const otherUnit = nameKey(unitBefore) !== nameKey(unitNow);
      if (otherUnit || !CHECKED_STATUSES.has(found.status)) {
        appendAudit(db, ws.actor, 'application', id, 'new-version-pending', { file, sha256: source.sha256, version, status: found.status, inEffect: found.current.version });
        // A corrected form of a certified application can never take effect: it is kept for the record.
        const kept = !otherUnit && found.status === 'certified';
        notes.push(
          otherUnit
            ? note('version-pending', msg('records.import.otherUnit', { id, before: unitBefore, now: unitNow, version, current: found.current.version }))
            : note('version-pending', msg(kept ? 'records.import.afterCertified' : 'records.import.pending', { id, status: statusName(found.status), version, current: found.current.version })),
        );
        return { file, outcome: 'pending', id, version, title: found.current.parsed.application.studioName, ...countBySeverity(notes), problems: notes, ...(kept ? { keptForRecord: true as const } : {}) };
      }
      setCurrentVersion(db, id, version, keys);
      setReceivedDate(db, id, receivedDate);
      appendAudit(db, ws.actor, 'application', id, 'new-version', { file, sha256: source.sha256, version });
      const evaluation = evaluateApplication(ws, id, facts);
      return { file, outcome: 'new-version', id, version, title, ...countBySeverity([...notes, ...evaluation.findings]), problems: notes };
    },
    written(result, parsed) {
      if (result.id === undefined || result.outcome === 'pending') return;
      const status = applicationStatus(ws.db, result.id) ?? 'submitted';
      facts?.setApplicationLead(result.id, parsed.application.lead.idNumber, status);
      written.push(result.id);
    },
    /**
     * Each file was checked against the files before it; an earlier application with the same lead as a
     * later one is checked again now. No other verdict depends on the rest of the round.
     */
    recheckSameLeads() {
      const ids = facts?.sameLeadAs(written) ?? [];
      if (ids.length === 0) return;
      inTransaction(ws, () => {
        for (const id of ids) evaluateApplication(ws, id, facts);
      });
    },
  };
}

/** `apply import`: every file its own transaction; afterwards every verdict of the round is current. */
/** Forms in hand were received today or before: a later day is a typo (a year or a month off), as for apply set. */
export function checkReceivedDate(date: string, today: string = chinaDate()): void {
  if (date > today) throw new UsageError('received-date-future', msg('records.import.receivedFuture', { date, today }));
}

export async function importApplications(ws: Workspace, files: readonly string[], run: ImportRun): Promise<FileResult[]> {
  checkReceivedDate(run.receivedDate);
  const kind = applicationKind(ws, run);
  const results = await importBatch(ws.db, files, kind, {
    round: run.round,
    actor: ws.actor,
    dbFile: ws.dbFile,
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
    ...(run.pool ? { pool: run.pool } : {}),
    ...(run.stopRequested ? { stopRequested: run.stopRequested } : {}),
  });
  kind.recheckSameLeads();
  return results;
}
