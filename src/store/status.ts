/**
 * Status changes of applications and studios, each checked against the life-cycle tables
 * (core/lifecycle.ts) and recorded in the append-only audit log with time, OS user, command and reason.
 *
 * The log is also the history: a change is an entry with action `status`; undoing it appends a
 * `status-undo` entry that names it. Walking the log as a stack (a change pushes, an undo pops) gives
 * the change an `--undo` would reverse next, so several steps can be undone in turn and every undo stays
 * visible in `gongshu history`.
 */
import { RefusedError } from '../core/errors.js';
import { entityLabel, transition, undoTarget, type EventOf, type LifecycleKind, type StatusOf } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { appendAudit, auditFor, type Actor, type AuditEntry } from './audit.js';
import type { Db } from './open.js';

export const STATUS_ACTION = 'status';
export const UNDO_ACTION = 'status-undo';

const TABLE: Record<LifecycleKind, string> = { application: 'applications', studio: 'studios' };

export interface StatusMove {
  from: string;
  to: string;
  event: string;
  reason?: string;
  /** Facts the undo needs (the studio a certification created, the plaque …). */
  [extra: string]: unknown;
}

export function currentStatus(db: Db, kind: LifecycleKind, id: number): string {
  const row = db.prepare(`SELECT status FROM ${TABLE[kind]} WHERE id = ?`).get(id) as { status: string } | undefined;
  if (!row) throw new RefusedError(`${kind}-not-found`, msg(kind === 'application' ? 'cli.notFound' : 'workflow.studioNotFound', { id }));
  return row.status;
}

/**
 * Moves a record by `event`, or throws the clerk-readable refusal. Call inside the caller's
 * transaction so the move and whatever caused it land together.
 */
export function move<K extends LifecycleKind>(
  db: Db,
  actor: Actor,
  kind: K,
  id: number,
  event: EventOf<K>,
  details: { reason?: string; [extra: string]: unknown } = {},
): StatusOf<K> {
  const from = currentStatus(db, kind, id);
  const result = transition(kind, from, event, id);
  if (!result.ok) throw new RefusedError('transition-refused', result.message);
  db.prepare(`UPDATE ${TABLE[kind]} SET status = ? WHERE id = ?`).run(result.to, id);
  const entry: StatusMove = { ...details, from, to: result.to, event };
  if (!entry.reason) delete entry.reason;
  appendAudit(db, actor, kind, id, STATUS_ACTION, entry);
  return result.to;
}

/** Whether `event` is allowed now (for bulk steps that skip the ones it does not apply to). */
export function canMove(db: Db, kind: LifecycleKind, id: number, event: string): boolean {
  return transition(kind, currentStatus(db, kind, id), event, id).ok;
}

/** The status changes that stand (not undone), oldest first: the record's status is where the last one led. */
export function standingMoves(entries: readonly AuditEntry[]): AuditEntry[] {
  const stack: AuditEntry[] = [];
  for (const e of entries) {
    if (e.action === STATUS_ACTION) stack.push(e);
    else if (e.action === UNDO_ACTION) {
      const at = stack.findIndex((s) => s.id === e.detail.undoes);
      if (at >= 0) stack.splice(at, 1);
    }
  }
  return stack;
}

/** The status change an undo would reverse now, or undefined when there is none left. */
export function lastUndoable(entries: readonly AuditEntry[]): AuditEntry | undefined {
  return standingMoves(entries).at(-1);
}

export interface UndoneChange {
  entry: AuditEntry;
  from: string;
  to: string;
}

/**
 * Reverses the last status change of a record. `before` runs first, inside the same transaction, for
 * the side effects of the change (a certification's studio record); it may throw to refuse.
 */
export function undoLastMove(
  db: Db,
  actor: Actor,
  kind: LifecycleKind,
  id: number,
  reason: string,
  before?: (entry: AuditEntry) => void,
): UndoneChange {
  const entry = lastUndoable(auditFor(db, kind, id));
  if (!entry) throw new RefusedError('nothing-to-undo', msg('workflow.undo.nothing', { entity: entityLabel(kind, id) }));
  const current = currentStatus(db, kind, id);
  const change = { from: String(entry.detail.from), to: String(entry.detail.to) };
  const result = undoTarget(kind, change, current, id);
  if (!result.ok) throw new RefusedError('undo-refused', result.message);
  before?.(entry);
  db.prepare(`UPDATE ${TABLE[kind]} SET status = ? WHERE id = ?`).run(result.to, id);
  appendAudit(db, actor, kind, id, UNDO_ACTION, { undoes: entry.id, from: current, to: result.to, event: entry.detail.event, reason });
  return { entry, from: current, to: result.to };
}
