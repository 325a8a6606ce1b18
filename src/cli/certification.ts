/** `gongshu publicize`, `object`, `certify`, `subsidy paid`, `export subsidy`, `apply reject / withdraw`. */
import { RefusedError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import { statusName } from '../core/lifecycle.js';
import { buildSubsidyWorkbook, subsidyTotal } from '../excel/write/subsidy.js';
import { loadExcel, resolveOutputFile, writeWorkbookAtomically } from '../export/output-file.js';
import { officialText } from '../messages/export.js';
import { msg } from '../messages/index.js';
import { certify, publicize, raiseObjection, resolveObjection } from '../services/certification.js';
import { resolveStudio } from '../services/studios.js';
import { noticeSettings } from '../rules/notice-data.js';
import { getRound } from '../store/rounds.js';
import { applicationStudioName } from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import { resolveObjections } from '../store/notice.js';
import { move } from '../store/status.js';
import { listStudios, setSubsidyPaid } from '../store/studios.js';
import { periodLines } from '../ui/period.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption, todayIso } from './context.js';
import { dateOption } from './dates.js';

/** A count into a year without holidays can be avoided by giving the end date: say which option does that. */
function withToHint<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RefusedError && e.code === 'calendar-year-missing') throw new RefusedError(e.code, `${e.message}${msg('calendar.orTo')}`);
    throw e;
  }
}

function nameOf(ctx: CliContext, id: number): string {
  return applicationStudioName(ctx.openDb(), id);
}

export async function publicizeCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const from = dateOption(ctx.out, opts.from, '--from', 'noticeFrom') ?? todayIso();
  const to = dateOption(ctx.out, opts.to, '--to', 'noticeTo');
  const db = ctx.openDb({ mustExist: true });
  const result = withToHint(() => publicize(db, ctx.actor, ctx.dbPath, ctx.round, from, to));
  if (ctx.json) {
    ctx.out.printJson(result);
    return;
  }
  ctx.out.print(result.ids.map((id) => `#${id} ${nameOf(ctx, id)}`).join('\n'));
  ctx.out.success(msg('workflow.notice.started', { count: result.ids.length, from: result.notice.startsOn, to: result.notice.endsOn }));
  for (const line of periodLines(result.period)) ctx.out.note(line);
  ctx.out.note(msg('workflow.backupMade', { file: result.backup }));
}

export async function objectCmd(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const db = ctx.openDb({ mustExist: true });
  const reason = reasonOption(opts, true);
  if (opts.resolve) {
    const n = resolveObjection(db, ctx.actor, id, reason);
    ctx.out.success(msg('workflow.objection.resolved', { id, count: n, name: nameOf(ctx, id) }));
    return;
  }
  const objectionId = raiseObjection(db, ctx.actor, id, reason);
  ctx.out.success(msg('workflow.objection.recorded', { id, objectionId, name: nameOf(ctx, id) }));
}

export async function certifyCmd(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const date = dateOption(ctx.out, opts.date, '--date', 'certify') ?? todayIso();
  const db = ctx.openDb({ mustExist: true });
  const result = certify(db, ctx.actor, ctx.dbPath, ctx.round, date);
  if (ctx.json) {
    ctx.out.printJson(result);
    return result.blocked.length > 0 ? ExitCode.failed : ExitCode.ok;
  }
  if (result.certified.length > 0) {
    ctx.out.print(
      renderTable(
        msg('workflow.certify.head').split('|'),
        result.certified.map((c) => [`#${c.applicationId}`, c.studioName, c.plaque, date, c.validUntil]),
      ),
    );
    ctx.out.success(msg('workflow.certify.done', { count: result.certified.length, date }));
  }
  for (const b of result.blocked) ctx.out.warn(msg('workflow.certify.blocked', { id: b.applicationId, name: nameOf(ctx, b.applicationId), reason: b.message }));
  if (result.backup) ctx.out.note(msg('workflow.backupMade', { file: result.backup }));
  return result.blocked.length > 0 ? ExitCode.failed : ExitCode.ok;
}

async function applicationMove(ctx: CliContext, idText: string, opts: Record<string, unknown>, event: 'reject' | 'withdraw'): Promise<void> {
  const id = parseId(idText);
  const reason = reasonOption(opts, true);
  const db = ctx.openDb({ mustExist: true });
  const to = db.transaction(() => {
    const status = move(db, ctx.actor, 'application', id, event, { reason });
    const n = resolveObjections(db, id, reason, ctx.actor);
    if (n > 0) appendAudit(db, ctx.actor, 'application', id, 'objection-resolved', { resolution: reason, count: n });
    return status;
  }).immediate();
  ctx.out.success(msg('workflow.moved', { id, name: nameOf(ctx, id), status: statusName(to) }));
}

export async function applyReject(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await applicationMove(ctx, idText!, opts, 'reject');
}

export async function applyWithdraw(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await applicationMove(ctx, idText!, opts, 'withdraw');
}

export async function subsidyPaid(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const db = ctx.openDb({ mustExist: true });
  const studio = resolveStudio(db, ref!);
  const paidOn = opts.undo ? null : (dateOption(ctx.out, opts.date, '--date', 'paid') ?? todayIso());
  if (studio.subsidyYuan === null) throw new RefusedError('no-subsidy', msg('workflow.subsidy.none', { name: studio.name }));
  db.transaction(() => {
    setSubsidyPaid(db, studio.id, paidOn);
    appendAudit(db, ctx.actor, 'studio', studio.id, paidOn ? 'subsidy-paid' : 'subsidy-paid-undo', { paidOn, previous: studio.subsidyPaidOn });
  })();
  ctx.out.success(paidOn ? msg('workflow.subsidy.paid', { name: studio.name, date: paidOn, amount: studio.subsidyYuan }) : msg('workflow.subsidy.unpaid', { name: studio.name }));
}

export async function exportSubsidy(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const db = ctx.openDb({ mustExist: true });
  const studios = listStudios(db, { selectionYear: ctx.round }).filter((s) => s.subsidyYuan !== null);
  if (studios.length === 0) throw new RefusedError('no-studios', msg('workflow.subsidy.nothingToExport', { round: ctx.round }));
  const file = resolveOutputFile(opts.output, officialText('export.file.subsidy', { year: ctx.round }), Boolean(opts.force));
  const rows = studios.map((s) => ({ plaque: s.plaque, studioName: s.name, unitName: s.unitName, leadName: s.leadName, amount: s.subsidyYuan!, paidOn: s.subsidyPaidOn }));
  const ExcelJS = await loadExcel();
  const signOff = { bureau: noticeSettings(getRound(db, ctx.round).settings).bureauName, date: todayIso() };
  await writeWorkbookAtomically(buildSubsidyWorkbook(ExcelJS, { year: ctx.round, rows, signOff }), file);
  ctx.out.success(msg('workflow.subsidy.exported', { file, count: rows.length, total: subsidyTotal(rows).toLocaleString('zh-CN') }));
  return file;
}
