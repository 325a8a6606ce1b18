/** The data steps of migration 5: the audit log becomes a hash chain, its old entries masked first. */
import { AUDIT_TRIGGERS, auditDetailText, auditHash, type ChainedFields } from '../audit.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import type { Db } from '../open.js';

/** Keys older versions wrote with a personal value (`assess set --lead-birth`); now only "changed" is logged. */
const PERSONAL_KEYS: readonly string[] = ['leadBirth', 'leadGender'];

function maskedOldDetail(text: string): string {
  let detail: Record<string, unknown>;
  try {
    detail = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return maskPersonalNumbers(text);
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return maskPersonalNumbers(text);
  for (const key of PERSONAL_KEYS) if (key in detail && detail[key] !== 'changed') detail[key] = 'changed';
  return auditDetailText(detail);
}

/**
 * Copies every entry, in order and with its id, into the chained table: each text masked as appendAudit
 * masks it today (older versions recognised fewer spellings of a number), then hashed with the entry
 * before it. From here on db check can verify the whole log, old entries included.
 */
export function chainAuditLog(db: Db): void {
  const rows = db.prepare('SELECT id, at, user, command, entity, entity_id, action, detail FROM audit_log ORDER BY id').all() as Omit<ChainedFields, 'prev_hash'>[];
  const insert = db.prepare('INSERT INTO audit_log_v5 (id, at, user, command, entity, entity_id, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let previous = '';
  for (const row of rows) {
    const entry: ChainedFields = {
      ...row,
      user: maskPersonalNumbers(row.user),
      command: maskPersonalNumbers(row.command),
      detail: maskedOldDetail(row.detail),
      prev_hash: previous,
    };
    const hash = auditHash(entry);
    insert.run(entry.id, entry.at, entry.user, entry.command, entry.entity, entry.entity_id, entry.action, entry.detail, entry.prev_hash, hash);
    previous = hash;
  }
  db.exec(`
    DROP TABLE audit_log;
    ALTER TABLE audit_log_v5 RENAME TO audit_log;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
    ${Object.values(AUDIT_TRIGGERS).map((sql) => `${sql};`).join('\n')}
  `);
}
