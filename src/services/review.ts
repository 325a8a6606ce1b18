/** The expert review of a round: each application's aggregate from the stored expert rows. */
import { aggregateReview, type ReviewAggregate, type ReviewMethod } from '../core/review.js';
import { listApplications, type StoredApplication } from '../store/applications.js';
import { reviewsOfRound, type ReviewEntry } from '../store/reviews.js';
import { getRound } from '../store/rounds.js';
import type { Workspace } from './context.js';

export const DEFAULT_REVIEW_METHOD: ReviewMethod = 'trimmed';

export interface ApplicationReview {
  app: StoredApplication;
  entries: ReviewEntry[];
  /** null when no expert has reviewed the application yet. */
  result: ReviewAggregate | null;
}

export function reviewMethodFor(ws: Workspace, round: number, requested?: ReviewMethod): ReviewMethod {
  return requested ?? getRound(ws.db, round).settings.reviewMethod ?? DEFAULT_REVIEW_METHOD;
}

export function roundReviews(ws: Workspace, round: number, method: ReviewMethod = reviewMethodFor(ws, round)): ApplicationReview[] {
  const reviews = reviewsOfRound(ws.db, round);
  return listApplications(ws.db, round).map((app) => {
    const entries = reviews.get(app.id) ?? [];
    return { app, entries, result: entries.length > 0 ? aggregateReview(entries, method) : null };
  });
}

/** Applications the committee reviews: passed the eligibility check (or already reviewed). */
export const REVIEWABLE: ReadonlySet<string> = new Set(['eligible', 'reviewed']);

/** `review list`: the reviews of the applications that have any or are up for review. */
export function reviewList(ws: Workspace, round: number, method: ReviewMethod): ApplicationReview[] {
  return roundReviews(ws, round, method).filter((r) => r.entries.length > 0 || REVIEWABLE.has(r.app.status));
}

/** The rows of a blank review sheet (评审打分表): every application up for review. */
export function reviewableApplications(ws: Workspace, round: number): StoredApplication[] {
  return listApplications(ws.db, round).filter((a) => REVIEWABLE.has(a.status));
}
