/**
 * The register of studios: one row per studio, identified by its id and plaque, never by its name (two
 * people of the same name and occupation lead two studios). Rows are never deleted and ids never reused
 * (AUTOINCREMENT): an undone certification keeps its row as 已撤销认定, a studio created in error is
 * folded into the right one as 已合并. Pure SQL; callers own the transaction.
 */
import { nowIso } from './audit.js';
import type { NewStudio } from '../core/register.js';
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
  mergedInto: number | null;
}

export const STUDIO_COLUMNS = `id, name, lead_name AS leadName, lead_id_number AS leadIdNumber, lead_birth AS leadBirth,
  lead_gender AS leadGender, lead_female_group AS leadFemaleGroup, lead_left AS leadLeft, unit_name AS unitName,
  selection_year AS selectionYear, certified_on AS certifiedOn, valid_until AS validUntil, plaque, status,
  created_from AS createdFrom, application_id AS applicationId, occupation, term_started_on AS termStartedOn,
  subsidy_yuan AS subsidyYuan, subsidy_paid_on AS subsidyPaidOn, merged_into AS mergedInto`;

export function toStudio(row: StudioRow | undefined): StudioRow | undefined {
  return row ? { ...row, leadLeft: Boolean(row.leadLeft) } : undefined;
}

/** STUDIO_COLUMNS' names, in order. */
const STUDIO_KEYS = STUDIO_COLUMNS.split(',').map((c) => c.trim().split(/\s+/u).pop()!);

/**
 * Many studios at once (`SELECT ${STUDIO_COLUMNS} …`), as toStudio gives them. better-sqlite3 builds a row
 * object one named column at a time; for 10,000 studios of 21 columns (score) that took ~90 ms, the
 * columns as arrays ~30 ms.
 */
export function allStudios(db: Db, sql: string, ...params: unknown[]): StudioRow[] {
  const statement = db.prepare(sql);
  // The arrays are read by position: any other choice of columns is read as objects.
  const columns = statement.columns().map((c) => c.name);
  if (columns.length !== STUDIO_KEYS.length || columns.some((c, i) => c !== STUDIO_KEYS[i])) {
    return (statement.all(...params) as StudioRow[]).map((s) => toStudio(s)!);
  }
  let rows: unknown[][];
  // Statements are cached per connection: put it back as the other readers expect it.
  statement.raw(true);
  try {
    rows = statement.all(...params) as unknown[][];
  } finally {
    statement.raw(false);
  }
  return rows.map((r) => ({
    id: r[0] as number,
    name: r[1] as string,
    leadName: r[2] as string,
    leadIdNumber: r[3] as string,
    leadBirth: r[4] as string | null,
    leadGender: r[5] as string | null,
    leadFemaleGroup: r[6] as 'worker' | 'cadre' | null,
    leadLeft: Boolean(r[7]),
    unitName: r[8] as string,
    selectionYear: r[9] as number | null,
    certifiedOn: r[10] as string | null,
    validUntil: r[11] as string | null,
    plaque: r[12] as string | null,
    status: r[13] as string,
    createdFrom: r[14] as string,
    applicationId: r[15] as number | null,
    occupation: r[16] as string,
    termStartedOn: r[17] as string | null,
    subsidyYuan: r[18] as number | null,
    subsidyPaidOn: r[19] as string | null,
    mergedInto: r[20] as number | null,
  }));
}

/** Statuses of a row that is no studio any more (its certification undone, or folded into another). */
export const NOT_A_STUDIO: readonly string[] = ['decertified', 'merged'];

export function getStudio(db: Db, id: number): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE id = ?`).get(id) as StudioRow | undefined);
}

export function findStudioByPlaque(db: Db, plaque: string): StudioRow | undefined {
  return toStudio(db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE plaque = ?`).get(plaque) as StudioRow | undefined);
}

/** The studio an application was certified into and which still stands (not undone). */
export function studioOfApplication(db: Db, applicationId: number): StudioRow | undefined {
  return toStudio(
    db.prepare(`SELECT ${STUDIO_COLUMNS} FROM studios WHERE application_id = ? AND status <> 'decertified' ORDER BY id DESC LIMIT 1`).get(applicationId) as
      | StudioRow
      | undefined,
  );
}

export function listStudios(db: Db, filter: { status?: string; selectionYear?: number; includeGone?: boolean } = {}): StudioRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.status) {
    where.push('status = ?');
    params.push(filter.status);
  } else if (!filter.includeGone) {
    where.push(`status NOT IN (${NOT_A_STUDIO.map(() => '?').join(', ')})`);
    params.push(...NOT_A_STUDIO);
  }
  if (filter.selectionYear !== undefined) {
    where.push('selection_year = ?');
    params.push(filter.selectionYear);
  }
  const sql = `SELECT ${STUDIO_COLUMNS} FROM studios ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY plaque IS NULL, plaque, id`;
  return (db.prepare(sql).all(...params) as StudioRow[]).map((r) => toStudio(r)!);
}

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

/** A studio certified before gongshu was used, first seen on an assessment form. */
export interface FormerStudio {
  name: string;
  nameKey: string;
  leadName: string;
  leadKey: string;
  unitName: string;
  selectionYear: number | null;
}

export function insertFormerStudio(db: Db, s: FormerStudio): number {
  const info = db
    .prepare(
      `INSERT INTO studios (name, name_key, lead_name, lead_key, unit_name, selection_year, created_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'assessment', ?)`,
    )
    .run(s.name, s.nameKey, s.leadName, s.leadKey, s.unitName, s.selectionYear, nowIso());
  return Number(info.lastInsertRowid);
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

export function setSubsidyPaid(db: Db, id: number, paidOn: string | null): void {
  db.prepare('UPDATE studios SET subsidy_paid_on = ? WHERE id = ?').run(paidOn, id);
}

export function setTerm(db: Db, id: number, startedOn: string | null, validUntil: string | null): void {
  db.prepare('UPDATE studios SET term_started_on = ?, valid_until = ? WHERE id = ?').run(startedOn, validUntil, id);
}

export function setCertifiedOn(db: Db, id: number, certifiedOn: string | null): void {
  db.prepare('UPDATE studios SET certified_on = ? WHERE id = ?').run(certifiedOn, id);
}

export function setLeadLeft(db: Db, studioId: number, left: boolean): void {
  db.prepare('UPDATE studios SET lead_left = ? WHERE id = ?').run(left ? 1 : 0, studioId);
}

export function setLeadPerson(db: Db, studioId: number, birth: string | null, gender: string | null, femaleGroup: 'worker' | 'cadre' | null): void {
  db.prepare('UPDATE studios SET lead_birth = ?, lead_gender = ?, lead_female_group = ? WHERE id = ?').run(birth, gender, femaleGroup, studioId);
}

/** Folds `from` into `into`: its assessments move over and the row points at the studio it was. */
export function mergeStudioRows(db: Db, from: number, into: number): number {
  const moved = db.prepare('UPDATE assessments SET studio_id = ? WHERE studio_id = ?').run(into, from).changes;
  db.prepare('UPDATE studios SET merged_into = ? WHERE id = ?').run(into, from);
  return moved;
}

/** A studio of the bureau's register from before gongshu (studios import): its term, when known, counts like a certified one. */
export type RegisterStudioRow = Omit<NewStudio, 'revoked'> & { status: 'valid' | 'revoked' };

export function insertRegisterStudio(db: Db, s: RegisterStudioRow, nameKeyOf: (text: string) => string): number {
  const info = db
    .prepare(
      `INSERT INTO studios (name, name_key, lead_name, lead_key, lead_id_number, lead_birth, lead_gender, lead_left, unit_name, occupation,
         selection_year, certified_on, term_started_on, valid_until, plaque, decision_no, status, created_from, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'register', ?)`,
    )
    .run(
      s.name, nameKeyOf(s.name), s.leadName, nameKeyOf(s.leadName), s.leadIdNumber, s.leadBirth, s.leadGender, s.leadLeft ? 1 : 0, s.unitName,
      s.occupation, s.selectionYear, s.certifiedOn, s.certifiedOn, s.validUntil, s.plaque, s.decisionNo, s.status, nowIso(),
    );
  return Number(info.lastInsertRowid);
}

/** The 认定文号 of every studio that has one. */
export function decisionNumbers(db: Db): Map<number, string> {
  const rows = db.prepare("SELECT id, decision_no AS decisionNo FROM studios WHERE decision_no <> ''").all() as { id: number; decisionNo: string }[];
  return new Map(rows.map((r) => [r.id, r.decisionNo]));
}

/** Fills one blank field of a studio from the register (the planner decided it was blank). */
export function setRegisterField(db: Db, id: number, field: 'plaque' | 'occupation' | 'unitName' | 'decisionNo' | 'selectionYear', value: string | number): void {
  const column = { plaque: 'plaque', occupation: 'occupation', unitName: 'unit_name', decisionNo: 'decision_no', selectionYear: 'selection_year' }[field];
  db.prepare(`UPDATE studios SET ${column} = ? WHERE id = ?`).run(value, id);
}

export function setLeadIdNumber(db: Db, id: number, idNumber: string, birth: string | null, gender: string | null): void {
  db.prepare('UPDATE studios SET lead_id_number = ?, lead_birth = coalesce(lead_birth, ?), lead_gender = coalesce(lead_gender, ?) WHERE id = ?').run(idNumber, birth, gender, id);
}
