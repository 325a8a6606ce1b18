/**
 * Status life cycles of an application (申报) and of a certified studio (工作室), as data.
 *
 * The tables below are the whole truth about which moves are allowed; `transition` only looks them up
 * and explains a refusal in the clerk's words. Storing the move, its audit entry and the "is this the
 * last entry" check for undo belong to the store layer.
 *
 * Application:
 *   已提交 ─check-pass→ 形式审查合格 ─review→ 已评审 ─shortlist→ 拟认定 ─publicize→ 公示中 ─certify→ 已认定
 *   已提交 ─check-fail→ 形式审查不合格; a re-check moves 合格 ↔ 不合格 while the application is not yet reviewed.
 *   拟认定 ─unshortlist→ 已评审 (the clerk takes it off the proposed list).
 *   未通过 (reject): only once the committee has looked at it — from 已评审, 拟认定 or 公示中 (an objection
 *     upheld during 公示). A failed eligibility check is its own outcome (形式审查不合格), not 未通过.
 *   已撤回 (withdraw): the applicant may withdraw at any point before 已认定.
 *   采用新版本 (accept-version): a changed form that arrived after expert review was held as pending; taking
 *     it back from 已评审, 拟认定 or 公示中 returns the application to 已提交 for a new eligibility check.
 *   已认定, 未通过 and 已撤回 are final; a mistake is corrected with undo, which is logged too.
 * Studio (from 认定 on):
 *   有效 / 已续建 (a running term) ─assess-pass / assess-fail / not-assess→ 考核合格 / 考核不合格 / 不参加考核
 *   考核合格 ─renew→ 已续建 (a new 3-year term); any of them ─expire→ 已到期 or ─revoke→ 已撤销 (final).
 *   有效 ─decertify→ 已撤销认定 when its 认定 is undone; ─merge→ 已合并 when it was created in error.
 */
import { msg, type MessageKey } from '../messages/index.js';

export const APPLICATION_STATUSES = [
  'submitted', 'eligible', 'ineligible', 'reviewed', 'shortlisted', 'publicized', 'certified', 'rejected', 'withdrawn',
] as const;
export const STUDIO_STATUSES = [
  'valid', 'assessed-pass', 'assessed-fail', 'not-assessed', 'renewed', 'expired', 'revoked', 'decertified', 'merged',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type StudioStatus = (typeof STUDIO_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'check-pass', 'check-fail', 'review', 'shortlist', 'unshortlist', 'publicize', 'certify', 'reject', 'withdraw', 'accept-version',
] as const;
export const STUDIO_EVENTS = ['assess-pass', 'assess-fail', 'not-assess', 'renew', 'expire', 'revoke', 'decertify', 'merge'] as const;

export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];
export type StudioEvent = (typeof STUDIO_EVENTS)[number];

export type LifecycleKind = 'application' | 'studio';
export type StatusOf<K extends LifecycleKind> = K extends 'application' ? ApplicationStatus : StudioStatus;
export type EventOf<K extends LifecycleKind> = K extends 'application' ? ApplicationEvent : StudioEvent;
export type AnyStatus = ApplicationStatus | StudioStatus;
export type AnyEvent = ApplicationEvent | StudioEvent;

export interface TransitionRule<S extends string, E extends string> {
  from: S;
  event: E;
  to: S;
}

export const APPLICATION_INITIAL_STATUS: ApplicationStatus = 'submitted';
/** A studio record is created by 认定 and starts its first 3-year term as 有效. */
export const STUDIO_INITIAL_STATUS: StudioStatus = 'valid';

/** Every allowed move of an application. Order matters only for how "此状态下可以" lists them. */
export const APPLICATION_TRANSITIONS: readonly TransitionRule<ApplicationStatus, ApplicationEvent>[] = [
  { from: 'submitted', event: 'check-pass', to: 'eligible' },
  { from: 'submitted', event: 'check-fail', to: 'ineligible' },
  { from: 'submitted', event: 'withdraw', to: 'withdrawn' },

  { from: 'eligible', event: 'review', to: 'reviewed' },
  { from: 'eligible', event: 'check-fail', to: 'ineligible' },
  { from: 'eligible', event: 'withdraw', to: 'withdrawn' },

  { from: 'ineligible', event: 'check-pass', to: 'eligible' },
  { from: 'ineligible', event: 'withdraw', to: 'withdrawn' },

  { from: 'reviewed', event: 'shortlist', to: 'shortlisted' },
  { from: 'reviewed', event: 'reject', to: 'rejected' },
  { from: 'reviewed', event: 'withdraw', to: 'withdrawn' },
  { from: 'reviewed', event: 'accept-version', to: 'submitted' },

  { from: 'shortlisted', event: 'publicize', to: 'publicized' },
  { from: 'shortlisted', event: 'unshortlist', to: 'reviewed' },
  { from: 'shortlisted', event: 'reject', to: 'rejected' },
  { from: 'shortlisted', event: 'withdraw', to: 'withdrawn' },
  { from: 'shortlisted', event: 'accept-version', to: 'submitted' },

  { from: 'publicized', event: 'certify', to: 'certified' },
  { from: 'publicized', event: 'reject', to: 'rejected' },
  { from: 'publicized', event: 'withdraw', to: 'withdrawn' },
  { from: 'publicized', event: 'accept-version', to: 'submitted' },
];

const RUNNING_TERM_MOVES = (from: StudioStatus): TransitionRule<StudioStatus, StudioEvent>[] => [
  { from, event: 'assess-pass', to: 'assessed-pass' },
  { from, event: 'assess-fail', to: 'assessed-fail' },
  { from, event: 'not-assess', to: 'not-assessed' },
  { from, event: 'expire', to: 'expired' },
  { from, event: 'revoke', to: 'revoked' },
  { from, event: 'merge', to: 'merged' },
];

const ENDING_MOVES = (from: StudioStatus): TransitionRule<StudioStatus, StudioEvent>[] => [
  { from, event: 'expire', to: 'expired' },
  { from, event: 'revoke', to: 'revoked' },
  { from, event: 'merge', to: 'merged' },
];

/**
 * Every allowed move of a studio. 已续建 is a running term like 有效, so it allows the same moves. 撤销认定
 * (an undone certification) happens only to a studio still in its first, unassessed term; 已合并 (a studio
 * created in error, folded into the right one) is final like 已到期 and 已撤销.
 */
export const STUDIO_TRANSITIONS: readonly TransitionRule<StudioStatus, StudioEvent>[] = [
  ...RUNNING_TERM_MOVES('valid'),
  { from: 'valid', event: 'decertify', to: 'decertified' },
  ...RUNNING_TERM_MOVES('renewed'),
  { from: 'assessed-pass', event: 'renew', to: 'renewed' },
  ...ENDING_MOVES('assessed-pass'),
  ...ENDING_MOVES('assessed-fail'),
  ...ENDING_MOVES('not-assessed'),
];

/**
 * Moves an undo may not reverse on its own record: they are the side effect of a change to another record
 * (撤销认定 follows the application's undone 认定) or fold two records into one (合并). Undo those where
 * they started.
 */
export const NOT_UNDOABLE_EVENTS: ReadonlySet<AnyEvent> = new Set(['decertify', 'merge']);

export function statusesOf<K extends LifecycleKind>(kind: K): readonly StatusOf<K>[] {
  return (kind === 'application' ? APPLICATION_STATUSES : STUDIO_STATUSES) as unknown as readonly StatusOf<K>[];
}

export function eventsOf<K extends LifecycleKind>(kind: K): readonly EventOf<K>[] {
  return (kind === 'application' ? APPLICATION_EVENTS : STUDIO_EVENTS) as unknown as readonly EventOf<K>[];
}

export function transitionsOf<K extends LifecycleKind>(kind: K): readonly TransitionRule<StatusOf<K>, EventOf<K>>[] {
  return (kind === 'application' ? APPLICATION_TRANSITIONS : STUDIO_TRANSITIONS) as unknown as readonly TransitionRule<
    StatusOf<K>,
    EventOf<K>
  >[];
}

export function isStatus<K extends LifecycleKind>(kind: K, value: string): value is StatusOf<K> {
  return (statusesOf(kind) as readonly string[]).includes(value);
}

export function isEvent<K extends LifecycleKind>(kind: K, value: string): value is EventOf<K> {
  return (eventsOf(kind) as readonly string[]).includes(value);
}

/** The moves allowed from a status, in table order. */
export function allowedMoves<K extends LifecycleKind>(kind: K, from: StatusOf<K>): TransitionRule<StatusOf<K>, EventOf<K>>[] {
  return transitionsOf(kind).filter((t) => t.from === from);
}

/** A status with no way out (已认定, 未通过, 已撤回, 已到期, 已撤销). */
export function isFinal(kind: LifecycleKind, status: AnyStatus): boolean {
  return !transitionsOf(kind).some((t) => t.from === status);
}

/** Display name of a status (已提交, 有效 …). Status codes of both kinds are distinct, so one key space serves both. */
export function statusLabel(status: AnyStatus): string {
  return msg(`lifecycle.status.${status}` as MessageKey);
}

/** Display name of a status read from the database, or the stored text itself when it is unknown. */
export function statusName(status: string): string {
  return isStatus('application', status) || isStatus('studio', status) ? statusLabel(status) : status;
}

/** Display name of an event as an action (认定, 撤回 …). */
export function eventLabel(event: AnyEvent): string {
  return msg(`lifecycle.event.${event}` as MessageKey);
}

/** `申报 #3` / `工作室 #12`, or just `申报` when no id is given. */
export function entityLabel(kind: LifecycleKind, id?: number | string): string {
  const noun = msg(kind === 'application' ? 'lifecycle.entity.application' : 'lifecycle.entity.studio');
  return id === undefined || id === null || id === '' ? noun : msg('lifecycle.entity.withId', { noun, id });
}

export type TransitionResult<S extends string = string> = { ok: true; to: S } | { ok: false; message: string };

/**
 * Where `event` takes an application or studio that is now in `from`, or why it cannot. Inputs are plain
 * strings because they come from the database and the command line; unknown values are refused, not thrown.
 */
export function transition<K extends LifecycleKind>(
  kind: K,
  from: string,
  event: string,
  id?: number | string,
): TransitionResult<StatusOf<K>> {
  const entity = entityLabel(kind, id);
  if (!isStatus(kind, from)) return { ok: false, message: msg('lifecycle.unknownStatus', { entity, status: from }) };
  if (!isEvent(kind, event)) return { ok: false, message: msg('lifecycle.unknownEvent', { entity, event }) };
  const rule = transitionsOf(kind).find((t) => t.from === from && t.event === event);
  if (rule) return { ok: true, to: rule.to };

  const params = { entity, from: statusLabel(from), event: eventLabel(event) };
  const moves = allowedMoves(kind, from);
  if (moves.length === 0) return { ok: false, message: msg('lifecycle.refused.final', params) };
  // Asking for the move that led here (认定 twice) deserves a plainer answer than a list of options.
  if (transitionsOf(kind).some((t) => t.event === event && t.to === from)) {
    return { ok: false, message: msg('lifecycle.refused.already', params) };
  }
  const allowed = moves.map((m) => eventLabel(m.event)).join(msg('lifecycle.listSeparator'));
  return { ok: false, message: msg('lifecycle.refused', { ...params, allowed }) };
}

/** One status change as the audit log records it. */
export interface StatusChange {
  from: string;
  to: string;
}

/**
 * Undoing a recorded change restores its `from` status. The caller (store layer) has already checked that
 * `entry` is the last status change of this record; here we only check that the record still stands where
 * that change left it, so a stale entry cannot silently overwrite a later state.
 */
export function undoTarget<K extends LifecycleKind>(
  kind: K,
  entry: StatusChange,
  current: string,
  id?: number | string,
): TransitionResult<StatusOf<K>> {
  const entity = entityLabel(kind, id);
  if (!isStatus(kind, entry.from)) return { ok: false, message: msg('lifecycle.unknownStatus', { entity, status: entry.from }) };
  if (!isStatus(kind, entry.to)) return { ok: false, message: msg('lifecycle.unknownStatus', { entity, status: entry.to }) };
  if (current !== entry.to) {
    const currentLabel = isStatus(kind, current) ? statusLabel(current) : current;
    return {
      ok: false,
      message: msg('lifecycle.undo.mismatch', { entity, current: currentLabel, from: statusLabel(entry.from), to: statusLabel(entry.to) }),
    };
  }
  return { ok: true, to: entry.from };
}

/**
 * Whether a studio's term was given by a renewal (续建): it is 已续建, or its term starts on another day than
 * its 认定 (a renewal's; a 认定 date recorded later starts its term on that day). Such a term is never reset
 * from the 认定 date, by hand or from the register.
 */
export function termRenewed(studio: { status: string; termStartedOn: string | null; certifiedOn: string | null }): boolean {
  return studio.status === 'renewed' || (studio.termStartedOn !== null && studio.termStartedOn !== studio.certifiedOn);
}

/**
 * The years an older studio's 认定 date may fall in: its 认定年度, or the next (a 公示 over New Year puts the
 * 认定 in January); null when the 认定年度 is not known.
 */
export function certifiedOnYears(studio: { selectionYear: number | null }): readonly [number, number] | null {
  return studio.selectionYear === null ? null : [studio.selectionYear, studio.selectionYear + 1];
}
