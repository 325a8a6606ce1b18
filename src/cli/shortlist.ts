/** `gongshu shortlist …` and `gongshu export shortlist`. */
import { msg } from '../messages/index.js';
import { applicationView } from '../services/application-view.js';
import {
  changeShortlist,
  confirmPlan,
  confirmShortlist,
  roundShortlist,
  saveShortlistSettings,
  undoShortlistChange,
  type ShortlistSettings,
} from '../services/shortlist.js';
import type { CliContext } from './context.js';
import { parseId, parseMethod, parseNumberOption, reasonOption } from './parse.js';
import { renderConfirmed, renderProposal } from './render/workflow.js';

/** --min-score / --quota / --method as given (only those given). */
function givenSettings(opts: Record<string, unknown>): Partial<ShortlistSettings> {
  const minScore = parseNumberOption(opts.minScore, '--min-score', false);
  const quota = parseNumberOption(opts.quota, '--quota', true);
  const method = parseMethod(opts.method);
  return { ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }), ...(method === undefined ? {} : { method }) };
}

export async function shortlistShow(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = ctx.workspace({ mustExist: true });
  // Saved, so that `shortlist confirm` confirms the list shown here.
  saveShortlistSettings(ws, ctx.round, givenSettings(opts));
  const list = roundShortlist(ws, ctx.round);
  if (ctx.json) {
    ctx.out.printJson({ round: ctx.round, settings: list.settings, locked: list.locked, ...list.proposal, plan: confirmPlan(list) });
    return;
  }
  renderProposal(ctx.out, list);
  const plan = confirmPlan(list);
  if (list.locked.length === 0 && (plan.shortlist.length > 0 || plan.unshortlist.length > 0)) ctx.out.note(msg('workflow.shortlist.confirmHint'));
}

async function manualChange(ctx: CliContext, idText: string, opts: Record<string, unknown>, change: 'add' | 'remove'): Promise<void> {
  const id = parseId(idText);
  const ws = ctx.workspace({ mustExist: true });
  if (opts.undo) {
    const name = undoShortlistChange(ws, ctx.round, id, reasonOption(opts));
    ctx.out.success(msg('workflow.shortlist.changeUndone', { id, name }));
    return;
  }
  const reason = reasonOption(opts, true);
  const name = changeShortlist(ws, ctx.round, id, change, reason);
  ctx.out.success(msg(change === 'add' ? 'workflow.shortlist.addRecorded' : 'workflow.shortlist.removeRecorded', { id, name, reason }));
  ctx.out.note(msg('workflow.shortlist.confirmHint'));
}

export async function shortlistAdd(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await manualChange(ctx, idText!, opts, 'add');
}

export async function shortlistRemove(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  await manualChange(ctx, idText!, opts, 'remove');
}

export async function shortlistConfirm(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = ctx.workspace({ mustExist: true });
  const result = confirmShortlist(ws, ctx.round, givenSettings(opts));
  if (ctx.json) {
    const { list: _list, ...plain } = result;
    ctx.out.printJson(plain);
    return;
  }
  renderConfirmed(ctx.out, result, ctx.round, (id) => applicationView(ws, id).studioName);
}

