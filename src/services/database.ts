/**
 * Upkeep of the database file: a backup on demand, the integrity check (of the database, or read-only of a
 * backup), restoring a backup, and the purge of a past round's personal data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputFileError, RefusedError, UsageError } from '../core/errors.js';
import { chinaYear } from '../core/china-time.js';
import { checkOutputTarget, sameFile, type OutputTarget } from '../documents/output-file.js';
import { msg } from '../messages/index.js';
import { appendAudit, HEAD_HASH_DIGITS, headText, type Actor } from '../store/audit.js';
import {
  backupBeforeRestore, backupFolder, backupTo, checkIntegrity, compareWithBackups, copyForRestore, discardCopy, inspectDatabaseFile, listBackups,
  releaseKeptBackups, removeStaleCopies, swapIn, type IntegrityReport, type WitnessReport,
} from '../store/backup.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { migrate, readTransaction, vacuum, VACUUM_PENDING } from '../store/open.js';
import { purgePlan, purgeRound, type PurgePlan, type RoundCounts } from '../store/purge.js';
import { inTransaction, type Workspace } from './context.js';
import { EXPORT_ACTIONS } from './disclosure.js';

export type { IntegrityReport, PurgePlan, RoundCounts, WitnessReport };

export { backupFolder, headText };

/** `db backup -o FILE`: a consistent copy, checked before it takes its name (see store/backup.ts). */
export function backupDatabase(ws: Workspace, target: OutputTarget): string {
  checkOutputTarget(target, true);
  backupTo(ws.db, ws.dbFile, target.file);
  return target.file;
}

/** `db check` of the database in use: the file's own checks and what the backups and a printed page witness. */
export interface DatabaseCheck extends IntegrityReport {
  witnesses: WitnessReport;
  /** `--witness TEXT`: the head read off a printed page, and what the log says of it. */
  paper?: PaperWitness;
}

export interface PaperWitness {
  entries: number;
  hash: string;
  found: 'match' | 'missing' | 'changed';
  /** The hash the log holds for that entry now (shortened as printed). */
  actual?: string;
  text: string;
}

/**
 * `db check`: everything read in one read transaction (the integrity, schema and chain checks, the backups'
 * chains compared with it, the printed head looked up), so a gongshu writing meanwhile causes no false
 * alarm. A check that passes releases the copies kept since a restore or a migration to the rolling ten.
 */
export function checkDatabase(ws: Workspace, options: { witness?: string } = {}): DatabaseCheck {
  const paperHead = options.witness === undefined ? undefined : parseHead(options.witness);
  const started = Date.now();
  removeStaleCopies(ws.dbFile);
  const result = readTransaction(ws.db, (): DatabaseCheck => {
    const report = checkIntegrity(ws.db);
    const known = report.audit !== null;
    const witnesses = known ? compareWithBackups(ws.db, ws.dbFile) : { compared: 0, excused: 0, problems: [] };
    const problems = [...report.problems, ...witnesses.problems];
    let paper: PaperWitness | undefined;
    if (paperHead && known) {
      const row = ws.db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(paperHead.entries) as { hash: string } | undefined;
      const found = row === undefined ? 'missing' : row.hash.startsWith(paperHead.hash) ? 'match' : 'changed';
      const actual = row?.hash.slice(0, Math.max(HEAD_HASH_DIGITS, paperHead.hash.length));
      const params = { entries: paperHead.entries, hash: paperHead.hash, actual: actual ?? '' };
      // A restore logged at or before the printed entry explains a difference (the older state has no such entry).
      const restore = found === 'match' ? undefined : (ws.db.prepare("SELECT id FROM audit_log WHERE entity = 'database' AND action = 'restore' AND id <= ? ORDER BY id DESC LIMIT 1").get(paperHead.entries) as { id: number } | undefined);
      const text =
        msg(found === 'match' ? 'recovery.paper.ok' : found === 'missing' ? 'recovery.paper.missing' : 'recovery.paper.changed', params) +
        (restore ? msg('recovery.paper.restored', { id: restore.id }) : '');
      paper = { entries: paperHead.entries, hash: paperHead.hash, found, ...(actual === undefined ? {} : { actual }), text };
      if (found !== 'match') problems.push(text);
    }
    return { ...report, ok: problems.length === 0, problems, witnesses, ...(paper ? { paper } : {}) };
  });
  if (result.ok) releaseKeptBackups(ws.dbFile, started);
  return result;
}

/** `操作记录校验：1234 / 9f3a1c0b…`, or as the clerk copied it ("1234/9F3A"): the entry and the hash's start. */
export function parseHead(text: string): { entries: number; hash: string } {
  const m = /(\d+)\s*[/／]\s*([0-9a-fA-F]{4,64})/u.exec(text);
  if (!m) throw new UsageError('witness-unreadable', msg('recovery.paper.unreadable', { text }));
  return { entries: Number(m[1]), hash: m[2]!.toLowerCase() };
}


/** `db check FILE`: read-only; a backup is never rolled back or migrated by being checked. */
export function checkDatabaseFile(file: string): IntegrityReport {
  return inspectDatabaseFile(path.resolve(file));
}

export interface RestorePlan {
  source: string;
  /** What the backup holds (and that it is sound). */
  report: IntegrityReport;
}

/**
 * What `db restore FILE` would put in place, refused unless FILE is a sound gongshu database: SQLite's
 * integrity check, a schema this gongshu knows, an unbroken audit log (from schema 5 on) with its triggers.
 */
export function planRestore(source: string, dbFile: string): RestorePlan {
  const file = path.resolve(source);
  if (sameFile(file, dbFile)) throw new RefusedError('restore-same-file', msg('safety.restore.sameFile', { file }));
  const report = inspectDatabaseFile(file);
  if (!report.ok) throw new InputFileError('restore-unsound', msg('safety.restore.unsound', { file, problems: report.problems.slice(0, 5).join('；') }));
  return { source: file, report };
}

export interface Restored {
  source: string;
  /** The kept copy of the database as it was before (null when there was none or it held nothing). */
  backup: string | null;
  report: IntegrityReport;
}

/**
 * `db restore FILE`, by proof: FILE is copied beside the database and every check runs on that copy (its
 * schema exactly gongshu's at its version, integrity, foreign keys, the audit chain and its triggers), the
 * migrations run on the copy, and the copy is checked again at the current version; only then is the
 * database as it was kept (outside the rolling ten), the restore logged in the copy, the backup mark cleared
 * on the copy, and the copy swapped in (one transaction). Whatever fails before the swap, the database in
 * use is untouched. Needs no working database: it is how a broken one is replaced.
 */
export async function restoreDatabase(dbFile: string, actor: Actor, source: string): Promise<Restored> {
  const plan = planRestore(source, dbFile);
  const copy = copyForRestore(dbFile, plan.source);
  try {
    const refuse = (problems: string[]) => new InputFileError('restore-unsound', msg('safety.restore.unsound', { file: plan.source, problems: problems.slice(0, 5).join('；') }));
    const found = checkIntegrity(copy.db);
    if (found.schemaVersion > LATEST_VERSION) throw new InputFileError('check-too-new', msg('store.tooNew', { file: plan.source, version: found.schemaVersion }));
    if (!found.ok) throw refuse(found.problems);
    try {
      migrate(copy.db, copy.file, undefined, { backup: false });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      throw new InputFileError('restore-migrate-failed', msg('recovery.restore.migrateFailed', { file: plan.source, reason }));
    }
    const migrated = checkIntegrity(copy.db);
    if (!migrated.ok || migrated.schemaVersion !== LATEST_VERSION) throw refuse(migrated.problems);
    // In place it is the database in use, not a backup: `db backup --force` may never replace it.
    copy.db.pragma('application_id = 0');
    const backup = backupBeforeRestore(dbFile);
    appendAudit(copy.db, actor, 'database', null, 'restore', { from: plan.source, backup, entries: found.auditEntries, schema: found.schemaVersion });
    copy.db.close();
    await swapIn(dbFile, copy.file);
    return { source: plan.source, backup, report: found };
  } finally {
    discardCopy(copy);
  }
}

/** Copies gongshu made (gongshu-backups/, and .bak files of older versions): they hold the same personal data. */
export function automaticBackups(ws: Workspace): string[] {
  const dir = path.dirname(ws.dbFile);
  const base = path.basename(ws.dbFile);
  let old: string[] = [];
  try {
    old = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}.`) && f.endsWith('.bak')).map((f) => path.join(dir, f));
  } catch {
    old = [];
  }
  return [...old, ...listBackups(ws.dbFile)];
}

/** What `db purge --round` would empty; refused for the current round or a later one (its business is not over). */
export function planPurge(ws: Workspace, round: number | undefined): PurgePlan {
  return purgePlan(ws.db, purgeableRound(round));
}

/** The round a purge may empty: one named, and already over (its review, notice and objections run through its own year). */
export function purgeableRound(round: number | undefined): number {
  if (round === undefined) throw new UsageError('purge-round-required', msg('purge.roundRequired'));
  const year = chinaYear();
  if (round >= year) throw new RefusedError('purge-round-not-over', msg('purge.roundNotOver', { round, year }));
  return round;
}

/** Whether a purge has personal data left to delete. */
export function purgeHasWork(plan: PurgePlan): boolean {
  return plan.versions + plan.assessmentVersions + plan.studios + plan.leftovers > 0;
}

/** Whether the file still has pages a VACUUM would drop (freed by a purge whose VACUUM was cut off, or since). */
export function vacuumDue(ws: Workspace): boolean {
  const marked = ws.db.prepare('SELECT 1 FROM upkeep WHERE task = ?').get(VACUUM_PENDING) !== undefined;
  return marked || (ws.db.pragma('freelist_count', { simple: true }) as number) > 0;
}

/** Finishes what a cut-off purge left: the file rewritten without free pages. */
export function finishPurge(ws: Workspace): void {
  vacuum(ws.db);
}

/**
 * Empties the round's personal data in one transaction (logged, and marked as needing a VACUUM), then
 * rewrites the file so that no freed page keeps it (secure_delete has zeroed them already; VACUUM cannot run
 * inside a transaction). If the VACUUM is cut off, the mark makes the next start finish it.
 */
export function purge(ws: Workspace, round: number): PurgePlan & { counts: RoundCounts } {
  planPurge(ws, round);
  const result = inTransaction(ws, () => {
    const done = purgeRound(ws.db, round, ws.actor, msg('purge.removedMessage'));
    ws.db.prepare("INSERT OR REPLACE INTO upkeep (task, since) VALUES (?, datetime('now'))").run(VACUUM_PENDING);
    return done;
  });
  vacuum(ws.db);
  return result;
}

/**
 * The files gongshu wrote with a round's records (every export logs its full path) that are still where
 * they were written: after a purge the database holds no personal data of the round, but these may.
 * Paths are read from the audit log, so a file moved or renamed since is not found, and one deleted is not
 * listed.
 */
export function roundExportFiles(ws: Workspace, round: number): string[] {
  const rows = ws.db
    .prepare(`SELECT detail FROM audit_log WHERE entity = 'round' AND entity_id = ? AND action IN (${EXPORT_ACTIONS.map(() => '?').join(', ')}) ORDER BY id`)
    .all(round, ...EXPORT_ACTIONS) as { detail: string }[];
  const files = new Set<string>();
  for (const r of rows) {
    const file = (JSON.parse(r.detail) as { file?: unknown }).file;
    if (typeof file !== 'string' || file === '') continue;
    const full = path.resolve(path.dirname(ws.dbFile), file);
    try {
      if (fs.statSync(full).isFile()) files.add(full);
    } catch {
      // Gone already, or moved: nothing to list.
    }
  }
  return [...files];
}

/** Deletes files roundExportFiles listed (the clerk said so), and logs how many; returns the ones deleted. */
export function deleteExportFiles(ws: Workspace, round: number, files: readonly string[]): string[] {
  const listed = new Set(roundExportFiles(ws, round));
  const deleted: string[] = [];
  for (const f of files) {
    if (!listed.has(f)) continue;
    fs.rmSync(f, { force: true });
    deleted.push(f);
  }
  if (deleted.length > 0) inTransaction(ws, () => appendAudit(ws.db, ws.actor, 'round', round, 'export-files-deleted', { count: deleted.length }));
  return deleted;
}
