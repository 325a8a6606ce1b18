/** The studio register over the terms: lists, due dates, renewal, expiry, revocation, a former studio's date, merging. */
import { addDays, validUntil } from '../core/calendar.js';
import { chinaDate } from '../core/china-time.js';
import { dueStudios, type DueItem, type StudioTerm } from '../core/due.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { certifiedOnYears, isStatus, statusLabel, STUDIO_STATUSES, termRenewed } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { findAssessmentId, sharedAssessmentRounds } from '../store/assessments.js';
import { appendAudit, auditFor } from '../store/audit.js';
import { move, standingMoves } from '../store/status.js';
import {
  findStudioByPlaque,
  getStudio,
  listStudios,
  mergeStudioRows,
  NOT_A_STUDIO,
  setCertifiedOn as storeCertifiedOn,
  setTerm,
  type StudioRow,
} from '../store/studios.js';
import { inTransaction, type Workspace } from './context.js';

export type { StudioRow };

/** A studio named by its id (`12`, `#12`) or its plaque (`GS-2026-001`). */
export function resolveStudio(ws: Workspace, ref: string): StudioRow {
  const text = ref.trim();
  const byPlaque = /^GS-/iu.test(text) ? findStudioByPlaque(ws.db, text.toUpperCase()) : undefined;
  const id = Number(text.replace(/^#/u, ''));
  const studio = byPlaque ?? (Number.isInteger(id) && id > 0 ? getStudio(ws.db, id) : undefined);
  if (!studio) throw new RefusedError('studio-not-found', msg('workflow.studioNotFound', { id: text }));
  return studio;
}

/** A status as the clerk types it (a code or its Chinese name), or a usage error listing them. */
export function parseStudioStatus(value: string): string {
  const wanted = value.trim();
  const status = STUDIO_STATUSES.find((s) => s === wanted || statusLabel(s) === wanted);
  if (!status) throw new UsageError('bad-status', msg('workflow.studios.badStatus', { value: wanted, allowed: STUDIO_STATUSES.map((s) => `${s}（${statusLabel(s)}）`).join('、') }));
  return status;
}

export function studios(ws: Workspace, filter: { status?: string; selectionYear?: number } = {}): StudioRow[] {
  return listStudios(ws.db, filter);
}

export function studioTerm(s: StudioRow): StudioTerm | null {
  if (!s.validUntil || !isStatus('studio', s.status) || NOT_A_STUDIO.includes(s.status)) return null;
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

export function studiosDue(ws: Workspace, today: string, window: string): DueReport {
  const all = listStudios(ws.db);
  const terms = all.map(studioTerm).filter((t): t is StudioTerm => t !== null);
  const withoutTerm = all.filter((s) => !s.validUntil && s.status !== 'revoked' && s.status !== 'expired');
  return { items: dueStudios(terms, today, window), withoutTerm };
}

/**
 * Renewal stands on a result: the studio's standing 考核合格 must have been confirmed (score confirm) from an
 * assessment of its round that is not withdrawn. A status reached any other way is refused with what to do.
 */
function requireConfirmedPass(ws: Workspace, studio: StudioRow): void {
  if (studio.status !== 'assessed-pass') return; // the life cycle refuses the move itself, with its own message
  const pass = standingMoves(auditFor(ws.db, 'studio', studio.id)).findLast((e) => e.detail.event === 'assess-pass');
  const round = pass ? Number(pass.detail.round) : NaN;
  if (!pass || !Number.isInteger(round) || findAssessmentId(ws.db, studio.id, round) === undefined) {
    throw new RefusedError('renew-needs-result', msg('records.renew.noResult', { name: studio.name }));
  }
}

export function renewStudio(ws: Workspace, ref: string, startsOn?: string, reason?: string): { studio: StudioRow; startsOn: string; validUntil: string } {
  const studio = resolveStudio(ws, ref);
  requireConfirmedPass(ws, studio);
  const start = startsOn ?? (studio.validUntil ? addDays(studio.validUntil, 1) : undefined);
  if (!start) throw new UsageError('renew-needs-date', msg('workflow.studios.renewNeedsDate', { id: studio.id }));
  const until = validUntil(start);
  inTransaction(ws, () => {
    move(ws.db, ws.actor, 'studio', studio.id, 'renew', {
      ...(reason ? { reason } : {}),
      previousStart: studio.termStartedOn ?? studio.certifiedOn,
      previousUntil: studio.validUntil,
      startsOn: start,
      validUntil: until,
    });
    setTerm(ws.db, studio.id, start, until);
  });
  return { studio, startsOn: start, validUntil: until };
}

/**
 * Records the certification date of a studio gongshu did not certify (one created from an assessment
 * form), so its term and the due list can be computed. A term gongshu gave is not rewritten.
 */
export function setCertifiedOn(ws: Workspace, ref: string, certifiedOn: string, today: string = chinaDate()): { studio: StudioRow; validUntil: string; unchanged: boolean } {
  const studio = resolveStudio(ws, ref);
  checkCertifiedOn(studio, certifiedOn, today);
  const until = validUntil(certifiedOn);
  // The date it has, typed again: nothing to record (no second log line, nothing to undo).
  if (studio.certifiedOn === certifiedOn && studio.termStartedOn === certifiedOn && studio.validUntil === until) return { studio, validUntil: until, unchanged: true };
  inTransaction(ws, () => {
    storeCertifiedOn(ws.db, studio.id, certifiedOn);
    setTerm(ws.db, studio.id, certifiedOn, until);
    // The term before, so that `history --undo` puts it back exactly.
    appendAudit(ws.db, ws.actor, 'studio', studio.id, 'set-certified-on', {
      certifiedOn,
      validUntil: until,
      previous: studio.certifiedOn,
      previousStart: studio.termStartedOn,
      previousUntil: studio.validUntil,
    });
  });
  return { studio, validUntil: until, unchanged: false };
}

/** Why a studio's 认定 date may not be recorded at all (gongshu certified it, or its term was renewed since), if so. */
export function certifiedOnLocked(studio: StudioRow): RefusedError | undefined {
  if (studio.createdFrom === 'certification') {
    return new RefusedError('studio-term-known', msg(studio.status === 'decertified' ? 'workflow.studios.termDecertified' : 'workflow.studios.termKnown', { name: studio.name }));
  }
  if (termRenewed(studio)) return new RefusedError('studio-renewed', msg('workflow.studios.termRenewed', { name: studio.name, from: studio.termStartedOn ?? '', to: studio.validUntil ?? '' }));
  return undefined;
}

/**
 * What a recorded 认定 date of an older studio may be: the studio's own (gongshu's certification, or a term
 * renewed since, is not rewritten by it), in the past, and in its 认定年度 or the next (certifiedOnYears), when
 * that year is known. Anything else is refused with the date to check, never saved.
 */
export function checkCertifiedOn(studio: StudioRow, certifiedOn: string, today: string): void {
  const locked = certifiedOnLocked(studio);
  if (locked) throw locked;
  if (certifiedOn > today) throw new RefusedError('certified-on-future', msg('workflow.studios.certifiedOnFuture', { name: studio.name, date: certifiedOn, today }));
  const years = certifiedOnYears(studio);
  if (years && !years.includes(Number(certifiedOn.slice(0, 4)))) {
    throw new RefusedError('certified-on-other-year', msg('workflow.studios.certifiedOnOtherYear', { name: studio.name, date: certifiedOn, year: years[0] }));
  }
}

export function endStudio(ws: Workspace, ref: string, event: 'expire' | 'revoke', reason: string): StudioRow {
  if (event === 'revoke' && !reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const studio = resolveStudio(ws, ref);
  inTransaction(ws, () => move(ws.db, ws.actor, 'studio', studio.id, event, reason ? { reason } : {}));
  return studio;
}

export interface MergeResult {
  from: StudioRow;
  into: StudioRow;
  /** Assessments moved onto the studio they belong to. */
  assessments: number;
}

/**
 * `studios merge ID INTO-ID --reason`: a studio created in error (from an assessment form whose studio name
 * had a typo) is folded into the right one. Its assessments move over; the row stays, as 已合并, pointing at
 * the right studio. A studio gongshu certified is never merged away: its certification is undone instead.
 */
export function mergeStudios(ws: Workspace, fromRef: string, intoRef: string, reason: string): MergeResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const from = resolveStudio(ws, fromRef);
  const into = resolveStudio(ws, intoRef);
  if (from.id === into.id) throw new UsageError('merge-same', msg('records.merge.same', { id: from.id }));
  if (from.createdFrom === 'certification') throw new RefusedError('merge-certified', msg('records.merge.certified', { name: from.name, plaque: from.plaque ?? '' }));
  if (NOT_A_STUDIO.includes(into.status)) throw new RefusedError('merge-into-gone', msg('records.merge.intoGone', { name: into.name, status: statusLabel(into.status as never) }));
  const clash = sharedAssessmentRounds(ws.db, from.id, into.id);
  if (clash.length > 0) throw new RefusedError('merge-two-assessments', msg('records.merge.twoAssessments', { from: from.id, into: into.id, rounds: clash.join('、') }));
  const assessments = inTransaction(ws, () => {
    const moved = mergeStudioRows(ws.db, from.id, into.id);
    move(ws.db, ws.actor, 'studio', from.id, 'merge', { reason, into: into.id, assessments: moved });
    appendAudit(ws.db, ws.actor, 'studio', into.id, 'merged-in', { from: from.id, name: from.name, reason, assessments: moved });
    return moved;
  });
  return { from, into, assessments };
}
