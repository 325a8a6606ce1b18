/** Repository of applications and their versions. Pure SQL; callers own the transaction. */
import { unitNameOf, type ParsedApplication, type Unit } from '../core/application.js';
import type { ApplicationKeys } from '../core/identity.js';
import type { Finding } from '../core/finding.js';
import { nowIso, type Actor } from './audit.js';
import type { Db } from './open.js';

export type FemaleGroup = 'worker' | 'cadre';

export interface StoredVersion {
  id: number;
  version: number;
  file: string;
  sha256: string;
  sheet: string;
  parsed: ParsedApplication;
  problems: Finding[];
  importedAt: string;
  importedBy: string;
  /** The mail the form came in (migration 7), null for a file imported as such. */
  mail: VersionMail | null;
}

/** Sender (`name <address>`), subject and the message's Date (a UTC instant, or null) of a form's mail. */
export interface VersionMail {
  from: string;
  subject: string;
  date: string | null;
}

export interface StoredApplication {
  id: number;
  round: number;
  status: string;
  femaleGroup: FemaleGroup | null;
  receivedDate: string | null;
  findings: Finding[];
  eligible: boolean | null;
  createdAt: string;
  current: StoredVersion;
}

interface ApplicationRow {
  id: number;
  round: number;
  status: string;
  female_group: FemaleGroup | null;
  received_date: string | null;
  findings: string;
  eligible: number | null;
  created_at: string;
}

interface VersionRow {
  id: number;
  version: number;
  file: string;
  sha256: string;
  sheet: string;
  data: string;
  problems: string;
  imported_at: string;
  imported_by: string;
  mail_from: string | null;
  mail_subject: string | null;
  mail_date: string | null;
}

function toVersion(row: VersionRow): StoredVersion {
  return {
    id: row.id,
    version: row.version,
    file: row.file,
    sha256: row.sha256,
    sheet: row.sheet,
    parsed: JSON.parse(row.data) as ParsedApplication,
    problems: JSON.parse(row.problems) as Finding[],
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    // A purged round keeps the date only: the mail is still known to have been one.
    mail: row.mail_from === null && row.mail_date === null ? null : { from: row.mail_from ?? '', subject: row.mail_subject ?? '', date: row.mail_date },
  };
}

export function findVersionBySha(db: Db, round: number, sha256: string): { applicationId: number; version: number; file: string; importedAt: string } | undefined {
  return db
    .prepare(
      `SELECT v.application_id AS applicationId, v.version AS version, v.file AS file, v.imported_at AS importedAt FROM application_versions v
       JOIN applications a ON a.id = v.application_id WHERE a.round = ? AND v.sha256 = ? ORDER BY v.id LIMIT 1`,
    )
    .get(round, sha256) as { applicationId: number; version: number; file: string; importedAt: string } | undefined;
}

/** The applications of a round a form with these keys may belong to (same readable ID, or same unit and lead name). */
export function applicationsWithKeys(db: Db, round: number, keys: ApplicationKeys): { id: number; keys: ApplicationKeys }[] {
  const rows = db
    .prepare(
      `SELECT id, lead_id_key AS idKey, lead_name_key AS nameKey FROM applications
       WHERE round = ? AND (lead_id_key = ? OR lead_name_key = ?) ORDER BY id`,
    )
    .all(round, keys.idKey, keys.nameKey) as { id: number; idKey: string | null; nameKey: string }[];
  return rows.map((r) => ({ id: r.id, keys: { idKey: r.idKey, nameKey: r.nameKey } }));
}

export function insertApplication(db: Db, round: number, keys: ApplicationKeys, receivedDate: string | null): number {
  const info = db
    .prepare('INSERT INTO applications (round, lead_id_key, lead_name_key, received_date, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(round, keys.idKey, keys.nameKey, receivedDate, nowIso());
  return Number(info.lastInsertRowid);
}

/** Puts a version in effect: what every list, check, review and certification reads from now on. */
export function setCurrentVersion(db: Db, id: number, version: number, keys: ApplicationKeys): void {
  db.prepare('UPDATE applications SET current_version = ?, lead_id_key = ?, lead_name_key = ? WHERE id = ?').run(version, keys.idKey, keys.nameKey, id);
}

export function setReceivedDate(db: Db, id: number, receivedDate: string | null): void {
  db.prepare('UPDATE applications SET received_date = ? WHERE id = ?').run(receivedDate, id);
}

export interface NewVersion {
  file: string;
  sha256: string;
  sheet: string;
  parsed: ParsedApplication;
  problems: Finding[];
  mail?: VersionMail;
}

export function insertVersion(db: Db, applicationId: number, v: NewVersion, actor: Actor): number {
  const next =
    ((db.prepare('SELECT MAX(version) AS v FROM application_versions WHERE application_id = ?').get(applicationId) as { v: number | null }).v ?? 0) + 1;
  db.prepare(
    `INSERT INTO application_versions (application_id, version, file, sha256, sheet, data, problems, imported_at, imported_by, mail_from, mail_subject, mail_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    applicationId,
    next,
    v.file,
    v.sha256,
    v.sheet,
    JSON.stringify(v.parsed),
    JSON.stringify(v.problems),
    nowIso(),
    actor.user,
    v.mail?.from ?? null,
    v.mail?.subject ?? null,
    v.mail?.date ?? null,
  );
  return next;
}

export function saveFindings(db: Db, id: number, findings: Finding[], eligible: boolean): void {
  db.prepare('UPDATE applications SET findings = ?, eligible = ? WHERE id = ?').run(JSON.stringify(findings), eligible ? 1 : 0, id);
}

export function setFemaleGroup(db: Db, id: number, group: FemaleGroup | null): void {
  db.prepare('UPDATE applications SET female_group = ? WHERE id = ?').run(group, id);
}

/**
 * The version in effect of each application, joined in one query (one per application would be N+1 round
 * trips). Later versions may exist: held as pending until the clerk accepts one (see services/versions.ts).
 */
const CURRENT_VERSION = `JOIN application_versions v ON v.application_id = a.id AND v.version = a.current_version`;

/** The studio name on an application's current form, read without parsing the rest ('' when there is none). */
export function applicationStudioName(db: Db, id: number): string {
  const row = db.prepare(`SELECT v.data ->> '$.application.studioName' AS name FROM applications a ${CURRENT_VERSION} WHERE a.id = ?`).get(id) as
    | { name: string | null }
    | undefined;
  return row?.name ?? '';
}

const WITH_CURRENT = `SELECT a.id, a.round, a.status, a.female_group, a.received_date, a.findings, a.eligible, a.created_at,
  v.id AS v_id, v.version AS v_version, v.file AS v_file, v.sha256 AS v_sha256, v.sheet AS v_sheet, v.data AS v_data,
  v.problems AS v_problems, v.imported_at AS v_imported_at, v.imported_by AS v_imported_by,
  v.mail_from AS v_mail_from, v.mail_subject AS v_mail_subject, v.mail_date AS v_mail_date
  FROM applications a ${CURRENT_VERSION}`;

type JoinedRow = ApplicationRow & { [K in keyof VersionRow as `v_${K}`]: VersionRow[K] };

function fromJoined(row: JoinedRow): StoredApplication {
  return {
    id: row.id,
    round: row.round,
    status: row.status,
    femaleGroup: row.female_group,
    receivedDate: row.received_date,
    findings: JSON.parse(row.findings) as Finding[],
    eligible: row.eligible === null ? null : row.eligible === 1,
    createdAt: row.created_at,
    current: toVersion({
      id: row.v_id,
      version: row.v_version,
      file: row.v_file,
      sha256: row.v_sha256,
      sheet: row.v_sheet,
      data: row.v_data,
      problems: row.v_problems,
      imported_at: row.v_imported_at,
      imported_by: row.v_imported_by,
      mail_from: row.v_mail_from,
      mail_subject: row.v_mail_subject,
      mail_date: row.v_mail_date,
    }),
  };
}

/** An application's status alone, without reading its form (undefined when there is no such application). */
export function applicationStatus(db: Db, id: number): string | undefined {
  return (db.prepare('SELECT status FROM applications WHERE id = ?').get(id) as { status: string } | undefined)?.status;
}

export function getApplication(db: Db, id: number): StoredApplication | undefined {
  const row = db.prepare(`${WITH_CURRENT} WHERE a.id = ?`).get(id) as JoinedRow | undefined;
  return row ? fromJoined(row) : undefined;
}

export function listApplications(db: Db, round?: number): StoredApplication[] {
  const rows = (
    round === undefined
      ? db.prepare(`${WITH_CURRENT} ORDER BY a.round, a.id`).all()
      : db.prepare(`${WITH_CURRENT} WHERE a.round = ? ORDER BY a.id`).all(round)
  ) as JoinedRow[];
  return rows.map(fromJoined);
}

/** What a list of applications shows, read without parsing each stored form. */
export interface ApplicationSummary {
  id: number;
  studioName: string;
  unitName: string;
  leadName: string;
  leadOccupation: string;
  status: string;
  eligible: boolean | null;
  /** Error findings not waived. */
  errors: number;
  /** Warning findings not acknowledged. */
  warnings: number;
  /** Versions stored after the one in effect, waiting for the clerk (apply accept-version). */
  pendingVersions: number;
}

/** Findings of `severity` on application `a` that no active waiver covers (same code, and same field unless the waiver predates fields). */
const OPEN_FINDINGS = (severity: 'error' | 'warning'): string => `(SELECT count(*) FROM json_each(a.findings) f
  WHERE f.value ->> 'severity' = '${severity}' AND NOT EXISTS (SELECT 1 FROM overrides o WHERE o.application_id = a.id
    AND o.undone_at IS NULL AND o.code = f.value ->> 'code' AND (o.field IS NULL OR o.field = COALESCE(f.value ->> 'field', ''))))`;

/**
 * The list of a round. The five fields come from the index of migration 6 (same expressions), not from
 * parsing each form: a list of 2,000 applications reads in a third of the time.
 */
export const LIST_SUMMARY_SQL = `SELECT a.id, a.eligible, a.status,
     v.data ->> '$.application.studioName' AS studioName, v.data ->> '$.application.unit.name' AS unitName,
     v.data ->> '$.application.coverUnit' AS coverUnit, v.data ->> '$.application.lead.name' AS leadName,
     v.data ->> '$.application.lead.occupation' AS leadOccupation,
     ${OPEN_FINDINGS('error')} AS errors, ${OPEN_FINDINGS('warning')} AS warnings,
     (SELECT count(*) FROM application_versions p WHERE p.application_id = a.id AND p.version > a.current_version) AS pending
   FROM applications a JOIN application_versions v INDEXED BY application_versions_list
     ON v.application_id = a.id AND v.version = a.current_version
   WHERE a.round = ? ORDER BY a.id`;

type ListField = 'studioName' | 'unitName' | 'coverUnit' | 'leadName' | 'leadOccupation';

export function listApplicationSummaries(db: Db, round: number): ApplicationSummary[] {
  const rows = db
    .prepare(LIST_SUMMARY_SQL)
    .all(round) as ({ id: number; eligible: number | null; status: string; errors: number; warnings: number; pending: number } & Record<ListField, string | null>)[];
  return rows.map((r) => {
    return {
      id: r.id,
      studioName: r.studioName ?? '',
      unitName: unitNameOf({ unit: { name: r.unitName ?? '' } as Unit, coverUnit: r.coverUnit ?? '' }),
      leadName: r.leadName ?? '',
      leadOccupation: r.leadOccupation ?? '',
      status: r.status,
      eligible: r.eligible === null ? null : r.eligible === 1,
      errors: r.errors,
      warnings: r.warnings,
      pendingVersions: r.pending,
    };
  });
}

/**
 * The lead ID number and status of every application of a round (form in effect), read without parsing
 * the rest: the duplicate-lead check compares each application with all the others.
 */
export function leadsOfRound(db: Db, round: number): { id: number; idNumber: string; status: string }[] {
  return db
    .prepare(
      `SELECT a.id AS id, a.status AS status, COALESCE(json_extract(v.data, '$.application.lead.idNumber'), '') AS idNumber
       FROM applications a ${CURRENT_VERSION} WHERE a.round = ? ORDER BY a.id`,
    )
    .all(round) as { id: number; idNumber: string; status: string }[];
}

/** Rounds that have applications, newest first, with how many. */
export function roundsWithApplications(db: Db): { round: number; count: number }[] {
  return db.prepare('SELECT round, COUNT(*) AS count FROM applications GROUP BY round ORDER BY round DESC').all() as { round: number; count: number }[];
}

/** A version stored after the one in effect, waiting for `apply accept-version` (or to be left unused). */
export interface HeldVersion {
  version: number;
  /** The version in effect. */
  current: number;
  importedAt: string;
  /** The application's status (a certified one's forms no longer change). */
  status: string;
}

/** The held versions of each application of a round that has any, oldest first, read without parsing forms. */
export function heldVersionsOfRound(db: Db, round: number): Map<number, HeldVersion[]> {
  const rows = db
    .prepare(
      `SELECT a.id AS id, p.version AS version, a.current_version AS current, p.imported_at AS importedAt, a.status AS status
       FROM applications a JOIN application_versions p ON p.application_id = a.id AND p.version > a.current_version
       WHERE a.round = ? ORDER BY a.id, p.version`,
    )
    .all(round) as ({ id: number } & HeldVersion)[];
  const held = new Map<number, HeldVersion[]>();
  for (const { id, ...v } of rows) held.set(id, [...(held.get(id) ?? []), v]);
  return held;
}

export function listVersions(db: Db, id: number): StoredVersion[] {
  return (db.prepare('SELECT * FROM application_versions WHERE application_id = ? ORDER BY version').all(id) as VersionRow[]).map(toVersion);
}

// ---- waivers (豁免 of an error, 已确认 of a warning) ----

export interface Override {
  id: number;
  code: string;
  /** The finding's field; null on waivers made before gongshu waived one finding at a time (all of the code). */
  field: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export function activeOverrides(db: Db, applicationId: number): Override[] {
  return db
    .prepare(
      `SELECT id, code, field, reason, created_by AS createdBy, created_at AS createdAt FROM overrides
       WHERE application_id = ? AND undone_at IS NULL ORDER BY id`,
    )
    .all(applicationId) as Override[];
}

export function addOverride(db: Db, applicationId: number, code: string, field: string, reason: string, actor: Actor): number {
  const info = db
    .prepare('INSERT INTO overrides (application_id, code, field, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(applicationId, code, field, reason, actor.user, nowIso());
  return Number(info.lastInsertRowid);
}

export function undoOverride(db: Db, overrideId: number): void {
  db.prepare('UPDATE overrides SET undone_at = ? WHERE id = ?').run(nowIso(), overrideId);
}

// ---- materials (申报材料) ----

export function receivedMaterials(db: Db, applicationId: number): string[] {
  return (db.prepare('SELECT material FROM materials WHERE application_id = ? ORDER BY material').all(applicationId) as { material: string }[]).map(
    (r) => r.material,
  );
}

export function materialsTracked(db: Db, applicationId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND action = ? LIMIT 1').get('application', applicationId, 'materials') !==
    undefined
  );
}

/** Ids of the applications whose materials are tracked (materialsTracked for many at once: one scan of the log). */
export function applicationsWithMaterials(db: Db): Set<number> {
  const rows = db.prepare('SELECT DISTINCT entity_id AS id FROM audit_log WHERE entity = ? AND action = ?').all('application', 'materials') as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

export function setMaterial(db: Db, applicationId: number, material: string, received: boolean): void {
  if (received) {
    db.prepare('INSERT OR IGNORE INTO materials (application_id, material, received_at) VALUES (?, ?, ?)').run(applicationId, material, nowIso());
  } else {
    db.prepare('DELETE FROM materials WHERE application_id = ? AND material = ?').run(applicationId, material);
  }
}

export function reportStudioName(db: Db, applicationId: number): string | null {
  const row = db.prepare('SELECT report_studio_name AS n FROM application_notes WHERE application_id = ?').get(applicationId) as
    | { n: string | null }
    | undefined;
  return row?.n ?? null;
}

export function setReportStudioName(db: Db, applicationId: number, name: string | null): void {
  db.prepare(
    `INSERT INTO application_notes (application_id, report_studio_name) VALUES (?, ?)
     ON CONFLICT(application_id) DO UPDATE SET report_studio_name = excluded.report_studio_name`,
  ).run(applicationId, name);
}
