/** Upkeep of the database file: a backup on demand, the integrity check, and the purge of a past round's personal data. */
import fs from 'node:fs';
import path from 'node:path';
import { RefusedError, UsageError } from '../core/errors.js';
import { chinaYear } from '../core/china-time.js';
import { msg } from '../messages/index.js';
import { backupTo, checkIntegrity, listBackups, type IntegrityReport } from '../store/backup.js';
import { purgePlan, purgeRound, type PurgePlan, type RoundCounts } from '../store/purge.js';
import { inTransaction, type Workspace } from './context.js';

export type { IntegrityReport, PurgePlan, RoundCounts };

/** `db backup -o FILE`: SQLite's online backup, safe while gongshu is in use. */
export async function backupDatabase(ws: Workspace, target: string): Promise<string> {
  await backupTo(ws.db, ws.dbFile, target);
  return target;
}

export function checkDatabase(ws: Workspace): IntegrityReport {
  return checkIntegrity(ws.db);
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

/**
 * Empties the round's personal data in one transaction (logged), then rewrites the file so that no freed
 * page keeps it (secure_delete has zeroed them already; VACUUM cannot run inside a transaction).
 */
export function purge(ws: Workspace, round: number): PurgePlan & { counts: RoundCounts } {
  planPurge(ws, round);
  ws.db.pragma('secure_delete = ON');
  const result = inTransaction(ws, () => purgeRound(ws.db, round, ws.actor, msg('purge.removedMessage')));
  ws.db.exec('VACUUM');
  return result;
}
