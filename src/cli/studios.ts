/** `gongshu studios list / due / renew / set / expire / revoke / merge` and `gongshu score confirm`. */
import { UsageError } from '../core/errors.js';
import { statusLabel } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { confirmOutcomes } from '../services/assessments.js';
import { endStudio, mergeStudios, parseStudioStatus, renewStudio, resolveStudio, setCertifiedOn, studios, studiosDue } from '../services/studios.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { parseDueWindow, reasonOption, todayIso } from './parse.js';
import { chinaYear } from '../core/china-time.js';
import { termOver } from '../core/due.js';
import { certifiedOnHint, dateOption, yearAfter } from './dates.js';
import { renderDue, renderOutcomes, renderStudios, studioJson } from './render/workflow.js';

export async function studiosList(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const status = typeof opts.status === 'string' ? parseStudioStatus(opts.status) : undefined;
  const rows = ctx.hasDatabase() ? studios(ctx.workspace({ mustExist: true }), status ? { status } : {}) : [];
  const today = todayIso();
  if (ctx.json) {
    ctx.out.printJson(rows.map((s) => ({ ...studioJson(s), termOver: termOver(s, today) })));
    return;
  }
  if (rows.length === 0) {
    ctx.out.note(msg('workflow.studios.empty'));
    return;
  }
  renderStudios(ctx.out, rows, today);
}

export async function studiosDueCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const window = parseDueWindow(typeof opts.within === 'string' ? opts.within.trim() : '6个月');
  const today = dateOption(ctx.out, opts.date, '--date', 'asOf', chinaYear()) ?? todayIso();
  const report = studiosDue(ctx.workspace({ mustExist: true }), today, window);
  if (ctx.json) {
    ctx.out.printJson({ today, window, items: report.items, withoutTerm: report.withoutTerm.map(studioJson) });
    return;
  }
  renderDue(ctx.out, report, window, today);
}

export async function studiosRenew(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = ctx.workspace({ mustExist: true });
  // The new term follows the old one: a date without a year is taken near the old term's end.
  const startsOn = opts.date === undefined ? undefined : dateOption(ctx.out, opts.date, '--date', 'renew', yearAfter(resolveStudio(ws, ref!).validUntil, chinaYear()));
  const r = renewStudio(ws, ref!, startsOn, reasonOption(opts));
  ctx.out.success(msg('workflow.studios.renewed', { name: r.studio.name, from: r.startsOn, to: r.validUntil }));
}

export async function studiosSet(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  if (typeof opts.certifiedOn !== 'string') throw new UsageError('nothing-to-set', msg('workflow.studios.nothingToSet'));
  const ws = ctx.workspace({ mustExist: true });
  const date = dateOption(ctx.out, opts.certifiedOn, '--certified-on', 'certify', certifiedOnHint(resolveStudio(ws, ref!)))!;
  const r = setCertifiedOn(ws, ref!, date);
  ctx.out.success(msg(r.unchanged ? 'workflow.studios.termUnchanged' : 'workflow.studios.termSet', { name: r.studio.name, from: date, to: r.validUntil }));
}

async function endCmd(ctx: CliContext, ref: string, opts: Record<string, unknown>, event: 'expire' | 'revoke'): Promise<void> {
  const reason = reasonOption(opts, event === 'revoke');
  const studio = endStudio(ctx.workspace({ mustExist: true }), ref, event, reason);
  ctx.out.success(msg('workflow.studios.ended', { name: studio.name, status: statusLabel(event === 'expire' ? 'expired' : 'revoked') }));
}

export async function studiosExpire(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  await endCmd(ctx, ref!, opts, 'expire');
}

export async function studiosRevoke(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  await endCmd(ctx, ref!, opts, 'revoke');
}

export async function studiosMerge(ctx: CliContext, [from, into]: string[], opts: Record<string, unknown>): Promise<void> {
  const r = mergeStudios(ctx.workspace({ mustExist: true }), from!, into!, reasonOption(opts, true));
  ctx.out.success(msg('records.merge.done', { from: r.from.id, fromName: r.from.name, into: r.into.plaque ?? `#${r.into.id}`, intoName: r.into.name, count: r.assessments }));
}

export async function scoreConfirm(ctx: CliContext): Promise<number> {
  const { plan, backup } = confirmOutcomes(ctx.workspace({ mustExist: true }), ctx.round);
  if (ctx.json) {
    ctx.out.printJson({ recorded: plan.filter((p) => !p.skipped), skipped: plan.filter((p) => p.skipped), backup });
    return ExitCode.ok;
  }
  renderOutcomes(ctx.out, plan, backup);
  return ExitCode.ok;
}
