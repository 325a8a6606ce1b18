/**
 * Opens (and creates, mode 0600) the SQLite store. Rollback journal, not WAL: the file may sit on a
 * shared drive. A copy of the file is kept (gongshu-backups/) before any migration runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { StorageError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { autoBackup, BACKUP_MARK, backupFolder } from './backup.js';
import { schemaProblem } from './schema.js';

export type Db = BetterSqlite3.Database;

export const DEFAULT_DB_FILE = 'gongshu.db';
const BUSY_TIMEOUT_MS = 15_000;

export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, option || env.GONGSHU_DB || DEFAULT_DB_FILE);
}

export interface OpenOptions {
  /** Open an existing file only (commands that read). */
  mustExist?: boolean;
}

export function openStore(file: string, options: OpenOptions = {}): Db {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    throw new StorageError('db-folder-missing', msg('store.folderMissing', { dir }), { file });
  }
  const existed = fs.existsSync(file);
  if (!existed) {
    if (options.mustExist) throw new StorageError('db-missing', msg('store.missing', { file }), { file });
    createPrivateFile(file);
  }
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  let db: Db;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = DELETE');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Deleted and overwritten content is zeroed, not left in free space: a corrected ID number, an undone
    // record or a purged round leaves no readable trace in the file.
    db.pragma('secure_delete = ON');
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  cachePreparedStatements(db);
  migrate(db, file);
  unmarkBackup(db);
  finishUpkeep(db);
  return db;
}

/**
 * A backup copied into place by hand (not `db restore`) still says "backup" in its header, and another
 * gongshu's `db backup -o THAT_FILE --force` would replace it, and every change made in it since. Opened as
 * the database in use, it is one: the mark goes. A read-only or busy file keeps it until the next start.
 */
function unmarkBackup(db: Db): void {
  if (db.pragma('application_id', { simple: true }) !== BACKUP_MARK) return;
  try {
    db.pragma('application_id = 0');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|BUSY|LOCKED|FULL|CANTOPEN)/u.test(code)) throw translateSqliteError(e, db.name);
  }
}

/** Upkeep a command started and could not finish (a purge's VACUUM cut off): done at the next start. */
export const VACUUM_PENDING = 'vacuum';

/** Rewrites the file without free pages (secure_delete zeroed them; VACUUM drops them), then clears the mark. */
export function vacuum(db: Db): void {
  db.exec('VACUUM');
  db.prepare('DELETE FROM upkeep WHERE task = ?').run(VACUUM_PENDING);
}

function finishUpkeep(db: Db): void {
  if (db.prepare('SELECT 1 FROM upkeep WHERE task = ?').get(VACUUM_PENDING) === undefined) return;
  try {
    vacuum(db);
  } catch (e) {
    // A read-only or busy file: the mark stays and the next start tries again.
    const code = (e as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|BUSY|LOCKED|FULL|CANTOPEN)/u.test(code)) throw translateSqliteError(e, db.name);
  }
}

/**
 * Whether other users may read the database file (group or world permission bits): it holds every ID
 * number of the round. POSIX only; Windows keeps access in ACLs that Node does not show.
 */
export function readableByOthers(file: string, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'win32') return false;
  try {
    return (fs.statSync(file).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

/** Distinct SQL texts kept per connection; gongshu has a few dozen, dynamic SQL beyond this is not kept. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Prepares each SQL text once per connection: an import runs the same few dozen statements thousands of
 * times, and preparing costs more than running them. The repositories keep calling `db.prepare(sql)`.
 * A cached statement is shared, so never switch one's mode (`.pluck()`, `.raw()`, `.expand()`,
 * `.safeIntegers()`) or leave an `.iterate()` unfinished: prepare such SQL with the extra arguments
 * form or a distinct text.
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db) as (...args: unknown[]) => BetterSqlite3.Statement;
  const cache = new Map<string, BetterSqlite3.Statement>();
  (db as { prepare: (...args: unknown[]) => BetterSqlite3.Statement }).prepare = (...args: unknown[]) => {
    const sql = args[0];
    // better-sqlite3 itself calls prepare with extra arguments (pragma, transactions): leave those alone.
    if (args.length !== 1 || typeof sql !== 'string') return prepare(...args);
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size < STATEMENT_CACHE_SIZE) cache.set(sql, statement);
    }
    return statement;
  };
}

function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code === 'ENOSPC') throw new StorageError('disk-full', msg('store.diskFull', { file }), { file });
    // EACCES, EROFS, EPERM, and odd file systems that refuse new files (ENOENT in /proc)
    throw new StorageError('db-readonly', msg('store.readonly', { file }), { file });
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Keep a copy of the file before migrating (not for a restore's private copy: its source stays as it was). */
  backup?: boolean;
}

/**
 * Brings the file up to the latest schema. First, in one read: the file must be exactly what gongshu
 * created at its `user_version` (a file whose version was set back, or that another program changed, is
 * refused with one message and left alone: no migration, no backup, nothing pruned). Then a copy is kept
 * (outside the rolling ten until a later `db check` passes), and the migrations run in one transaction.
 */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS, options: MigrateOptions = {}): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const { current, problem } = db.transaction(() => {
    const version = schemaVersion(db);
    return { current: version, problem: version >= latest ? null : schemaProblem(db, version, migrations) };
  }).deferred();
  if (current > latest) {
    throw new StorageError('db-too-new', msg('store.tooNew', { file, version: current }), { file });
  }
  if (current === latest) return;
  if (problem) throw unusableDatabase(file, problem);
  if (current > 0 && options.backup !== false) autoBackup(db, file, `before-v${current + 1}`, new Date(), { keep: true });
  // A table rebuild drops a table others refer to: with foreign keys on, that would cascade. They are
  // off while migrating (the pragma is ignored inside a transaction) and checked before the commit.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      // Read again under the write lock: a second gongshu started at the same moment may have migrated
      // the file while this one waited for the lock.
      const locked = schemaVersion(db);
      for (const m of migrations.filter((x) => x.version > locked)) {
        db.exec(m.sql);
        m.run?.(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.prepare('PRAGMA foreign_key_check').all();
      if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
    }).immediate();
  } catch (e) {
    throw translateSqliteError(e, file);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** The one message for a database gongshu will not touch: the file, what is wrong, and the restore that fixes it. */
export function unusableDatabase(file: string, problem: string): StorageError {
  // The message names the file itself (no location prefix: it would name it twice).
  return new StorageError('db-unusable', msg('recovery.open.refused', { file, problem, folder: backupFolder(file) }));
}

/** SQLite errors a clerk can act on, as Chinese messages (extended codes such as SQLITE_READONLY_ROLLBACK by their family). */
export function translateSqliteError(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code ?? '';
  const family = (name: string): boolean => code === name || code.startsWith(`${name}_`);
  if (family('SQLITE_BUSY') || family('SQLITE_LOCKED')) return new StorageError('db-busy', msg('store.busy', { file }), { file });
  if (family('SQLITE_FULL') || code === 'ENOSPC') return new StorageError('disk-full', msg('store.diskFull', { file }), { file });
  if (family('SQLITE_READONLY') || family('SQLITE_CANTOPEN') || family('SQLITE_PERM') || family('SQLITE_AUTH')) return new StorageError('db-readonly', msg('store.readonly', { file }), { file });
  if (family('SQLITE_NOTADB') || family('SQLITE_CORRUPT')) return new StorageError('db-corrupt', msg('store.corrupt', { file }), { file });
  if (family('SQLITE_IOERR')) return new StorageError('db-io', msg('store.ioError', { file }), { file });
  return e;
}

/**
 * Runs `fn` inside one read transaction (or the caller's transaction): every table it reads shows the same
 * moment, however many other gongshu processes commit meanwhile (they wait for it to end, up to the busy
 * timeout). For read-only commands that read several tables: `db check`, `apply list`, exports.
 */
export function readTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn).deferred();
}
