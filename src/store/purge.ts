/**
 * `gongshu db purge`: once a round's records are past their retention period, the personal data of its
 * applications and assessments is deleted, and what the bureau must still be able to show stays: how many
 * applications there were, their verdicts (eligible / pending / ineligible, rule by rule), the studio and
 * unit names (published anyway), the scores and grades, plaques and subsidy payments, and the audit log
 * (whose entries hold no personal number: appendAudit masks every text; its hash chain is not touched).
 *
 * Deleted, for the round's applications: every field of the parsed form except 工作室名称 and 单位名称 (ID
 * numbers, phones, birth dates, CVs, member lists, contacts), the identity keys (the lead's ID number), the
 * female retirement group, the texts of findings and reading problems (they quote the values), personal
 * numbers in stored file names, the reasons typed for waivers, shortlist changes and objections and their
 * resolutions, the name on the 申办报告; the experts' names (their scores stay, under 专家1, 专家2 …) and
 * the review sheets' file names. For the round's assessments: the lead's name, phone, occupations and skill
 * levels, the assessor's name, the reason a sheet was withdrawn. In the register of studios, for the studios
 * whose last round is this one (selected, certified or assessed in it, and in no later round): the lead's ID
 * number, birth month, gender and retirement group; the lead's name stays, it is in the studio's name.
 */
import type { Assessment } from '../core/assessment.js';
import { emptyApplication, emptyFacts, type ParsedApplication } from '../core/application.js';
import type { Finding } from '../core/finding.js';
import { maskPersonalNumbers } from '../core/personal-numbers.js';
import { appendAudit, type Actor } from './audit.js';
import type { Db } from './open.js';

/** Marks a purged version's data, so purging twice finds nothing and re-checking leaves the verdict alone. */
export const PURGED = 'purged';

export interface PurgePlan {
  round: number;
  applications: number;
  versions: number;
  assessments: number;
  assessmentVersions: number;
  /** Studios of the round whose lead's ID number, birth month or gender is on file. */
  studios: number;
  /** Other rows of the round still holding personal text (reasons, objections, expert names, notes, keys). */
  leftovers: number;
}

/** Expert keys after a purge: the name is gone, the key stays distinct per expert of the round. */
const PURGED_EXPERT = 'purged:';

/**
 * The studios whose lead's personal data belongs to a round: the last round that used the studio (selected
 * in it, certified from its applications, or assessed in it) is this one. A studio assessed in a later round
 * keeps its lead's data until that round is purged: its reminders and retirement checks still need it.
 */
const ROUND_STUDIOS = `SELECT id FROM studios WHERE MAX(
    COALESCE(selection_year, 0),
    COALESCE((SELECT round FROM applications WHERE id = studios.application_id), 0),
    COALESCE((SELECT MAX(round) FROM assessments WHERE studio_id = studios.id), 0)) = :round`;

const ROUND_APPLICATIONS = 'SELECT id FROM applications WHERE round = :round';

/** Each query counts the round's rows that still hold personal text. */
const LEFTOVERS: readonly string[] = [
  `SELECT COUNT(*) AS n FROM applications WHERE round = :round AND (lead_id_key IS NOT NULL OR lead_name_key <> '' OR female_group IS NOT NULL)`,
  `SELECT COUNT(*) AS n FROM overrides WHERE application_id IN (${ROUND_APPLICATIONS}) AND reason <> ''`,
  `SELECT COUNT(*) AS n FROM shortlist_changes WHERE application_id IN (${ROUND_APPLICATIONS}) AND reason <> ''`,
  `SELECT COUNT(*) AS n FROM objections WHERE application_id IN (${ROUND_APPLICATIONS}) AND (reason <> '' OR COALESCE(resolution, '') <> '')`,
  `SELECT COUNT(*) AS n FROM application_notes WHERE application_id IN (${ROUND_APPLICATIONS}) AND report_studio_name IS NOT NULL`,
  `SELECT COUNT(*) AS n FROM reviews WHERE application_id IN (${ROUND_APPLICATIONS}) AND expert_key NOT LIKE '${PURGED_EXPERT}%'`,
  `SELECT COUNT(*) AS n FROM review_files WHERE round = :round AND file <> ''`,
  `SELECT COUNT(*) AS n FROM assessments WHERE round = :round AND COALESCE(withdrawn_reason, '') <> ''`,
];

const STUDIOS_WITH_LEAD = `SELECT COUNT(*) AS n FROM studios WHERE id IN (${ROUND_STUDIOS})
  AND (lead_id_number <> '' OR lead_birth IS NOT NULL OR lead_gender IS NOT NULL OR lead_female_group IS NOT NULL)`;

export interface RoundCounts {
  applications: number;
  eligible: number;
  pending: number;
  ineligible: number;
  unchecked: number;
  byStatus: Record<string, number>;
}

export function isPurgedData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>)[PURGED] === true;
}

/** What a purge of the round would touch: rows not purged yet. */
export function purgePlan(db: Db, round: number): PurgePlan {
  const n = (sql: string): number => (db.prepare(sql).get(round) as { n: number }).n;
  const notPurged = `json_extract(v.data, '$.${PURGED}') IS NULL`;
  return {
    round,
    applications: n(`SELECT COUNT(DISTINCT a.id) AS n FROM applications a JOIN application_versions v ON v.application_id = a.id WHERE a.round = ? AND ${notPurged}`),
    versions: n(`SELECT COUNT(*) AS n FROM application_versions v JOIN applications a ON a.id = v.application_id WHERE a.round = ? AND ${notPurged}`),
    assessments: n(`SELECT COUNT(DISTINCT a.id) AS n FROM assessments a JOIN assessment_versions v ON v.assessment_id = a.id WHERE a.round = ? AND ${notPurged}`),
    assessmentVersions: n(`SELECT COUNT(*) AS n FROM assessment_versions v JOIN assessments a ON a.id = v.assessment_id WHERE a.round = ? AND ${notPurged}`),
    studios: (db.prepare(STUDIOS_WITH_LEAD).get({ round }) as { n: number }).n,
    leftovers: LEFTOVERS.reduce((sum, sql) => sum + (db.prepare(sql).get({ round }) as { n: number }).n, 0),
  };
}

/** The verdicts of a round, as `apply list` counts them; still there after a purge. */
export function roundCounts(db: Db, round: number): RoundCounts {
  const rows = db.prepare('SELECT status, eligible, findings FROM applications WHERE round = ?').all(round) as { status: string; eligible: number | null; findings: string }[];
  const counts: RoundCounts = { applications: rows.length, eligible: 0, pending: 0, ineligible: 0, unchecked: 0, byStatus: {} };
  for (const r of rows) {
    counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + 1;
    if (r.eligible === null) counts.unchecked += 1;
    else if (r.eligible === 0) counts.ineligible += 1;
    else if ((JSON.parse(r.findings) as Finding[]).some((f) => f.severity === 'warning')) counts.pending += 1;
    else counts.eligible += 1;
  }
  return counts;
}

/** A finding without its words: the code, severity, field and cell still count and point. */
function withoutText(findings: Finding[], removed: string): Finding[] {
  return findings.map((f) => ({ code: f.code, severity: f.severity, message: removed, ...(f.field ? { field: f.field } : {}), ...(f.cell ? { cell: f.cell } : {}) }));
}

function purgedApplication(parsed: ParsedApplication): ParsedApplication & { [PURGED]: true } {
  const application = emptyApplication();
  // Kept (they are published), but a number a unit typed into them is not.
  application.studioName = maskPersonalNumbers(parsed.application.studioName);
  application.coverUnit = maskPersonalNumbers(parsed.application.coverUnit);
  application.unit.name = maskPersonalNumbers(parsed.application.unit.name);
  return { application, cells: {}, facts: emptyFacts(), sheet: parsed.sheet, [PURGED]: true };
}

function purgedAssessment(a: Assessment): Assessment & { [PURGED]: true } {
  return {
    ...a,
    leadName: '',
    phone: '',
    occupationAtSelection: '',
    skillLevelAtSelection: '',
    occupationNow: '',
    skillLevelNow: '',
    filledBy: '',
    [PURGED]: true,
  };
}

/**
 * Deletes the round's personal data, logged in the audit log; the caller runs it in one transaction with
 * SQLite's secure_delete on (so that freed space is zeroed), and VACUUMs afterwards. `removed` is the text
 * that replaces a finding's message.
 */
export function purgeRound(db: Db, round: number, actor: Actor, removed: string): PurgePlan & { counts: RoundCounts } {
  const plan = purgePlan(db, round);
  const forget = (problems: string): string => JSON.stringify(withoutText(JSON.parse(problems) as Finding[], removed));
  purgeVersions(db, 'application_versions', 'applications', 'application_id', round, (data) => purgedApplication(JSON.parse(data) as ParsedApplication), forget);
  const apps = db.prepare('SELECT id, findings FROM applications WHERE round = ?').all(round) as { id: number; findings: string }[];
  const updateApp = db.prepare("UPDATE applications SET lead_id_key = NULL, lead_name_key = '', female_group = NULL, findings = ? WHERE id = ?");
  for (const a of apps) updateApp.run(forget(a.findings), a.id);
  purgeVersions(db, 'assessment_versions', 'assessments', 'assessment_id', round, (data) => purgedAssessment(JSON.parse(data) as Assessment), forget);
  purgeRecords(db, round);
  const counts = roundCounts(db, round);
  appendAudit(db, actor, 'round', round, 'purge', { ...plan, counts });
  return { ...plan, counts };
}

/**
 * The round's other personal text: typed reasons (waivers, shortlist changes, objections and resolutions,
 * withdrawn sheets) become empty, the 申办报告 name is dropped, experts become 专家1, 专家2 … in the order
 * they were first stored, review sheet names are emptied, and the register forgets the round's leads' ID
 * numbers, birth months, genders and retirement groups.
 */
function purgeRecords(db: Db, round: number): void {
  const p = { round };
  db.prepare(`UPDATE overrides SET reason = '' WHERE application_id IN (${ROUND_APPLICATIONS})`).run(p);
  db.prepare(`UPDATE shortlist_changes SET reason = '' WHERE application_id IN (${ROUND_APPLICATIONS})`).run(p);
  db.prepare(`UPDATE objections SET reason = '', resolution = CASE WHEN resolution IS NULL THEN NULL ELSE '' END WHERE application_id IN (${ROUND_APPLICATIONS})`).run(p);
  db.prepare(`UPDATE application_notes SET report_studio_name = NULL WHERE application_id IN (${ROUND_APPLICATIONS})`).run(p);
  // The mail a form came in: who sent it and what they wrote in the subject (its date stays).
  db.prepare(`UPDATE application_versions SET mail_from = NULL, mail_subject = NULL WHERE application_id IN (${ROUND_APPLICATIONS})`).run(p);
  db.prepare("UPDATE assessments SET withdrawn_reason = CASE WHEN withdrawn_reason IS NULL THEN NULL ELSE '' END WHERE round = :round").run(p);
  db.prepare("UPDATE review_files SET file = '' WHERE round = :round").run(p);
  const experts = db
    .prepare(`SELECT expert_key AS key FROM reviews WHERE application_id IN (${ROUND_APPLICATIONS}) AND expert_key NOT LIKE '${PURGED_EXPERT}%' GROUP BY expert_key ORDER BY MIN(id)`)
    .all(p) as { key: string }[];
  const taken = (db.prepare(`SELECT COUNT(DISTINCT expert_key) AS n FROM reviews WHERE application_id IN (${ROUND_APPLICATIONS}) AND expert_key LIKE '${PURGED_EXPERT}%'`).get(p) as { n: number }).n;
  const rename = db.prepare(`UPDATE reviews SET expert = :name, expert_key = :key WHERE expert_key = :old AND application_id IN (${ROUND_APPLICATIONS})`);
  experts.forEach((e, i) => rename.run({ round, old: e.key, name: `专家${taken + i + 1}`, key: `${PURGED_EXPERT}${taken + i + 1}` }));
  db.prepare(`UPDATE studios SET lead_id_number = '', lead_birth = NULL, lead_gender = NULL, lead_female_group = NULL WHERE id IN (${ROUND_STUDIOS})`).run(p);
}

/** Replaces the stored form, its problem texts and its file name in every not yet purged version of a round. */
function purgeVersions(
  db: Db,
  table: 'application_versions' | 'assessment_versions',
  parent: 'applications' | 'assessments',
  parentKey: 'application_id' | 'assessment_id',
  round: number,
  purgeData: (data: string) => unknown,
  forget: (problems: string) => string,
): void {
  const versions = db
    .prepare(
      `SELECT v.id, v.data, v.problems, v.file FROM ${table} v JOIN ${parent} p ON p.id = v.${parentKey}
       WHERE p.round = ? AND json_extract(v.data, '$.${PURGED}') IS NULL`,
    )
    .all(round) as { id: number; data: string; problems: string; file: string }[];
  const update = db.prepare(`UPDATE ${table} SET data = ?, problems = ?, file = ? WHERE id = ?`);
  for (const v of versions) update.run(JSON.stringify(purgeData(v.data)), forget(v.problems), maskPersonalNumbers(v.file), v.id);
}
