/**
 * The proposed list (拟认定名单) of a round from stored reviews and the committee's manual changes, and
 * its confirmation: the listed applications move to 拟认定, the ones no longer listed back to 已评审.
 */
import { RefusedError } from '../core/errors.js';
import type { ReviewMethod } from '../core/review.js';
import { compareCandidates, proposeShortlist, type ShortlistCandidate, type ShortlistProposal } from '../core/shortlist.js';
import { msg } from '../messages/index.js';
import type { Actor } from '../store/audit.js';
import { autoBackup } from '../store/backup.js';
import type { Db } from '../store/open.js';
import { getRound } from '../store/rounds.js';
import { activeShortlistChanges } from '../store/shortlist.js';
import { move } from '../store/status.js';
import { reviewMethodFor, roundReviews, type ApplicationReview } from './review.js';

/** Applications that are out of the selection altogether (not shown as excluded candidates). */
const OUT_OF_SELECTION = new Set(['withdrawn', 'rejected']);
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

export function shortlistSettings(db: Db, round: number, given: Partial<ShortlistSettings> = {}): ShortlistSettings {
  const s = getRound(db, round).settings;
  const minScore = given.minScore ?? s.minScore;
  const quota = given.quota ?? s.quota;
  return { method: reviewMethodFor(db, round, given.method), ...(minScore === undefined ? {} : { minScore }), ...(quota === undefined ? {} : { quota }) };
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

export function roundShortlist(db: Db, round: number, given: Partial<ShortlistSettings> = {}): RoundShortlist {
  const settings = shortlistSettings(db, round, given);
  const all = roundReviews(db, round, settings.method);
  const reviews = new Map(all.map((r) => [r.app.id, r]));
  const locked = all.filter((r) => LOCKED_STATUSES.has(r.app.status)).map((r) => r.app.id);
  const candidates = all.filter((r) => !OUT_OF_SELECTION.has(r.app.status) && !LOCKED_STATUSES.has(r.app.status)).map(candidateOf);
  const proposal = proposeShortlist(candidates, {
    ...(settings.minScore === undefined ? {} : { minScore: settings.minScore }),
    ...(settings.quota === undefined ? {} : { quota: settings.quota }),
    ...activeShortlistChanges(db, round),
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

export function confirmShortlist(db: Db, actor: Actor, dbFile: string, round: number, list: RoundShortlist): ConfirmResult {
  if (list.locked.length > 0) {
    throw new RefusedError('shortlist-locked', msg('workflow.shortlist.locked', { ids: list.locked.map((id) => `#${id}`).join('、') }));
  }
  const errors = list.proposal.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw new RefusedError('shortlist-has-errors', msg('workflow.shortlist.hasErrors', { errors: errors.map((f) => f.message).join('；') }));
  }
  if (list.proposal.entries.length === 0) throw new RefusedError('shortlist-empty', msg('workflow.shortlist.empty', { round }));
  const plan = confirmPlan(list);
  if (plan.shortlist.length === 0 && plan.unshortlist.length === 0) return { ...plan, backup: null };
  const backup = autoBackup(db, dbFile, 'shortlist-confirm');
  db.transaction(() => {
    const settings = { minScore: list.settings.minScore ?? null, quota: list.settings.quota ?? null, method: list.settings.method };
    for (const id of plan.unshortlist) move(db, actor, 'application', id, 'unshortlist', { settings });
    for (const id of plan.shortlist) {
      const entry = list.proposal.entries.find((e) => e.id === id)!;
      move(db, actor, 'application', id, 'shortlist', { rank: entry.rank, score: entry.aggregate, settings, ...(entry.reason ? { reason: entry.reason } : {}) });
    }
  }).immediate();
  return { ...plan, backup };
}

/** Ranks applications of one status by their review (for the exported list and plaque numbers). */
export function rankedByReview(db: Db, round: number, statuses: ReadonlySet<string>): ApplicationReview[] {
  const method = reviewMethodFor(db, round);
  const rows = roundReviews(db, round, method).filter((r) => statuses.has(r.app.status));
  return rows.sort((a, b) => compareCandidates(candidateOf(a), candidateOf(b)));
}
