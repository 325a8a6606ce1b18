/** `gongshu apply …`: parses the options, calls the application services, renders what they return. */
import { UsageError } from '../core/errors.js';
import { labelKey } from '../core/text.js';
import { statusName } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { allMaterials, parseMaterialList } from '../rules/materials.js';
import { fieldName } from '../rules/fields.js';
import { ruleCodeOf, ruleTitle } from '../rules/index.js';
import { overrideText } from '../rules/waivers.js';
import { applicationHistory, applicationRows, applicationView, applicationViews, otherRounds, verdictOf } from '../services/application-view.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption, todayIso } from './parse.js';
import { dateOption } from './dates.js';
import { eligibilityText, emptyRoundText, renderApplication, renderApplicationList, renderMaterials, renderVersions } from './render/applications.js';

// Loaded by the commands that change applications only: `apply list` and `apply show` need neither the
// import machinery nor the rules.
const changes = () => import('../services/applications.js');

export async function applyImport(ctx: CliContext, paths: string[], opts: Record<string, unknown>): Promise<number> {
  const given = dateOption(ctx.out, opts.received, '--received', 'received', ctx.round);
  // Without --received, a form from a mail is received on the mail's date; other files today.
  const receivedDate = given ?? todayIso();
  const { importApplications } = await import('../services/import-applications.js');
  const { runImport } = await import('./import-command.js');
  const results = await runImport(ctx, paths, (ws, files, onProgress, stopRequested) =>
    importApplications(ws, files, { round: ctx.round, receivedDate, mailDates: given === undefined, onProgress, stopRequested }),
  );
  return results.some((r) => r.outcome === 'failed' || r.error?.code === 'interrupted') ? ExitCode.failed : ExitCode.ok;
}

export async function applyList(ctx: CliContext): Promise<void> {
  const ws = ctx.hasDatabase() ? ctx.workspace({ mustExist: true }) : undefined;
  if (ctx.json) {
    ctx.out.printJson(ws ? applicationViews(ws, ctx.round) : []);
    return;
  }
  const rows = ws ? applicationRows(ws, ctx.round) : [];
  if (rows.length === 0) {
    ctx.out.note(emptyRoundText(ws ? otherRounds(ws, ctx.round) : [], ctx.round));
    return;
  }
  renderApplicationList(ctx.out, rows, ctx.round);
}

export async function applyShow(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const ws = ctx.workspace({ mustExist: true });
  const view = applicationView(ws, id);
  const history = opts.history ? applicationHistory(ws, id) : undefined;
  if (ctx.json) {
    ctx.out.printJson(history ? { ...view, history: history.versions, audit: history.audit } : view);
    return;
  }
  renderApplication(ctx.out, view);
  if (history) renderVersions(ctx.out, history);
}

export async function applyValidate(ctx: CliContext): Promise<void> {
  const { checkRound } = await import('../services/eligibility.js');
  const n = checkRound(ctx.workspace({ mustExist: true }), ctx.round);
  ctx.out.success(msg('cli.validate.done', { count: n, round: ctx.round }));
  await applyList(ctx);
}

export async function applyOverride(ctx: CliContext, [idText, named]: string[], opts: Record<string, unknown>): Promise<void> {
  // The clerk names the finding by its title (距法定退休年龄); the code still works.
  const code = ruleCodeOf(named!) ?? named;
  const { waiveFinding, undoWaiver } = await changes();
  const id = parseId(idText!);
  const ws = ctx.workspace({ mustExist: true });
  const field = typeof opts.field === 'string' ? opts.field.trim() : undefined;
  const reason = reasonOption(opts);
  if (opts.undo) {
    const undone = undoWaiver(ws, id, code!, field, reason);
    ctx.out.success(msg(undone.kind === 'acknowledge' ? 'cli.override.undoneAcknowledged' : 'cli.override.undone', { id, title: ruleTitle(code!) }));
    return;
  }
  const result = waiveFinding(ws, id, code!, field, reason);
  if (result.already) {
    ctx.out.note(msg(result.kind === 'acknowledge' ? 'cli.override.alreadyAcknowledged' : 'cli.override.already', { id, code: ruleTitle(code!) }));
    return;
  }
  const e = result.evaluation!;
  const status = eligibilityText(verdictOf(e));
  if (result.kind === 'acknowledge') {
    const where = findingPlace(result.finding);
    ctx.out.success(msg(where ? 'records.waive.acknowledged' : 'records.waive.acknowledgedNoPlace', { id, title: ruleTitle(code!), where }));
  }
  else ctx.out.success(msg('cli.override.done', { id, title: ruleTitle(code!), status }));
}

export async function applySet(ctx: CliContext, [idText, ...pairs]: string[], opts: Record<string, unknown>): Promise<void> {
  const { correctApplication, correctReceivedDate, setFemaleGroup } = await changes();
  const { parseCorrections } = await import('../rules/corrections.js');
  const id = parseId(idText!);
  const group = opts.femaleGroup as 'worker' | 'cadre' | undefined;
  if (!group && pairs.length === 0) throw new UsageError('nothing-to-set', msg('cli.set.nothing'));
  // 收件日期=… is the application's received date, not a field of the form.
  const isReceived = (pair: string): boolean => labelKey(pair.split(/[=＝]/u)[0] ?? '') === labelKey('收件日期');
  const receivedPair = pairs.find(isReceived);
  const received = receivedPair === undefined ? undefined : dateOption(ctx.out, receivedPair.slice(receivedPair.search(/[=＝]/u) + 1).trim(), '收件日期', 'received', ctx.round);
  const corrections = parseCorrections(pairs.filter((p) => !isReceived(p)));
  const ws = ctx.workspace({ mustExist: true });
  if (received !== undefined) {
    const r = correctReceivedDate(ws, id, received, reasonOption(opts, true));
    ctx.out.success(msg('records.set.receivedDone', { id, from: r.from ?? '—', to: received, status: eligibilityText(verdictOf(r.evaluation)) }));
  }
  if (group) {
    setFemaleGroup(ws, id, group);
    ctx.out.success(msg('cli.set.done', { id, group: msg(group === 'cadre' ? 'cli.check.group.female-cadre' : 'cli.check.group.female-worker') }));
  }
  if (corrections.length > 0) {
    const r = correctApplication(ws, id, corrections, reasonOption(opts, true));
    const status = eligibilityText(verdictOf(r.evaluation));
    ctx.out.success(msg('records.set.done', { id, fields: corrections.map((c) => c.name).join('、'), version: r.version, status }));
    if (r.withdrawn.length > 0) ctx.out.warn(msg('records.set.waiversWithdrawn', { items: r.withdrawn.map(overrideText).join('、') }));
  }
}

export async function applyMaterials(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const { recordMaterials } = await changes();
  const id = parseId(idText!);
  const received = typeof opts.received === 'string' ? parseMaterialList(opts.received) : { keys: [], unknown: [] };
  const missing = typeof opts.missing === 'string' ? parseMaterialList(opts.missing) : { keys: [], unknown: [] };
  const unknown = [...received.unknown, ...missing.unknown];
  if (unknown.length) throw new UsageError('unknown-material', msg('cli.materials.unknown', { names: unknown.join('、'), known: allMaterials().map((m) => m.zh).join('、') }));
  const reportName = typeof opts.reportName === 'string' ? opts.reportName.trim() : undefined;
  const result = recordMaterials(ctx.workspace({ mustExist: true }), id, { received: received.keys, missing: missing.keys, ...(reportName === undefined ? {} : { reportName }) });
  if (ctx.json) {
    ctx.out.printJson({ id, received: result.received, reportStudioName: result.reportStudioName });
    return;
  }
  renderMaterials(ctx.out, result.received, result.reportStudioName);
}

async function leave(ctx: CliContext, idText: string, opts: Record<string, unknown>, event: 'reject' | 'withdraw'): Promise<void> {
  const { leaveSelection } = await changes();
  const id = parseId(idText);
  const reason = reasonOption(opts, true);
  const ws = ctx.workspace({ mustExist: true });
  const result = leaveSelection(ws, id, event, reason);
  ctx.out.success(msg('workflow.moved', { id, name: applicationView(ws, id).studioName, status: statusName(result.status) }));
  if (result.rechecked.length > 0) ctx.out.note(msg('records.leave.rechecked', { ids: result.rechecked.map((x) => `#${x}`).join('、') }));
}

export async function applyReject(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await leave(ctx, idText!, opts, 'reject');
}

export async function applyWithdraw(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await leave(ctx, idText!, opts, 'withdraw');
}

export async function applyAcceptVersion(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const { acceptVersion } = await changes();
  const id = parseId(idText!);
  const r = acceptVersion(ctx.workspace({ mustExist: true }), id, reasonOption(opts, true));
  ctx.out.success(msg('records.accept.done', { id, from: r.from, to: r.to, status: statusName(r.status) }));
}

/** Where a finding is, in the clerk's words: 单位传真电话 申报表!B4. */
function findingPlace(f: { field?: string | undefined; cell?: string | undefined }): string {
  return [f.field ? fieldName(f.field) : '', f.cell ?? ''].filter(Boolean).join(' ');
}
