/** `gongshu publicize`, `object`, `certify`, `subsidy paid`, `export subsidy`. */
import { msg } from '../messages/index.js';
import { periodLines } from '../ui/period.js';
import { applicationView } from '../services/application-view.js';
import { resolveStudio } from '../services/studios.js';
import { certify, noticeOf, publicize, raiseObjection, recordSubsidyPayment, resolveObjection } from '../services/certification.js';
import type { Workspace } from '../services/context.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption, todayIso } from './parse.js';
import { dateOption, yearAfter } from './dates.js';
import { renderCertified } from './render/workflow.js';

function nameOf(ws: Workspace): (id: number) => string {
  return (id) => applicationView(ws, id).studioName;
}

export async function publicizeCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const from = dateOption(ctx.out, opts.from, '--from', 'noticeFrom', ctx.round) ?? todayIso();
  // 1月5日 as the end of a 公示 that starts on 2026-12-28 is not guessed to be 2027: it is taken in the
  // start's year and refused as ending before it starts.
  const to = dateOption(ctx.out, opts.to, '--to', 'noticeTo', { onOrAfter: from });
  const ws = ctx.workspace({ mustExist: true });
  const result = publicize(ws, ctx.round, from, to);
  if (ctx.json) {
    ctx.out.printJson(result);
    return;
  }
  ctx.out.print(result.ids.map((id) => `#${id} ${nameOf(ws)(id)}`).join('\n'));
  ctx.out.success(msg('workflow.notice.started', { count: result.ids.length, from: result.notice.startsOn, to: result.notice.endsOn }));
  for (const line of periodLines(result.period)) ctx.out.note(line);
  ctx.out.note(msg('workflow.backupMade', { file: result.backup }));
}

export async function objectCmd(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const reason = reasonOption(opts, true);
  const ws = ctx.workspace({ mustExist: true });
  if (opts.resolve) {
    const n = resolveObjection(ws, id, reason);
    ctx.out.success(msg('workflow.objection.resolved', { id, count: n, name: nameOf(ws)(id) }));
    return;
  }
  const objectionId = raiseObjection(ws, id, reason);
  ctx.out.success(msg('workflow.objection.recorded', { id, objectionId, name: nameOf(ws)(id) }));
}

export async function certifyCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const ws = ctx.workspace({ mustExist: true });
  // 1月8日 after a 公示 over New Year is in the new year: the year is taken near the 公示's end.
  const date = dateOption(ctx.out, opts.date, '--date', 'certify', yearAfter(noticeOf(ws, ctx.round)?.endsOn, ctx.round)) ?? todayIso();
  const result = certify(ws, ctx.round, date, { keepVersion: opts.keepVersion === true });
  if (ctx.json) ctx.out.printJson(result);
  else renderCertified(ctx.out, result, date, nameOf(ws));
  return result.blocked.length > 0 ? ExitCode.failed : ExitCode.ok;
}

export async function subsidyPaid(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = ctx.workspace({ mustExist: true });
  // Paid after the 认定: a date without a year is taken near the studio's 认定 date.
  const paidOn = opts.undo ? null : (dateOption(ctx.out, opts.date, '--date', 'paid', yearAfter(resolveStudio(ws, ref!).certifiedOn, ctx.round)) ?? todayIso());
  const studio = recordSubsidyPayment(ws, ref!, paidOn);
  ctx.out.success(paidOn ? msg('workflow.subsidy.paid', { name: studio.name, date: paidOn, amount: studio.subsidyYuan ?? 0 }) : msg('workflow.subsidy.unpaid', { name: studio.name }));
}
