/** The expert review of a round: each application's aggregate from the stored expert rows. */
import { aggregateReview, type ReviewAggregate, type ReviewMethod } from '../core/review.js';
import { listApplications, type StoredApplication } from '../store/applications.js';
import type { Db } from '../store/open.js';
import { reviewsOfRound, type ReviewEntry } from '../store/reviews.js';
import { getRound } from '../store/rounds.js';

export const DEFAULT_REVIEW_METHOD: ReviewMethod = 'trimmed';

export interface ApplicationReview {
  app: StoredApplication;
  entries: ReviewEntry[];
  /** null when no expert has reviewed the application yet. */
  result: ReviewAggregate | null;
}

export function reviewMethodFor(db: Db, round: number, requested?: ReviewMethod): ReviewMethod {
  return requested ?? getRound(db, round).settings.reviewMethod ?? DEFAULT_REVIEW_METHOD;
}

export function roundReviews(db: Db, round: number, method: ReviewMethod = reviewMethodFor(db, round)): ApplicationReview[] {
  const reviews = reviewsOfRound(db, round);
  return listApplications(db, round).map((app) => {
    const entries = reviews.get(app.id) ?? [];
    return { app, entries, result: entries.length > 0 ? aggregateReview(entries, method) : null };
  });
}
