/**
 * Applications as the clerk sees and handles them: lists and details, the female retirement group,
 * corrections of a form field, paper materials, waivers, withdrawal and rejection, and taking a held
 * version into effect. Every change is one transaction with its audit entry, and re-checks what it affects.
 */
import { chinaDate } from '../core/china-time.js';
import { applicationKeys } from '../core/identity.js';
import { RefusedError, UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { sha256Hex } from '../core/hash.js';
import { statusName } from '../core/lifecycle.js';
import { hasMessage, msg } from '../messages/index.js';
import { applyCorrections, type Correction } from '../rules/corrections.js';
import { ruleTitle } from '../rules/index.js';
import { fieldLabel, fieldName } from '../rules/fields.js';
import { findingField, waiverKind } from '../rules/waivers.js';
import {
  activeOverrides,
  addOverride,
  getApplication,
  insertVersion,
  listVersions,
  receivedMaterials,
  reportStudioName,
  setCurrentVersion,
  setFemaleGroup as storeFemaleGroup,
  setMaterial,
  setReceivedDate,
  setReportStudioName,
  undoOverride,
  type FemaleGroup,
  type Override,
  type StoredApplication,
} from '../store/applications.js';
import { appendAudit, auditFor } from '../store/audit.js';
import { resolveObjections } from '../store/notice.js';
import { takeShortlistChange } from '../store/shortlist.js';
import { move } from '../store/status.js';
import { requireApplication } from './application-view.js';
import { inTransaction, type Workspace } from './context.js';
import { CHECKED_STATUSES, evaluateApplication, recheck, RoundFacts, type Evaluation } from './eligibility.js';

export type { FemaleGroup };
export { requireApplication };

type FrozenAction = 'set' | 'femaleGroup' | 'materials' | 'waive' | 'undoWaiver';
const INSTEAD: Record<FrozenAction, 'lead' | 'materials' | 'waive'> = { set: 'lead', femaleGroup: 'lead', materials: 'materials', waive: 'waive', undoWaiver: 'waive' };

/**
 * A certified application is frozen: what was certified stays what the record says. Every change command
 * refuses with what to do instead (the studio register; or undoing the certification when it was wrong).
 */
export function requireNotCertified(app: StoredApplication, action: FrozenAction): void {
  if (app.status !== 'certified') return;
  throw new RefusedError('application-certified', msg('records.frozen', { id: app.id, what: msg(`records.frozen.what.${action}`), instead: msg(`records.frozen.instead.${INSTEAD[action]}`) }));
}

/** The form's content may only change while the eligibility check decides; from 已评审 on it is what was reviewed. */
export function requireBeforeReview(app: StoredApplication): void {
  if (!CHECKED_STATUSES.has(app.status)) {
    throw new RefusedError('application-reviewed', msg('records.set.afterReview', { id: app.id, status: statusName(app.status) }));
  }
}

export function setFemaleGroup(ws: Workspace, id: number, group: FemaleGroup): Evaluation {
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'femaleGroup');
  const lead = app.current.parsed.application.lead;
  if (lead.gender.trim() === '男') throw new RefusedError('female-group-male-lead', msg('records.femaleGroup.maleLead', { id, name: lead.name }));
  return inTransaction(ws, () => {
    storeFemaleGroup(ws.db, id, group);
    appendAudit(ws.db, ws.actor, 'application', id, 'set', { femaleGroup: { from: app.femaleGroup, to: group } });
    return evaluateApplication(ws, id);
  });
}

export interface CorrectionResult {
  version: number;
  evaluation: Evaluation;
  /** Waivers and confirmed reminders withdrawn because their finding reads differently after the correction. */
  withdrawn: { code: string; field: string | null }[];
}

/**
 * `apply set ID 身份证号码=… --reason`: the clerk corrects fields the unit confirmed (by phone, on paper).
 * The correction is a new version of the form, so the unit's original stays in the history.
 */
export function correctApplication(ws: Workspace, id: number, corrections: readonly Correction[], reason: string): CorrectionResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'set');
  requireBeforeReview(app);
  const parsed = applyCorrections(app.current.parsed, corrections);
  // A "correction" to the value already there would record a change that is none (已更正 A → A).
  const unchanged = corrections.filter((c) => JSON.stringify(applyCorrections(app.current.parsed, [c]).application) === JSON.stringify(app.current.parsed.application));
  if (unchanged.length > 0) throw new UsageError('correction-unchanged', msg('records.set.unchanged', { id, fields: unchanged.map((c) => c.name).join('、') }));
  return inTransaction(ws, () => {
    const version = insertVersion(
      ws.db,
      id,
      { file: msg('records.set.versionFile'), sha256: sha256Hex(JSON.stringify(parsed)), sheet: app.current.sheet, parsed, problems: app.current.problems },
      ws.actor,
    );
    setCurrentVersion(ws.db, id, version, applicationKeys(parsed));
    appendAudit(ws.db, ws.actor, 'application', id, 'correct', { fields: corrections.map((c) => c.name), paths: corrections.map((c) => c.path), version, previousVersion: app.current.version, reason });
    const facts = RoundFacts.load(ws.db, app.round);
    let evaluation = evaluateApplication(ws, id, facts);
    // A waiver was given on what a finding said (只有 10 个月); if the correction changes it (已到龄), the
    // committee has not judged the new one: the waiver is withdrawn, logged, and the finding is open again.
    const said = (findings: readonly Finding[], o: Override): string | undefined =>
      findings.find((f) => f.code === o.code && (o.field === null || findingField(f) === o.field))?.message;
    const stale = activeOverrides(ws.db, id).filter((o) => said(app.findings, o) !== said(evaluation.findings, o));
    for (const o of stale) {
      undoOverride(ws.db, o.id);
      appendAudit(ws.db, ws.actor, 'application', id, 'override-undo', { code: o.code, field: o.field, overrideId: o.id, reason: msg('records.set.waiverWithdrawn'), kind: overrideKind(ws, id, o.id) });
    }
    if (stale.length > 0) evaluation = evaluateApplication(ws, id, facts);
    // A corrected ID may join or leave a group of applications with the same lead.
    const others = facts.sameLeadAs([id]).filter((x) => x !== id);
    if (others.length) recheck(ws, app.round, others);
    return { version, evaluation, withdrawn: stale.map((o) => ({ code: o.code, field: o.field })) };
  });
}

/** Whether an override was a waived error or a confirmed reminder, as its own log entry says. */
function overrideKind(ws: Workspace, id: number, overrideId: number): 'waive' | 'acknowledge' {
  const given = auditFor(ws.db, 'application', id).find((e) => e.detail.overrideId === overrideId && (e.action === 'override' || e.action === 'acknowledge'));
  return given?.action === 'acknowledge' ? 'acknowledge' : 'waive';
}

/**
 * `apply set ID 收件日期=2026-05-20 --reason`: the 收件日期 corrected (a mail's Date from a sender's wrong clock,
 * a date typed wrong at import). Not form content, so no new version: the date changes, the audit keeps the
 * old one and the reason, and lateness is checked again. Like the form, it is settled once reviewed.
 */
export function correctReceivedDate(ws: Workspace, id: number, date: string, reason: string): { from: string | null; evaluation: Evaluation } {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'set');
  requireBeforeReview(app);
  const field = msg('records.set.receivedField');
  if (app.receivedDate === date) throw new UsageError('correction-unchanged', msg('records.set.unchanged', { id, fields: field }));
  // The form is in hand: it cannot have been received after today.
  const today = chinaDate();
  if (date > today) throw new UsageError('received-date-future', msg('records.set.receivedFuture', { id, date, today }));
  return inTransaction(ws, () => {
    setReceivedDate(ws.db, id, date);
    appendAudit(ws.db, ws.actor, 'application', id, 'received-date', { from: app.receivedDate, to: date, reason });
    return { from: app.receivedDate, evaluation: evaluateApplication(ws, id) };
  });
}

export interface MaterialsChange {
  received: string[];
  missing: string[];
  /** The studio name in the 申办报告; '' clears it; undefined leaves it. */
  reportName?: string;
}

export function recordMaterials(ws: Workspace, id: number, change: MaterialsChange): { received: string[]; reportStudioName: string | null } {
  const app = requireApplication(ws, id);
  if (change.received.length + change.missing.length > 0 || change.reportName !== undefined) {
    requireNotCertified(app, 'materials');
    inTransaction(ws, () => {
      for (const key of change.received) setMaterial(ws.db, id, key, true);
      for (const key of change.missing) setMaterial(ws.db, id, key, false);
      if (change.reportName !== undefined) setReportStudioName(ws.db, id, change.reportName || null);
      appendAudit(ws.db, ws.actor, 'application', id, 'materials', { received: change.received, missing: change.missing, reportStudioName: change.reportName });
      evaluateApplication(ws, id);
    });
  }
  return { received: receivedMaterials(ws.db, id), reportStudioName: reportStudioName(ws.db, id) };
}

/** The finding a waiver is asked for: the only one of its code, or the one whose field or cell is named. */
function oneFinding(app: StoredApplication, code: string, where: string | undefined): Finding {
  const own = app.findings.filter((f) => f.code === code);
  if (own.length === 0) {
    const codes = [...new Set(app.findings.filter((f) => f.severity !== 'info').map((f) => `“${ruleTitle(f.code)}”`))].join('、') || msg('cli.override.noErrors');
    throw new RefusedError('override-no-such-finding', msg('cli.override.noSuchError', { id: app.id, code: ruleTitle(code), codes }));
  }
  if (where === undefined) {
    if (own.length === 1) return own[0]!;
    throw new UsageError('override-which-finding', msg('records.waive.which', { id: app.id, code: ruleTitle(code), places: places(own) }));
  }
  const found = own.find((f) => findingField(f) === where || fieldLabel(findingField(f)) === where || fieldName(findingField(f)) === where || f.cell === where || (f.cell !== undefined && f.cell.endsWith(`!${where}`)));
  if (!found) throw new UsageError('override-which-finding', msg('records.waive.noSuchPlace', { id: app.id, code: ruleTitle(code), where, places: places(own) }));
  return found;
}

function places(findings: readonly Finding[]): string {
  return findings.map((f) => `${findingField(f) ? fieldName(findingField(f)) : '—'}${f.cell ? `（${f.cell}）` : ''}`).join('、');
}

export interface WaiveResult {
  finding: Finding;
  kind: 'waive' | 'acknowledge';
  /** The waiver already stood: nothing changed. */
  already: boolean;
  evaluation?: Evaluation;
}

/**
 * `apply override ID CODE [--field F] --reason`: waives one error the notice leaves to judgement
 * (data/rules/waivers.json), or acknowledges one warning. Errors only a corrected form removes are refused
 * with how to fix them.
 */
export function waiveFinding(ws: Workspace, id: number, code: string, where: string | undefined, reason: string): WaiveResult {
  if (!reason) throw new UsageError('override-reason-missing', msg('cli.override.reasonMissing'));
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'waive');
  const finding = oneFinding(app, code, where);
  const kind = waiverKind(finding);
  if (kind === 'fix') {
    const special = `records.waive.fix.${code}`;
    throw new RefusedError('not-waivable', msg(hasMessage(special) ? special : 'records.waive.fix', { id, code, title: ruleTitle(code) }));
  }
  const field = findingField(finding);
  if (activeOverrides(ws.db, id).some((o) => o.code === code && (o.field === null || o.field === field))) return { finding, kind, already: true };
  const evaluation = inTransaction(ws, () => {
    const overrideId = addOverride(ws.db, id, code, field, reason, ws.actor);
    appendAudit(ws.db, ws.actor, 'application', id, kind === 'waive' ? 'override' : 'acknowledge', { code, field, reason, overrideId });
    return evaluateApplication(ws, id);
  });
  return { finding, kind, already: false, evaluation };
}

export function undoWaiver(ws: Workspace, id: number, code: string, where: string | undefined, reason: string): Override & { kind: 'waive' | 'acknowledge' } {
  const app = requireApplication(ws, id);
  requireNotCertified(app, 'undoWaiver');
  const active = activeOverrides(ws.db, id).filter((o) => o.code === code && (where === undefined || o.field === where || o.field === null));
  if (active.length === 0) throw new RefusedError('override-not-found', msg('cli.override.noneToUndo', { id, code: ruleTitle(code) }));
  if (active.length > 1 && where === undefined) {
    throw new UsageError('override-which-finding', msg('records.waive.which', { id, code, places: active.map((o) => o.field || '—').join('、') }));
  }
  const last = active[active.length - 1]!;
  const kind = overrideKind(ws, id, last.id);
  inTransaction(ws, () => {
    undoOverride(ws.db, last.id);
    appendAudit(ws.db, ws.actor, 'application', app.id, 'override-undo', { code, field: last.field, overrideId: last.id, reason, kind });
    evaluateApplication(ws, id);
  });
  return { ...last, kind };
}

export interface LeaveResult {
  status: string;
  /** Applications that shared the lead and were checked again (their duplicate-lead finding is gone). */
  rechecked: number[];
}

/**
 * `apply withdraw` / `apply reject`: the application leaves the selection; open objections against it are
 * closed with the same reason, and the applications that shared its lead are checked again at once.
 */
export function leaveSelection(ws: Workspace, id: number, event: 'withdraw' | 'reject', reason: string): LeaveResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id);
  return inTransaction(ws, () => {
    const group = RoundFacts.load(ws.db, app.round).sameLeadAs([id]).filter((x) => x !== id);
    const status = move(ws.db, ws.actor, 'application', id, event, { reason });
    const n = resolveObjections(ws.db, id, reason, ws.actor);
    if (n > 0) appendAudit(ws.db, ws.actor, 'application', id, 'objection-resolved', { resolution: reason, count: n });
    recheck(ws, app.round, group);
    return { status, rechecked: group };
  });
}

export interface AcceptResult {
  from: number;
  to: number;
  status: string;
  evaluation: Evaluation;
}

/**
 * `apply accept-version ID --reason`: the newest held version takes effect. The application goes back to
 * the eligibility check and off the shortlist (what was reviewed and publicized is no longer what it says);
 * the committee's manual change of it is withdrawn. After 认定 the studio register is the record to change.
 */
export function acceptVersion(ws: Workspace, id: number, reason: string): AcceptResult {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id);
  const latest = listVersions(ws.db, id).at(-1)!;
  if (latest.version <= app.current.version) throw new RefusedError('no-pending-version', msg('records.accept.nothing', { id, version: app.current.version }));
  if (app.status === 'certified') throw new RefusedError('accept-after-certify', msg('records.accept.certified', { id }));
  return inTransaction(ws, () => {
    const detail = { reason, version: latest.version, previousVersion: app.current.version };
    if (!CHECKED_STATUSES.has(app.status)) move(ws.db, ws.actor, 'application', id, 'accept-version', detail);
    else appendAudit(ws.db, ws.actor, 'application', id, 'accept-version', detail);
    setCurrentVersion(ws.db, id, latest.version, applicationKeys(latest.parsed));
    // The row is named so that undoing the acceptance can put the committee's change back.
    const change = takeShortlistChange(ws.db, id);
    if (change) appendAudit(ws.db, ws.actor, 'application', id, 'shortlist-change-undo', { change: change.change, changeId: change.id, reason });
    const facts = RoundFacts.load(ws.db, app.round);
    const evaluation = evaluateApplication(ws, id, facts);
    recheck(ws, app.round, facts.sameLeadAs([id]).filter((x) => x !== id));
    return { from: app.current.version, to: latest.version, status: getApplication(ws.db, id)!.status, evaluation };
  });
}
