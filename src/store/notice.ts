/** 公示: the notice period of a round, and objections (异议) raised against applications during it. */
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';

export interface Notice {
  round: number;
  startsOn: string;
  endsOn: string;
}

export function getNotice(db: Db, round: number): Notice | undefined {
  const row = db.prepare('SELECT round, starts_on, ends_on FROM notices WHERE round = ?').get(round) as
    | { round: number; starts_on: string; ends_on: string }
    | undefined;
  return row && { round: row.round, startsOn: row.starts_on, endsOn: row.ends_on };
}

export function saveNotice(db: Db, notice: Notice, actor: Actor): void {
  db.prepare(
    `INSERT INTO notices (round, starts_on, ends_on, created_at, created_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on,
       created_at = excluded.created_at, created_by = excluded.created_by`,
  ).run(notice.round, notice.startsOn, notice.endsOn, nowIso(), actor.user);
}

export interface Objection {
  id: number;
  applicationId: number;
  reason: string;
  raisedAt: string;
  raisedBy: string;
  resolvedAt: string | null;
  resolution: string | null;
}

interface ObjectionRow {
  id: number;
  application_id: number;
  reason: string;
  raised_at: string;
  raised_by: string;
  resolved_at: string | null;
  resolution: string | null;
}

function toObjection(r: ObjectionRow): Objection {
  return { id: r.id, applicationId: r.application_id, reason: r.reason, raisedAt: r.raised_at, raisedBy: r.raised_by, resolvedAt: r.resolved_at, resolution: r.resolution };
}

export function addObjection(db: Db, applicationId: number, reason: string, actor: Actor): number {
  const info = db
    .prepare('INSERT INTO objections (application_id, reason, raised_at, raised_by) VALUES (?, ?, ?, ?)')
    .run(applicationId, reason, nowIso(), actor.user);
  return Number(info.lastInsertRowid);
}

export function objectionsOf(db: Db, applicationId: number): Objection[] {
  return (db.prepare('SELECT * FROM objections WHERE application_id = ? ORDER BY id').all(applicationId) as ObjectionRow[]).map(toObjection);
}

export function openObjections(db: Db, applicationId: number): Objection[] {
  return objectionsOf(db, applicationId).filter((o) => o.resolvedAt === null);
}

export function resolveObjections(db: Db, applicationId: number, resolution: string, actor: Actor): number {
  return db
    .prepare('UPDATE objections SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE application_id = ? AND resolved_at IS NULL')
    .run(nowIso(), actor.user, resolution, applicationId).changes;
}
