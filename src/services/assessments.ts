/**
 * Assessments (考核) of registered studios: importing the forms and linking each to its studio, the lead's
 * facts that decide 不参加考核, withdrawing a sheet from scoring, scoring a round against the round's rubric,
 * and recording the grades as studio statuses.
 */
import type { Assessment } from '../core/assessment.js';
import { RefusedError, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { eventLabel, statusName, transition, type StudioEvent, type StudioStatus } from '../core/lifecycle.js';
import { monthIndex } from '../core/months.js';
import { groupFor, retirementFor } from '../core/retirement.js';
import type { Rubric } from '../core/rubric.js';
import { matchStudio, type StudioMatch } from '../core/studio-match.js';
import { nameKey } from '../core/text.js';
import { chinaMonth } from '../core/china-time.js';
import { countBySeverity, type FileResult } from '../intake/file-result.js';
// The import machinery (parse workers, readers of every format, every rule) is loaded by `assess import` only.
import { sameContentReason, type ImportKind } from './import-batch.js';
import { msg } from '../messages/index.js';
import { applyExcellentCap, scoreAssessment, type Grade, type ScoreResult, type ScoreSettings } from '../scoring/index.js';
import {
  findAssessmentId,
  findAssessmentVersionBySha,
  getAssessment,
  insertAssessment,
  insertAssessmentVersion,
  listAssessments,
  setWithdrawn,
  type StoredAssessment,
} from '../store/assessments.js';
import { appendAudit, auditFor, type AuditEntry } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import type { Db } from '../store/open.js';
import { getRound } from '../store/rounds.js';
import { currentStatus, move, standingMoves, undoLastMove } from '../store/status.js';
import { insertFormerStudio, listStudios, setLeadLeft, setLeadPerson, type StudioRow } from '../store/studios.js';
import { inTransaction, type Workspace } from './context.js';
import { roundRubric, scoreSettings } from './round-settings.js';

export type { StoredAssessment };

export interface AssessImportRun {
  round: number;
  /** Create a studio for a form that matches none (studios certified before gongshu was used). */
  newStudios: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Ctrl+C: stop before the next file (see BatchOptions.stopRequested). */
  stopRequested?: () => boolean;
}

function studioLine(s: StudioRow): string {
  return msg('records.assess.studioLine', { plaque: s.plaque ?? `#${s.id}`, name: s.name, lead: s.leadName, unit: s.unitName });
}

/** The studio a form is about, a warning when the link is not exact, or the refusal that names the closest studios. */
function linkStudio(db: Db, assessment: Assessment, run: AssessImportRun, file: string, notes: Finding[], ws: Workspace): StudioRow {
  const register = listStudios(db);
  const match: StudioMatch<StudioRow> = matchStudio(
    { studioName: assessment.studioName, leadName: assessment.leadName, ...(assessment.plaque ? { plaque: assessment.plaque } : {}), ...(assessment.unitName ? { unitName: assessment.unitName } : {}) },
    register,
  );
  const cell = assessment.cells?.studioName;
  const where = { file, ...(cell ? { cell } : {}) };
  if (match.kind === 'exact') return match.studio;
  if (match.kind === 'near') {
    notes.push({
      code: 'studio-name-differs',
      severity: 'warning',
      message: msg(match.by === 'lead-unit' ? 'records.assess.linkedByLead' : 'records.assess.linkedByName', { form: assessment.studioName, register: match.studio.name, plaque: match.studio.plaque ?? `#${match.studio.id}` }),
      field: 'studioName',
      ...(cell ? { cell } : {}),
    });
    return match.studio;
  }
  if (match.kind === 'ambiguous') {
    throw new RefusedError('assessment-studio-ambiguous', msg('records.assess.ambiguous', { name: assessment.studioName, lead: assessment.leadName, studios: match.candidates.map(studioLine).join('；') }), where);
  }
  if (!run.newStudios) {
    const closest = match.closest.length ? match.closest.map(studioLine).join('；') : msg('records.assess.registerEmpty');
    throw new RefusedError('assessment-no-studio', msg('records.assess.noStudio', { name: assessment.studioName, lead: assessment.leadName, closest }), where);
  }
  const studioId = insertFormerStudio(db, {
    name: assessment.studioName,
    nameKey: nameKey(assessment.studioName),
    leadName: assessment.leadName,
    leadKey: nameKey(assessment.leadName),
    unitName: assessment.unitName ?? '',
    selectionYear: assessment.selectionYear,
  });
  appendAudit(db, ws.actor, 'studio', studioId, 'create-from-assessment', { file });
  notes.push({
    code: 'studio-created-from-assessment',
    severity: 'warning',
    message: msg('cli.assess.studioCreated', { name: assessment.studioName, lead: assessment.leadName }),
    field: 'studioName',
    ...(cell ? { cell } : {}),
  });
  return listStudios(db, { includeGone: true }).find((s) => s.id === studioId)!;
}

function assessmentKind(ws: Workspace, rubric: Rubric, run: AssessImportRun): ImportKind<'assessment'> {
  let settings: ScoreSettings | undefined;
  return {
    name: 'assessment',
    parseArg: rubric,
    alreadyImported(db, round, sha256) {
      const found = findAssessmentVersionBySha(db, round, sha256);
      return found && { id: found.assessmentId, version: found.version, reason: sameContentReason(found, msg('cli.import.sameAs.assessment', { id: found.assessmentId, version: found.version })) };
    },
    write(db, file, source, assessment, problems): FileResult {
      const notes: Finding[] = [...problems];
      const studio = linkStudio(db, assessment, run, file, notes, ws);
      // One assessment per studio and round: a later sheet for the same studio is a new version of it.
      const found = findAssessmentId(db, studio.id, run.round);
      const id = found ?? insertAssessment(db, studio.id, run.round);
      const version = insertAssessmentVersion(db, id, { file, sha256: source.sha256, sheet: '', assessment, problems: notes }, ws.actor);
      appendAudit(db, ws.actor, 'assessment', id, found ? 'new-version' : 'import', { file, sha256: source.sha256, version, studioId: studio.id });
      // Scores like 八分, -2 or 12 of 10 are said at once, with their cell, as `gongshu score` will say them;
      // they are computed again when scoring, so only the reader's notes are stored.
      const scored = scoreAssessment(assessment, rubric, (settings ??= scoreSettings(ws, run.round, rubric)), {});
      const shown = [...notes, ...scored.findings.filter((f) => f.severity !== 'info')];
      const title = studio.plaque ? `${studio.name}（${studio.plaque}）` : studio.name;
      return { file, outcome: found ? 'new-version' : 'imported', id, version, title, ...countBySeverity(shown), problems: shown };
    },
  };
}

/** `assess import`: each form linked to its studio of the register, scored against the round's rubric. */
export function importAssessments(ws: Workspace, files: readonly string[], run: AssessImportRun): Promise<FileResult[]> {
  const rubric = roundRubric(ws, run.round);
  return import('./import-batch.js').then(({ importBatch }) =>
    importBatch(ws.db, files, assessmentKind(ws, rubric, run), {
      round: run.round,
      actor: ws.actor,
      dbFile: ws.dbFile,
      ...(run.onProgress ? { onProgress: run.onProgress } : {}),
      ...(run.stopRequested ? { stopRequested: run.stopRequested } : {}),
    }),
  );
}

export function requireAssessment(ws: Workspace, id: number): StoredAssessment {
  const stored = getAssessment(ws.db, id);
  if (!stored) throw new RefusedError('assessment-not-found', msg('cli.assess.notFound', { id }));
  return stored;
}

export interface LeadFacts {
  leadLeft?: boolean;
  /** `YYYY-MM`. */
  leadBirth?: string;
  leadGender?: '男' | '女';
  femaleGroup?: 'worker' | 'cadre';
}

/**
 * `assess set ID --lead-left / --lead-birth …`: what decides 不参加考核 (通知 六、2). The birth month is
 * personal: the log says which facts changed, not their values.
 */
export function setLeadFacts(ws: Workspace, id: number, facts: LeadFacts): StudioRow {
  const stored = requireAssessment(ws, id);
  const studio = stored.studio;
  inTransaction(ws, () => {
    if (facts.leadLeft !== undefined) setLeadLeft(ws.db, studio.id, facts.leadLeft);
    if (facts.leadBirth !== undefined || facts.leadGender !== undefined || facts.femaleGroup !== undefined) {
      setLeadPerson(ws.db, studio.id, facts.leadBirth ?? studio.leadBirth, facts.leadGender ?? studio.leadGender, facts.femaleGroup ?? studio.leadFemaleGroup);
    }
    appendAudit(ws.db, ws.actor, 'studio', studio.id, 'set', {
      ...(facts.leadLeft === undefined ? {} : { leadLeft: facts.leadLeft }),
      ...(facts.leadBirth === undefined ? {} : { leadBirth: 'changed' }),
      ...(facts.leadGender === undefined ? {} : { leadGender: 'changed' }),
      ...(facts.femaleGroup === undefined ? {} : { femaleGroup: facts.femaleGroup }),
    });
  });
  return studio;
}

const OUTCOME_EVENTS: ReadonlySet<string> = new Set(['assess-pass', 'assess-fail', 'not-assess']);

/** The studio's confirmed outcome of `round` that still stands (score confirm's move), and what came after it. */
export function confirmedOutcome(db: Db, studioId: number, round: number): { entry: AuditEntry; later: AuditEntry[] } | undefined {
  const standing = standingMoves(auditFor(db, 'studio', studioId));
  const at = standing.findLastIndex((e) => OUTCOME_EVENTS.has(String(e.detail.event)) && Number(e.detail.round) === round);
  return at < 0 ? undefined : { entry: standing[at]!, later: standing.slice(at + 1) };
}

export interface WithdrawResult {
  stored: StoredAssessment;
  /** The studio status the withdrawal took back (the confirmed outcome of this sheet), when there was one. */
  statusUndone?: { from: string; to: string };
}

/**
 * `assess withdraw ID --reason` (or `--undo`): the sheet leaves scoring, or comes back; logged either way.
 * The studio's status follows the records: when the round's outcome was confirmed (score confirm) from this
 * sheet, withdrawing it takes that outcome back in the same transaction (考核合格 → 有效, so no renewal stands
 * on it); when the studio has moved on since (续建, 到期 …), the withdrawal is refused with what to undo first.
 * Restoring a sheet does not restore the outcome: score confirm records it again.
 */
export function withdrawAssessment(ws: Workspace, id: number, reason: string, undo = false): WithdrawResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const stored = requireAssessment(ws, id);
  if (!undo && stored.withdrawnAt) throw new RefusedError('assessment-withdrawn', msg('records.assess.alreadyWithdrawn', { id }));
  if (undo && !stored.withdrawnAt) throw new RefusedError('assessment-not-withdrawn', msg('records.assess.notWithdrawn', { id }));
  if (undo && findAssessmentId(ws.db, stored.studio.id, stored.round) !== undefined) {
    throw new RefusedError('assessment-replaced', msg('records.assess.replaced', { id, name: stored.studio.name, round: stored.round }));
  }
  const outcome = undo ? undefined : confirmedOutcome(ws.db, stored.studio.id, stored.round);
  if (outcome && outcome.later.length > 0) {
    const later = outcome.later.map((e) => eventLabel(e.detail.event as StudioEvent)).join('、');
    throw new RefusedError(
      'assessment-outcome-used',
      msg('records.assess.outcomeUsed', { id, name: stored.studio.name, round: stored.round, outcome: statusName(String(outcome.entry.detail.to)), later, studio: stored.studio.id }),
    );
  }
  return inTransaction(ws, () => {
    setWithdrawn(ws.db, id, undo ? null : reason);
    appendAudit(ws.db, ws.actor, 'assessment', id, undo ? 'assessment-restore' : 'assessment-withdraw', { reason, studioId: stored.studio.id });
    if (!outcome) return { stored };
    const undone = undoLastMove(ws.db, ws.actor, 'studio', stored.studio.id, msg('records.assess.outcomeReason', { id, reason }));
    return { stored, statusUndone: { from: undone.from, to: undone.to } };
  });
}

export interface ScoredAssessment {
  id: number;
  stored: StoredAssessment;
  result: ScoreResult;
}

export interface RoundScores {
  rubric: Rubric;
  settings: ScoreSettings;
  scored: ScoredAssessment[];
}

/** The month the assessment was carried out: 填表时间 when readable, else the month (in China) it was imported. */
export function assessmentMonth(a: StoredAssessment): string {
  return /^\d{4}-\d{2}/u.test(a.assessment.filledDate) ? a.assessment.filledDate.slice(0, 7) : chinaMonth(a.importedAt);
}

export function leadRetiredBefore(a: StoredAssessment): boolean {
  const { leadBirth, leadGender, leadFemaleGroup } = a.studio;
  if (!leadBirth || !leadGender) return false;
  const group = groupFor(leadGender, leadFemaleGroup);
  if (!group) return false;
  return monthIndex(retirementFor(leadBirth, group).month) < monthIndex(assessmentMonth(a));
}

/** `score`, `score show`, `export results`, `score confirm`: the round's sheets, the round's rubric and thresholds. */
export function scoreRound(ws: Workspace, round: number): RoundScores {
  const rubric = roundRubric(ws, round);
  const settings = scoreSettings(ws, round, rubric);
  const scored = listAssessments(ws.db, round).map((stored) => ({
    id: stored.id,
    stored,
    result: scoreAssessment(stored.assessment, rubric, settings, { leadRetiredBefore: leadRetiredBefore(stored), leadLeft: stored.studio.leadLeft }),
  }));
  const share = getRound(ws.db, round).settings.excellentShare;
  return { rubric, settings, scored: share === undefined ? scored : applyExcellentCap(scored, share) };
}

/** One scored sheet, with the scores of its round (a withdrawn sheet is refused: it is not scored). */
export function scoredAssessment(ws: Workspace, id: number): RoundScores & { one: ScoredAssessment } {
  const stored = requireAssessment(ws, id);
  if (stored.withdrawnAt) throw new RefusedError('assessment-withdrawn', msg('records.assess.withdrawnNotScored', { id, reason: stored.withdrawnReason ?? '' }));
  const round = scoreRound(ws, stored.round);
  return { ...round, one: round.scored.find((s) => s.id === id)! };
}

const EVENT_OF_GRADE: Partial<Record<Grade, StudioEvent>> = {
  excellent: 'assess-pass',
  pass: 'assess-pass',
  fail: 'assess-fail',
  'not-assessed': 'not-assess',
};

export interface RecordedOutcome {
  studioId: number;
  name: string;
  grade: Grade;
  event: StudioEvent | null;
  /** The status the studio moves to (from the life-cycle table), when something is recorded. */
  to?: StudioStatus;
  /** Why nothing was recorded (incomplete form, status already decided). */
  skipped?: string;
}

/** What `score confirm` would record for each scored assessment. */
export function outcomePlan(ws: Workspace, round: number): RecordedOutcome[] {
  return scoreRound(ws, round).scored.map(({ stored, result }) => {
    const event = EVENT_OF_GRADE[result.grade] ?? null;
    const base = { studioId: stored.studio.id, name: stored.studio.name, grade: result.grade, event };
    if (!event) return { ...base, skipped: msg('workflow.score.incomplete') };
    const current = currentStatus(ws.db, 'studio', stored.studio.id);
    const step = transition('studio', current, event, stored.studio.id);
    return step.ok ? { ...base, to: step.to } : { ...base, skipped: msg('workflow.score.alreadyDecided', { status: statusName(current) }) };
  });
}

export interface ConfirmOutcomes {
  plan: RecordedOutcome[];
  backup: string | null;
}

/** `score confirm`: the round's grades become studio statuses (考核合格 / 考核不合格 / 不参加考核), after a backup. */
export function confirmOutcomes(ws: Workspace, round: number): ConfirmOutcomes {
  const plan = outcomePlan(ws, round);
  if (plan.length === 0) throw new RefusedError('nothing-scored', msg('cli.score.empty', { round }));
  const todo = plan.filter((p) => p.event && !p.skipped);
  if (todo.length === 0) return { plan, backup: null };
  const backup = autoBackup(ws.db, ws.dbFile, 'score-confirm');
  inTransaction(ws, () => {
    for (const p of todo) move(ws.db, ws.actor, 'studio', p.studioId, p.event!, { round, grade: p.grade });
  });
  return { plan, backup };
}
