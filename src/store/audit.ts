/**
 * Append-only audit log: who did what, when, with which command and why.
 *
 * Tamper-evident: every entry carries `hash`, the SHA-256 of its own content and of the entry before it
 * (`prev_hash`), so an entry deleted, edited or moved breaks the chain from that point on, and `db check`
 * names the first broken entry. The table only grows (AUTOINCREMENT: sqlite_sequence remembers the last id
 * ever given, so deleting the newest entries shows too), and two triggers refuse UPDATE and DELETE; a
 * missing or altered trigger is itself a finding. appendAudit is the only writer.
 *
 * What it cannot show: someone with the file and SQLite who rewrites every entry from the edited one on,
 * recomputing the hashes. A backup keeps the chain as it was; comparing the two shows such a rewrite.
 */
import os from 'node:os';
import { StorageError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { msg } from '../messages/index.js';
import { findPersonalNumbers, maskPersonalNumbers, plainText } from '../core/personal-numbers.js';
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

/** Keys whose values are digests, not text: a hex digest can hold eleven digits in a row. */
const DIGEST_KEYS: ReadonlySet<string> = new Set(['sha256', 'hash', 'prev_hash']);

/**
 * The audit log outlives every purge, so nothing personal goes into it: ID and mobile numbers, however
 * typed, in file names (申报表-330105197506150017.xlsx), typed reasons or any other text are masked; so are
 * numbers that are themselves an ID or a mobile number. Digests are data and stay whole.
 */
function maskedValue(key: string, value: unknown): unknown {
  if (DIGEST_KEYS.has(key)) return value;
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (typeof value === 'number' && Number.isInteger(value) && findPersonalNumbers(String(value)).length > 0) return maskPersonalNumbers(String(value));
  return value;
}

/** An entry's detail as stored: JSON with every personal number masked. */
export function auditDetailText(detail: Record<string, unknown>): string {
  return JSON.stringify(detail, maskedValue);
}

/** The columns an entry's hash covers, in this order. */
export interface ChainedFields {
  id: number;
  at: string;
  user: string;
  command: string;
  entity: string;
  entity_id: number | null;
  action: string;
  detail: string;
  prev_hash: string;
}

/** SHA-256 of an entry's content and of the hash of the entry before it ('' for the first). */
export function auditHash(e: ChainedFields): string {
  return sha256Hex(JSON.stringify([e.id, e.at, e.user, e.command, e.entity, e.entity_id, e.action, e.detail, e.prev_hash]));
}

/** The two triggers that keep the log append-only, exactly as created (db check compares them). */
export const AUDIT_TRIGGERS: Readonly<Record<string, string>> = {
  audit_log_no_update: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  audit_log_no_delete: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
};

export function appendAudit(
  db: Db,
  actor: Actor,
  entity: string,
  entityId: number | null,
  action: string,
  detail: Record<string, unknown> = {},
): number {
  // The previous hash must be read under the write lock the insert takes: callers own the transaction; a
  // caller outside one gets its own.
  if (!db.inTransaction) return db.transaction(() => appendAudit(db, actor, entity, entityId, action, detail)).immediate();
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const seq = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  const entry: ChainedFields = {
    // Past the highest id ever given: were the newest entries deleted, the gap stays visible to db check
    // even after more entries are added.
    id: Math.max(seq, last?.id ?? 0) + 1,
    at: nowIso(),
    user: maskPersonalNumbers(actor.user),
    command: maskPersonalNumbers(actor.command),
    entity,
    entity_id: entityId,
    action,
    detail: auditDetailText(detail),
    prev_hash: last?.hash ?? '',
  };
  const hash = auditHash(entry);
  db.prepare('INSERT INTO audit_log (id, at, user, command, entity, entity_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.id, entry.at, entry.user, entry.command, entry.entity, entry.entity_id, entry.action, entry.detail, entry.prev_hash, hash,
  );
  // A trigger someone added (RAISE(IGNORE), an INSTEAD OF, a rewrite) must not let a change through unlogged:
  // the entry is read back, and the caller's transaction rolls back if it is not there as written.
  const written = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(entry.id) as { hash: string } | undefined;
  if (written?.hash !== hash) throw new StorageError('audit-silenced', msg('recovery.audit.silenced', { file: db.name }));
  return entry.id;
}

export type AuditBreak =
  | { kind: 'edited'; id: number }
  | { kind: 'unlinked'; id: number; previous: number | null }
  | { kind: 'truncated'; last: number; seq: number }
  | { kind: 'trigger'; name: string }
  | { kind: 'extraTrigger'; name: string };

export interface AuditVerification {
  entries: number;
  /** The first place the log is not what appendAudit wrote; undefined when it is whole. */
  broken?: AuditBreak;
}

function normalSql(sql: string | null | undefined): string {
  return (sql ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * Walks the chain from the first entry: each entry's hash must match its content and the previous entry's
 * hash; the newest entry must be the last one ever given; both triggers must be there as created.
 */
export function verifyAuditLog(db: Db): AuditVerification {
  const triggers = new Map(
    (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[]).map((t) => [t.name, normalSql(t.sql)]),
  );
  for (const [name, sql] of Object.entries(AUDIT_TRIGGERS)) {
    if (triggers.get(name) !== normalSql(sql)) return { entries: 0, broken: { kind: 'trigger', name } };
  }
  // Exactly these two: one more (a BEFORE INSERT … RAISE(IGNORE)) silences every entry to come.
  for (const name of triggers.keys()) if (!(name in AUDIT_TRIGGERS)) return { entries: 0, broken: { kind: 'extraTrigger', name } };
  const rows = db.prepare('SELECT id, at, user, command, entity, entity_id, action, detail, prev_hash, hash FROM audit_log ORDER BY id').all() as (ChainedFields & { hash: string | null })[];
  let previous: (ChainedFields & { hash: string | null }) | undefined;
  for (const row of rows) {
    // Ids run 1, 2, 3 … without a gap: nothing is ever deleted, and a rolled-back entry takes its id back.
    const linked = row.id === (previous?.id ?? 0) + 1 && (row.prev_hash ?? '') === (previous?.hash ?? '');
    if (!linked) return { entries: rows.length, broken: { kind: 'unlinked', id: row.id, previous: previous?.id ?? null } };
    if (row.hash !== auditHash({ ...row, prev_hash: row.prev_hash ?? '' })) return { entries: rows.length, broken: { kind: 'edited', id: row.id } };
    previous = row;
  }
  const seq = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  const last = previous?.id ?? 0;
  if (seq !== last) return { entries: rows.length, broken: { kind: 'truncated', last, seq } };
  return { entries: rows.length };
}

/** The newest entry's id and hash: what a backup or a printed page witnesses. */
export interface AuditHead {
  entries: number;
  hash: string;
}

export function auditHead(db: Db): AuditHead | null {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined;
  return last?.hash ? { entries: last.id, hash: last.hash } : null;
}

/** How long a head's hash is printed: 8 hex digits (one chance in four billion that a rewritten log matches). */
export const HEAD_HASH_DIGITS = 8;

/** The head as printed on paper and written into documents: `操作记录校验：1234 / 9f3a1c0b…`. */
export function headText(head: AuditHead | null): string {
  // Printed on paper and into files' properties: the words only, without the screen's made() markers.
  return plainText(msg('recovery.head', { entries: head?.entries ?? 0, hash: (head?.hash ?? '').slice(0, HEAD_HASH_DIGITS) }));
}

type AuditRow = Omit<ChainedFields, 'prev_hash'>;

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
