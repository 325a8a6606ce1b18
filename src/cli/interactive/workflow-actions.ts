/**
 * Menu entries from expert review to plaque, and the studios after it (issue 5). As in actions.ts, an
 * entry asks its questions, shows what a bulk step will change, asks to confirm, and then calls the
 * command's own action.
 */
import { parseWindow } from '../../core/calendar.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { msg } from '../../messages/index.js';
import { noticeEnd, noticePeriod } from '../../services/certification.js';
import { periodLines } from '../../ui/period.js';
import { echoDate, readDate } from '../dates.js';
import { confirmPlan, shortlistSettings } from '../../services/shortlist.js';
import { listApplications, type StoredApplication } from '../../store/applications.js';
import { getNotice, openObjections } from '../../store/notice.js';
import { listStudios } from '../../store/studios.js';
import { emptyRoundText } from '../apply.js';
import { certifyCmd, objectCmd, publicizeCmd, subsidyPaid } from '../certification.js';
import { todayIso } from '../context.js';
import { backupFileName, dbBackup } from '../backup.js';
import { reviewImport, reviewList } from '../review.js';
import { parseNumberOption, previewShortlist, shortlistAdd, shortlistConfirm, shortlistRemove } from '../shortlist.js';
import { scoreConfirm, studiosDueCmd, studiosExpire, studiosRenew, studiosRevoke, studiosSet } from '../studios.js';
import { describeEntry, history } from '../history.js';
import { APPLICATION_STATUSES, statusName } from '../../core/lifecycle.js';
import { gradeName } from '../../scoring/index.js';
import { scoreRound } from '../../services/scoring.js';
import { outcomePlan } from '../../services/studios.js';
import type { StudioRow } from '../../store/assessments.js';
import { auditFor } from '../../store/audit.js';
import { lastUndoable } from '../../store/status.js';
import { askDate, askOutputFile, askWorkbooks, BACK, filtered, validatorOf } from './questions.js';
import type { MenuSession } from './session.js';

function appsIn(s: MenuSession, statuses: ReadonlySet<string>): StoredApplication[] {
  const db = s.existingDb();
  return db ? listApplications(db, s.round).filter((a) => statuses.has(a.status)) : [];
}

function pickStored(s: MenuSession, apps: readonly StoredApplication[], message: string): Promise<number> {
  return s.prompts.search({
    message,
    source: filtered(
      apps,
      (a) => [a.current.parsed.application.studioName, a.current.parsed.application.unit.name, a.current.parsed.application.lead.name].join(' '),
      (a) => msg('menu.flow.appChoice', { id: a.id, studio: a.current.parsed.application.studioName, unit: a.current.parsed.application.unit.name }),
    ),
  });
}

async function askReason(s: MenuSession, message: string): Promise<string> {
  return (await s.prompts.input({ message, validate: (v) => (v.trim() ? true : msg('workflow.reasonRequired')) })).trim();
}

async function confirmed(s: MenuSession, message: string): Promise<boolean> {
  if (await s.prompts.confirm({ message, default: false })) return true;
  s.out.note(msg('menu.cancelled'));
  return false;
}

export async function importReviews(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.reviews'));
  if (!files) return;
  await reviewImport(s.context('review import'), files);
  await reviewList(s.context('review list'), [], {});
}

/** A number the clerk may leave empty, checked by the command's own option parser. */
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
    const id = await pickStored(s, apps, msg('menu.shortlist.pick'));
    if (id === BACK) return;
    const reason = await askReason(s, msg('menu.flow.reason'));
    await (mode === 'add' ? shortlistAdd : shortlistRemove)(s.context(`shortlist ${mode}`), [String(id)], { reason });
    return;
  }
  const db = s.existingDb();
  const saved = db ? shortlistSettings(db, s.round) : undefined;
  const minScoreText = await s.prompts.input({ message: msg('menu.shortlist.minScoreQuestion'), default: saved?.minScore?.toString() ?? '', validate: optionalNumber('--min-score', false) });
  const quotaText = await s.prompts.input({ message: msg('menu.shortlist.quotaQuestion'), default: saved?.quota?.toString() ?? '', validate: optionalNumber('--quota', true) });
  const minScore = parseNumberOption(minScoreText.trim() || undefined, '--min-score', false);
  const quota = parseNumberOption(quotaText.trim() || undefined, '--quota', true);
  const given = { ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }) };
  const list = await previewShortlist(s.context('shortlist'), given);
  const plan = confirmPlan(list);
  if (list.locked.length > 0 || (plan.shortlist.length === 0 && plan.unshortlist.length === 0)) return;
  const ids = (list: number[]): string => list.map((id) => `#${id}`).join('、') || msg('menu.override.none');
  s.out.print(msg('menu.shortlist.preview', { add: ids(plan.shortlist), back: ids(plan.unshortlist) }));
  if (!(await confirmed(s, msg('menu.shortlist.confirm')))) return;
  await shortlistConfirm(s.context('shortlist confirm'), [], { ...(minScore === undefined ? {} : { minScore: String(minScore) }), ...(quota === undefined ? {} : { quota: String(quota) }) });
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
  const db = s.existingDb();
  const apps = appsIn(s, new Set(['shortlisted', 'publicized'])).filter((a) => step === 'object' || (db !== undefined && openObjections(db, a.id).length > 0));
  if (apps.length === 0) {
    s.out.note(msg(step === 'object' ? 'menu.notice.noneListed' : 'menu.notice.noneObjected', { round: s.round }));
    return;
  }
  const id = await pickStored(s, apps, msg('menu.notice.pick'));
  if (id === BACK) return;
  const reason = await askReason(s, msg(step === 'object' ? 'menu.notice.objectionReason' : 'menu.notice.resolution'));
  await objectCmd(s.context('object'), [String(id)], { reason, ...(step === 'resolve' ? { resolve: true } : {}) });
}

async function publicizeStep(s: MenuSession): Promise<void> {
  const apps = appsIn(s, new Set(['shortlisted']));
  if (apps.length === 0) {
    s.out.note(msg('workflow.notice.nothingShortlisted', { round: s.round }));
    return;
  }
  const from = await askDate(s, msg('menu.notice.from'), 'noticeFrom', todayIso());
  const to = await askNoticeEnd(s, from);
  s.out.print(msg('menu.notice.previewPublicize', { count: apps.length, from, to, list: apps.map((a) => `#${a.id} ${a.current.parsed.application.studioName}`).join('\n') }));
  for (const line of periodLines(noticePeriod(from, to))) s.out.print(line);
  if (!(await confirmed(s, msg('menu.notice.confirmPublicize')))) return;
  await publicizeCmd(s.context('publicize'), [], { from, to });
}

/**
 * The last day of the 公示, by default the 5th working day; when the count runs into a year without a
 * holiday schedule, the clerk is told so and types the end date.
 */
async function askNoticeEnd(s: MenuSession, from: string): Promise<string> {
  const notBefore = (to: string): void => {
    if (to < from) throw new UsageError('notice-ends-before-start', msg('workflow.notice.endsBeforeStart', { from, to }));
  };
  let suggested: string;
  try {
    suggested = noticeEnd(from);
  } catch (e) {
    if (!(e instanceof RefusedError) || e.code !== 'calendar-year-missing') throw e;
    s.out.warn(e.message);
    const answer = await s.prompts.input({ message: msg('menu.notice.toNoDefault'), validate: validatorOf((v) => notBefore(readDate(v).value)) });
    const typed = readDate(answer);
    echoDate(s.out, 'noticeTo', typed);
    return typed.value;
  }
  return askDate(s, msg('menu.notice.to'), 'noticeTo', suggested, notBefore);
}

async function certifyStep(s: MenuSession): Promise<void> {
  const db = s.existingDb();
  const apps = appsIn(s, new Set(['publicized']));
  const notice = db ? getNotice(db, s.round) : undefined;
  if (apps.length === 0 || !notice) {
    s.out.note(msg('workflow.certify.nothingPublicized', { round: s.round }));
    return;
  }
  const date = await askDate(s, msg('menu.notice.certifyDate'), 'certify', todayIso());
  const lines = apps.map((a) => {
    const open = openObjections(db!, a.id).length;
    const why = date <= notice.endsOn ? msg('menu.notice.waitNotice', { endsOn: notice.endsOn }) : open > 0 ? msg('menu.notice.waitObjection', { count: open }) : msg('menu.notice.willCertify');
    return `#${a.id} ${a.current.parsed.application.studioName}：${why}`;
  });
  s.out.print(lines.join('\n'));
  if (!(await confirmed(s, msg('menu.notice.confirmCertify', { date })))) return;
  await certifyCmd(s.context('certify'), [], { date });
}

async function paidStep(s: MenuSession): Promise<void> {
  const db = s.existingDb();
  const studios = db ? listStudios(db, { selectionYear: s.round }).filter((x) => x.subsidyYuan !== null && !x.subsidyPaidOn) : [];
  if (studios.length === 0) {
    s.out.note(msg('menu.notice.noneUnpaid', { round: s.round }));
    return;
  }
  const id = await s.prompts.search({
    message: msg('menu.notice.pickStudio'),
    source: filtered(studios, (x) => `${x.plaque ?? ''} ${x.name} ${x.unitName}`, (x) => msg('menu.flow.studioChoice', { plaque: x.plaque ?? '', name: x.name, amount: x.subsidyYuan ?? 0 })),
  });
  if (id === BACK) return;
  const date = await askDate(s, msg('menu.notice.paidDate'), 'paid', todayIso());
  await subsidyPaid(s.context('subsidy paid'), [String(id)], { date });
}

export async function dueEntry(s: MenuSession): Promise<void> {
  const within = await s.prompts.input({
    message: msg('menu.due.within'),
    default: '6m',
    validate: validatorOf((v) => {
      if (!parseWindow(v.trim() || '6m')) throw new UsageError('invalid-window', msg('lifecycle.window.invalid', { value: v }));
    }),
  });
  await studiosDueCmd(s.context('studios due'), [], { within: within.trim() || '6m' });
}

export async function backupEntry(s: MenuSession): Promise<void> {
  const target = await askOutputFile(s, backupFileName(s.dbPath, todayIso()));
  await dbBackup(s.context('db backup'), [], { output: target.file, force: target.force });
}

export async function historyEntry(s: MenuSession): Promise<void> {
  const kind = await s.prompts.select<'application' | 'studio'>({
    message: msg('menu.history.kind'),
    choices: [
      { name: msg('menu.history.application'), value: 'application' },
      { name: msg('menu.history.studio'), value: 'studio' },
    ],
  });
  const db = s.existingDb();
  let id: number;
  if (kind === 'application') {
    const apps = appsIn(s, new Set(APPLICATION_STATUSES));
    if (apps.length === 0) {
      s.out.note(db ? emptyRoundText(db, s.round) : msg('cli.list.empty', { round: s.round }));
      return;
    }
    id = await pickStored(s, apps, msg('menu.notice.pick'));
  } else {
    const studios = db ? listStudios(db) : [];
    if (studios.length === 0) {
      s.out.note(msg('workflow.studios.empty'));
      return;
    }
    id = await pickStudio(s, studios);
  }
  if (id === BACK) return;
  const opts = kind === 'studio' ? { studio: true } : {};
  await history(s.context('history'), [String(id)], opts);
  const last = lastUndoable(auditFor(s.existingDb()!, kind, id));
  if (!last) return;
  if (!(await s.prompts.confirm({ message: msg('menu.history.undoQuestion', { text: describeEntry(kind, last) }), default: false }))) return;
  const reason = await askReason(s, msg('menu.flow.reason'));
  await history(s.context('history'), [String(id)], { ...opts, undo: true, reason });
}

function pickStudio(s: MenuSession, studios: readonly StudioRow[]): Promise<number> {
  return s.prompts.search({
    message: msg('menu.notice.pickStudio'),
    source: filtered(
      studios,
      (x) => `${x.plaque ?? ''} ${x.name} ${x.unitName}`,
      (x) => msg('menu.studios.choice', { plaque: x.plaque ?? `#${x.id}`, name: x.name, status: statusName(x.status), until: x.validUntil ?? '' }),
    ),
  });
}

type StudioStep = 'outcomes' | 'renew' | 'expire' | 'revoke' | 'term';

const STUDIO_STEP_FILTER: Record<Exclude<StudioStep, 'outcomes'>, (x: StudioRow) => boolean> = {
  renew: (x) => x.status === 'assessed-pass',
  expire: (x) => x.status !== 'expired' && x.status !== 'revoked',
  revoke: (x) => x.status !== 'revoked',
  term: (x) => x.createdFrom !== 'certification',
};

export async function studiosEntry(s: MenuSession): Promise<void> {
  const step = await s.prompts.select<StudioStep>({
    message: msg('menu.studios.mode'),
    choices: (['outcomes', 'renew', 'expire', 'revoke', 'term'] as const).map((value) => ({ name: msg(`menu.studios.${value}`), value })),
  });
  const db = s.existingDb();
  if (!db) {
    s.out.note(msg('workflow.studios.empty'));
    return;
  }
  if (step === 'outcomes') {
    const plan = outcomePlan(db, scoreRound(db, s.round).scored);
    const todo = plan.filter((p) => !p.skipped);
    if (todo.length === 0) {
      s.out.note(msg('menu.studios.noOutcomes', { round: s.round }));
      return;
    }
    s.out.print(todo.map((p) => msg('menu.studios.outcomeLine', { name: p.name, grade: gradeName(p.grade) })).join('\n'));
    if (!(await confirmed(s, msg('menu.studios.confirmOutcomes', { count: todo.length })))) return;
    await scoreConfirm(s.context('score confirm'), [], {});
    return;
  }
  const studios = listStudios(db).filter(STUDIO_STEP_FILTER[step]);
  if (studios.length === 0) {
    s.out.note(msg('menu.studios.none'));
    return;
  }
  const id = await pickStudio(s, studios);
  if (id === BACK) return;
  const ref = [String(id)];
  if (step === 'term') {
    const date = await askDate(s, msg('menu.studios.certifiedOn'), 'certify', todayIso());
    await studiosSet(s.context('studios set'), ref, { certifiedOn: date });
    return;
  }
  const studio = studios.find((x) => x.id === id)!;
  const reason = step === 'revoke' ? await askReason(s, msg('menu.flow.reason')) : '';
  if (!(await confirmed(s, msg(`menu.studios.confirm.${step}`, { name: studio.name })))) return;
  if (step === 'renew') await studiosRenew(s.context('studios renew'), ref, {});
  else if (step === 'expire') await studiosExpire(s.context('studios expire'), ref, {});
  else await studiosRevoke(s.context('studios revoke'), ref, { reason });
}
