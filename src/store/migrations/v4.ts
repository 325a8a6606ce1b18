/** The data steps of migration 4, which SQL alone cannot compute. */
import type { ParsedApplication } from '../../core/application.js';
import { applicationKeys } from '../../core/identity.js';
import type { Db } from '../open.js';

/** Every application's identity keys, from the form in effect (purged forms have no lead left to key on). */
export function backfillApplicationKeys(db: Db): void {
  const rows = db
    .prepare(
      `SELECT a.id, v.data FROM applications a JOIN application_versions v
         ON v.application_id = a.id AND v.version = a.current_version`,
    )
    .all() as { id: number; data: string }[];
  const update = db.prepare('UPDATE applications SET lead_id_key = ?, lead_name_key = ? WHERE id = ?');
  for (const r of rows) {
    const parsed = JSON.parse(r.data) as ParsedApplication & { purged?: boolean };
    if (parsed.purged) continue;
    const keys = applicationKeys(parsed);
    update.run(keys.idKey, keys.nameKey, r.id);
  }
}

/**
 * Before this version an undone certification deleted its studio and the next studio took its id, so
 * the audit log of the old one showed under the new one. Ids the log has seen are never given again.
 */
export function reserveStudioIds(db: Db): void {
  const seen = db
    .prepare(
      `SELECT MAX(n) AS n FROM (SELECT MAX(id) AS n FROM studios
         UNION ALL SELECT MAX(entity_id) FROM audit_log WHERE entity = 'studio')`,
    )
    .get() as { n: number | null };
  if (!seen.n) return;
  db.prepare("DELETE FROM sqlite_sequence WHERE name = 'studios'").run();
  db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('studios', ?)").run(seen.n);
}
