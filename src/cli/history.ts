/** `gongshu history ID [--studio] [--undo --reason]`: every logged step of an application or studio. */
import { RefusedError } from '../core/errors.js';
import { eventLabel, isEvent, statusName, type LifecycleKind } from '../core/lifecycle.js';
import { chinaDateTime } from '../core/china-time.js';
import { maskPersonalNumbers } from '../core/text.js';
import { hasMessage, msg, type MessageKey } from '../messages/index.js';
import { reverseSideEffects } from '../services/certification.js';
import { resolveStudio } from '../services/studios.js';
import { getApplication } from '../store/applications.js';
import { auditFor, type AuditEntry } from '../store/audit.js';
import { STATUS_ACTION, UNDO_ACTION, undoLastMove } from '../store/status.js';
import { studioOfApplication } from '../store/studios.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption } from './context.js';

function eventText(kind: LifecycleKind, e: unknown): string {
  return typeof e === 'string' && isEvent(kind, e) ? eventLabel(e) : String(e);
}

/** One line saying what an audit entry did, in the clerk's words. */
export function describeEntry(kind: LifecycleKind, e: AuditEntry): string {
  const d = e.detail as Record<string, unknown>;
  const reason = typeof d.reason === 'string' && d.reason ? msg('workflow.history.reason', { reason: d.reason }) : '';
  if (e.action === STATUS_ACTION) {
    return msg('workflow.history.status', { event: eventText(kind, d.event), from: statusName(String(d.from)), to: statusName(String(d.to)) }) + reason;
  }
  if (e.action === UNDO_ACTION) {
    return msg('workflow.history.undo', { event: eventText(kind, d.event), from: statusName(String(d.from)), to: statusName(String(d.to)) }) + reason;
  }
  const key = `workflow.history.action.${e.action}`;
  const params = Object.fromEntries(
    Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
  const text = hasMessage(key) ? msg(key as MessageKey, params) : e.action;
  const saysReason = typeof d.reason === 'string' && text.includes(d.reason);
  return maskPersonalNumbers(text + (saysReason ? '' : reason));
}

export async function history(ctx: CliContext, [ref]: string[], opts: Record<string, unknown>): Promise<void> {
  const kind: LifecycleKind = opts.studio ? 'studio' : 'application';
  const db = ctx.openDb({ mustExist: true });
  let id: number;
  let title: string;
  if (kind === 'studio') {
    const studio = resolveStudio(db, ref!);
    id = studio.id;
    title = msg('workflow.history.studioTitle', { id, name: studio.name, plaque: studio.plaque ?? '' });
  } else {
    id = parseId(ref!);
    const app = getApplication(db, id);
    if (!app) throw new RefusedError('application-not-found', msg('cli.notFound', { id }));
    title = msg('workflow.history.applicationTitle', { id, name: app.current.parsed.application.studioName, round: app.round });
  }

  if (opts.undo) {
    const reason = reasonOption(opts, true);
    const undone = db.transaction(() => undoLastMove(db, ctx.actor, kind, id, reason, (entry) => reverseSideEffects(db, entry))).immediate();
    ctx.out.success(msg('workflow.history.undone', { title, event: eventText(kind, undone.entry.detail.event), from: statusName(String(undone.from)), to: statusName(String(undone.to)) }));
    if (kind === 'application' && (undone.entry.detail.event === 'check-pass' || undone.entry.detail.event === 'check-fail')) ctx.out.note(msg('workflow.history.recheckNote'));
    return;
  }

  const entries = auditFor(db, kind, id);
  if (ctx.json) {
    ctx.out.printJson(entries.map((e) => ({ ...e, text: describeEntry(kind, e) })));
    return;
  }
  ctx.out.print(title);
  ctx.out.print(renderTable(msg('workflow.history.head').split('|'), entries.map((e) => [chinaDateTime(e.at), e.user, e.command, describeEntry(kind, e)])));
  if (kind === 'application') {
    const studio = studioOfApplication(db, id);
    if (studio) ctx.out.note(msg('workflow.history.seeStudio', { id: studio.id }));
  }
}
