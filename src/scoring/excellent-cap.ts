/**
 * Optional cap on the share of 优秀 in a round.
 *
 * Rule: of the studios actually graded (优秀, 合格 or 不合格 — not 不参加考核, not 未完成), at most
 * floor(share × count) may be 优秀. The 优秀 studios are ranked by total (high first), then base points
 * (bonus points count for less when totals tie), then id ascending so the outcome never depends on input
 * order; those ranked beyond the allowance become 合格 with an info finding. Nothing else changes.
 */
import type { ScoreResult } from './score.js';
import { msg } from '../messages/index.js';
import { formatPoints } from './compute.js';

export interface CappableEntry {
  id: string | number;
  result: ScoreResult;
}

function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** How many 优秀 a round of `graded` studios may have at `share` (0–1). */
export function allowedExcellent(graded: number, share: number): number {
  return Math.floor(share * graded + 1e-9);
}

export function applyExcellentCap<T extends CappableEntry>(entries: readonly T[], share: number): T[] {
  const graded = entries.filter((e) => ['excellent', 'pass', 'fail'].includes(e.result.grade)).length;
  const allowed = allowedExcellent(graded, share);
  const excellent = entries
    .filter((e) => e.result.grade === 'excellent')
    .sort((a, b) => b.result.total - a.result.total || b.result.base - a.result.base || compareIds(a.id, b.id));
  if (excellent.length <= allowed) return [...entries];
  const demoted = new Set(excellent.slice(allowed).map((e) => e.id));
  const percent = formatPoints(share * 100);
  return entries.map((e) => {
    if (!demoted.has(e.id)) return e;
    const finding = {
      code: 'excellent-capped',
      severity: 'info' as const,
      message: msg('scoring.excellentCapped', { share: percent, allowed, total: formatPoints(e.result.total) }),
    };
    return { ...e, result: { ...e.result, grade: 'pass' as const, findings: [...e.result.findings, finding] } };
  });
}
