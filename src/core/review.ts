/**
 * Expert review (专家评审) of one application: from the experts' sheets to one aggregate score.
 *
 * Experts who recused themselves (回避, conflict of interest) are left out entirely, score and opinion.
 * Scores must be numbers from 0 to 100; anything else is an error finding and is not counted, so one typo
 * cannot move an applicant up or down unnoticed. The trimmed mean drops one highest and one lowest score,
 * which only makes sense with at least 5 scores (3 remain); with fewer the plain mean is used and the
 * result says so.
 */
import type { Finding } from './finding.js';
import { msg } from '../messages/index.js';
import { nameKey, toHalfWidth, trimText } from './text.js';
import { officialText } from '../messages/export.js';

export type ReviewMethod = 'mean' | 'trimmed';
export type Recommendation = 'yes' | 'no';

export interface ExpertReview {
  expert: string;
  /** The score as read: a number, or the raw text of a cell that did not hold one, or null when empty. */
  score: number | string | null;
  recommend: Recommendation | null;
  recused: boolean;
  /** `Sheet!A1` of the score cell, for findings. */
  cell?: string;
}

export interface ReviewAggregate {
  /** Number of experts whose score counted. */
  experts: number;
  /** Aggregate rounded to 2 decimals (what clerks see and the shortlist ranks by); null without scores. */
  aggregate: number | null;
  /** The unrounded aggregate. */
  exact: number | null;
  /** The method actually used: 'trimmed' falls back to 'mean' below MIN_EXPERTS_FOR_TRIMMED scores. */
  method: ReviewMethod;
  requestedMethod: ReviewMethod;
  /** Plain-language description of `method` (and of the fallback when there was one). */
  methodNote: string;
  min: number | null;
  max: number | null;
  /** max − min (rounded to 2 decimals); null without scores. */
  spread: number | null;
  recommend: { yes: number; no: number };
  recused: number;
  findings: Finding[];
}

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
/** Experts on a review sheet unless the clerk says otherwise (`--experts`). */
export const DEFAULT_EXPERTS = 5;
export const MIN_EXPERTS_FOR_TRIMMED = 5;

/** Half-up rounding to 2 decimals that survives binary noise (84.125 → 84.13, 1.005 → 1.01). */
export function round2(x: number): number {
  return Math.round(Number((x * 100).toPrecision(12))) / 100;
}

function expertName(entry: ExpertReview): string {
  return trimText(entry.expert) || msg('lifecycle.review.unnamedExpert');
}

type ScoreReading = { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'not-number'; raw: string };

/** Accepts numbers and numeric text (`85`, `８５．５`, ` 90 `); everything else is not a number. */
export function readScore(score: number | string | null | undefined): ScoreReading {
  if (score === null || score === undefined) return { kind: 'empty' };
  if (typeof score === 'number') return Number.isFinite(score) ? { kind: 'number', value: score } : { kind: 'not-number', raw: String(score) };
  const text = trimText(toHalfWidth(score));
  if (text === '') return { kind: 'empty' };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/u.test(text)) return { kind: 'number', value: Number(text) };
  return { kind: 'not-number', raw: score };
}

function finding(code: string, severity: Finding['severity'], message: string, cell?: string): Finding {
  return cell ? { code, severity, message, cell } : { code, severity, message };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function aggregateReview(entries: readonly ExpertReview[], requestedMethod: ReviewMethod = 'mean'): ReviewAggregate {
  const findings: Finding[] = [];
  const scores: number[] = [];
  const recommend = { yes: 0, no: 0 };
  const seen = new Set<string>();
  let recused = 0;

  for (const entry of entries) {
    const expert = expertName(entry);
    const reading = readScore(entry.score);
    const key = nameKey(entry.expert);
    if (key !== '') {
      if (seen.has(key)) {
        findings.push(finding('review-duplicate-expert', 'error', msg('lifecycle.review.duplicateExpert', { expert }), entry.cell));
        continue;
      }
      seen.add(key);
    }
    if (entry.recused) {
      recused++;
      if (reading.kind !== 'empty' || entry.recommend !== null) {
        findings.push(finding('review-recused-with-score', 'warning', msg('lifecycle.review.recusedWithScore', { expert }), entry.cell));
      }
      continue;
    }
    if (entry.recommend) recommend[entry.recommend]++;
    if (reading.kind === 'empty') {
      findings.push(finding('review-score-missing', 'warning', msg('lifecycle.review.scoreMissing', { expert }), entry.cell));
    } else if (reading.kind === 'not-number') {
      findings.push(finding('review-score-not-number', 'error', msg('lifecycle.review.scoreNotNumber', { expert, score: reading.raw }), entry.cell));
    } else if (reading.value < SCORE_MIN || reading.value > SCORE_MAX) {
      findings.push(finding('review-score-out-of-range', 'error', msg('lifecycle.review.scoreOutOfRange', { expert, score: reading.value }), entry.cell));
    } else {
      scores.push(reading.value);
    }
  }

  const trimmed = requestedMethod === 'trimmed' && scores.length >= MIN_EXPERTS_FOR_TRIMMED;
  const method: ReviewMethod = trimmed ? 'trimmed' : 'mean';
  const methodNote =
    requestedMethod === 'trimmed' && !trimmed
      ? msg('lifecycle.review.method.trimmedFallback', { min: MIN_EXPERTS_FOR_TRIMMED, count: scores.length })
      : msg(trimmed ? 'lifecycle.review.method.trimmed' : 'lifecycle.review.method.mean');

  if (scores.length === 0) {
    findings.push(finding('review-no-scores', 'error', msg('lifecycle.review.noScores')));
    return { experts: 0, aggregate: null, exact: null, method, requestedMethod, methodNote, min: null, max: null, spread: null, recommend, recused, findings };
  }

  const sorted = [...scores].sort((a, b) => a - b);
  const counted = trimmed ? sorted.slice(1, -1) : sorted;
  const exact = mean(counted);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return {
    experts: scores.length,
    aggregate: round2(exact),
    exact,
    method,
    requestedMethod,
    methodNote,
    min,
    max,
    spread: round2(max - min),
    recommend,
    recused,
    findings,
  };
}

/** Labels of the expert review sheet: the template writes them, the importer anchors on them. */
export const REVIEW_LABELS = {
  sheet: officialText('export.review.sheet'),
  id: officialText('export.col.id'),
  studio: officialText('export.col.studio'),
  unit: officialText('export.col.unit'),
  expertName: officialText('export.review.name'),
  score: officialText('export.review.score'),
  opinion: officialText('export.review.opinion'),
  recused: officialText('export.review.recused'),
  recommend: officialText('export.review.recommend'),
  notRecommend: officialText('export.review.notRecommend'),
  recusedYes: officialText('export.review.recusedYes'),
  signature: officialText('export.review.signature'),
  signedOn: officialText('export.review.signedOn'),
} as const;
