/**
 * Copies of the database: automatic ones before every bulk change (certify, shortlist confirm,
 * score confirm, migrations), kept in a `gongshu-backups` folder beside the database, the newest
 * KEEP_BACKUPS per database; and the clerk's own `gongshu db backup`.
 *
 * Automatic copies use `VACUUM INTO`: synchronous, a consistent snapshot taken inside one read
 * transaction, so a copy is never half of one change and half of another even when another gongshu
 * writes at the same time. `db backup` uses SQLite's online backup API, which also works while the
 * file is in use and reports progress on large files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { translateSqliteError, type Db } from './open.js';

export const KEEP_BACKUPS = 10;
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

function snapshotInto(db: Db, target: string, dbFile: string): void {
  try {
    db.prepare('VACUUM INTO ?').run(target);
    fs.chmodSync(target, 0o600);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw translateSqliteError(e, dbFile);
  }
}

/** The automatic copy before a bulk change; returns its path. */
export function autoBackup(db: Db, dbFile: string, label: string, now = new Date()): string {
  const dir = backupFolder(dbFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let target = path.join(dir, backupFileName(dbFile, label, now));
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, backupFileName(dbFile, `${label}-${n}`, now));
  snapshotInto(db, target, dbFile);
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

/** `gongshu db backup`: SQLite's online backup into `target`, which must not exist yet. */
export async function backupTo(db: Db, dbFile: string, target: string): Promise<void> {
  if (path.resolve(target) === path.resolve(dbFile)) throw new RefusedError('backup-same-file', msg('store.backupSameFile', { file: target }), { file: target });
  try {
    await db.backup(target);
    fs.chmodSync(target, 0o600);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw translateSqliteError(e, dbFile);
  }
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  schemaVersion: number;
  applications: { round: number; status: string; count: number }[];
  studios: { status: string; count: number }[];
  assessments: number;
  auditEntries: number;
}

export function checkIntegrity(db: Db): IntegrityReport {
  const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
  const fk = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  for (const f of fk) problems.push(`foreign key: ${f.table} row ${f.rowid} → ${f.parent}`);
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    ok: problems.length === 0,
    problems,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    applications: db.prepare('SELECT round, status, COUNT(*) AS count FROM applications GROUP BY round, status ORDER BY round, status').all() as IntegrityReport['applications'],
    studios: db.prepare('SELECT status, COUNT(*) AS count FROM studios GROUP BY status ORDER BY status').all() as IntegrityReport['studios'],
    assessments: count('SELECT COUNT(*) AS n FROM assessments'),
    auditEntries: count('SELECT COUNT(*) AS n FROM audit_log'),
  };
}
