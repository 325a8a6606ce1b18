/**
 * Copies of the database: automatic ones before every bulk change (certify, shortlist confirm,
 * score confirm, migrations, restore), kept in a `gongshu-backups` folder beside the database, the newest
 * KEEP_BACKUPS per database; and the clerk's own `gongshu db backup`.
 *
 * Every copy is `VACUUM INTO` a temporary file beside the target: synchronous, a consistent snapshot taken
 * inside one read transaction (never half of one change and half of another, even while another gongshu
 * writes). The copy is then opened read-only and must pass SQLite's integrity check before it is flushed
 * and renamed onto its name: a half-written copy never carries a backup's name.
 *
 * Checking a file the clerk names (`db check FILE`, `db restore FILE`) opens it read-only and refuses a file
 * with a journal beside it: it is never rolled back, migrated or otherwise written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { InputFileError, StorageError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { commitTemp, copyPrivatelyThroughTemp, createTemp, removeStaleTemps, removeTemp } from './atomic-file.js';
import { auditHead, verifyAuditLog, type AuditBreak, type AuditHead, type AuditVerification } from './audit.js';
import { LATEST_VERSION } from './migrations/index.js';
import { readTransaction, translateSqliteError, type Db } from './open.js';
import { CHAINED_VERSION, schemaFinding, schemaProblem } from './schema.js';

export const KEEP_BACKUPS = 10;
/**
 * Written into a copy's header (SQLite's application_id, outside every table and the audit chain): this file
 * is a backup. `db backup --force` replaces only such a file, never another database in use (another year's,
 * a colleague's); a restored database has it cleared.
 */
export const BACKUP_MARK = 0x67736b62;
export const BACKUP_FOLDER = 'gongshu-backups';

export function backupFolder(dbFile: string): string {
  return path.join(path.dirname(dbFile), BACKUP_FOLDER);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/gu, '').replace(/\.\d+Z$/u, 'Z').replace('T', '-');
}

/** `gongshu-20261127-224500Z-certify.db`: sorts by time, says why it was made. */
export function backupFileName(dbFile: string, label: string, now = new Date()): string {
  const base = path.basename(dbFile).replace(/\.db$/u, '');
  return `${base}-${stamp(now)}-${label.replace(/[^\w-]/gu, '_')}.db`;
}

/** SQLite's first 16 bytes. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function markAsBackup(file: string): void {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma(`application_id = ${BACKUP_MARK}`);
  } finally {
    copy.close();
  }
}

function openReadOnly(file: string): Db {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  return new Database(file, { readonly: true, fileMustExist: true });
}

function hasSqliteHeader(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    fs.readSync(fd, header, 0, header.length, 0);
    return header.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A complete gongshu backup (no journal beside it, the backup mark in its header): what `db backup --force` may replace. */
export function isGongshuBackupFile(file: string): boolean {
  if (fs.existsSync(`${file}-journal`) || fs.existsSync(`${file}-wal`) || !hasSqliteHeader(file)) return false;
  let db: Db | undefined;
  try {
    db = openReadOnly(file);
    return db.pragma('application_id', { simple: true }) === BACKUP_MARK && hasTable(db, 'audit_log') && hasTable(db, 'applications');
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * The live database, copied to `target` through a temporary file: VACUUM INTO, the integrity check on the
 * copy, flush, rename. Nothing carries the target's name until the copy is whole and sound.
 */
function snapshotInto(db: Db, dbFile: string, target: string): void {
  removeStaleTemps(path.dirname(target));
  let temp: string | undefined;
  try {
    temp = createTemp(target, 0o600);
    db.prepare('VACUUM INTO ?').run(temp);
    markAsBackup(temp);
    const copy = openReadOnly(temp);
    let problems: string[];
    try {
      problems = (copy.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).filter((t) => t !== 'ok');
    } finally {
      copy.close();
    }
    if (problems.length > 0) throw new StorageError('backup-unsound', msg('store.backupUnsound', { file: target, problems: problems.slice(0, 5).join('；') }), { file: target });
    commitTemp(temp, target);
  } catch (e) {
    if (temp) removeTemp(temp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new StorageError('disk-full', msg('store.diskFull', { file: target }), { file: target });
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new StorageError('output-readonly', msg('cli.outputReadonly', { file: target }), { file: target });
    throw translateSqliteError(e, target);
  }
}

/**
 * A kept copy has a `.keep` marker beside it (`…-before-restore.db.keep`): made before a restore or a
 * migration, it stays outside the rolling KEEP_BACKUPS until a `db check` passes on the state that followed
 * (releaseKeptBackups removes the marker); then it is an ordinary copy and goes when ten newer ones exist.
 * Its name never changes, so the path the log records for it stays true. The marker is written first: a
 * process killed half way leaves at most a marker without a copy, which the next release removes.
 */
export const KEPT_MARKER = '.keep';

export interface AutoBackupOptions {
  /** Outside the rolling ten until a later `db check` passes (before a restore or a migration). */
  keep?: boolean;
}

export function isKept(backup: string): boolean {
  return fs.existsSync(`${backup}${KEPT_MARKER}`);
}

/**
 * The backups folder must be a folder gongshu can write: a file of that name, or a read-only folder, is one
 * Chinese message (the command stops before it changes anything), never an internal error.
 */
function uniqueBackupPath(dbFile: string, label: string, now: Date, keep: boolean): string {
  const dir = backupFolder(dbFile);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: 'ENOTDIR' });
    let target = path.join(dir, backupFileName(dbFile, label, now));
    for (let n = 2; fs.existsSync(target) || fs.existsSync(`${target}${KEPT_MARKER}`); n++) target = path.join(dir, backupFileName(dbFile, `${label}-${n}`, now));
    if (keep) fs.writeFileSync(`${target}${KEPT_MARKER}`, '', { mode: 0o600 });
    return target;
  } catch (e) {
    throw backupFolderError(e, dir);
  }
}

function backupFolderError(e: unknown, dir: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new StorageError('disk-full', msg('store.diskFull', { file: dir }), { file: dir });
  if (code === 'EEXIST' || code === 'ENOTDIR') return new StorageError('backups-unusable', msg('recovery.backups.unusable', { dir, reason: msg('recovery.backups.notAFolder') }), { file: dir });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new StorageError('backups-unusable', msg('recovery.backups.unusable', { dir, reason: msg('recovery.backups.noPermission') }), { file: dir });
  return e;
}

/** The automatic copy before a bulk change; returns its path. */
export function autoBackup(db: Db, dbFile: string, label: string, now = new Date(), options: AutoBackupOptions = {}): string {
  const target = uniqueBackupPath(dbFile, label, now, Boolean(options.keep));
  snapshotInto(db, dbFile, target);
  pruneBackups(dbFile);
  return target;
}

/**
 * The file as it is, byte for byte, as a kept copy: for a live database SQLite cannot copy (damaged, not a
 * database at all) that a restore is about to replace. Nothing is lost by replacing it.
 */
export function rawKeptCopy(dbFile: string, label: string, now = new Date()): string {
  const target = uniqueBackupPath(dbFile, label, now, true);
  copyPrivatelyThroughTemp(dbFile, target);
  return target;
}

/**
 * After a `db check` passed: the kept copies join the rolling ten (their markers removed). Only markers from
 * before the check began: a restore or a migration another gongshu started meanwhile keeps its copy.
 */
export function releaseKeptBackups(dbFile: string, checkedSince = Date.now()): string[] {
  const dir = backupFolder(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${path.basename(dbFile).replace(/\.db$/u, '')}-`;
  const released: string[] = [];
  for (const name of names.filter((n) => n.startsWith(prefix) && n.endsWith(`.db${KEPT_MARKER}`))) {
    try {
      if (fs.statSync(path.join(dir, name)).mtimeMs >= checkedSince) continue;
      fs.rmSync(path.join(dir, name), { force: true });
      released.push(path.join(dir, name.slice(0, -KEPT_MARKER.length)));
    } catch {
      // A read-only folder: it stays kept.
    }
  }
  return released;
}

/** The automatic copies of this database, oldest first. */
export function listBackups(dbFile: string): string[] {
  const dir = backupFolder(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // None yet, or a file of that name (no backups in it: db check compares none, and a backup says so when it is made).
    return [];
  }
  const prefix = `${path.basename(dbFile).replace(/\.db$/u, '')}-`;
  return names
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db') && /^\d{8}-\d{6}Z-/u.test(f.slice(prefix.length)))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Removes all but the newest `keep` ordinary copies; kept copies (a `.keep` marker beside) are never removed here. */
export function pruneBackups(dbFile: string, keep = KEEP_BACKUPS): string[] {
  const all = listBackups(dbFile).filter((f) => !isKept(f));
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}

/** `gongshu db backup`: the same checked copy, to a target the caller has checked (never the database, its journal or a backup). */
export function backupTo(db: Db, dbFile: string, target: string): void {
  snapshotInto(db, dbFile, target);
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  schemaVersion: number;
  applications: { round: number; status: string; count: number }[];
  studios: { status: string; count: number }[];
  assessments: number;
  auditEntries: number;
  /** The audit log's chain, from schema 5 on (null before: such a file gets its chain when it is next opened). */
  audit: AuditVerification | null;
  /** The newest entry (what a backup or a printed page witnesses); null before schema 5 or for an empty log. */
  head: AuditHead | null;
}

/** The first break in the audit log, in the clerk's words. */
export function auditBreakText(b: AuditBreak): string {
  switch (b.kind) {
    case 'edited':
      return msg('store.audit.edited', { id: b.id });
    case 'unlinked':
      if (b.previous === null) return msg('store.audit.firstMissing', { id: b.id });
      if (b.id > b.previous + 1) return msg('store.audit.deleted', { from: b.previous + 1, to: b.id - 1, id: b.id });
      return msg('store.audit.unlinked', { id: b.id, previous: b.previous });
    case 'truncated':
      return msg('store.audit.truncated', { last: b.last, seq: b.seq });
    case 'trigger':
      return msg('store.audit.trigger', { name: b.name });
    case 'extraTrigger':
      return msg('recovery.audit.extraTrigger', { name: b.name });
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** SQLite's integrity and foreign key checks, the schema (exactly gongshu's at its version, every trigger
 * included), the audit chain and its triggers, and what the file holds: all read in one read transaction,
 * so a gongshu writing at the same moment never shows half of its change (no false alarm). */
export function checkIntegrity(db: Db): IntegrityReport {
  return readTransaction(db, () => {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
    const fk = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
    for (const f of fk) problems.push(`foreign key: ${f.table} row ${f.rowid} → ${f.parent}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const schema = schemaFinding(db, version);
    if (schema.problem) problems.push(schema.problem);
    // Tables that are not gongshu's may lack the very columns read below: only the generic checks count then.
    const known = schema.tablesIntact;
    const audit = known && version >= CHAINED_VERSION ? verifyAuditLog(db) : null;
    if (audit?.broken) problems.push(auditBreakText(audit.broken));
    const count = (table: string): number => (known && hasTable(db, table) ? (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
    // Deleting every entry and the id counter leaves a chain with nothing to break; but no application, studio
    // or assessment gets into the file without an entry, so data beside an empty log is an emptied log.
    if (audit && !audit.broken && audit.entries === 0) {
      const held = { applications: count('applications'), studios: count('studios'), assessments: count('assessments') };
      if (held.applications + held.studios + held.assessments > 0) problems.push(msg('recovery.audit.emptied', { what: msg('recovery.audit.emptiedWhat', held) }));
    }
    return {
      ok: problems.length === 0,
      problems,
      schemaVersion: version,
      applications: known ? (db.prepare('SELECT round, status, COUNT(*) AS count FROM applications GROUP BY round, status ORDER BY round, status').all() as IntegrityReport['applications']) : [],
      studios: known && hasTable(db, 'studios') ? (db.prepare('SELECT status, COUNT(*) AS count FROM studios GROUP BY status ORDER BY status').all() as IntegrityReport['studios']) : [],
      assessments: count('assessments'),
      auditEntries: count('audit_log'),
      audit,
      head: known && version >= CHAINED_VERSION ? auditHead(db) : null,
    };
  });
}

/**
 * `db check FILE`, and what `db restore FILE` checks first: the file is opened read-only, so a backup is
 * never rolled back or migrated by being looked at. Refused outright (InputFileError) when it is missing,
 * not a file, still being written (a journal beside it), not SQLite, not gongshu's, or from a newer gongshu;
 * otherwise the report says whether it is sound.
 */
export function inspectDatabaseFile(file: string): IntegrityReport {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputFileError('check-file-missing', msg('store.check.missing', { file }));
  }
  if (!stat.isFile()) throw new InputFileError('check-not-a-file', msg('store.check.notAFile', { file }));
  for (const suffix of ['-journal', '-wal']) {
    if (fs.existsSync(`${file}${suffix}`)) throw new InputFileError('check-unfinished', msg('store.check.unfinished', { file, journal: `${file}${suffix}` }), { file });
  }
  if (!hasSqliteHeader(file)) throw new InputFileError('check-not-a-database', msg('store.check.notGongshu', { file }));
  const damaged = (e: unknown): unknown => {
    const known = translateSqliteError(e, file);
    return known instanceof StorageError && known.code === 'db-corrupt' ? new InputFileError('check-damaged', msg('store.check.damaged', { file })) : known;
  };
  let db: Db;
  try {
    db = openReadOnly(file);
  } catch (e) {
    throw damaged(e);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new InputFileError('check-too-new', msg('store.tooNew', { file, version }));
    if (version < 1 || !hasTable(db, 'audit_log') || !hasTable(db, 'applications')) throw new InputFileError('check-not-a-database', msg('store.check.notGongshu', { file }));
    return checkIntegrity(db);
  } catch (e) {
    throw damaged(e);
  } finally {
    db.close();
  }
}

/** A restore's private copy of its source, beside the live database: checked, migrated and logged before the swap. */
export interface RestoreCopy {
  db: Db;
  file: string;
}

/**
 * The source copied byte for byte to a private temporary file beside the live database and opened there
 * read-write: every check and migration of a restore runs on this copy, never on the source (a backup stays
 * as it was) nor on the live database (untouched until the swap). The caller removes it (discardCopy).
 */
export function copyForRestore(dbFile: string, source: string): RestoreCopy {
  const dir = path.dirname(dbFile);
  if (!fs.existsSync(dir)) throw new StorageError('db-folder-missing', msg('store.folderMissing', { dir }), { file: dbFile });
  removeStaleTemps(dir);
  let temp: string;
  try {
    temp = createTemp(dbFile, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new StorageError('disk-full', msg('store.diskFull', { file: dbFile }), { file: dbFile });
    throw new StorageError('db-readonly', msg('store.readonly', { file: dbFile }), { file: dbFile });
  }
  try {
    fs.copyFileSync(source, temp);
    fs.chmodSync(temp, 0o600);
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    const db = new Database(temp, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    return { db, file: temp };
  } catch (e) {
    removeTemp(temp);
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new StorageError('disk-full', msg('store.diskFull', { file: dbFile }), { file: dbFile });
    throw translateSqliteError(e, source);
  }
}

/**
 * Removes what a gongshu killed half way left beside the database (a restore's private copy, a backup's
 * temporary file): they hold the same personal data. Run by `db check` and `db restore`.
 */
export function removeStaleCopies(dbFile: string): void {
  removeStaleTemps(path.dirname(dbFile));
}

export function discardCopy(copy: RestoreCopy): void {
  if (copy.db.open) copy.db.close();
  removeTemp(copy.file);
}

/**
 * The live database as it is before a restore, as a kept copy (outside the rolling ten); null when there is
 * no file or nothing in it. A live file SQLite cannot copy (damaged, not a database, a schema gongshu
 * refuses) is kept byte for byte: a restore replaces it, it is never lost.
 */
export function backupBeforeRestore(dbFile: string, now = new Date()): string | null {
  if (!fs.existsSync(dbFile) || fs.statSync(dbFile).size === 0) return null;
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  let live: Db | undefined;
  try {
    live = new Database(dbFile, { fileMustExist: true, timeout: 15_000 });
    if (isEmptyGongshuDatabase(live)) return null;
    return autoBackup(live, dbFile, 'before-restore', now, { keep: true });
  } catch (e) {
    // A backups folder that is not one stops the restore (the byte copy could not go there either).
    const known = translateSqliteError(e, dbFile);
    if (known instanceof StorageError && ['db-busy', 'disk-full', 'output-readonly', 'backups-unusable'].includes(known.code)) throw known;
    return rawKeptCopy(dbFile, 'before-restore', now);
  } finally {
    live?.close();
  }
}

/** A database gongshu created and nothing was ever put in (no log entry, no application, no round). */
function isEmptyGongshuDatabase(db: Db): boolean {
  try {
    const row = db.prepare('SELECT (EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM applications) OR EXISTS (SELECT 1 FROM rounds)) AS n').get() as { n: number };
    return row.n === 0 && schemaProblem(db, db.pragma('user_version', { simple: true }) as number) === null;
  } catch {
    return false;
  }
}

/**
 * The checked, migrated and logged copy becomes the live database: SQLite's backup API writes it into the
 * live file inside one transaction under the file's lock (other gongshu processes wait; cut off half way,
 * the next open rolls it back and the database is as it was). A live file that is not a database at all is
 * replaced by renaming the copy onto it instead (its bytes were kept by backupBeforeRestore).
 */
export async function swapIn(dbFile: string, copy: string): Promise<void> {
  const src = openReadOnly(copy);
  try {
    // No database yet: the copy is renamed into place below (private, 0600), not written by SQLite's default mode.
    if (fs.existsSync(dbFile) && (hasSqliteHeader(dbFile) || fs.statSync(dbFile).size === 0)) {
      try {
        await src.backup(dbFile);
        return;
      } catch (e) {
        const known = translateSqliteError(e, dbFile);
        if (!(known instanceof StorageError && known.code === 'db-corrupt')) throw known;
      }
    }
  } finally {
    src.close();
  }
  // Not a database (or none yet): a journal beside it belongs to nothing gongshu can read, and must not be replayed onto the copy.
  for (const suffix of ['-journal', '-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  copyPrivatelyThroughTemp(copy, dbFile);
}

/** What the backups beside the database witness about its audit log. */
export interface WitnessReport {
  /** Backups whose chain was compared. */
  compared: number;
  /** Backups that differ from before a logged restore (not compared). */
  excused: number;
  problems: string[];
}

function chainOf(file: string): Map<number, string> | null {
  if (fs.existsSync(`${file}-journal`)) return null;
  let db: Db | undefined;
  try {
    db = openReadOnly(file);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('audit_log')").all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('hash')) return null;
    return new Map((db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string }[]).map((r) => [r.id, r.hash]));
  } catch {
    // A damaged or foreign file in the folder witnesses nothing.
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Every backup in gongshu-backups/ holds the log up to the moment it was made: its entries must all still
 * be in the live log, unchanged. The first entry one lacks or differs in is named, unless the live log
 * records a restore at or after that point (the database was replaced by an older state on purpose).
 * Call inside the read transaction of the check: no entry commits meanwhile, so a backup made during the
 * check cannot look ahead of it.
 */
export function compareWithBackups(db: Db, dbFile: string): WitnessReport {
  const live = new Map((db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string }[]).map((r) => [r.id, r.hash]));
  const restores = (db.prepare("SELECT id FROM audit_log WHERE entity = 'database' AND action = 'restore'").all() as { id: number }[]).map((r) => r.id);
  const report: WitnessReport = { compared: 0, excused: 0, problems: [] };
  for (const file of listBackups(dbFile)) {
    const chain = chainOf(file);
    if (!chain) continue;
    report.compared++;
    for (const [id, hash] of chain) {
      const ours = live.get(id);
      if (ours === hash) continue;
      if (restores.some((r) => r >= id)) {
        report.excused++;
        break;
      }
      report.problems.push(msg(ours === undefined ? 'recovery.witness.missing' : 'recovery.witness.changed', { backup: file, id }));
      break;
    }
  }
  return report;
}
