/** Certified studios: creation at 认定, terms, plaques, subsidy payment. Pure SQL; callers own the transaction. */
import { nowIso } from './audit.js';
import { STUDIO_COLUMNS, toStudio, type StudioRow } from './assessments.js';
import type { Db } from './open.js';

export interface CertifiedStudio {
  name: string;
  nameKey: string;
  leadName: string;
  leadKey: string;
  leadIdNumber: string;
  leadBirth: string | null;
  leadGender: string | null;
  leadFemaleGroup: 'worker' | 'cadre' | null;
  unitName: string;
  occupation: string;
  applicationId: number;
  selectionYear: number;
  certifiedOn: string;
  validUntil: string;
  plaque: string;
  subsidyYuan: number;
}

export function insertCertifiedStudio(db: Db, s: CertifiedStudio): number {
  const info = db
    .prepare(
      `INSERT INTO studios (name, name_key, lead_name, lead_key, lead_id_number, lead_birth, lead_gender, lead_female_group,
         unit_name, occupation, application_id, selection_year, certified_on, term_started_on, valid_until, plaque,
         subsidy_yuan, status, created_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', 'certification', ?)`,
    )
    .run(
      s.name, s.nameKey, s.leadName, s.leadKey, s.leadIdNumber, s.leadBirth, s.leadGender, s.leadFemaleGroup,
      s.unitName, s.occupation, s.applicationId, s.selectionYear, s.certifiedOn, s.certifiedOn, s.validUntil, s.plaque,
      s.subsidyYuan, nowIso(),
    );
  return Number(info.lastInsertRowid);
}

export function studioOfApplication(db: Db, applicationId: number): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE application_id = ?`).get(applicationId) as StudioRow | undefined);
}

export function deleteStudio(db: Db, id: number): void {
  db.prepare('DELETE FROM studios WHERE id = ?').run(id);
}

export function hasAssessments(db: Db, studioId: number): boolean {
  return db.prepare('SELECT 1 FROM assessments WHERE studio_id = ?').get(studioId) !== undefined;
}

export function listStudios(db: Db, filter: { status?: string; selectionYear?: number } = {}): StudioRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.selectionYear !== undefined) {
    where.push('selection_year = ?');
    params.push(filter.selectionYear);
  }
  const sql = `SELECT ${STUDIO_COLUMNS} FROM studios ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY plaque IS NULL, plaque, id`;
  return (db.prepare(sql).all(...params) as StudioRow[]).map((r) => toStudio(r)!);
}

/** Every plaque number ever given, including those of certifications since undone (never handed out twice). */
export function usedPlaques(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT plaque FROM studios WHERE plaque IS NOT NULL
       UNION SELECT json_extract(detail, '$.plaque') FROM audit_log WHERE entity = 'studio' AND action = 'certify'`,
    )
    .all() as { plaque: string | null }[];
  return rows.map((r) => r.plaque).filter((p): p is string => typeof p === 'string');
}

export function findStudioByPlaque(db: Db, plaque: string): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE plaque = ?`).get(plaque) as StudioRow | undefined);
}

export function setSubsidyPaid(db: Db, id: number, paidOn: string | null): void {
  db.prepare('UPDATE studios SET subsidy_paid_on = ? WHERE id = ?').run(paidOn, id);
}

export function setTerm(db: Db, id: number, startedOn: string, validUntil: string): void {
  db.prepare('UPDATE studios SET term_started_on = ?, valid_until = ? WHERE id = ?').run(startedOn, validUntil, id);
}
