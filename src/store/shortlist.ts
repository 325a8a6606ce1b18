/** The committee's manual changes to the proposed list, each with a reason; a later change of the same application replaces it. */
import type { ManualChange } from '../core/shortlist.js';
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';

export type ChangeKind = 'add' | 'remove';

export function activeShortlistChanges(db: Db, round: number): { add: ManualChange[]; remove: ManualChange[] } {
  const rows = db
    .prepare(
      `SELECT c.application_id AS id, c.change, c.reason FROM shortlist_changes c JOIN applications a ON a.id = c.application_id
       WHERE a.round = ? AND c.undone_at IS NULL ORDER BY c.id`,
    )
    .all(round) as { id: number; change: ChangeKind; reason: string }[];
  return {
    add: rows.filter((r) => r.change === 'add').map(({ id, reason }) => ({ id, reason })),
    remove: rows.filter((r) => r.change === 'remove').map(({ id, reason }) => ({ id, reason })),
  };
}

/** Records a change; any earlier active change of the application is withdrawn. Returns what it replaced. */
export function recordShortlistChange(db: Db, applicationId: number, change: ChangeKind, reason: string, actor: Actor): ChangeKind | null {
  const previous = dropShortlistChange(db, applicationId);
  db.prepare('INSERT INTO shortlist_changes (application_id, change, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    applicationId,
    change,
    reason,
    nowIso(),
    actor.user,
  );
  return previous;
}

/** Withdraws the active change of an application (`shortlist add/remove --undo`); returns its kind. */
export function dropShortlistChange(db: Db, applicationId: number): ChangeKind | null {
  const row = db
    .prepare('SELECT id, change FROM shortlist_changes WHERE application_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(applicationId) as { id: number; change: ChangeKind } | undefined;
  if (!row) return null;
  db.prepare('UPDATE shortlist_changes SET undone_at = ? WHERE application_id = ? AND undone_at IS NULL').run(nowIso(), applicationId);
  return row.change;
}

/**
 * Withdraws the active change of an application as dropShortlistChange does, and says which row it was, so
 * that undoing what withdrew it (`apply accept-version`) can put that very change back.
 */
export function takeShortlistChange(db: Db, applicationId: number): { id: number; change: ChangeKind } | null {
  const row = db
    .prepare('SELECT id, change FROM shortlist_changes WHERE application_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(applicationId) as { id: number; change: ChangeKind } | undefined;
  if (!row) return null;
  dropShortlistChange(db, applicationId);
  return row;
}

/** Puts a withdrawn change back in force, unless the application has another active change by now. */
export function restoreShortlistChange(db: Db, applicationId: number, changeId: number): boolean {
  const active = db.prepare('SELECT 1 FROM shortlist_changes WHERE application_id = ? AND undone_at IS NULL').get(applicationId);
  if (active) return false;
  return db.prepare('UPDATE shortlist_changes SET undone_at = NULL WHERE id = ? AND application_id = ? AND undone_at IS NOT NULL').run(changeId, applicationId).changes > 0;
}
