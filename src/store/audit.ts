/** Append-only audit log: who did what, when, with which command and why. */
import os from 'node:os';
import { maskPersonalNumbers } from '../core/text.js';
import type { Db } from './open.js';

export interface Actor {
  user: string;
  command: string;
}

export function currentActor(command: string): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return { user, command };
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  command: string;
  entity: string;
  entityId: number | null;
  action: string;
  detail: Record<string, unknown>;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The audit log outlives every purge, so nothing personal goes into it: ID and mobile numbers in file names
 * (申报表-330105197506150017.xlsx) or typed reasons are masked. Hashes are not personal, and a hex digest
 * can hold eleven digits in a row.
 */
function maskedValue(key: string, value: unknown): unknown {
  return typeof value === 'string' && key !== 'sha256' ? maskPersonalNumbers(value) : value;
}

export function appendAudit(
  db: Db,
  actor: Actor,
  entity: string,
  entityId: number | null,
  action: string,
  detail: Record<string, unknown> = {},
): number {
  const info = db
    .prepare('INSERT INTO audit_log (at, user, command, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(nowIso(), actor.user, actor.command, entity, entityId, action, JSON.stringify(detail, maskedValue));
  return Number(info.lastInsertRowid);
}

interface AuditRow {
  id: number;
  at: string;
  user: string;
  command: string;
  entity: string;
  entity_id: number | null;
  action: string;
  detail: string;
}

export function auditFor(db: Db, entity: string, entityId: number): AuditEntry[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, entityId) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: r.user,
    command: r.command,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
