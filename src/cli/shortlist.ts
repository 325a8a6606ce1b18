/** `gongshu shortlist …` and `gongshu export shortlist`. */
import { unitNameOf } from '../core/application.js';
import { UsageError, RefusedError } from '../core/errors.js';
import { buildShortlistWorkbook } from '../excel/write/shortlist.js';
import { loadExcel, resolveOutputFile, writeWorkbookAtomically } from '../export/output-file.js';
import { officialText } from '../messages/export.js';
import { msg } from '../messages/index.js';
import { confirmPlan, confirmShortlist, LISTED_STATUSES, rankedByReview, roundShortlist, type RoundShortlist, type ShortlistSettings } from '../services/shortlist.js';
import { activeOverrides, applicationStudioName, getApplication } from '../store/applications.js';
import { SCORE_MAX } from '../core/review.js';
import { appendAudit } from '../store/audit.js';
import { getRound, saveRound } from '../store/rounds.js';
import { activeShortlistChanges, dropShortlistChange, recordShortlistChange } from '../store/shortlist.js';
import { noticeSettings } from '../rules/notice-data.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption, todayIso } from './context.js';
import { parseMethod } from './review.js';

export function parseNumberOption(value: unknown, option: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (!integer && n > SCORE_MAX)) {
    throw new UsageError('bad-number', msg(integer ? 'workflow.shortlist.badQuota' : 'workflow.shortlist.badMinScore', { value: String(value), option }));
  }
  return n;
}

/** Saves --min-score / --quota / --method given on `shortlist` so `shortlist confirm` uses the same list. */
function rememberSettings(ctx: CliContext, opts: Record<string, unknown>): void {
  const minScore = parseNumberOption(opts.minScore, '--min-score', false);
  const quota = parseNumberOption(opts.quota, '--quota', true);
  const method = parseMethod(opts.method);
  if (minScore === undefined && quota === undefined && method === undefined) return;
  const db = ctx.openDb({ mustExist: true });
  const round = getRound(db, ctx.round);
  const settings = { ...round.settings, ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }), ...(method === undefined ? {} : { reviewMethod: method }) };
  db.transaction(() => {
    saveRound(db, { ...round, settings });
    appendAudit(db, ctx.actor, 'round', ctx.round, 'set', { minScore, quota, reviewMethod: method });
  })();
}

function settingsLine(list: RoundShortlist): string {
  return msg('workflow.shortlist.settings', {
    minScore: list.settings.minScore ?? msg('workflow.shortlist.none'),
    quota: list.settings.quota ?? msg('workflow.shortlist.none'),
    method: msg(list.settings.method === 'trimmed' ? 'lifecycle.review.method.trimmed' : 'lifecycle.review.method.mean'),
  });
}

function renderProposal(ctx: CliContext, list: RoundShortlist): void {
  const c = ctx.out.color;
  const { proposal } = list;
  const rows = proposal.entries.map((e) => {
    const app = list.reviews.get(e.id)!.app;
    return [
      e.rank,
      `#${e.id}`,
      app.current.parsed.application.studioName,
      unitNameOf(app.current.parsed.application),
      e.aggregate?.toFixed(2) ?? '',
      e.recommendYes,
      e.spread?.toFixed(2) ?? '',
      e.source === 'manual' ? c.yellow(msg('workflow.shortlist.source.manual', { reason: e.reason ?? '' })) : e.source === 'tie-at-quota' ? c.yellow(msg('workflow.shortlist.source.tie')) : '',
    ];
  });
  if (rows.length > 0) ctx.out.print(renderTable(msg('workflow.shortlist.head').split('|'), rows));
  else ctx.out.note(msg('workflow.shortlist.nothingListed'));
  if (proposal.excluded.length > 0) {
    ctx.out.print(
      renderTable(
        msg('workflow.shortlist.excludedHead').split('|'),
        proposal.excluded.map((x) => [`#${x.id}`, list.reviews.get(x.id)?.app.current.parsed.application.studioName ?? '', x.message]),
      ),
    );
  }
  for (const f of proposal.findings) {
    if (f.severity === 'error') ctx.out.error(f.message);
    else if (f.severity === 'warning') ctx.out.warn(f.message);
    else ctx.out.note(f.message);
  }
  ctx.out.note(settingsLine(list));
  ctx.out.note(proposal.rule);
}

export async function shortlistShow(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  rememberSettings(ctx, opts);
  const list = await previewShortlist(ctx);
  const plan = confirmPlan(list);
  if (!ctx.json && list.locked.length === 0 && (plan.shortlist.length > 0 || plan.unshortlist.length > 0)) ctx.out.note(msg('workflow.shortlist.confirmHint'));
}

/**
 * Shows the proposed list and returns it; `given` settings are used without being saved (the menu saves
 * them on confirm, after asking: so the hint to run `shortlist confirm` is the command's, not printed here).
 */
export async function previewShortlist(ctx: CliContext, given: Partial<ShortlistSettings> = {}): Promise<RoundShortlist> {
  const db = ctx.openDb({ mustExist: true });
  const list = roundShortlist(db, ctx.round, given);
  if (ctx.json) {
    ctx.out.printJson({ round: ctx.round, settings: list.settings, locked: list.locked, ...list.proposal, plan: confirmPlan(list) });
    return list;
  }
  if (list.locked.length > 0) {
    ctx.out.warn(msg('workflow.shortlist.locked', { ids: list.locked.map((id) => `#${id}`).join('、') }));
  }
  renderProposal(ctx, list);
  return list;
}

async function manualChange(ctx: CliContext, idText: string, opts: Record<string, unknown>, change: 'add' | 'remove'): Promise<void> {
  const id = parseId(idText);
  const db = ctx.openDb({ mustExist: true });
  const app = getApplication(db, id);
  if (!app || app.round !== ctx.round) throw new RefusedError('application-not-found', msg('workflow.notInRound', { id, round: ctx.round }));
  const reason = reasonOption(opts);
  if (opts.undo) {
    const dropped = db.transaction(() => {
      const kind = dropShortlistChange(db, id);
      if (kind) appendAudit(db, ctx.actor, 'application', id, 'shortlist-change-undo', { change: kind, reason });
      return kind;
    })();
    if (!dropped) throw new RefusedError('no-change', msg('workflow.shortlist.noChangeToUndo', { id }));
    ctx.out.success(msg('workflow.shortlist.changeUndone', { id, name: app.current.parsed.application.studioName }));
    return;
  }
  reasonOption(opts, true);
  db.transaction(() => {
    recordShortlistChange(db, id, change, reason, ctx.actor);
    appendAudit(db, ctx.actor, 'application', id, `shortlist-${change}`, { reason });
  })();
  ctx.out.success(msg(change === 'add' ? 'workflow.shortlist.addRecorded' : 'workflow.shortlist.removeRecorded', { id, name: app.current.parsed.application.studioName, reason }));
  ctx.out.note(msg('workflow.shortlist.confirmHint'));
}

export async function shortlistAdd(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await manualChange(ctx, idText!, opts, 'add');
}

export async function shortlistRemove(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await manualChange(ctx, idText!, opts, 'remove');
}

export async function shortlistConfirm(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  rememberSettings(ctx, opts);
  const db = ctx.openDb({ mustExist: true });
  const list = roundShortlist(db, ctx.round);
  const result = confirmShortlist(db, ctx.actor, ctx.dbPath, ctx.round, list);
  if (ctx.json) {
    ctx.out.printJson(result);
    return;
  }
  if (!result.backup) {
    ctx.out.note(msg('workflow.shortlist.unchanged', { count: list.proposal.entries.length }));
    return;
  }
  const names = (ids: number[]): string => ids.map((id) => `#${id} ${applicationStudioName(ctx.openDb(), id)}`).join('\n');
  if (result.shortlist.length > 0) ctx.out.print(msg('workflow.shortlist.moved', { count: result.shortlist.length, list: names(result.shortlist) }));
  if (result.unshortlist.length > 0) ctx.out.print(msg('workflow.shortlist.movedBack', { count: result.unshortlist.length, list: names(result.unshortlist) }));
  ctx.out.success(msg('workflow.shortlist.confirmed', { count: list.proposal.entries.length, round: ctx.round }));
  ctx.out.note(msg('workflow.backupMade', { file: result.backup }));
}


export async function exportShortlist(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const internal = Boolean(opts.internal);
  const db = ctx.openDb({ mustExist: true });
  const ranked = rankedByReview(db, ctx.round, LISTED_STATUSES);
  if (ranked.length === 0) throw new RefusedError('shortlist-empty', msg('workflow.shortlist.nothingToExport', { round: ctx.round }));
  const file = resolveOutputFile(opts.output, officialText(internal ? 'export.file.shortlistInternal' : 'export.file.shortlist', { year: ctx.round }), Boolean(opts.force));
  const base = ranked.map(({ app }) => {
    const a = app.current.parsed.application;
    return { studioName: a.studioName, leadName: a.lead.name, occupation: a.lead.occupation, unitName: unitNameOf(a) };
  });
  const ExcelJS = await loadExcel();
  const signOff = { bureau: noticeSettings(getRound(db, ctx.round).settings).bureauName, date: todayIso() };
  const added = new Map(activeShortlistChanges(db, ctx.round).add.map((c) => [c.id, c.reason]));
  const workbook = internal
    ? buildShortlistWorkbook(ExcelJS, {
        year: ctx.round,
        internal: true,
        note: ranked[0] ? msg('lifecycle.shortlist.rule') : '',
        signOff,
        rows: ranked.map((r, i) => ({
          ...base[i]!,
          score: r.result?.aggregate ?? null,
          findings: r.app.findings,
          waivers: Object.fromEntries(activeOverrides(db, r.app.id).map((o) => [o.code, o.reason])),
          ...(added.has(r.app.id) ? { addedBy: added.get(r.app.id)! } : {}),
        })),
      })
    : buildShortlistWorkbook(ExcelJS, { year: ctx.round, rows: base, signOff });
  await writeWorkbookAtomically(workbook, file);
  if (internal) appendAudit(db, ctx.actor, 'round', ctx.round, 'export-internal', { file, what: 'shortlist' });
  ctx.out.success(msg('workflow.shortlist.exported', { file, count: ranked.length }));
  return file;
}
