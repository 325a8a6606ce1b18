/**
 * How the steps from expert review to the studio register look on screen, for the commands and the menu
 * alike: reviews, the proposed list, certification, studios, due dates, grades recorded, a record's log.
 */
import { unitNameOf } from '../../core/application.js';
import { chinaDateTime } from '../../core/china-time.js';
import { parseWindow, windowText } from '../../core/calendar.js';
import { termOver } from '../../core/due.js';
import { eventLabel, isEvent, statusLabel, statusName, type ApplicationStatus, type LifecycleKind } from '../../core/lifecycle.js';
import type { ReviewMethod } from '../../core/review.js';
import { maskIdNumber } from '../../core/text.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { hasMessage, msg, type MessageKey } from '../../messages/index.js';
import { gradeName } from '../../scoring/index.js';
import { fieldName } from '../../rules/fields.js';
import { ruleTitle } from '../../rules/index.js';
import type { RecordedOutcome } from '../../services/assessments.js';
import type { CertifyResult } from '../../services/certification.js';
import type { AuditEntry } from '../../services/history.js';
import type { ApplicationReview } from '../../services/review.js';
import type { ConfirmResult, RoundShortlist } from '../../services/shortlist.js';
import type { DueReport, StudioRow } from '../../services/studios.js';
import type { Output } from '../../ui/output.js';
import { renderTable } from '../../ui/table.js';

// ---- expert review ----

/** The public JSON of one application's review (`review list --json`). Keys are a contract. */
export function reviewJson(r: ApplicationReview, method: ReviewMethod) {
  return {
    id: r.app.id,
    studioName: r.app.current.parsed.application.studioName,
    status: r.app.status,
    experts: r.result?.experts ?? 0,
    aggregate: r.result?.aggregate ?? null,
    method: r.result?.method ?? method,
    min: r.result?.min ?? null,
    max: r.result?.max ?? null,
    spread: r.result?.spread ?? null,
    recommend: r.result?.recommend ?? { yes: 0, no: 0 },
    recused: r.result?.recused ?? 0,
    findings: r.result?.findings ?? [],
    entries: r.entries.map(({ expert, score, recommend, recused, cell }) => ({ expert, score, recommend, recused, cell: cell ?? null })),
  };
}

export function renderReviews(out: Output, reviews: readonly ApplicationReview[], method: ReviewMethod): void {
  const c = out.color;
  const rows = reviews.map((r) => {
    const res = r.result;
    const problems = res?.findings.filter((f) => f.severity !== 'info') ?? [];
    return [
      `#${r.app.id}`,
      r.app.current.parsed.application.studioName,
      statusLabel(r.app.status as ApplicationStatus),
      res ? res.experts : 0,
      res?.aggregate != null ? res.aggregate.toFixed(2) : c.dim(msg('workflow.review.notYet')),
      res?.spread != null ? res.spread.toFixed(2) : '',
      res ? msg('workflow.review.votes', { yes: res.recommend.yes, no: res.recommend.no }) : '',
      res?.recused ?? 0,
      problems.length ? c.yellow(problems.map((f) => f.message).join('；')) : '',
    ];
  });
  out.print(renderTable(msg('workflow.review.head').split('|'), rows));
  const note = reviews.find((r) => r.result)?.result?.methodNote;
  out.note(msg('workflow.review.methodNote', { method: method === 'trimmed' ? msg('lifecycle.review.method.trimmed') : msg('lifecycle.review.method.mean') }));
  if (note && method === 'trimmed') out.note(msg('workflow.review.trimmedNote'));
}

// ---- shortlist ----

function settingsLine(list: RoundShortlist): string {
  return msg('workflow.shortlist.settings', {
    minScore: list.settings.minScore ?? msg('workflow.shortlist.none'),
    quota: list.settings.quota ?? msg('workflow.shortlist.none'),
    method: msg(list.settings.method === 'trimmed' ? 'lifecycle.review.method.trimmed' : 'lifecycle.review.method.mean'),
  });
}

export function renderProposal(out: Output, list: RoundShortlist): void {
  const c = out.color;
  const { proposal } = list;
  if (list.locked.length > 0) out.warn(msg('workflow.shortlist.locked', { ids: list.locked.map((id) => `#${id}`).join('、') }));
  const rows = proposal.entries.map((e) => {
    const app = list.reviews.get(e.id)!.app;
    const a = app.current.parsed.application;
    return [
      e.rank,
      `#${e.id}`,
      a.studioName,
      unitNameOf(a),
      e.aggregate?.toFixed(2) ?? '',
      e.recommendYes,
      e.spread?.toFixed(2) ?? '',
      e.source === 'manual' ? c.yellow(msg('workflow.shortlist.source.manual', { reason: e.reason ?? '' })) : e.source === 'tie-at-quota' ? c.yellow(msg('workflow.shortlist.source.tie')) : '',
    ];
  });
  if (rows.length > 0) out.print(renderTable(msg('workflow.shortlist.head').split('|'), rows));
  else out.note(msg('workflow.shortlist.nothingListed'));
  if (proposal.excluded.length > 0) {
    out.print(
      renderTable(
        msg('workflow.shortlist.excludedHead').split('|'),
        proposal.excluded.map((x) => [`#${x.id}`, list.reviews.get(x.id)?.app.current.parsed.application.studioName ?? '', x.message]),
      ),
    );
  }
  for (const f of proposal.findings) {
    if (f.severity === 'error') out.error(f.message);
    else if (f.severity === 'warning') out.warn(f.message);
    else out.note(f.message);
  }
  out.note(settingsLine(list));
  out.note(proposal.rule);
}

export function renderConfirmed(out: Output, result: ConfirmResult & { list: RoundShortlist }, round: number, nameOf: (id: number) => string): void {
  if (!result.backup) {
    out.note(msg('workflow.shortlist.unchanged', { count: result.list.proposal.entries.length }));
    return;
  }
  const names = (ids: number[]): string => ids.map((id) => `#${id} ${nameOf(id)}`).join('\n');
  if (result.shortlist.length > 0) out.print(msg('workflow.shortlist.moved', { count: result.shortlist.length, list: names(result.shortlist) }));
  if (result.unshortlist.length > 0) out.print(msg('workflow.shortlist.movedBack', { count: result.unshortlist.length, list: names(result.unshortlist) }));
  out.success(msg('workflow.shortlist.confirmed', { count: result.list.proposal.entries.length, round }));
  out.note(msg('workflow.backupMade', { file: result.backup }));
}

// ---- certification ----

export function renderCertified(out: Output, result: CertifyResult, date: string, nameOf: (id: number) => string): void {
  if (result.certified.length > 0) {
    out.print(renderTable(msg('workflow.certify.head').split('|'), result.certified.map((c) => [`#${c.applicationId}`, c.studioName, c.plaque, date, c.validUntil])));
    out.success(msg('workflow.certify.done', { count: result.certified.length, date }));
    for (const c of result.certified) if (c.kept) out.note(msg('records.certify.keptVersion', { id: c.applicationId, current: c.kept.version, versions: c.kept.held.join('、') }));
  }
  for (const b of result.blocked) out.warn(msg('workflow.certify.blocked', { id: b.applicationId, name: nameOf(b.applicationId), reason: b.message }));
  if (result.backup) out.note(msg('workflow.backupMade', { file: result.backup }));
}

// ---- studios ----

/** The public JSON of a studio (`studios list --json`): the lead's ID masked. Keys are a contract. */
export function studioJson(s: StudioRow) {
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
    mergedInto: s.mergedInto,
  };
}

/** A studio's status as of `today`: a running term whose end has passed shows as 已到期（待登记）, never 有效. */
export function studioStatusOn(s: { status: string; validUntil: string | null }, today: string): string {
  return termOver(s, today) ? msg('lifecycle.status.termOver') : statusName(s.status);
}

export function renderStudios(out: Output, studios: readonly StudioRow[], today: string): void {
  out.print(
    renderTable(
      msg('workflow.studios.head').split('|'),
      studios.map((s) => [`#${s.id}`, s.plaque ?? '', s.name, s.leadName, s.unitName, studioStatusOn(s, today), s.certifiedOn ?? '', s.validUntil ?? '']),
    ),
  );
  out.note(msg('workflow.studios.count', { count: studios.length }));
  termOverNote(out, studios, today);
}

/** Names the studios whose recorded term is over though the record says it runs, with what to do. */
function termOverNote(out: Output, studios: readonly { id: number; plaque?: string | null; name: string; status: string; validUntil: string | null }[], today: string): void {
  const over = studios.filter((s) => termOver(s, today));
  if (over.length === 0) return;
  out.warn(msg('workflow.studios.termOver', { count: over.length, today, names: over.map((s) => msg('workflow.studios.termOverName', { who: s.plaque ?? `#${s.id}`, name: s.name, until: s.validUntil ?? '' })).join('、') }));
}

export function renderDue(out: Output, report: DueReport, window: string, today: string): void {
  const within = parseWindow(window);
  if (within) window = windowText(within);
  if (report.items.length === 0) out.success(msg('workflow.studios.noneDue', { window, today }));
  else {
    out.print(renderTable(msg('workflow.studios.dueHead').split('|'), report.items.map((d) => [`#${d.id}`, d.name, studioStatusOn(d, today), d.validUntil, d.messages.join('\n')])));
    termOverNote(out, report.items, today);
  }
  if (report.withoutTerm.length > 0) out.warn(msg('workflow.studios.withoutTerm', { names: report.withoutTerm.map((s) => `#${s.id} ${s.name}`).join('、') }));
}

export function renderOutcomes(out: Output, plan: readonly RecordedOutcome[], backup: string | null): void {
  out.print(
    renderTable(
      msg('workflow.score.confirmHead').split('|'),
      plan.map((p) => [`#${p.studioId}`, p.name, gradeName(p.grade), p.skipped ? out.color.yellow(p.skipped) : statusName(p.to!)]),
    ),
  );
  const recorded = plan.filter((p) => !p.skipped).length;
  out.success(msg('workflow.score.confirmed', { count: recorded, skipped: plan.length - recorded }));
  if (backup) out.note(msg('workflow.backupMade', { file: backup }));
}

// ---- a record's log ----

function eventText(kind: LifecycleKind, e: unknown): string {
  return typeof e === 'string' && isEvent(kind, e) ? eventLabel(e) : String(e);
}

/** One line saying what an audit entry did, in the clerk's words. */
export function describeEntry(kind: LifecycleKind, e: AuditEntry): string {
  const d = e.detail as Record<string, unknown>;
  const reason = typeof d.reason === 'string' && d.reason ? msg('workflow.history.reason', { reason: d.reason }) : '';
  if (e.action === 'status') {
    // A 认定 on the version in effect while newer ones were held says which was used and which were not.
    const versions = Array.isArray(d.heldNotUsed) && d.heldNotUsed.length > 0 ? msg('workflow.history.versionsUsed', { version: String(d.version), held: d.heldNotUsed.join('、') }) : '';
    return msg('workflow.history.status', { event: eventText(kind, d.event), from: statusName(String(d.from)), to: statusName(String(d.to)) }) + versions + reason;
  }
  if (e.action === 'status-undo') {
    return msg('workflow.history.undo', { event: eventText(kind, d.event), from: statusName(String(d.from)), to: statusName(String(d.to)) }) + reason;
  }
  if (e.action === 'set-certified-on') {
    const date = (v: unknown): string => (typeof v === 'string' && v ? v : msg('workflow.history.noDate'));
    if (d.undoes !== undefined) {
      const back = typeof d.certifiedOn === 'string' && d.certifiedOn ? msg('workflow.history.dateWithTerm', { date: d.certifiedOn, until: date(d.validUntil) }) : msg('workflow.history.noDateRecorded');
      return msg('workflow.history.action.set-certified-on-undo', { back }) + reason;
    }
    const was = typeof d.previous === 'string' && d.previous ? msg('workflow.history.previousDate', { date: d.previous }) : '';
    return msg('workflow.history.action.set-certified-on', { certifiedOn: date(d.certifiedOn), validUntil: date(d.validUntil) }) + was + reason;
  }
  const key = e.action === 'override-undo' && d.kind === 'acknowledge' ? 'workflow.history.action.acknowledge-undo' : `workflow.history.action.${e.action}`;
  const params = Object.fromEntries(
    Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]),
  );
  // A finding is named by its title and the field it is on (成员3 性别), never by its code or path.
  if (typeof d.code === 'string') params.code = ruleTitle(d.code);
  params.where = typeof d.field === 'string' && d.field ? `（${fieldName(d.field)}）` : '';
  const text = hasMessage(key) ? msg(key as MessageKey, params) : e.action;
  const saysReason = typeof d.reason === 'string' && text.includes(d.reason);
  return maskPersonalNumbers(text + (saysReason ? '' : reason));
}

export function renderHistory(out: Output, kind: LifecycleKind, title: string, entries: readonly AuditEntry[]): void {
  out.print(title);
  out.print(renderTable(msg('workflow.history.head').split('|'), entries.map((e) => [chinaDateTime(e.at), e.user, commandText(e.command), describeEntry(kind, e)])));
}

/**
 * The 命令 column: a typed command as typed; a step done in the menu (recorded as `gongshu interactive
 * score confirm`) as the menu entry in Chinese (菜单：确认评分), never the internal command path.
 */
export function commandText(command: string): string {
  const menu = /^gongshu interactive(?:\s+(.*))?$/u.exec(command.trim());
  if (!menu) return command;
  const key = `workflow.history.menu.${menu[1] ?? ''}`;
  return hasMessage(key) ? msg('workflow.history.menuCommand', { action: msg(key) }) : msg('workflow.history.menuOther');
}

export function undoneText(
  kind: LifecycleKind,
  title: string,
  undone: {
    entry: { detail: Record<string, unknown> };
    from: string;
    to: string;
    version?: { current: number; held: number };
    receivedDate?: { from: string | null; to: string | null };
    certifiedOn?: { from: string | null; to: string | null; validUntil: string | null };
  },
): string {
  if (undone.certifiedOn) {
    const { from, to, validUntil } = undone.certifiedOn;
    const back = to ? msg('workflow.history.dateWithTerm', { date: to, until: validUntil ?? msg('workflow.history.noDate') }) : msg('workflow.history.noDateRecorded');
    return msg('workflow.history.undoneCertifiedOn', { title, from: from ?? msg('workflow.history.noDate'), back });
  }
  if (undone.receivedDate) return msg('workflow.history.undoneReceivedDate', { title, from: undone.receivedDate.from ?? msg('workflow.history.noDate'), to: undone.receivedDate.to ?? msg('workflow.history.noDate') });
  if (undone.version) return msg('workflow.history.undoneVersion', { title, current: undone.version.current, held: undone.version.held, to: statusName(undone.to) });
  const event = undone.entry.detail.event;
  return msg('workflow.history.undone', { title, event: typeof event === 'string' && isEvent(kind, event) ? eventLabel(event) : String(event), from: statusName(undone.from), to: statusName(undone.to) });
}
