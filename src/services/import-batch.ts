/**
 * The batch loop shared by every kind of import. Each file is read and fingerprinted here; a file already
 * imported (same SHA-256 in the round) is skipped without parsing; the others are opened safely and parsed
 * by a small pool of worker threads (parse-pool.ts), several at once; the results are written here, in
 * input order. Each file's writes are atomic (a savepoint): a failing file leaves nothing behind and the
 * batch goes on.
 *
 * Files are committed in groups, not one by one: a durable commit costs several disk syncs (often 10 ms or
 * more, far more than reading a form), so the writes of up to GROUP_COMMIT_MS are committed together. A
 * crash loses at most that group, and running the same import again picks those files up (nothing of them
 * was stored, so no fingerprint matches). The write lock is never held longer than that while waiting for
 * a slow file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isGongshuError } from '../core/errors.js';
import { chinaDate } from '../core/china-time.js';
import { msg } from '../messages/index.js';
import type { Finding } from '../core/finding.js';
import { NOT_A_FORM_CODES, sha256Of } from '../intake/open/safe-open.js';
import type { Actor } from '../store/audit.js';
import { backupFolder } from '../store/backup.js';
import { translateSqliteError, type Db } from '../store/open.js';
import { expandSources, type BatchSource, type MailOrigin } from '../intake/sources/bundle.js';
import { notAFormByName } from '../intake/sources/files.js';
import type { KindName, ParseArgOf, ParsedOf } from '../intake/kinds.js';
import { interrupted, type FileResult } from '../intake/file-result.js';
import type { FileError, ParseReply } from '../intake/parse-file.js';
import { createParser, poolOptionsFromEnv, type Parser, type PoolOptions } from '../intake/parse-pool.js';

export { countBySeverity, outcomeLabel, type FileOutcome, type FileResult } from '../intake/file-result.js';

export interface BatchOptions {
  round: number;
  actor: Actor;
  dbFile: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Parse pool settings; default from the environment (GONGSHU_WORKERS …, see parse-pool.ts). */
  pool?: PoolOptions;
  /**
   * Asked before each file: true stops the batch there (Ctrl+C). What was written is committed; the files
   * left are reported as 未导入 (interrupted), and running the same import again skips the saved ones.
   */
  stopRequested?: () => boolean;
}

/** The file a parsed result came from. */
export interface ParsedSource {
  path: string;
  sha256: string;
  /** The mail it came in (sender, subject, date), when it came in one. */
  mail?: MailOrigin;
}

/**
 * One kind of import. Parsing runs in a worker thread, so it is named, not passed: `name` selects the
 * parser registered in kinds.ts and `parseArg` is its (serialisable) argument. The rest runs here.
 */
export interface ImportKind<K extends KindName> {
  name: K;
  parseArg: ParseArgOf<K>;
  /** An earlier import of exactly this file in the round, if any. */
  alreadyImported(db: Db, round: number, sha256: string): { id: number; version: number; reason: string } | undefined;
  /** Writes one parsed file; runs inside the file's own savepoint. */
  write(db: Db, file: string, source: ParsedSource, parsed: ParsedOf<K>, problems: Finding[]): FileResult;
  /** Called once the file's writes succeeded (e.g. to update what later files are checked against). */
  written?(result: FileResult, parsed: ParsedOf<K>): void;
}

/** Longest time written files stay uncommitted (and the write lock held). */
export const GROUP_COMMIT_MS = 500;

/** A file read, fingerprinted and (unless already imported) on its way through the parser. */
type Prepared =
  | { state: 'skipped'; existing: { id: number; version: number; reason: string } }
  | { state: 'failed'; error: FileError }
  | { state: 'internal'; error: unknown }
  | { state: 'parsed'; sha256: string; reply: ParseReply };

export async function importBatch<K extends KindName>(db: Db, paths: readonly string[], kind: ImportKind<K>, options: BatchOptions): Promise<FileResult[]> {
  // Bundles (.zip) become the files inside them; everything else is one file.
  const files = await expandSources(paths, { isProtected: databaseFiles(options.dbFile) });
  const pool = options.pool ?? poolOptionsFromEnv();
  const parser = createParser(kind.name, kind.parseArg, { ...pool, size: Math.min(pool.size, files.length) }, files.length);
  const writer = new GroupWriter(db, options.dbFile);
  try {
    // Files read ahead of the one being written: enough to keep every worker busy, few enough to keep memory flat.
    const ahead = parser.threads * 3 + 1;
    const prepared: (Promise<Prepared> | undefined)[] = [];
    for (const [index, file] of files.entries()) {
      // A signal is delivered by the event loop: let it turn (a batch parsed in-process awaits only promises).
      if (options.stopRequested) await new Promise((resolve) => setImmediate(resolve));
      if (options.stopRequested?.()) {
        for (const rest of files.slice(index)) writer.results.push(interrupted(rest.display));
        // Files read ahead are dropped; their readers end with the pool below.
        for (const p of prepared) p?.catch(() => undefined);
        break;
      }
      if (writer.failure) {
        writer.results.push(failed(file.display, writer.failure));
        continue;
      }
      for (let j = index; j < Math.min(files.length, index + ahead); j++) prepared[j] ??= prepare(db, files[j]!, kind, parser, options);
      options.onProgress?.(index, files.length, file.display);
      const ready = await writer.whileWaiting(prepared[index]!);
      prepared[index] = undefined;
      writer.results.push(finish(db, writer, file, ready, kind, options));
      writer.commitIfDue();
    }
    writer.commit();
  } finally {
    writer.rollbackIfOpen();
    await parser.close();
  }
  options.onProgress?.(files.length, files.length, '');
  return writer.results;
}

/**
 * Whether a file is the database, its journal or one of its backups, by its real path or, for a hard link
 * (the same file under another name), by device and inode: a link in an import folder is never followed
 * there (the database is no form, and its bytes have no business in a batch).
 */
function databaseFiles(dbFile: string): (realPath: string, stats: fs.Stats) => boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const db = real(dbFile);
  const own = new Set([db, ...['-wal', '-shm', '-journal'].map((s) => `${db}${s}`)]);
  const folder = real(backupFolder(dbFile));
  const backups = folder + path.sep;
  let identities: Set<string> | undefined;
  // Listed once per batch (a few stats).
  const identity = (s: fs.Stats): string => `${s.dev}:${s.ino}`;
  const known = (): Set<string> => {
    if (identities) return identities;
    identities = new Set();
    let backupNames: string[] = [];
    try {
      backupNames = fs.readdirSync(folder);
    } catch {
      // no backups yet
    }
    for (const f of [...own, ...backupNames.map((n) => path.join(folder, n))]) {
      try {
        identities.add(identity(fs.statSync(f)));
      } catch {
        // not there
      }
    }
    return identities;
  };
  // By identity too: a regular file's path is not resolved (the database may be reached through a linked folder).
  return (p, stats) => own.has(p) || p.startsWith(backups) || known().has(identity(stats));
}

/** Writes files in savepoints inside a group transaction, committed at most GROUP_COMMIT_MS apart. */
class GroupWriter {
  readonly results: FileResult[] = [];
  /** Why the database cannot be written any more (the group's and all later files fail with it). */
  failure: FileError | undefined;
  private members: number[] = [];
  private since = 0;

  constructor(
    private readonly db: Db,
    private readonly dbFile: string,
  ) {}

  /** Runs one file's writes atomically; throws what the writes throw (the file's savepoint rolled back). */
  write(fn: () => FileResult): FileResult {
    if (!this.db.inTransaction) {
      this.db.prepare('BEGIN IMMEDIATE').run();
      this.since = Date.now();
      this.members = [];
    }
    try {
      const result = this.db.transaction(fn)();
      this.members.push(this.results.length);
      return result;
    } catch (e) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the group is lost.
      if (this.members.length > 0 && !this.db.inTransaction) this.loseGroup(e);
      throw e;
    }
  }

  async whileWaiting<T>(pending: Promise<T>): Promise<T> {
    if (!this.db.inTransaction) return pending;
    let timer: NodeJS.Timeout | undefined;
    const due = new Promise<'due'>((resolve) => {
      timer = setTimeout(() => resolve('due'), Math.max(0, this.since + GROUP_COMMIT_MS - Date.now()));
    });
    const first = await Promise.race([pending, due]);
    clearTimeout(timer);
    if (first !== 'due') return first as T;
    this.commit();
    return pending;
  }

  commitIfDue(): void {
    if (this.db.inTransaction && Date.now() - this.since >= GROUP_COMMIT_MS) this.commit();
  }

  commit(): void {
    if (!this.db.inTransaction) return;
    try {
      this.db.prepare('COMMIT').run();
      this.members = [];
    } catch (e) {
      this.loseGroup(e);
    }
  }

  rollbackIfOpen(): void {
    if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
  }

  private loseGroup(e: unknown): void {
    this.rollbackIfOpen();
    const err = translateSqliteError(e, this.dbFile);
    if (!isGongshuError(err)) throw err;
    this.failure = { code: err.code, message: err.message, sheet: err.location.sheet, cell: err.location.cell };
    for (const i of this.members) this.results[i] = failed(this.results[i]!.file, this.failure);
    this.members = [];
  }
}

async function prepare<K extends KindName>(db: Db, file: BatchSource, kind: ImportKind<K>, parser: Parser, options: BatchOptions): Promise<Prepared> {
  if (file.error) return { state: 'failed', error: file.error };
  // A PDF scan or a photo is said so from its name, without reading it.
  const byName = notAFormByName(file.display);
  if (byName) return { state: 'failed', error: byName };
  try {
    const bytes = await file.read();
    const sha256 = sha256Of(bytes);
    const existing = kind.alreadyImported(db, options.round, sha256);
    if (existing) return { state: 'skipped', existing };
    return { state: 'parsed', sha256, reply: await parser.parse(file.path, bytes) };
  } catch (e) {
    if (isGongshuError(e)) return { state: 'failed', error: { code: e.code, message: e.message, sheet: e.location.sheet, cell: e.location.cell } };
    return { state: 'internal', error: e };
  }
}

/** A file that could not be imported: a failure, or 未导入 when it is no form at all (a scan, an old .doc). */
function failed(file: string, error: FileError): FileResult {
  if (NOT_A_FORM_CODES.has(error.code)) return { file, outcome: 'not-imported', errors: 0, warnings: 0, error, problems: [] };
  return { file, outcome: 'failed', errors: 1, warnings: 0, error, problems: [] };
}

function skipped(file: string, existing: { id: number; version: number; reason: string }): FileResult {
  return { file, outcome: 'skipped', id: existing.id, version: existing.version, title: existing.reason, errors: 0, warnings: 0, problems: [] };
}

/**
 * Why a file is skipped as already imported: the same content (fingerprint) as the file imported on a day,
 * named, as `what` (申报 #3 第 1 版). Said in the result table's reason column.
 */
export function sameContentReason(found: { file: string; importedAt: string }, what: string): string {
  return msg('cli.import.sameContent', { file: found.file, date: chinaDate(found.importedAt), what });
}

function finish<K extends KindName>(db: Db, writer: GroupWriter, file: BatchSource, ready: Prepared, kind: ImportKind<K>, options: BatchOptions): FileResult {
  const display = file.display;
  if (ready.state === 'internal') throw ready.error;
  if (ready.state === 'skipped') return skipped(display, ready.existing);
  if (ready.state === 'failed') return failed(display, ready.error);
  const reply = ready.reply;
  if (!reply.ok) {
    if ('error' in reply) return failed(display, reply.error);
    const err = new Error(reply.internal.message);
    if (reply.internal.stack) err.stack = reply.internal.stack;
    throw err;
  }
  try {
    const parsed = reply.parsed as ParsedOf<K>;
    const result = writer.write(() => {
      // Asked again under the write lock: an identical file earlier in this batch, or another gongshu on a
      // shared database, may have imported it since it was read.
      const existing = kind.alreadyImported(db, options.round, ready.sha256);
      return existing ? skipped(display, existing) : kind.write(db, display, { path: file.path, sha256: ready.sha256, ...(file.mail ? { mail: file.mail } : {}) }, parsed, reply.problems);
    });
    if (result.outcome !== 'skipped') kind.written?.(result, parsed);
    return result;
  } catch (e) {
    const err = translateSqliteError(e, options.dbFile);
    if (isGongshuError(err)) return failed(display, { code: err.code, message: err.message, sheet: err.location.sheet, cell: err.location.cell });
    throw err;
  }
}
