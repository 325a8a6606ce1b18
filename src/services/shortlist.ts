/**
 * The proposed list (拟认定名单) of a round from stored reviews and the committee's manual changes, and
 * its confirmation: the listed applications move to 拟认定, the ones no longer listed back to 已评审.
 */
import type { ReviewMethod } from '../core/review.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { compareCandidates, proposeShortlist, type ShortlistCandidate, type ShortlistProposal } from '../core/shortlist.js';
import { msg } from '../messages/index.js';
import { appendAudit } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import { getRound, saveRound } from '../store/rounds.js';
import { activeShortlistChanges, dropShortlistChange, recordShortlistChange, type ChangeKind } from '../store/shortlist.js';
import { move } from '../store/status.js';
import { requireApplication } from './applications.js';
import { inTransaction, type Workspace } from './context.js';
import { OUT_OF_SELECTION } from './eligibility.js';
import { reviewMethodFor, roundReviews, type ApplicationReview } from './review.js';

/** On the proposed list or beyond it: what the exported list shows, and where a new review score changes nothing. */
export const LISTED_STATUSES: ReadonlySet<string> = new Set(['shortlisted', 'publicized', 'certified']);
/** Once 公示 has begun the list is fixed; changing it means undoing the notice first. */
export const LOCKED_STATUSES = new Set(['publicized', 'certified']);
const REVIEWED_STATUSES = new Set(['reviewed', 'shortlisted']);

export interface ShortlistSettings {
  minScore?: number;
  quota?: number;
  method: ReviewMethod;
}

export interface RoundShortlist {
  settings: ShortlistSettings;
  proposal: ShortlistProposal;
  reviews: Map<number, ApplicationReview>;
  /** Applications of the round already under public notice or certified. */
  locked: number[];
}

export function shortlistSettings(ws: Workspace, round: number, given: Partial<ShortlistSettings> = {}): ShortlistSettings {
  const s = getRound(ws.db, round).settings;
  const minScore = given.minScore ?? s.minScore;
  const quota = given.quota ?? s.quota;
  return { method: reviewMethodFor(ws, round, given.method), ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }) };
}

export function candidateOf(r: ApplicationReview): ShortlistCandidate {
  return {
    id: r.app.id,
    eligible: r.app.eligible === true && r.app.status !== 'ineligible',
    reviewed: REVIEWED_STATUSES.has(r.app.status) && r.result?.aggregate != null,
    aggregate: r.result?.aggregate ?? null,
    recommendYes: r.result?.recommend.yes ?? 0,
    spread: r.result?.spread ?? null,
  };
}

export function roundShortlist(ws: Workspace, round: number, given: Partial<ShortlistSettings> = {}): RoundShortlist {
  const settings = shortlistSettings(ws, round, given);
  const all = roundReviews(ws, round, settings.method);
  const reviews = new Map(all.map((r) => [r.app.id, r]));
  const locked = all.filter((r) => LOCKED_STATUSES.has(r.app.status)).map((r) => r.app.id);
  const candidates = all.filter((r) => !OUT_OF_SELECTION.has(r.app.status) && !LOCKED_STATUSES.has(r.app.status)).map(candidateOf);
  const proposal = proposeShortlist(candidates, {
    ...(settings.minScore === undefined ? {} : { minScore: settings.minScore }),
    ...(settings.quota === undefined ? {} : { quota: settings.quota }),
    ...activeShortlistChanges(ws.db, round),
  });
  return { settings, proposal, reviews, locked };
}

export interface ConfirmPlan {
  shortlist: number[];
  unshortlist: number[];
}

/** What `shortlist confirm` would change, without changing it (shown before the menu asks to go on). */
export function confirmPlan(list: RoundShortlist): ConfirmPlan {
  const listed = new Set(list.proposal.entries.map((e) => e.id));
  const shortlist = list.proposal.entries.filter((e) => list.reviews.get(e.id)?.app.status === 'reviewed').map((e) => e.id);
  const unshortlist = [...list.reviews.values()].filter((r) => r.app.status === 'shortlisted' && !listed.has(r.app.id)).map((r) => r.app.id);
  return { shortlist, unshortlist };
}

export interface ConfirmResult extends ConfirmPlan {
  backup: string | null;
}

/**
 * `shortlist confirm`: the proposed list with the round's saved settings becomes 拟认定; an application no
 * longer on it goes back to 已评审. Refused once 公示 has begun (the published list is fixed).
 */
export function confirmShortlist(ws: Workspace, round: number, given: Partial<ShortlistSettings> = {}): ConfirmResult & { list: RoundShortlist } {
  saveShortlistSettings(ws, round, given);
  const list = roundShortlist(ws, round);
  if (list.locked.length > 0) {
    throw new RefusedError('shortlist-locked', msg('workflow.shortlist.locked', { ids: list.locked.map((id) => `#${id}`).join('、') }));
  }
  const errors = list.proposal.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new RefusedError('shortlist-has-errors', msg('workflow.shortlist.hasErrors', { errors: errors.map((f) => f.message).join('；') }));
  }
  if (list.proposal.entries.length === 0) throw new RefusedError('shortlist-empty', msg('workflow.shortlist.empty', { round }));
  const plan = confirmPlan(list);
  if (plan.shortlist.length === 0 && plan.unshortlist.length === 0) return { ...plan, backup: null, list };
  const backup = autoBackup(ws.db, ws.dbFile, 'shortlist-confirm');
  inTransaction(ws, () => {
    const settings = { minScore: list.settings.minScore ?? null, quota: list.settings.quota ?? null, method: list.settings.method };
    for (const id of plan.unshortlist) move(ws.db, ws.actor, 'application', id, 'unshortlist', { settings });
    for (const id of plan.shortlist) {
      const entry = list.proposal.entries.find((e) => e.id === id)!;
      move(ws.db, ws.actor, 'application', id, 'shortlist', { rank: entry.rank, score: entry.aggregate, settings, ...(entry.reason ? { reason: entry.reason } : {}) });
    }
  });
  return { ...plan, backup, list };
}

/** Saves --min-score / --quota / --method so that `shortlist confirm` confirms the list that was shown. */
export function saveShortlistSettings(ws: Workspace, round: number, given: Partial<ShortlistSettings>): void {
  if (given.minScore === undefined && given.quota === undefined && given.method === undefined) return;
  inTransaction(ws, () => {
    const stored = getRound(ws.db, round);
    const settings = {
      ...stored.settings,
      ...(given.minScore === undefined ? {} : { minScore: given.minScore }),
      ...(given.quota === undefined ? {} : { quota: given.quota }),
      ...(given.method === undefined ? {} : { reviewMethod: given.method }),
    };
    saveRound(ws.db, { ...stored, settings });
    appendAudit(ws.db, ws.actor, 'round', round, 'set', { minScore: given.minScore, quota: given.quota, reviewMethod: given.method });
  });
}

/** `shortlist add|remove ID --reason`: the committee's decision, recorded with its reason (replacing an earlier one). */
export function changeShortlist(ws: Workspace, round: number, id: number, change: ChangeKind, reason: string): string {
  if (!reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  const app = requireApplication(ws, id, round);
  inTransaction(ws, () => {
    recordShortlistChange(ws.db, id, change, reason, ws.actor);
    appendAudit(ws.db, ws.actor, 'application', id, `shortlist-${change}`, { reason });
  });
  return app.current.parsed.application.studioName;
}

/** `shortlist add|remove ID --undo`: withdraws the committee's change of an application. */
export function undoShortlistChange(ws: Workspace, round: number, id: number, reason: string): string {
  const app = requireApplication(ws, id, round);
  const dropped = inTransaction(ws, () => {
    const kind = dropShortlistChange(ws.db, id);
    if (kind) appendAudit(ws.db, ws.actor, 'application', id, 'shortlist-change-undo', { change: kind, reason });
    return kind;
  });
  if (!dropped) throw new RefusedError('no-change', msg('workflow.shortlist.noChangeToUndo', { id }));
  return app.current.parsed.application.studioName;
}

/** Ranks applications of some statuses by their review (for the exported list and plaque numbers). */
export function rankedByReview(ws: Workspace, round: number, statuses: ReadonlySet<string>): ApplicationReview[] {
  const method = reviewMethodFor(ws, round);
  const rows = roundReviews(ws, round, method).filter((r) => statuses.has(r.app.status));
  return rows.sort((a, b) => compareCandidates(candidateOf(a), candidateOf(b)));
}
