/** `gongshu studios list / due / renew / expire / revoke` and `gongshu score confirm`. */
import { parseWindow } from '../core/calendar.js';
import { UsageError, RefusedError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import { statusLabel, statusName, STUDIO_STATUSES } from '../core/lifecycle.js';
import { maskIdNumber } from '../core/text.js';
import { msg } from '../messages/index.js';
import { gradeName } from '../scoring/index.js';
import { scoreRound } from '../services/scoring.js';
import { endStudio, outcomePlan, recordOutcomes, renewStudio, setCertifiedOn, studiosDue } from '../services/studios.js';
import type { StudioRow } from '../store/assessments.js';
import { listStudios } from '../store/studios.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';
import { reasonOption, todayIso } from './context.js';
import { dateOption } from './dates.js';

function studioJson(s: StudioRow) {
  return {
    id: s.id,
    plaque: s.plaque,
    name: s.name,
    leadName: s.leadName,
    leadIdNumber: s.leadIdNumber ? maskIdNumber(s.leadIdNumber) : '',
    unitName: s.unitName,
    occupation: s.occupation,
    status: s.status,
    statusName: statusName(s.status),
    selectionYear: s.selectionYear,
    certifiedOn: s.certifiedOn,
    termStartedOn: s.termStartedOn,
    validUntil: s.validUntil,
    subsidyYuan: s.subsidyYuan,
    subsidyPaidOn: s.subsidyPaidOn,
    applicationId: s.applicationId,
  };
}

export async function studiosList(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  let status: string | undefined;
  if (typeof opts.status === 'string') {
    const wanted = opts.status.trim();
    status = STUDIO_STATUSES.find((s) => s === wanted || statusLabel(s) === wanted);
    if (!status) throw new UsageError('bad-status', msg('workflow.studios.badStatus', { value: wanted, allowed: STUDIO_STATUSES.map((s) => `${s}（${statusLabel(s)}）`).join('、') }));
  }
  const db = ctx.openDb({ mustExist: true });
  const studios = listStudios(db, status ? { status } : {});
  if (ctx.json) {
    ctx.out.printJson(studios.map(studioJson));
    return;
  }
  if (studios.length === 0) {
    ctx.out.note(msg('workflow.studios.empty'));
    return;
  }
  ctx.out.print(
    renderTable(
      msg('workflow.studios.head').split('|'),
      studios.map((s) => [`#${s.id}`, s.plaque ?? '', s.name, s.leadName, s.unitName, statusName(s.status), s.certifiedOn ?? '', s.validUntil ?? '']),
    ),
  );
  ctx.out.note(msg('workflow.studios.count', { count: studios.length }));
}

export async function studiosDueCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const window = typeof opts.within === 'string' ? opts.within.trim() : '6m';
  if (!parseWindow(window)) throw new UsageError('invalid-window', msg('lifecycle.window.invalid', { value: window }));
  const today = dateOption(ctx.out, opts.date, '--date', 'asOf') ?? todayIso();
  const db = ctx.openDb({ mustExist: true });
  const report = studiosDue(db, today, window);
  if (ctx.json) {
    ctx.out.printJson({ today, window, items: report.items, withoutTerm: report.withoutTerm.map(studioJson) });
    return;
  }
  if (report.items.length === 0) ctx.out.success(msg('workflow.studios.noneDue', { window, today }));
  else {
    ctx.out.print(
      renderTable(
        msg('workflow.studios.dueHead').split('|'),
        report.items.map((d) => [`#${d.id}`, d.name, statusName(d.status), d.validUntil, d.messages.join('\n')]),
      ),
    );
  }
  if (report.withoutTerm.length > 0) ctx.out.warn(msg('workflow.studios.withoutTerm', { names: report.withoutTerm.map((s) => `#${s.id} ${s.name}`).join('、') }));
}

export async function studiosRenew(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const startsOn = dateOption(ctx.out, opts.date, '--date', 'renew');
  const db = ctx.openDb({ mustExist: true });
  const reason = reasonOption(opts);
  const r = renewStudio(db, ctx.actor, ref!, startsOn, reason);
  ctx.out.success(msg('workflow.studios.renewed', { name: r.studio.name, from: r.startsOn, to: r.validUntil }));
}

export async function studiosSet(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  if (typeof opts.certifiedOn !== 'string') throw new UsageError('nothing-to-set', msg('workflow.studios.nothingToSet'));
  const date = dateOption(ctx.out, opts.certifiedOn, '--certified-on', 'certify')!;
  const db = ctx.openDb({ mustExist: true });
  const r = setCertifiedOn(db, ctx.actor, ref!, date);
  ctx.out.success(msg('workflow.studios.termSet', { name: r.studio.name, from: date, to: r.validUntil }));
}

async function endCmd(ctx: CliContext, ref: string, opts: Record<string, unknown>, event: 'expire' | 'revoke'): Promise<void> {
  const reason = reasonOption(opts, event === 'revoke');
  const db = ctx.openDb({ mustExist: true });
  const studio = endStudio(db, ctx.actor, ref, event, reason);
  ctx.out.success(msg('workflow.studios.ended', { name: studio.name, status: statusLabel(event === 'expire' ? 'expired' : 'revoked') }));
}

export async function studiosExpire(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  await endCmd(ctx, ref!, opts, 'expire');
}

export async function studiosRevoke(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  await endCmd(ctx, ref!, opts, 'revoke');
}

export async function scoreConfirm(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const db = ctx.openDb({ mustExist: true });
  const { scored } = scoreRound(db, ctx.round, typeof opts.rubric === 'string' ? opts.rubric : undefined);
  if (scored.length === 0) throw new RefusedError('nothing-scored', msg('cli.score.empty', { round: ctx.round }));
  const plan = outcomePlan(db, scored);
  const backup = recordOutcomes(db, ctx.actor, ctx.dbPath, ctx.round, plan);
  if (ctx.json) {
    ctx.out.printJson({ recorded: plan.filter((p) => !p.skipped), skipped: plan.filter((p) => p.skipped), backup });
    return ExitCode.ok;
  }
  ctx.out.print(
    renderTable(
      msg('workflow.score.confirmHead').split('|'),
      plan.map((p) => [`#${p.studioId}`, p.name, gradeName(p.grade), p.skipped ? ctx.out.color.yellow(p.skipped) : statusName(p.to!)]),
    ),
  );
  const recorded = plan.filter((p) => !p.skipped).length;
  ctx.out.success(msg('workflow.score.confirmed', { count: recorded, skipped: plan.length - recorded }));
  if (backup) ctx.out.note(msg('workflow.backupMade', { file: backup }));
  return ExitCode.ok;
}
