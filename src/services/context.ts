/**
 * What every use case works with: the open database, its file (for backups and messages) and who is acting
 * (recorded in the audit log). The command line and the menu each make one and pass it to the services;
 * neither touches the store itself.
 */
import { currentActor, type Actor } from '../store/audit.js';
import { openStore, readableByOthers, resolveDbPath, translateSqliteError, type Db, type OpenOptions } from '../store/open.js';

export type { Actor, OpenOptions };
export { currentActor, readableByOthers, resolveDbPath };
/** A storage failure (disk full, locked, read-only, damaged) as the clerk's error, or the error itself. */
export { translateSqliteError as storageError };

export interface Workspace {
  readonly db: Db;
  readonly dbFile: string;
  readonly actor: Actor;
}

/** A lazily opened database, shared by every workspace made from it (the menu keeps one for its session). */
export interface StoreHandle {
  open(options?: OpenOptions): Db;
  /** Whether the database file exists (a read must not create an empty database). */
  exists(): boolean;
  /** Whether this command has opened the database (nothing is opened just to log an output). */
  opened(): boolean;
  close(): void;
}

export function storeHandle(dbFile: string, exists: (file: string) => boolean): StoreHandle {
  let db: Db | undefined;
  return {
    open(options) {
      db ??= openStore(dbFile, options);
      return db;
    },
    exists: () => db !== undefined || exists(dbFile),
    opened: () => db !== undefined,
    close() {
      db?.close();
      db = undefined;
    },
  };
}

/**
 * Runs `fn` as one transaction that takes the write lock first: a transaction that reads and then writes
 * could not wait for another gongshu's lock (SQLite answers "database is locked" at once); one that takes
 * the lock first waits its turn. Every change of a use case goes through here, so it lands whole or not at all.
 */
export function inTransaction<T>(ws: Workspace, fn: () => T): T {
  return ws.db.transaction(fn).immediate();
}
