/** `gongshu history ID [--studio] [--undo --reason]`: every logged step of an application or studio. */
import type { LifecycleKind } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { historyOf, recordRef, undoLast } from '../services/history.js';
import type { CliContext } from './context.js';
import { reasonOption } from './parse.js';
import { describeEntry, renderHistory, undoneText } from './render/workflow.js';

export async function history(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const kind: LifecycleKind = opts.studio ? 'studio' : 'application';
  const ws = ctx.workspace({ mustExist: true });
  const record = recordRef(ws, kind, ref!);
  if (opts.undo) {
    const undone = undoLast(ws, record, reasonOption(opts, true));
    ctx.out.success(undoneText(kind, record.title, undone));
    if (kind === 'application' && (undone.entry.detail.event === 'check-pass' || undone.entry.detail.event === 'check-fail')) ctx.out.note(msg('workflow.history.recheckNote'));
    return;
  }
  const entries = historyOf(ws, record);
  if (ctx.json) {
    ctx.out.printJson(entries.map((e) => ({ ...e, text: describeEntry(kind, e) })));
    return;
  }
  renderHistory(ctx.out, kind, record.title, entries);
  if (record.studio) ctx.out.note(msg('workflow.history.seeStudio', { id: record.studio.id }));
}
