/** Leads of studios still valid at a date, for the duplicate-lead rule. */
import type { Db } from './open.js';

export interface StudioLead {
  studioName: string;
  plaque: string | null;
  idNumber: string;
  /** The application the studio was certified from (null for one first seen on an assessment form). */
  applicationId: number | null;
}

/** Studios whose term still runs at `atDate`: not ended, not undone, not folded into another. */
export function validStudioLeads(db: Db, atDate: string): StudioLead[] {
  return db
    .prepare(
      `SELECT name AS studioName, plaque, lead_id_number AS idNumber, application_id AS applicationId FROM studios
       WHERE lead_id_number <> '' AND status NOT IN ('expired', 'revoked', 'decertified', 'merged') AND valid_until >= ?`,
    )
    .all(atDate) as StudioLead[];
}
