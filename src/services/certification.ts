/**
 * 公示 and 认定: the notice period, objections, certification with plaque numbers and the subsidy,
 * and the side effects an undo of those steps must reverse.
 */
import { unitNameOf } from '../core/application.js';
import { addDays, validUntil } from '../core/calendar.js';
import { describePeriod, workingPeriod, type WorkingPeriod } from '../core/work-calendar.js';
import { workCalendar } from '../rules/calendar-data.js';
import { ruleThresholds } from '../rules/data.js';
import { UsageError, RefusedError } from '../core/errors.js';
import { nextPlaqueNumbers } from '../core/shortlist.js';
import { nameKey } from '../core/text.js';
import { msg } from '../messages/index.js';
import { getApplication, listApplications } from '../store/applications.js';
import { findStudio } from '../store/assessments.js';
import { appendAudit, type Actor, type AuditEntry } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import { addObjection, getNotice, openObjections, resolveObjections, saveNotice, type Notice } from '../store/notice.js';
import type { Db } from '../store/open.js';
import { getRound } from '../store/rounds.js';
import { move } from '../store/status.js';
import { deleteStudio, hasAssessments, insertCertifiedStudio, setTerm, studioOfApplication, usedPlaques } from '../store/studios.js';
import { rankedByReview } from './shortlist.js';

export function subsidyFor(db: Db, round: number): number {
  return getRound(db, round).settings.subsidyYuan ?? ruleThresholds().subsidyYuan;
}

/**
 * The 公示 period: `noticeWorkingDays` working days from `from` by the State Council's calendar (refused when
 * the count runs into a year without a schedule), or the clerk's own end date, described by the same calendar.
 */
export function noticePeriod(from: string, to?: string): WorkingPeriod {
  return to ? describePeriod(from, to, workCalendar()) : workingPeriod(from, ruleThresholds().noticeWorkingDays, workCalendar());
}

export function noticeEnd(from: string, to?: string): string {
  return to ?? noticePeriod(from).to;
}

export interface PublicizeResult {
  notice: Notice;
  ids: number[];
  backup: string;
  period: WorkingPeriod;
}

export function publicize(db: Db, actor: Actor, dbFile: string, round: number, from: string, to?: string): PublicizeResult {
  if (to && to < from) throw new UsageError('notice-ends-before-start', msg('workflow.notice.endsBeforeStart', { from, to }));
  const period = noticePeriod(from, to);
  const endsOn = period.to;
  const ids = listApplications(db, round).filter((a) => a.status === 'shortlisted').map((a) => a.id);
  if (ids.length === 0) throw new RefusedError('nothing-to-publicize', msg('workflow.notice.nothingShortlisted', { round }));
  const notice = { round, startsOn: from, endsOn };
  const backup = autoBackup(db, dbFile, 'publicize');
  db.transaction(() => {
    saveNotice(db, notice, actor);
    for (const id of ids) move(db, actor, 'application', id, 'publicize', { from, to: endsOn });
  }).immediate();
  return { notice, ids, backup, period };
}

const OBJECTION_OPEN_STATUSES = new Set(['shortlisted', 'publicized']);

export function raiseObjection(db: Db, actor: Actor, id: number, reason: string): number {
  const app = getApplication(db, id);
  if (!app) throw new RefusedError('application-not-found', msg('cli.notFound', { id }));
  if (!OBJECTION_OPEN_STATUSES.has(app.status)) {
    throw new RefusedError('objection-not-open', msg('workflow.objection.notOpen', { id }));
  }
  return db.transaction(() => {
    const objectionId = addObjection(db, id, reason, actor);
    appendAudit(db, actor, 'application', id, 'objection', { objectionId, reason });
    return objectionId;
  })();
}

export function resolveObjection(db: Db, actor: Actor, id: number, resolution: string): number {
  if (openObjections(db, id).length === 0) throw new RefusedError('no-open-objection', msg('workflow.objection.noneOpen', { id }));
  return db.transaction(() => {
    const n = resolveObjections(db, id, resolution, actor);
    appendAudit(db, actor, 'application', id, 'objection-resolved', { resolution, count: n });
    return n;
  })();
}

export type BlockReason = 'notice-running' | 'objection-open' | 'studio-exists';

export interface CertifyResult {
  certified: { applicationId: number; studioId: number; plaque: string; studioName: string; validUntil: string }[];
  blocked: { applicationId: number; reason: BlockReason; message: string }[];
  backup: string | null;
}

export function certify(db: Db, actor: Actor, dbFile: string, round: number, date: string): CertifyResult {
  const notice = getNotice(db, round);
  if (!notice) throw new RefusedError('no-notice', msg('workflow.certify.noNotice', { round }));
  const ranked = rankedByReview(db, round, new Set(['publicized']));
  if (ranked.length === 0) throw new RefusedError('nothing-to-certify', msg('workflow.certify.nothingPublicized', { round }));
  const blocked: CertifyResult['blocked'] = [];
  const ready = ranked.filter(({ app }) => {
    const parsed = app.current.parsed.application;
    const objections = openObjections(db, app.id);
    if (date <= notice.endsOn) {
      blocked.push({ applicationId: app.id, reason: 'notice-running', message: msg('workflow.certify.noticeRunning', { endsOn: notice.endsOn, next: addDays(notice.endsOn, 1) }) });
    } else if (objections.length > 0) {
      blocked.push({ applicationId: app.id, reason: 'objection-open', message: msg('workflow.certify.objectionOpen', { count: objections.length, id: app.id }) });
    } else if (findStudio(db, nameKey(parsed.studioName), nameKey(parsed.lead.name))) {
      blocked.push({ applicationId: app.id, reason: 'studio-exists', message: msg('workflow.certify.studioExists', { name: parsed.studioName }) });
    } else return true;
    return false;
  });
  if (ready.length === 0) return { certified: [], blocked, backup: null };

  const backup = autoBackup(db, dbFile, 'certify');
  const subsidy = subsidyFor(db, round);
  const until = validUntil(date);
  const certified = db.transaction(() => {
    const plaques = nextPlaqueNumbers(round, usedPlaques(db), ready.length);
    return ready.map(({ app }, i) => {
      const a = app.current.parsed.application;
      const plaque = plaques[i]!;
      const studioId = insertCertifiedStudio(db, {
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
      move(db, actor, 'application', app.id, 'certify', { date, studioId, plaque });
      appendAudit(db, actor, 'studio', studioId, 'certify', { applicationId: app.id, plaque, certifiedOn: date, validUntil: until, subsidyYuan: subsidy });
      return { applicationId: app.id, studioId, plaque, studioName: a.studioName, validUntil: until };
    });
  }).immediate();
  return { certified, blocked, backup };
}

/**
 * Side effects to reverse before a status change is undone. Undoing 认定 removes the studio record it
 * created, unless the studio already has assessments; its plaque number is not handed out again (a plaque
 * may already be engraved), so the next certification takes the next number. Undoing 续建 puts the
 * previous term back. Runs inside the undo's transaction.
 */
export function reverseSideEffects(db: Db, entry: AuditEntry): void {
  const event = entry.detail.event;
  if (entry.entity === 'application' && event === 'certify') {
    const studio = studioOfApplication(db, entry.entityId!);
    if (!studio) return;
    if (hasAssessments(db, studio.id) || studio.status !== 'valid') {
      throw new RefusedError('undo-certify-refused', msg('workflow.undo.certifyHasHistory', { id: entry.entityId!, plaque: studio.plaque ?? '' }));
    }
    deleteStudio(db, studio.id);
  }
  if (entry.entity === 'studio' && event === 'renew') {
    const { previousStart, previousUntil } = entry.detail as { previousStart?: string; previousUntil?: string };
    if (previousStart && previousUntil) setTerm(db, entry.entityId!, previousStart, previousUntil);
  }
}
