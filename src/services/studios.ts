/** Certified studios over their terms: due lists, renewal, assessment outcomes, expiry and revocation. */
import { addDays, validUntil } from '../core/calendar.js';
import { dueStudios, type DueItem, type StudioTerm } from '../core/due.js';
import { UsageError, RefusedError } from '../core/errors.js';
import { isStatus, statusName, transition, type StudioEvent, type StudioStatus } from '../core/lifecycle.js';
import type { Grade } from '../scoring/index.js';
import { msg } from '../messages/index.js';
import { getStudio, type StudioRow } from '../store/assessments.js';
import { appendAudit, type Actor } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import type { Db } from '../store/open.js';
import { currentStatus, move } from '../store/status.js';
import { findStudioByPlaque, listStudios, setTerm } from '../store/studios.js';
import type { ScoredAssessment } from './scoring.js';

/** A studio named by its id (`12`, `#12`) or its plaque (`GS-2026-001`). */
export function resolveStudio(db: Db, ref: string): StudioRow {
  const text = ref.trim();
  const byPlaque = /^GS-/iu.test(text) ? findStudioByPlaque(db, text.toUpperCase()) : undefined;
  const id = Number(text.replace(/^#/u, ''));
  const studio = byPlaque ?? (Number.isInteger(id) && id > 0 ? getStudio(db, id) : undefined);
  if (!studio) throw new RefusedError('studio-not-found', msg('workflow.studioNotFound', { id: text }));
  return studio;
}

export function studioTerm(s: StudioRow): StudioTerm | null {
  if (!s.validUntil || !isStatus('studio', s.status)) return null;
  return {
    id: s.id,
    name: s.name,
    certifiedOn: s.certifiedOn ?? '',
    validUntil: s.validUntil,
    status: s.status,
    leadBirth: s.leadBirth,
    leadGender: s.leadGender,
    leadFemaleGroup: s.leadFemaleGroup,
    leadLeft: s.leadLeft,
  };
}

export interface DueReport {
  items: DueItem[];
  /** Studios without a known term (made from an assessment form before gongshu knew them). */
  withoutTerm: StudioRow[];
}

export function studiosDue(db: Db, today: string, window: string): DueReport {
  const studios = listStudios(db);
  const terms = studios.map(studioTerm).filter((t): t is StudioTerm => t !== null);
  const withoutTerm = studios.filter((s) => !s.validUntil && s.status !== 'revoked' && s.status !== 'expired');
  return { items: dueStudios(terms, today, window), withoutTerm };
}

export function renewStudio(db: Db, actor: Actor, ref: string, startsOn?: string, reason?: string): { studio: StudioRow; startsOn: string; validUntil: string } {
  const studio = resolveStudio(db, ref);
  const start = startsOn ?? (studio.validUntil ? addDays(studio.validUntil, 1) : undefined);
  if (!start) throw new UsageError('renew-needs-date', msg('workflow.studios.renewNeedsDate', { id: studio.id }));
  const until = validUntil(start);
  db.transaction(() => {
    move(db, actor, 'studio', studio.id, 'renew', {
      ...(reason ? { reason } : {}),
      previousStart: studio.termStartedOn ?? studio.certifiedOn,
      previousUntil: studio.validUntil,
      startsOn: start,
      validUntil: until,
    });
    setTerm(db, studio.id, start, until);
  }).immediate();
  return { studio, startsOn: start, validUntil: until };
}

/**
 * Records the certification date of a studio gongshu did not certify (one created from an assessment
 * form), so its term and the due list can be computed. A term already running is not rewritten.
 */
export function setCertifiedOn(db: Db, actor: Actor, ref: string, certifiedOn: string): { studio: StudioRow; validUntil: string } {
  const studio = resolveStudio(db, ref);
  if (studio.createdFrom === 'certification') {
    throw new RefusedError('studio-term-known', msg('workflow.studios.termKnown', { name: studio.name }));
  }
  const until = validUntil(certifiedOn);
  db.transaction(() => {
    db.prepare('UPDATE studios SET certified_on = ? WHERE id = ?').run(certifiedOn, studio.id);
    setTerm(db, studio.id, certifiedOn, until);
    appendAudit(db, actor, 'studio', studio.id, 'set-certified-on', { certifiedOn, validUntil: until, previous: studio.certifiedOn });
  }).immediate();
  return { studio, validUntil: until };
}

export function endStudio(db: Db, actor: Actor, ref: string, event: 'expire' | 'revoke', reason: string): StudioRow {
  const studio = resolveStudio(db, ref);
  db.transaction(() => move(db, actor, 'studio', studio.id, event, reason ? { reason } : {})).immediate();
  return studio;
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
export function outcomePlan(db: Db, scored: readonly ScoredAssessment[]): RecordedOutcome[] {
  return scored.map(({ stored, result }) => {
    const event = EVENT_OF_GRADE[result.grade] ?? null;
    const base = { studioId: stored.studio.id, name: stored.studio.name, grade: result.grade, event };
    if (!event) return { ...base, skipped: msg('workflow.score.incomplete') };
    const current = currentStatus(db, 'studio', stored.studio.id);
    const move = transition('studio', current, event, stored.studio.id);
    return move.ok ? { ...base, to: move.to } : { ...base, skipped: msg('workflow.score.alreadyDecided', { status: statusName(current) }) };
  });
}

export function recordOutcomes(db: Db, actor: Actor, dbFile: string, round: number, plan: readonly RecordedOutcome[]): string | null {
  const todo = plan.filter((p) => p.event && !p.skipped);
  if (todo.length === 0) return null;
  const backup = autoBackup(db, dbFile, 'score-confirm');
  db.transaction(() => {
    for (const p of todo) move(db, actor, 'studio', p.studioId, p.event!, { round, grade: p.grade });
  }).immediate();
  return backup;
}
