/**
 * 公示 and 认定: the notice period, objections, certification with plaque numbers and the subsidy, and its
 * payment. A studio is a new row of the register for each certification, never found by its name, so two
 * people of the same name and occupation become two studios with two plaques.
 */
import { unitNameOf } from '../core/application.js';
import { addDays, validUntil } from '../core/calendar.js';
import { describePeriod, workingPeriod, type WorkingPeriod } from '../core/work-calendar.js';
import { workCalendar } from '../rules/calendar-data.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { leadIdKey, normalizedId } from '../core/identity.js';
import { nextPlaqueNumbers } from '../core/shortlist.js';
import { nameKey } from '../core/text.js';
import { msg } from '../messages/index.js';
import { ruleThresholds } from '../rules/data.js';
import { getApplication, heldVersionsOfRound, listApplications, type HeldVersion } from '../store/applications.js';
import { chinaDate } from '../core/china-time.js';
import { appendAudit } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import { addObjection, getNotice, openObjections, resolveObjections, saveNotice, type Notice } from '../store/notice.js';
import { getRound } from '../store/rounds.js';
import { move } from '../store/status.js';
import { validStudioLeads } from '../store/studio-leads.js';
import { insertCertifiedStudio, listStudios, setSubsidyPaid, usedPlaques, type StudioRow } from '../store/studios.js';
import { requireApplication } from './applications.js';
import { inTransaction, type Workspace } from './context.js';
import { rankedByReview } from './shortlist.js';
import { resolveStudio } from './studios.js';

export type { Notice };

export function subsidyFor(ws: Workspace, round: number): number {
  return getRound(ws.db, round).settings.subsidyYuan ?? ruleThresholds().subsidyYuan;
}

/**
 * The 公示 period: `noticeWorkingDays` working days from `from` by the State Council's calendar (refused when
 * the count runs into a year without a schedule), or the clerk's own end date, described by the same calendar.
 */
export function noticePeriod(from: string, to?: string): WorkingPeriod {
  return to ? describePeriod(from, to, workCalendar()) : workingPeriod(from, ruleThresholds().noticeWorkingDays, workCalendar());
}

/** A count into a year without holidays can be avoided by giving the end date: the refusal says how (on the command line; the menu asks for it). */
function periodOrEndDateHint(from: string, to?: string): WorkingPeriod {
  try {
    return noticePeriod(from, to);
  } catch (e) {
    if (e instanceof RefusedError && e.code === 'calendar-year-missing') throw new RefusedError(e.code, `${e.message}${msg('calendar.orTo')}`);
    throw e;
  }
}

export function noticeEnd(from: string, to?: string): string {
  return to ?? noticePeriod(from).to;
}

export function noticeOf(ws: Workspace, round: number): Notice | undefined {
  return getNotice(ws.db, round);
}

export interface PublicizeResult {
  notice: Notice;
  ids: number[];
  backup: string;
  period: WorkingPeriod;
}

export function publicize(ws: Workspace, round: number, from: string, to?: string): PublicizeResult {
  if (to && to < from) throw new UsageError('notice-ends-before-start', msg('workflow.notice.endsBeforeStart', { from, to }));
  const period = periodOrEndDateHint(from, to);
  const endsOn = period.to;
  const ids = listApplications(ws.db, round).filter((a) => a.status === 'shortlisted').map((a) => a.id);
  if (ids.length === 0) throw new RefusedError('nothing-to-publicize', msg('workflow.notice.nothingShortlisted', { round }));
  const notice = { round, startsOn: from, endsOn };
  const backup = autoBackup(ws.db, ws.dbFile, 'publicize');
  inTransaction(ws, () => {
    saveNotice(ws.db, notice, ws.actor);
    for (const id of ids) move(ws.db, ws.actor, 'application', id, 'publicize', { from, to: endsOn });
  });
  return { notice, ids, backup, period };
}

const OBJECTION_OPEN_STATUSES = new Set(['shortlisted', 'publicized']);

export function openObjectionCount(ws: Workspace, id: number): number {
  return openObjections(ws.db, id).length;
}

export function raiseObjection(ws: Workspace, id: number, reason: string): number {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id);
  if (!OBJECTION_OPEN_STATUSES.has(app.status)) throw new RefusedError('objection-not-open', msg('workflow.objection.notOpen', { id }));
  return inTransaction(ws, () => {
    const objectionId = addObjection(ws.db, id, reason, ws.actor);
    appendAudit(ws.db, ws.actor, 'application', id, 'objection', { objectionId, reason });
    return objectionId;
  });
}

export function resolveObjection(ws: Workspace, id: number, resolution: string): number {
  if (!resolution) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  requireApplication(ws, id);
  if (openObjections(ws.db, id).length === 0) throw new RefusedError('no-open-objection', msg('workflow.objection.noneOpen', { id }));
  return inTransaction(ws, () => {
    const n = resolveObjections(ws.db, id, resolution, ws.actor);
    appendAudit(ws.db, ws.actor, 'application', id, 'objection-resolved', { resolution, count: n });
    return n;
  });
}

export type BlockReason = 'notice-running' | 'objection-open' | 'lead-has-studio' | 'version-held';

export interface CertifyPlanEntry {
  applicationId: number;
  studioName: string;
  /** Why it is not certified on that date; undefined: it will be. */
  blocked?: { reason: BlockReason; message: string };
  /** Versions stored after the one in effect (not accepted): certified on the version in effect only when the clerk keeps it. */
  held?: number[];
}

export interface CertifyOptions {
  /** The clerk confirmed the held versions are not used: applications that have them are certified on the version in effect. */
  keepVersion?: boolean;
}

/** 第 3、4 版 — held version numbers as the messages say them. */
function versionList(held: readonly HeldVersion[]): string {
  return held.map((v) => v.version).join('、');
}

/** What `certify --date` would do with each publicized application of the round, without doing it. */
export function certifyPlan(ws: Workspace, round: number, date: string, options: CertifyOptions = {}): CertifyPlanEntry[] {
  const notice = getNotice(ws.db, round);
  if (!notice) throw new RefusedError('no-notice', msg('workflow.certify.noNotice', { round }));
  const ranked = rankedByReview(ws, round, new Set(['publicized']));
  if (ranked.length === 0) throw new RefusedError('nothing-to-certify', msg('workflow.certify.nothingPublicized', { round }));
  const leads = validStudioLeads(ws.db, date);
  const heldOf = heldVersionsOfRound(ws.db, round);
  return ranked.map(({ app }) => {
    const held = heldOf.get(app.id) ?? [];
    const entry = { applicationId: app.id, studioName: app.current.parsed.application.studioName, ...(held.length > 0 ? { held: held.map((v) => v.version) } : {}) };
    const objections = openObjections(ws.db, app.id).length;
    const idKey = leadIdKey(app.current.parsed);
    // One person leads one studio: a lead who already leads a running studio is not certified a second time.
    const existing = idKey === null ? undefined : leads.find((s) => s.applicationId !== app.id && normalizedId(s.idNumber) === idKey);
    if (date <= notice.endsOn) {
      return { ...entry, blocked: { reason: 'notice-running' as const, message: msg('workflow.certify.noticeRunning', { endsOn: notice.endsOn, next: addDays(notice.endsOn, 1) }) } };
    }
    if (objections > 0) return { ...entry, blocked: { reason: 'objection-open' as const, message: msg('workflow.certify.objectionOpen', { count: objections, id: app.id }) } };
    if (existing) return { ...entry, blocked: { reason: 'lead-has-studio' as const, message: msg('records.certify.leadHasStudio', { name: existing.studioName, plaque: existing.plaque ?? '' }) } };
    // A held version may be the form that should count (a corrected form, or another person's): certifying
    // the version in effect without a word would freeze it, so it waits until the clerk decides.
    if (held.length > 0 && !options.keepVersion) {
      const facts = { id: app.id, versions: versionList(held), current: held[0]!.current, date: chinaDate(held.at(-1)!.importedAt) };
      return { ...entry, blocked: { reason: 'version-held' as const, message: msg('records.certify.versionHeld', facts) } };
    }
    return entry;
  });
}

export interface CertifiedEntry {
  applicationId: number;
  studioId: number;
  plaque: string;
  studioName: string;
  validUntil: string;
  /** Held versions left unused (certified on `version`, the clerk having confirmed it). */
  kept?: { version: number; held: number[] };
}

export interface CertifyResult {
  certified: CertifiedEntry[];
  blocked: { applicationId: number; reason: BlockReason; message: string }[];
  backup: string | null;
}

/**
 * Certifies every publicized application whose notice has ended without an open objection, in ranking
 * order: a new studio row each, with the next plaque numbers (never one given before) and the round's subsidy.
 */
export function certify(ws: Workspace, round: number, date: string, options: CertifyOptions = {}): CertifyResult {
  const plan = certifyPlan(ws, round, date, options);
  const blocked = plan.filter((p) => p.blocked).map((p) => ({ applicationId: p.applicationId, ...p.blocked! }));
  const ready = plan.filter((p) => !p.blocked);
  if (ready.length === 0) return { certified: [], blocked, backup: null };

  const backup = autoBackup(ws.db, ws.dbFile, 'certify');
  const subsidy = subsidyFor(ws, round);
  const until = validUntil(date);
  const certified = inTransaction(ws, () => {
    const plaques = nextPlaqueNumbers(round, usedPlaques(ws.db), ready.length);
    return ready.map((p, i) => {
      const app = getApplication(ws.db, p.applicationId)!;
      const a = app.current.parsed.application;
      const plaque = plaques[i]!;
      const studioId = insertCertifiedStudio(ws.db, {
        name: a.studioName,
        nameKey: nameKey(a.studioName),
        leadName: a.lead.name,
        leadKey: nameKey(a.lead.name),
        leadIdNumber: a.lead.idNumber,
        leadBirth: a.lead.birth || null,
        leadGender: a.lead.gender || null,
        leadFemaleGroup: app.femaleGroup,
        unitName: unitNameOf(a),
        occupation: a.lead.occupation,
        applicationId: app.id,
        selectionYear: round,
        certifiedOn: date,
        validUntil: until,
        plaque,
        subsidyYuan: subsidy,
      });
      move(ws.db, ws.actor, 'application', app.id, 'certify', { date, studioId, plaque, ...(p.held ? { version: app.current.version, heldNotUsed: p.held } : {}) });
      appendAudit(ws.db, ws.actor, 'studio', studioId, 'certify', { applicationId: app.id, plaque, certifiedOn: date, validUntil: until, subsidyYuan: subsidy });
      return { applicationId: app.id, studioId, plaque, studioName: a.studioName, validUntil: until, ...(p.held ? { kept: { version: app.current.version, held: p.held } } : {}) };
    });
  });
  return { certified, blocked, backup };
}

/** `subsidy paid STUDIO --date`, or with `paidOn` null (`--undo`) the payment record taken back; logged either way. */
export function recordSubsidyPayment(ws: Workspace, ref: string, paidOn: string | null): StudioRow {
  const studio = resolveStudio(ws, ref);
  if (studio.subsidyYuan === null) throw new RefusedError('no-subsidy', msg('workflow.subsidy.none', { name: studio.name }));
  if (paidOn === null && studio.subsidyPaidOn === null) throw new RefusedError('subsidy-not-paid', msg('records.subsidy.notPaid', { name: studio.name }));
  if (paidOn !== null && studio.certifiedOn !== null && paidOn < studio.certifiedOn) {
    throw new RefusedError('subsidy-before-certified', msg('records.subsidy.beforeCertified', { name: studio.name, date: paidOn, certifiedOn: studio.certifiedOn }));
  }
  inTransaction(ws, () => {
    setSubsidyPaid(ws.db, studio.id, paidOn);
    appendAudit(ws.db, ws.actor, 'studio', studio.id, paidOn ? 'subsidy-paid' : 'subsidy-paid-undo', { paidOn, previous: studio.subsidyPaidOn });
  });
  return studio;
}

/** The round's studios with a subsidy (补助发放名单): certified studios only, whether paid or not. */
export function subsidyStudios(ws: Workspace, round: number): StudioRow[] {
  return listStudios(ws.db, { selectionYear: round }).filter((s) => s.subsidyYuan !== null);
}
