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
import { commitTemp, createTemp, removeStaleTemps, removeTemp } from './atomic-file.js';
import { verifyAuditLog, type AuditBreak, type AuditVerification } from './audit.js';
import { LATEST_VERSION } from './migrations/index.js';
import { translateSqliteError, type Db } from './open.js';

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

/** The automatic copy before a bulk change; returns its path. */
export function autoBackup(db: Db, dbFile: string, label: string, now = new Date()): string {
  const dir = backupFolder(dbFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let target = path.join(dir, backupFileName(dbFile, label, now));
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, backupFileName(dbFile, `${label}-${n}`, now));
  snapshotInto(db, dbFile, target);
  pruneBackups(dbFile);
  return target;
}

/** The automatic copies of this database, oldest first. */
export function listBackups(dbFile: string): string[] {
  const dir = backupFolder(dbFile);
  if (!fs.existsSync(dir)) return [];
  const prefix = `${path.basename(dbFile).replace(/\.db$/u, '')}-`;
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db') && /^\d{8}-\d{6}Z-/u.test(f.slice(prefix.length)))
    .sort()
    .map((f) => path.join(dir, f));
}

export function pruneBackups(dbFile: string, keep = KEEP_BACKUPS): string[] {
  const all = listBackups(dbFile);
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
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** SQLite's integrity and foreign key checks, the audit chain and its triggers, and what the file holds. */
export function checkIntegrity(db: Db): IntegrityReport {
  const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
  const fk = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`foreign key: ${f.table} row ${f.rowid} → ${f.parent}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  const audit = version >= 5 ? verifyAuditLog(db) : null;
  if (audit?.broken) problems.push(auditBreakText(audit.broken));
  const count = (table: string): number => (hasTable(db, table) ? (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
  return {
    ok: problems.length === 0,
    problems,
    schemaVersion: version,
    applications: db.prepare('SELECT round, status, COUNT(*) AS count FROM applications GROUP BY round, status ORDER BY round, status').all() as IntegrityReport['applications'],
    studios: hasTable(db, 'studios') ? (db.prepare('SELECT status, COUNT(*) AS count FROM studios GROUP BY status ORDER BY status').all() as IntegrityReport['studios']) : [],
    assessments: count('assessments'),
    auditEntries: count('audit_log'),
    audit,
  };
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

/**
 * `db restore`: the checked `source` is copied into the live database with SQLite's backup API, which writes
 * the destination inside one transaction under its lock: a restore cut off half way is rolled back by the
 * next open, leaving the database as it was. The caller backs up the current database first.
 */
export async function restoreInto(dbFile: string, source: string): Promise<void> {
  const src = openReadOnly(source);
  try {
    await src.backup(dbFile);
  } catch (e) {
    throw translateSqliteError(e, dbFile);
  } finally {
    src.close();
  }
}
