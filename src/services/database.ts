/**
 * Upkeep of the database file: a backup on demand, the integrity check (of the database, or read-only of a
 * backup), restoring a backup, and the purge of a past round's personal data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputFileError, RefusedError, UsageError } from '../core/errors.js';
import { chinaYear } from '../core/china-time.js';
import { checkOutputTarget, sameFile, type OutputTarget } from '../export/output-file.js';
import { msg } from '../messages/index.js';
import { appendAudit } from '../store/audit.js';
import { autoBackup, backupTo, checkIntegrity, inspectDatabaseFile, listBackups, restoreInto, type IntegrityReport } from '../store/backup.js';
import { migrate, vacuum, VACUUM_PENDING } from '../store/open.js';
import { purgePlan, purgeRound, type PurgePlan, type RoundCounts } from '../store/purge.js';
import { inTransaction, type Workspace } from './context.js';
import { EXPORT_ACTIONS } from './disclosure.js';

export type { IntegrityReport, PurgePlan, RoundCounts };

/** `db backup -o FILE`: a consistent copy, checked before it takes its name (see store/backup.ts). */
export function backupDatabase(ws: Workspace, target: OutputTarget): string {
  checkOutputTarget(target, true);
  backupTo(ws.db, ws.dbFile, target.file);
  return target.file;
}

export function checkDatabase(ws: Workspace): IntegrityReport {
  return checkIntegrity(ws.db);
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

/** Whether the database holds anything worth a copy before it is replaced (a database just created does not). */
function holdsRecords(ws: Workspace): boolean {
  const row = ws.db.prepare('SELECT (EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM applications) OR EXISTS (SELECT 1 FROM rounds)) AS n').get() as { n: number };
  return row.n === 1;
}

export interface Restored {
  source: string;
  /** The automatic copy of the database as it was before (null when it held nothing). */
  backup: string | null;
  report: IntegrityReport;
}

/**
 * `db restore FILE`: checks FILE again (it may have changed since the clerk was asked), backs up the
 * current database, copies FILE into it in one transaction (SQLite's backup API: cut off half way, the next
 * open rolls it back), brings an older backup's schema up to date, and logs the restore in the restored log.
 */
export async function restoreDatabase(ws: Workspace, source: string): Promise<Restored> {
  const plan = planRestore(source, ws.dbFile);
  const backup = holdsRecords(ws) ? autoBackup(ws.db, ws.dbFile, 'before-restore') : null;
  await restoreInto(ws.dbFile, plan.source);
  // The copy said "backup" in its header; in place, it is the database in use again.
  ws.db.pragma('application_id = 0');
  migrate(ws.db, ws.dbFile);
  appendAudit(ws.db, ws.actor, 'database', null, 'restore', { from: plan.source, backup, entries: plan.report.auditEntries, schema: plan.report.schemaVersion });
  return { source: plan.source, backup, report: plan.report };
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
