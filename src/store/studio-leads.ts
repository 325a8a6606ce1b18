/** Leads of studios still valid at a date, for the duplicate-lead rule. Filled in once studios exist. */
import type { Db } from './open.js';

export interface StudioLead {
  studioName: string;
  idNumber: string;
}

export function validStudioLeads(db: Db, atDate: string): StudioLead[] {
  const hasStudios = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'studios'").get();
  if (!hasStudios) return [];
  return db
    .prepare(
      `SELECT name AS studioName, lead_id_number AS idNumber FROM studios
       WHERE lead_id_number <> '' AND status NOT IN ('expired', 'revoked') AND valid_until >= ?`,
    )
    .all(atDate) as StudioLead[];
}
