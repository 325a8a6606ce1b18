/**
 * The log of one application or studio, and undoing its last status change. An undo reverses what the
 * change brought with it, and refuses where that would lose something paid or published: a certification
 * whose subsidy was paid, or whose studio has been assessed, stays until the payment record is undone (or
 * the studio is revoked); an undone certification keeps its studio row as 已撤销认定, plaque retired.
 */
import { validUntil } from '../core/calendar.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { entityLabel, NOT_UNDOABLE_EVENTS, type AnyEvent, type LifecycleKind } from '../core/lifecycle.js';
import { applicationKeys } from '../core/identity.js';
import { msg } from '../messages/index.js';
import { overrideText } from '../rules/waivers.js';
import { listVersions, setCurrentVersion, setReceivedDate } from '../store/applications.js';
import { hasAssessments } from '../store/assessments.js';
import { appendAudit, auditFor, type AuditEntry } from '../store/audit.js';
import { currentStatus, lastUndoable, move, STATUS_ACTION, standingMoves, undoLastMove } from '../store/status.js';
import { restoreShortlistChange } from '../store/shortlist.js';
import { getStudio, setCertifiedOn as setStoredCertifiedOn, setTerm, studioOfApplication, type StudioRow } from '../store/studios.js';
import { requireApplication, requireBeforeReview, requireNotCertified } from './applications.js';
import { inTransaction, type Workspace } from './context.js';
import { evaluateApplication, recheck, RoundFacts } from './eligibility.js';
import { resolveStudio } from './studios.js';

export type { AuditEntry };

export interface RecordRef {
  kind: LifecycleKind;
  id: number;
  /** 申报 #3 周德明焊工技能大师工作室（2026 年度） / 工作室 #2 … */
  title: string;
  /** For an application: the studio it was certified into, if any. */
  studio?: StudioRow;
}

/** An application by its id, or a studio by its id or plaque. */
export function recordRef(ws: Workspace, kind: LifecycleKind, ref: string): RecordRef {
  if (kind === 'studio') {
    const studio = resolveStudio(ws, ref);
    return { kind, id: studio.id, title: msg('workflow.history.studioTitle', { id: studio.id, name: studio.name, plaque: studio.plaque ?? '' }) };
  }
  const id = Number(ref.trim().replace(/^#/u, ''));
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('bad-id', msg('cli.badId', { value: ref }));
  const app = requireApplication(ws, id);
  const studio = studioOfApplication(ws.db, id);
  return { kind, id, title: msg('workflow.history.applicationTitle', { id, name: app.current.parsed.application.studioName, round: app.round }), ...(studio ? { studio } : {}) };
}

export function historyOf(ws: Workspace, record: RecordRef): AuditEntry[] {
  return auditFor(ws.db, record.kind, record.id);
}

/** The audit action of an undone acceptance of a held version (on an application not yet reviewed). */
export const ACCEPT_UNDO_ACTION = 'accept-version-undo';

/**
 * The acceptance of a held version an undo would reverse now. On an application not yet reviewed,
 * `apply accept-version` changes the version in effect without a status move of its own; on one reviewed
 * (or further on) it is a status move back to 已提交. Either way the re-check after it may move 合格 ↔ 不合格,
 * and it is the last step when no other status change stands after it: the undo reverses it whole.
 */
function acceptanceToUndo(entries: readonly AuditEntry[]): AuditEntry | undefined {
  const undone = new Set(entries.filter((e) => e.action === ACCEPT_UNDO_ACTION).map((e) => e.detail.undoes));
  const standing = standingMoves(entries);
  const standingIds = new Set(standing.map((m) => m.id));
  const at = entries.findLastIndex((e) =>
    e.action === 'accept-version' ? !undone.has(e.id) : e.action === STATUS_ACTION && e.detail.event === 'accept-version' && standingIds.has(e.id),
  );
  if (at < 0) return undefined;
  const accept = entries[at]!;
  const after = new Set(entries.slice(at + 1).map((e) => e.id));
  const later = standing.filter((m) => after.has(m.id));
  // Another status change after it (a review, a withdrawal) is the newest step and is undone first.
  if (later.some((m) => m.detail.event !== 'check-pass' && m.detail.event !== 'check-fail')) return undefined;
  return accept;
}

/** The step an undo of this record would reverse next, if any: a status change or the acceptance of a version. */
export function nextUndo(ws: Workspace, record: RecordRef): AuditEntry | undefined {
  const entries = auditFor(ws.db, record.kind, record.id);
  // In the order undoLast tries them.
  const special = record.kind === 'application' ? (acceptanceToUndo(entries) ?? correctionToUndo(entries, 'received-date')) : correctionToUndo(entries, 'set-certified-on');
  return special ?? lastUndoable(entries);
}

export interface UndoResult {
  entry: AuditEntry;
  from: string;
  to: string;
  /** An undone acceptance: the version in effect again and the one held again. */
  version?: { current: number; held: number };
  /** An undone 收件日期 correction: the corrected date and the date in force again. */
  receivedDate?: { from: string | null; to: string | null };
  /** An undone `studios set --certified-on`: the date recorded and the date (and term) in force again. */
  certifiedOn?: { from: string | null; to: string | null; validUntil: string | null };
}

/**
 * Reverses `apply accept-version` exactly: the re-check's status moves after it are undone (and its own move
 * back to 已提交, on an application that had been reviewed), the earlier version takes effect again (the
 * accepted one is held again, as before), the committee's manual shortlist change it withdrew is in force
 * again, and the findings of it and of its lead's other applications are worked out again from that version.
 */
function undoAcceptance(ws: Workspace, record: RecordRef, accept: AuditEntry, reason: string): UndoResult {
  const from = currentStatus(ws.db, 'application', record.id);
  // A version that took effect after the accepted one (a correction, a new form) would be lost: refused.
  const accepted = Number(accept.detail.version);
  const now = requireApplication(ws, record.id).current.version;
  if (now !== accepted) throw new RefusedError('undo-accept-superseded', msg('records.undo.acceptSuperseded', { id: record.id, accepted, now }));
  const entries = auditFor(ws.db, 'application', record.id);
  const at = entries.findIndex((e) => e.id === accept.id);
  const after = new Set(entries.slice(at + 1).map((e) => e.id));
  // Waivers and confirmed reminders given since were given on the accepted version's findings: they would
  // outlive it and cover the earlier version's unseen. Undone first, one by one, by the clerk.
  const withdrawn = new Set(entries.filter((e) => e.action === 'override-undo').map((e) => e.detail.overrideId));
  const given = entries.slice(at + 1).filter((e) => (e.action === 'override' || e.action === 'acknowledge') && !withdrawn.has(e.detail.overrideId));
  if (given.length > 0) {
    const items = given.map((e) => overrideText({ code: String(e.detail.code), field: typeof e.detail.field === 'string' ? e.detail.field : null })).join('、');
    throw new RefusedError('undo-accept-has-waivers', msg('records.undo.acceptHasWaivers', { id: record.id, accepted, items }));
  }
  for (const move of standingMoves(entries).filter((m) => after.has(m.id)).reverse()) {
    const undone = undoLastMove(ws.db, ws.actor, 'application', record.id, reason);
    if (undone.entry.id !== move.id) throw new Error('undo out of order');
  }
  if (accept.action === STATUS_ACTION) {
    const undone = undoLastMove(ws.db, ws.actor, 'application', record.id, reason);
    if (undone.entry.id !== accept.id) throw new Error('undo out of order');
  }
  for (const e of entries.slice(at + 1)) {
    if (e.action === 'shortlist-change-undo' && typeof e.detail.changeId === 'number') {
      if (restoreShortlistChange(ws.db, record.id, e.detail.changeId)) appendAudit(ws.db, ws.actor, 'application', record.id, 'shortlist-change-restore', { change: e.detail.change, reason });
    }
  }
  const previous = Number(accept.detail.previousVersion);
  const version = listVersions(ws.db, record.id).find((v) => v.version === previous);
  if (!version) throw new RefusedError('undo-version-missing', msg('records.undo.acceptMissing', { id: record.id, version: previous }));
  setCurrentVersion(ws.db, record.id, previous, applicationKeys(version.parsed));
  appendAudit(ws.db, ws.actor, 'application', record.id, ACCEPT_UNDO_ACTION, { undoes: accept.id, version: previous, held: Number(accept.detail.version), reason });
  const app = requireApplication(ws, record.id);
  const facts = RoundFacts.load(ws.db, app.round);
  evaluateApplication(ws, record.id, facts);
  recheck(ws, app.round, facts.sameLeadAs([record.id]).filter((x) => x !== record.id));
  return { entry: accept, from, to: currentStatus(ws.db, 'application', record.id), version: { current: previous, held: Number(accept.detail.version) } };
}

/**
 * A correction logged as `action` (a 收件日期, a studio's 认定 date) newer than the record's last status change
 * is the step the clerk means to undo: undoing the older status change instead would leave the correction
 * standing unseen. An undo of it is logged as a correction back (with `undoes`), so the next undo goes on to
 * the step before.
 */
function correctionToUndo(entries: readonly AuditEntry[], action: 'received-date' | 'set-certified-on'): AuditEntry | undefined {
  const undone = new Set(entries.map((e) => Number(e.detail.undoes)).filter((n) => Number.isFinite(n)));
  const fix = entries.filter((e) => e.action === action && e.detail.undoes === undefined && !undone.has(e.id)).at(-1);
  const lastMove = lastUndoable(entries);
  return fix && (!lastMove || fix.id > lastMove.id) ? fix : undefined;
}

function undoReceivedDateFix(ws: Workspace, id: number, fix: AuditEntry, reason: string): UndoResult {
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'set');
  requireBeforeReview(app);
  const before = typeof fix.detail.from === 'string' ? fix.detail.from : null;
  setReceivedDate(ws.db, id, before);
  appendAudit(ws.db, ws.actor, 'application', id, 'received-date', { from: app.receivedDate, to: before, reason, undoes: fix.id });
  evaluateApplication(ws, id);
  const status = currentStatus(ws.db, 'application', id);
  return { entry: fix, from: status, to: status, receivedDate: { from: app.receivedDate, to: before } };
}

function undoCertifiedOnFix(ws: Workspace, id: number, fix: AuditEntry, reason: string): UndoResult {
  const studio = getStudio(ws.db, id)!;
  const d = fix.detail as { previous?: string | null; previousStart?: string | null; previousUntil?: string | null };
  const before = typeof d.previous === 'string' ? d.previous : null;
  // Entries logged before the term was kept: the term followed the date it had.
  const start = 'previousStart' in d ? (d.previousStart ?? null) : before;
  const until = 'previousUntil' in d ? (d.previousUntil ?? null) : before ? validUntil(before) : null;
  setStoredCertifiedOn(ws.db, id, before);
  setTerm(ws.db, id, start, until);
  appendAudit(ws.db, ws.actor, 'studio', id, 'set-certified-on', { certifiedOn: before, validUntil: until, previous: studio.certifiedOn, previousStart: studio.termStartedOn, previousUntil: studio.validUntil, reason, undoes: fix.id });
  return { entry: fix, from: studio.status, to: studio.status, certifiedOn: { from: studio.certifiedOn, to: before, validUntil: until } };
}

/** Refusals and side effects that must be settled before the status goes back. */
function beforeUndo(ws: Workspace, record: RecordRef, entry: AuditEntry, reason: string): void {
  const event = entry.detail.event as AnyEvent;
  if (NOT_UNDOABLE_EVENTS.has(event)) {
    const by = entry.detail.into ?? entry.detail.applicationId;
    throw new RefusedError('undo-not-here', msg(event === 'merge' ? 'records.undo.merge' : 'records.undo.decertify', { entity: entityLabel(record.kind, record.id), by: String(by ?? '') }));
  }
  if (record.kind === 'application' && event === 'certify') {
    const studio = studioOfApplication(ws.db, record.id);
    if (!studio) return;
    if (studio.subsidyPaidOn) {
      throw new RefusedError('undo-certify-paid', msg('records.undo.certifyPaid', { id: record.id, plaque: studio.plaque ?? '', paidOn: studio.subsidyPaidOn, amount: studio.subsidyYuan ?? 0 }));
    }
    if (hasAssessments(ws.db, studio.id) || studio.status !== 'valid') {
      throw new RefusedError('undo-certify-refused', msg('workflow.undo.certifyHasHistory', { id: record.id, plaque: studio.plaque ?? '' }));
    }
    move(ws.db, ws.actor, 'studio', studio.id, 'decertify', { reason, applicationId: record.id });
  }
  if (record.kind === 'studio' && event === 'renew') {
    const { previousStart, previousUntil } = entry.detail as { previousStart?: string; previousUntil?: string };
    if (previousStart && previousUntil) setTerm(ws.db, record.id, previousStart, previousUntil);
  }
  if (record.kind === 'application' && event === 'accept-version') {
    const previous = Number(entry.detail.previousVersion);
    const version = listVersions(ws.db, record.id).find((v) => v.version === previous);
    if (version) setCurrentVersion(ws.db, record.id, previous, applicationKeys(version.parsed));
  }
}

/** What the status going back changes for the rest of the round: the findings of this and its lead's other applications. */
function afterUndo(ws: Workspace, record: RecordRef, entry: AuditEntry): void {
  if (record.kind !== 'application') return;
  const event = entry.detail.event as AnyEvent;
  if (event !== 'withdraw' && event !== 'reject' && event !== 'accept-version') return;
  const app = requireApplication(ws, record.id);
  const facts = RoundFacts.load(ws.db, app.round);
  evaluateApplication(ws, record.id, facts);
  recheck(ws, app.round, facts.sameLeadAs([record.id]).filter((x) => x !== record.id));
}

/** `history ID --undo --reason`: one transaction; the undo is itself logged and can be followed by another. */
export function undoLast(ws: Workspace, record: RecordRef, reason: string): UndoResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  return inTransaction(ws, () => {
    const accept = record.kind === 'application' ? acceptanceToUndo(auditFor(ws.db, record.kind, record.id)) : undefined;
    if (accept) return undoAcceptance(ws, record, accept, reason);
    const dateFix = record.kind === 'application' ? correctionToUndo(auditFor(ws.db, record.kind, record.id), 'received-date') : undefined;
    if (dateFix) return undoReceivedDateFix(ws, record.id, dateFix, reason);
    const termFix = record.kind === 'studio' ? correctionToUndo(auditFor(ws.db, record.kind, record.id), 'set-certified-on') : undefined;
    if (termFix) return undoCertifiedOnFix(ws, record.id, termFix, reason);
    const undone = undoLastMove(ws.db, ws.actor, record.kind, record.id, reason, (entry) => beforeUndo(ws, record, entry, reason));
    afterUndo(ws, record, undone.entry);
    return undone;
  });
}
