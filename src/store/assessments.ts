/**
 * Repository of assessments (考核): one per studio and round (a later sheet is a new version of it), which the
 * clerk may withdraw from scoring. Pure SQL; callers own the transaction.
 */
import type { Assessment } from '../core/assessment.js';
import type { Finding } from '../core/finding.js';
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';
import { allStudios, STUDIO_COLUMNS, type StudioRow } from './studios.js';

export function findAssessmentVersionBySha(db: Db, round: number, sha256: string): { assessmentId: number; version: number; file: string; importedAt: string } | undefined {
  return db
    .prepare(
      `SELECT v.assessment_id AS assessmentId, v.version AS version, v.file AS file, v.imported_at AS importedAt FROM assessment_versions v
       JOIN assessments a ON a.id = v.assessment_id WHERE a.round = ? AND v.sha256 = ? ORDER BY v.id LIMIT 1`,
    )
    .get(round, sha256) as { assessmentId: number; version: number; file: string; importedAt: string } | undefined;
}

/** The studio's assessment of the round that counts (not withdrawn). */
export function findAssessmentId(db: Db, studioId: number, round: number): number | undefined {
  return (db.prepare('SELECT id FROM assessments WHERE studio_id = ? AND round = ? AND withdrawn_at IS NULL').get(studioId, round) as { id: number } | undefined)?.id;
}

export function setWithdrawn(db: Db, id: number, reason: string | null): void {
  db.prepare('UPDATE assessments SET withdrawn_at = ?, withdrawn_reason = ? WHERE id = ?').run(reason === null ? null : nowIso(), reason, id);
}

/** Studios with an assessment that counts in the same round as one of `other`'s (a merge would give one studio two). */
export function sharedAssessmentRounds(db: Db, studioId: number, other: number): number[] {
  return (
    db
      .prepare(
        `SELECT a.round FROM assessments a JOIN assessments b ON a.round = b.round
         WHERE a.studio_id = ? AND b.studio_id = ? AND a.withdrawn_at IS NULL AND b.withdrawn_at IS NULL ORDER BY a.round`,
      )
      .all(studioId, other) as { round: number }[]
  ).map((r) => r.round);
}

export function hasAssessments(db: Db, studioId: number): boolean {
  return db.prepare('SELECT 1 FROM assessments WHERE studio_id = ? AND withdrawn_at IS NULL').get(studioId) !== undefined;
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
  /** When the clerk withdrew it from scoring (null: it counts). */
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  studio: StudioRow;
  version: number;
  file: string;
  sha256: string;
  importedAt: string;
  assessment: Assessment;
  problems: Finding[];
}

/** The round's assessments (latest version of each); withdrawn ones only when asked for. */
export function listAssessments(db: Db, round: number, options: { withdrawn?: boolean } = {}): StoredAssessment[] {
  const statement = db.prepare(
    `SELECT a.id, a.round, a.studio_id, a.withdrawn_at, a.withdrawn_reason, v.version, v.file, v.sha256, v.imported_at, v.data, v.problems
     FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id
     WHERE a.round = ? AND v.version = (SELECT MAX(version) FROM assessment_versions WHERE assessment_id = a.id)
       AND (? OR a.withdrawn_at IS NULL)
     ORDER BY a.id`,
  );
  // Read as arrays (a round may hold 10,000 sheets: better-sqlite3 builds row objects one column at a
  // time), in the order of the SELECT above. The statement is cached: it is put back as it was.
  let raw: unknown[][];
  statement.raw(true);
  try {
    raw = statement.all(round, options.withdrawn ? 1 : 0) as unknown[][];
  } finally {
    statement.raw(false);
  }
  // The round's studios in one query, not one per assessment.
  const studios = new Map(
    allStudios(db, `SELECT ${STUDIO_COLUMNS} FROM studios WHERE id IN (SELECT studio_id FROM assessments WHERE round = ?)`, round).map((s) => [s.id, s]),
  );
  return raw.map((r) => ({
    id: r[0] as number,
    round: r[1] as number,
    withdrawnAt: r[3] as string | null,
    withdrawnReason: r[4] as string | null,
    studio: studios.get(r[2] as number)!,
    version: r[5] as number,
    file: r[6] as string,
    sha256: r[7] as string,
    importedAt: r[8] as string,
    assessment: JSON.parse(r[9] as string) as Assessment,
    problems: JSON.parse(r[10] as string) as Finding[],
  }));
}

export function getAssessment(db: Db, id: number): StoredAssessment | undefined {
  const row = db.prepare('SELECT round FROM assessments WHERE id = ?').get(id) as { round: number } | undefined;
  return row ? listAssessments(db, row.round, { withdrawn: true }).find((a) => a.id === id) : undefined;
}
