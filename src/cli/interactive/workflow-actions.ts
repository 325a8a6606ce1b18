/**
 * Menu entries from expert review to plaque, and the studios after it. As in actions.ts, an entry asks its
 * questions, shows what a bulk step will change, asks to confirm, and then calls the same service as the
 * command, showing the result with the same renderer.
 */
import path from 'node:path';
import { APPLICATION_STATUSES, statusName } from '../../core/lifecycle.js';
import { msg } from '../../messages/index.js';
import { gradeName } from '../../scoring/index.js';
import { applicationView, applicationViews, otherRounds, type ApplicationJson } from '../../services/application-view.js';
import { confirmOutcomes, outcomePlan, scoreRound, withdrawAssessment } from '../../services/assessments.js';
import { certify, certifyPlan, type CertifyPlanEntry, noticeEnd, noticeOf, noticePeriod, openObjectionCount, publicize, raiseObjection, recordSubsidyPayment, resolveObjection, subsidyStudios } from '../../services/certification.js';
import { backupDatabase, planRestore, restoreDatabase } from '../../services/database.js';
import { currentActor } from '../../services/context.js';
import { historyOf, nextUndo, recordRef, undoLast } from '../../services/history.js';
import { importReviews as importReviewFiles } from '../../services/import-reviews.js';
import { reviewList, reviewMethodFor } from '../../services/review.js';
import { changeShortlist, confirmPlan, confirmShortlist, roundShortlist, shortlistSettings } from '../../services/shortlist.js';
import { certifiedOnLocked, checkCertifiedOn, endStudio, mergeStudios, renewStudio, setCertifiedOn, studios as listStudios, studiosDue, type StudioRow } from '../../services/studios.js';
import { backupFileName, parseDueWindow, parseNumberOption, todayIso } from '../parse.js';
import { addDays, validUntil } from '../../core/calendar.js';
import { emptyRoundText, importProgress, renderImportResults } from '../render/applications.js';
import { renderIntegrity } from '../render/database.js';
import { describeEntry, studioStatusOn, renderCertified, renderConfirmed, renderDue, renderHistory, renderOutcomes, renderProposal, renderReviews, undoneText } from '../render/workflow.js';
import { renderOutcomeUndone } from '../render/scores.js';
import { certifiedOnHint, yearAfter } from '../dates.js';
import { askDate, askOutputFile, askReason, askWorkbooks, BACK, cleanPath, confirmed, filtered, pickApplication, validatorOf } from './questions.js';
import type { MenuSession } from './session.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { periodLines } from '../../ui/period.js';

function appsIn(s: MenuSession, statuses: ReadonlySet<string>): ApplicationJson[] {
  const ws = s.existing();
  return ws ? applicationViews(ws, s.round).filter((a) => statuses.has(a.status)) : [];
}

export async function importReviews(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.reviews'));
  if (!files) return;
  const ws = s.workspace('review import');
  const results = await importReviewFiles(ws, files, { round: s.round, onProgress: importProgress(s.out) });
  s.out.endProgress();
  renderImportResults(s.out, results.map((r) => ({ ...r, id: undefined })), { round: s.round, dbPath: s.dbPath });
  const method = reviewMethodFor(ws, s.round);
  const reviews = reviewList(ws, s.round, method);
  if (reviews.length > 0) renderReviews(s.out, reviews, method);
}

/** A number the clerk may leave empty, checked by the same parser as the command's option. */
function optionalNumber(option: string, integer: boolean): (v: string) => string | true {
  return validatorOf((v) => parseNumberOption(v.trim() === '' ? undefined : v.trim(), option, integer));
}

export async function shortlistEntry(s: MenuSession): Promise<void> {
  const mode = await s.prompts.select<'propose' | 'add' | 'remove'>({
    message: msg('menu.shortlist.mode'),
    choices: [
      { name: msg('menu.shortlist.propose'), value: 'propose' },
      { name: msg('menu.shortlist.add'), value: 'add' },
      { name: msg('menu.shortlist.remove'), value: 'remove' },
    ],
  });
  if (mode !== 'propose') {
    const apps = appsIn(s, new Set(['reviewed', 'shortlisted']));
    if (apps.length === 0) {
      s.out.note(msg('menu.shortlist.noneReviewed', { round: s.round }));
      return;
    }
    const id = await pickApplication(s, apps, msg('menu.shortlist.pick'));
    if (id === BACK) return;
    const reason = await askReason(s, msg('menu.flow.reason'));
    const name = changeShortlist(s.workspace(`shortlist ${mode}`), s.round, id, mode, reason);
    s.out.success(msg(mode === 'add' ? 'workflow.shortlist.addRecorded' : 'workflow.shortlist.removeRecorded', { id, name, reason }));
    return;
  }
  const ws = s.existing('shortlist');
  const saved = ws ? shortlistSettings(ws, s.round) : undefined;
  const minScoreText = await s.prompts.input({ message: msg('menu.shortlist.minScoreQuestion'), default: saved?.minScore?.toString() ?? '', validate: optionalNumber('--min-score', false) });
  const quotaText = await s.prompts.input({ message: msg('menu.shortlist.quotaQuestion'), default: saved?.quota?.toString() ?? '', validate: optionalNumber('--quota', true) });
  const minScore = parseNumberOption(minScoreText.trim() || undefined, '--min-score', false);
  const quota = parseNumberOption(quotaText.trim() || undefined, '--quota', true);
  const given = { ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }) };
  // Shown, not yet saved: the settings are saved when the clerk confirms the list.
  const list = roundShortlist(s.workspace('shortlist'), s.round, given);
  renderProposal(s.out, list);
  const plan = confirmPlan(list);
  if (list.locked.length > 0 || (plan.shortlist.length === 0 && plan.unshortlist.length === 0)) return;
  // Only the sides that change: never "无 移出名单".
  const ids = (xs: number[]): string => xs.map((id) => `#${id}`).join('、');
  const changes = [
    ...(plan.shortlist.length > 0 ? [msg('menu.shortlist.previewAdd', { ids: ids(plan.shortlist) })] : []),
    ...(plan.unshortlist.length > 0 ? [msg('menu.shortlist.previewBack', { ids: ids(plan.unshortlist) })] : []),
  ];
  s.out.print(msg('menu.shortlist.preview', { changes: changes.join('；') }));
  if (!(await confirmed(s, msg('menu.shortlist.confirm')))) return;
  const confirmWs = s.workspace('shortlist confirm');
  renderConfirmed(s.out, confirmShortlist(confirmWs, s.round, given), s.round, (id) => applicationView(confirmWs, id).studioName);
}

type NoticeStep = 'publicize' | 'object' | 'resolve' | 'certify' | 'paid';

export async function noticeEntry(s: MenuSession): Promise<void> {
  const step = await s.prompts.select<NoticeStep>({
    message: msg('menu.notice.mode'),
    choices: (['publicize', 'object', 'resolve', 'certify', 'paid'] as const).map((value) => ({ name: msg(`menu.notice.${value}`), value })),
  });
  if (step === 'publicize') return publicizeStep(s);
  if (step === 'certify') return certifyStep(s);
  if (step === 'paid') return paidStep(s);
  const ws = s.existing();
  const apps = appsIn(s, new Set(['shortlisted', 'publicized'])).filter((a) => step === 'object' || (ws !== undefined && openObjectionCount(ws, a.id) > 0));
  if (apps.length === 0) {
    s.out.note(msg(step === 'object' ? 'menu.notice.noneListed' : 'menu.notice.noneObjected', { round: s.round }));
    return;
  }
  const id = await pickApplication(s, apps, msg('menu.notice.pick'));
  if (id === BACK) return;
  const reason = await askReason(s, msg(step === 'object' ? 'menu.notice.objectionReason' : 'menu.notice.resolution'));
  const name = apps.find((a) => a.id === id)!.studioName;
  if (step === 'resolve') {
    const count = resolveObjection(s.workspace('object'), id, reason);
    s.out.success(msg('workflow.objection.resolved', { id, count, name }));
  } else {
    const objectionId = raiseObjection(s.workspace('object'), id, reason);
    s.out.success(msg('workflow.objection.recorded', { id, objectionId, name }));
  }
}

async function publicizeStep(s: MenuSession): Promise<void> {
  const apps = appsIn(s, new Set(['shortlisted']));
  if (apps.length === 0) {
    s.out.note(msg('workflow.notice.nothingShortlisted', { round: s.round }));
    return;
  }
  const from = await askDate(s, msg('menu.notice.from'), 'noticeFrom', todayIso(), s.round);
  const to = await askNoticeEnd(s, from);
  s.out.print(msg('menu.notice.previewPublicize', { count: apps.length, from, to, list: apps.map((a) => `#${a.id} ${a.studioName}`).join('\n') }));
  for (const line of periodLines(noticePeriod(from, to))) s.out.print(line);
  if (!(await confirmed(s, msg('menu.notice.confirmPublicize')))) return;
  const result = publicize(s.workspace('publicize'), s.round, from, to);
  s.out.success(msg('workflow.notice.started', { count: result.ids.length, from: result.notice.startsOn, to: result.notice.endsOn }));
  s.out.note(msg('workflow.backupMade', { file: result.backup }));
}

/**
 * The last day of the 公示, by default the 5th working day; when the count runs into a year without a
 * holiday schedule, the clerk is told so and types the end date.
 */
async function askNoticeEnd(s: MenuSession, from: string): Promise<string> {
  const notBefore = (to: string): void => {
    if (to < from) throw new UsageError('notice-ends-before-start', msg('workflow.notice.endsBeforeStart', { from, to }));
  };
  try {
    return await askDate(s, msg('menu.notice.to'), 'noticeTo', noticeEnd(from), { onOrAfter: from }, notBefore);
  } catch (e) {
    if (!(e instanceof RefusedError) || e.code !== 'calendar-year-missing') throw e;
    s.out.warn(e.message);
    // No default to offer: an empty answer is refused like any unreadable date.
    return askDate(s, msg('menu.notice.toNoDefault'), 'noticeTo', '', { onOrAfter: from }, notBefore);
  }
}

async function certifyStep(s: MenuSession): Promise<void> {
  const ws = s.existing();
  if (!ws || appsIn(s, new Set(['publicized'])).length === 0) {
    s.out.note(msg('workflow.certify.nothingPublicized', { round: s.round }));
    return;
  }
  const notice = noticeOf(ws, s.round);
  const why = (p: CertifyPlanEntry): string => {
    if (!p.blocked) return msg('menu.notice.willCertify');
    if (p.blocked.reason === 'notice-running') return msg('menu.notice.waitNotice', { endsOn: notice?.endsOn ?? '' });
    if (p.blocked.reason === 'objection-open') return msg('menu.notice.waitObjection', { count: openObjectionCount(ws, p.applicationId) });
    return p.blocked.message;
  };
  const show = (plan: CertifyPlanEntry[]): void => s.out.print(plan.map((p) => `#${p.applicationId} ${p.studioName}：${why(p)}`).join('\n'));
  // Held whatever the date (an open objection, a lead who already leads a studio): said before a date is asked.
  const earliest = notice ? [todayIso(), addDays(notice.endsOn, 1)].sort()[1]! : todayIso();
  const ahead = certifyPlan(ws, s.round, earliest);
  // A held version waits for the clerk's word, asked below: not a reason to stop here.
  if (ahead.every((p) => p.blocked && p.blocked.reason !== 'version-held')) {
    show(ahead);
    s.out.note(msg('menu.notice.nothingToCertify'));
    return;
  }
  // The first day a 认定 can take effect is offered, so that pressing Enter never certifies nothing.
  const date = await askDate(s, msg('menu.notice.certifyDate'), 'certify', earliest, yearAfter(notice?.endsOn, s.round));
  let plan = certifyPlan(ws, s.round, date);
  show(plan);
  // Certifying on the version in effect while a newer one is held is the clerk's decision, asked (default no).
  const keepVersion = plan.some((p) => p.blocked?.reason === 'version-held') && (await s.prompts.confirm({ message: msg('records.certify.keepVersion'), default: false }));
  if (keepVersion) plan = certifyPlan(ws, s.round, date, { keepVersion });
  if (plan.every((p) => p.blocked)) {
    s.out.note(msg('menu.notice.nothingToCertifyOn', { date }));
    return;
  }
  if (!(await confirmed(s, msg('menu.notice.confirmCertify', { date })))) return;
  const certifyWs = s.workspace('certify');
  renderCertified(s.out, certify(certifyWs, s.round, date, { keepVersion }), date, (id) => applicationView(certifyWs, id).studioName);
}

async function paidStep(s: MenuSession): Promise<void> {
  const ws = s.existing();
  const unpaid = ws ? subsidyStudios(ws, s.round).filter((x) => !x.subsidyPaidOn) : [];
  if (unpaid.length === 0) {
    s.out.note(msg('menu.notice.noneUnpaid', { round: s.round }));
    return;
  }
  const id = await s.prompts.search({
    message: msg('menu.notice.pickStudio'),
    source: filtered(unpaid, (x) => `${x.plaque ?? ''} ${x.name} ${x.unitName}`, (x) => msg('menu.flow.studioChoice', { plaque: x.plaque ?? '', name: x.name, amount: x.subsidyYuan ?? 0 })),
  });
  if (id === BACK) return;
  const date = await askDate(s, msg('menu.notice.paidDate'), 'paid', todayIso(), yearAfter(unpaid.find((x) => x.id === id)?.certifiedOn, s.round));
  const studio = recordSubsidyPayment(s.workspace('subsidy paid'), String(id), date);
  s.out.success(msg('workflow.subsidy.paid', { name: studio.name, date, amount: studio.subsidyYuan ?? 0 }));
}

export async function dueEntry(s: MenuSession): Promise<void> {
  const within = await s.prompts.input({ message: msg('menu.due.within'), default: '6个月', validate: validatorOf((v) => parseDueWindow(v.trim() || '6个月')) });
  const window = within.trim() || '6个月';
  const ws = s.existing('studios due');
  if (!ws) {
    s.out.note(msg('workflow.studios.empty'));
    return;
  }
  const today = todayIso();
  renderDue(s.out, studiosDue(ws, today, window), window, today);
}

/** 备份数据库: a backup where the clerk says (checked as `db backup -o`), or 恢复: `db restore` with the same checks. */
export async function backupEntry(s: MenuSession): Promise<void> {
  const mode = await s.prompts.select<'backup' | 'restore'>({
    message: msg('menu.backup.mode'),
    choices: [
      { name: msg('menu.backup.backup'), value: 'backup' },
      { name: msg('menu.backup.restore'), value: 'restore' },
    ],
  });
  if (mode === 'restore') return restoreEntry(s);
  const target = await askOutputFile(s, backupFileName(s.dbPath, todayIso()), 'backup');
  backupDatabase(s.workspace('db backup', { mustExist: true }), target);
  s.out.success(msg('workflow.db.backedUp', { file: target.file }));
}

async function restoreEntry(s: MenuSession): Promise<void> {
  const source = (answer: string): string => path.resolve(s.cwd, cleanPath(answer));
  const answer = await s.prompts.input({ message: msg('menu.restore.which'), validate: validatorOf((v) => planRestore(source(v), s.dbPath)) });
  const plan = planRestore(source(answer), s.dbPath);
  renderIntegrity(s.out, plan.report, plan.source);
  s.out.note(msg('safety.restore.plan', { file: plan.source, database: s.dbPath }));
  if (!(await confirmed(s, msg('safety.restore.confirm', { database: s.dbPath })))) return;
  const restored = await restoreDatabase(s.dbPath, currentActor('gongshu interactive db restore'), plan.source);
  if (restored.backup) s.out.note(msg('workflow.backupMade', { file: restored.backup }));
  s.out.success(msg('safety.restore.done', { file: restored.source, database: s.dbPath, entries: restored.report.auditEntries }));
}

export async function historyEntry(s: MenuSession): Promise<void> {
  const kind = await s.prompts.select<'application' | 'studio'>({
    message: msg('menu.history.kind'),
    choices: [
      { name: msg('menu.history.application'), value: 'application' },
      { name: msg('menu.history.studio'), value: 'studio' },
    ],
  });
  const ws = s.existing('history');
  let id: number;
  if (kind === 'application') {
    const apps = appsIn(s, new Set(APPLICATION_STATUSES));
    if (apps.length === 0) {
      s.out.note(emptyRoundText(ws ? otherRounds(ws, s.round) : [], s.round));
      return;
    }
    id = await pickApplication(s, apps, msg('menu.notice.pick'));
  } else {
    const all = ws ? listStudios(ws, {}) : [];
    if (all.length === 0) {
      s.out.note(msg('workflow.studios.empty'));
      return;
    }
    id = await pickStudio(s, all);
  }
  if (id === BACK) return;
  const record = recordRef(ws!, kind, String(id));
  renderHistory(s.out, kind, record.title, historyOf(ws!, record));
  const last = nextUndo(ws!, record);
  if (!last) return;
  if (!(await s.prompts.confirm({ message: msg('menu.history.undoQuestion', { text: describeEntry(kind, last) }), default: false }))) return;
  const reason = await askReason(s, msg('menu.flow.reason'));
  const undone = undoLast(s.workspace('history'), record, reason);
  s.out.success(undoneText(kind, record.title, undone));
}

function pickStudio(s: MenuSession, studios: readonly StudioRow[]): Promise<number> {
  return s.prompts.search({
    message: msg('menu.notice.pickStudio'),
    source: filtered(
      studios,
      (x) => `${x.plaque ?? ''} ${x.name} ${x.unitName}`,
      (x) => msg(x.validUntil ? 'menu.studios.choice' : 'menu.studios.choiceNoTerm', { plaque: x.plaque ?? `#${x.id}`, name: x.name, status: studioStatusOn(x, todayIso()), until: x.validUntil ?? '' }),
    ),
  });
}

type StudioStep = 'outcomes' | 'renew' | 'expire' | 'revoke' | 'term' | 'merge' | 'withdraw';

const STUDIO_STEP_FILTER: Record<Exclude<StudioStep, 'outcomes' | 'withdraw'>, (x: StudioRow) => boolean> = {
  renew: (x) => x.status === 'assessed-pass',
  expire: (x) => x.status !== 'expired' && x.status !== 'revoked',
  revoke: (x) => x.status !== 'revoked',
  term: (x) => certifiedOnLocked(x) === undefined,
  merge: (x) => x.createdFrom !== 'certification',
};

export async function studiosEntry(s: MenuSession): Promise<void> {
  const step = await s.prompts.select<StudioStep>({
    message: msg('menu.studios.mode'),
    choices: (['outcomes', 'renew', 'expire', 'revoke', 'term', 'merge', 'withdraw'] as const).map((value) => ({ name: msg(`menu.studios.${value}`), value })),
  });
  const ws = s.existing();
  if (!ws) {
    s.out.note(msg('workflow.studios.empty'));
    return;
  }
  if (step === 'outcomes') return outcomesStep(s);
  if (step === 'withdraw') return withdrawAssessmentStep(s);
  const candidates = listStudios(ws, {}).filter(STUDIO_STEP_FILTER[step]);
  if (candidates.length === 0) {
    s.out.note(msg('menu.studios.none'));
    return;
  }
  const id = await pickStudio(s, candidates);
  if (id === BACK) return;
  const ref = String(id);
  const studio = candidates.find((x) => x.id === id)!;
  if (step === 'term') {
    // No default without a date on record: today would be a wrong 认定 date one keypress away.
    const today = todayIso();
    const date = await askDate(s, msg('menu.studios.certifiedOn'), 'certify', studio.certifiedOn ?? '', certifiedOnHint(studio), (d) => checkCertifiedOn(studio, d, today));
    // The date it already has needs no confirming: nothing is written.
    if (date !== studio.certifiedOn && !(await confirmed(s, msg('menu.studios.confirm.term', { name: studio.name, date, to: validUntil(date) })))) return;
    const r = setCertifiedOn(s.workspace('studios set'), ref, date, today);
    s.out.success(msg(r.unchanged ? 'workflow.studios.termUnchanged' : 'workflow.studios.termSet', { name: r.studio.name, from: date, to: r.validUntil }));
    return;
  }
  if (step === 'merge') return mergeStep(s, studio);
  const reason = step === 'revoke' ? await askReason(s, msg('menu.flow.reason')) : '';
  if (!(await confirmed(s, msg(`menu.studios.confirm.${step}`, { name: studio.name })))) return;
  if (step === 'renew') {
    const r = renewStudio(s.workspace('studios renew'), ref);
    s.out.success(msg('workflow.studios.renewed', { name: r.studio.name, from: r.startsOn, to: r.validUntil }));
  } else {
    endStudio(s.workspace(`studios ${step}`), ref, step, reason);
    s.out.success(msg('workflow.studios.ended', { name: studio.name, status: statusName(step === 'expire' ? 'expired' : 'revoked') }));
  }
}

async function outcomesStep(s: MenuSession): Promise<void> {
  const todo = outcomePlan(s.existing()!, s.round).filter((p) => !p.skipped);
  if (todo.length === 0) {
    s.out.note(msg('menu.studios.noOutcomes', { round: s.round }));
    return;
  }
  s.out.print(todo.map((p) => msg('menu.studios.outcomeLine', { name: p.name, grade: gradeName(p.grade) })).join('\n'));
  if (!(await confirmed(s, msg('menu.studios.confirmOutcomes', { count: todo.length })))) return;
  const { plan, backup } = confirmOutcomes(s.workspace('score confirm'), s.round);
  renderOutcomes(s.out, plan, backup);
}

async function mergeStep(s: MenuSession, from: StudioRow): Promise<void> {
  const targets = listStudios(s.existing()!, {}).filter((x) => x.id !== from.id);
  const into = await pickStudio(s, targets);
  if (into === BACK) return;
  const target = targets.find((x) => x.id === into)!;
  const reason = await askReason(s, msg('menu.flow.reason'));
  if (!(await confirmed(s, msg('menu.studios.confirm.merge', { from: from.name, into: target.name, plaque: target.plaque ?? `#${target.id}` })))) return;
  const r = mergeStudios(s.workspace('studios merge'), String(from.id), String(into), reason);
  s.out.success(msg('records.merge.done', { from: r.from.id, fromName: r.from.name, into: r.into.plaque ?? `#${r.into.id}`, intoName: r.into.name, count: r.assessments }));
}

async function withdrawAssessmentStep(s: MenuSession): Promise<void> {
  const { scored } = scoreRound(s.existing()!, s.round);
  if (scored.length === 0) {
    s.out.note(msg('cli.score.empty', { round: s.round }));
    return;
  }
  const id = await s.prompts.search({
    message: msg('menu.studios.pickAssessment'),
    source: filtered(
      scored,
      (x) => [x.stored.studio.name, x.stored.studio.leadName, x.stored.file].join(' '),
      (x) => msg('menu.studios.assessmentChoice', { id: x.id, studio: x.stored.studio.name, file: x.stored.file, grade: gradeName(x.result.grade) }),
    ),
  });
  if (id === BACK) return;
  const reason = await askReason(s, msg('menu.flow.reason'));
  const chosen = scored.find((x) => x.id === id)!;
  if (!(await confirmed(s, msg('menu.studios.confirm.withdraw', { id, name: chosen.stored.studio.name })))) return;
  const { statusUndone } = withdrawAssessment(s.workspace('assess withdraw'), id, reason);
  s.out.success(msg('records.assess.withdrawn', { id, name: chosen.stored.studio.name }));
  if (statusUndone) renderOutcomeUndone(s.out, chosen.stored, statusUndone);
}
