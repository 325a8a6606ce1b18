/** Repository of studios and their assessments (考核). Pure SQL; callers own the transaction. */
import type { Assessment } from '../core/assessment.js';
import type { Finding } from '../core/finding.js';
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';

export interface StudioRow {
  id: number;
  name: string;
  leadName: string;
  leadIdNumber: string;
  leadBirth: string | null;
  leadGender: string | null;
  leadFemaleGroup: 'worker' | 'cadre' | null;
  leadLeft: boolean;
  unitName: string;
  selectionYear: number | null;
  certifiedOn: string | null;
  validUntil: string | null;
  plaque: string | null;
  status: string;
  createdFrom: string;
  applicationId: number | null;
  occupation: string;
  termStartedOn: string | null;
  subsidyYuan: number | null;
  subsidyPaidOn: string | null;
}

export const STUDIO_COLUMNS = `id, name, lead_name AS leadName, lead_id_number AS leadIdNumber, lead_birth AS leadBirth,
  lead_gender AS leadGender, lead_female_group AS leadFemaleGroup, lead_left AS leadLeft, unit_name AS unitName,
  selection_year AS selectionYear, certified_on AS certifiedOn, valid_until AS validUntil, plaque, status,
  created_from AS createdFrom, application_id AS applicationId, occupation, term_started_on AS termStartedOn,
  subsidy_yuan AS subsidyYuan, subsidy_paid_on AS subsidyPaidOn`;

export function toStudio(row: StudioRow | undefined): StudioRow | undefined {
  return row ? { ...row, leadLeft: Boolean(row.leadLeft) } : undefined;
}

export function findStudio(db: Db, nameKey: string, leadKey: string): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE name_key = ? AND lead_key = ?`).get(nameKey, leadKey) as StudioRow | undefined);
}

export function getStudio(db: Db, id: number): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE id = ?`).get(id) as StudioRow | undefined);
}

export interface NewStudio {
  name: string;
  nameKey: string;
  leadName: string;
  leadKey: string;
  unitName: string;
  selectionYear: number | null;
  createdFrom: 'assessment' | 'certification';
}

export function insertStudio(db: Db, s: NewStudio): number {
  const info = db
    .prepare(
      `INSERT INTO studios (name, name_key, lead_name, lead_key, unit_name, selection_year, created_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(s.name, s.nameKey, s.leadName, s.leadKey, s.unitName, s.selectionYear, s.createdFrom, nowIso());
  return Number(info.lastInsertRowid);
}

export function setLeadLeft(db: Db, studioId: number, left: boolean): void {
  db.prepare('UPDATE studios SET lead_left = ? WHERE id = ?').run(left ? 1 : 0, studioId);
}

export function findAssessmentVersionBySha(db: Db, round: number, sha256: string): { assessmentId: number; version: number } | undefined {
  return db
    .prepare(
      `SELECT v.assessment_id AS assessmentId, v.version AS version FROM assessment_versions v
       JOIN assessments a ON a.id = v.assessment_id WHERE a.round = ? AND v.sha256 = ? LIMIT 1`,
    )
    .get(round, sha256) as { assessmentId: number; version: number } | undefined;
}

export function findAssessmentId(db: Db, studioId: number, round: number): number | undefined {
  return (db.prepare('SELECT id FROM assessments WHERE studio_id = ? AND round = ?').get(studioId, round) as { id: number } | undefined)?.id;
}

export function insertAssessment(db: Db, studioId: number, round: number): number {
  return Number(db.prepare('INSERT INTO assessments (studio_id, round, created_at) VALUES (?, ?, ?)').run(studioId, round, nowIso()).lastInsertRowid);
}

export interface NewAssessmentVersion {
  file: string;
  sha256: string;
  sheet: string;
  assessment: Assessment;
  problems: Finding[];
}

export function insertAssessmentVersion(db: Db, assessmentId: number, v: NewAssessmentVersion, actor: Actor): number {
  const next =
    ((db.prepare('SELECT MAX(version) AS v FROM assessment_versions WHERE assessment_id = ?').get(assessmentId) as { v: number | null }).v ?? 0) + 1;
  db.prepare(
    `INSERT INTO assessment_versions (assessment_id, version, file, sha256, sheet, data, problems, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(assessmentId, next, v.file, v.sha256, v.sheet, JSON.stringify(v.assessment), JSON.stringify(v.problems), nowIso(), actor.user);
  return next;
}

export interface StoredAssessment {
  id: number;
  round: number;
  studio: StudioRow;
  version: number;
  file: string;
  sha256: string;
  importedAt: string;
  assessment: Assessment;
  problems: Finding[];
}

interface AssessmentJoinRow {
  id: number;
  round: number;
  studio_id: number;
  version: number;
  file: string;
  sha256: string;
  imported_at: string;
  data: string;
  problems: string;
}

export function listAssessments(db: Db, round: number): StoredAssessment[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.round, a.studio_id, v.version, v.file, v.sha256, v.imported_at, v.data, v.problems
       FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
       WHERE a.round = ? AND v.version = (SELECT MAX(version) FROM assessment_versions WHERE assessment_id = a.id)
       ORDER BY a.id`,
    )
    .all(round) as AssessmentJoinRow[];
  // The round's studios in one query, not one per assessment.
  const studios = new Map(
    (db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE id IN (SELECT studio_id FROM assessments WHERE round = ?)`).all(round) as StudioRow[]).map(
      (s) => [s.id, toStudio(s)!],
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    studio: studios.get(r.studio_id)!,
    version: r.version,
    file: r.file,
    sha256: r.sha256,
    importedAt: r.imported_at,
    assessment: JSON.parse(r.data) as Assessment,
    problems: JSON.parse(r.problems) as Finding[],
  }));
}

export function setLeadPerson(db: Db, studioId: number, birth: string | null, gender: string | null, femaleGroup: 'worker' | 'cadre' | null): void {
  db.prepare('UPDATE studios SET lead_birth = ?, lead_gender = ?, lead_female_group = ? WHERE id = ?').run(birth, gender, femaleGroup, studioId);
}

export function getAssessment(db: Db, id: number): StoredAssessment | undefined {
  const row = db.prepare('SELECT round FROM assessments WHERE id = ?').get(id) as { round: number } | undefined;
  return row ? listAssessments(db, row.round).find((a) => a.id === id) : undefined;
}
