/**
 * The proposed list (拟认定名单): who is eligible, reviewed and scored at or above the threshold, in which
 * order, and where the quota cuts. Plus plaque numbers (铭牌编号) for the certified studios.
 *
 * Ranking (stated to clerks by `shortlistRuleText()`, also printed in exports and help):
 *   review score rounded to 2 decimals, highest first — ranking on the shown value, so two applications
 *   that look equal are treated as equal; then (1) more 推荐 votes, (2) smaller spread between the highest
 *   and lowest expert score (the experts agreed more), (3) smaller application id (filed earlier).
 *
 * The quota: (1) and (2) are about the review, (3) is an administrative accident. When the last place
 * inside the quota and the first outside are separated only by (3), cutting one of them would decide an
 * award by filing order, so all of them are listed, the list runs over the quota and a
 * `shortlist-tie-at-quota` warning asks the committee to decide. A cut decided by (1) or (2) stands and is
 * reported as info so the clerk can explain it.
 *
 * Manual changes (the committee's decision) are applied on top of the proposal, each with a reason, and
 * are reported as findings so they appear in the log and the internal list. Removing one does not pull
 * the next candidate up: the committee adds that one explicitly if it wants to.
 */
import type { Finding } from './finding.js';
import { msg } from '../messages/index.js';
import { round2 } from './review.js';
import { trimText } from './text.js';

export interface ShortlistCandidate {
  id: number;
  /** Passed the eligibility check (形式审查合格, overrides applied). */
  eligible: boolean;
  /** Has a review result in this round. */
  reviewed: boolean;
  /** Aggregate review score (exact or rounded; ranking rounds it to 2 decimals). */
  aggregate: number | null;
  recommendYes: number;
  spread: number | null;
}

export interface ManualChange {
  id: number;
  reason: string;
}

export interface ShortlistOptions {
  /** Lowest aggregate that may be listed; none when undefined. */
  minScore?: number;
  /** Number of places; no limit when undefined. */
  quota?: number;
  add?: readonly ManualChange[];
  remove?: readonly ManualChange[];
}

export type ShortlistSource = 'ranked' | 'tie-at-quota' | 'manual';

export interface ShortlistEntry {
  /** 1-based place on the final list. */
  rank: number;
  id: number;
  aggregate: number | null;
  recommendYes: number;
  spread: number | null;
  source: ShortlistSource;
  /** Reason of a manual addition. */
  reason?: string;
}

export type ExclusionReason = 'not-eligible' | 'not-reviewed' | 'below-min-score' | 'over-quota' | 'removed';

export interface ShortlistExclusion {
  id: number;
  reason: ExclusionReason;
  /** Readable explanation (with the threshold, quota or the clerk's reason). */
  message: string;
}

export interface ShortlistProposal {
  entries: ShortlistEntry[];
  excluded: ShortlistExclusion[];
  findings: Finding[];
  /** The ranking rule, for printing under the list. */
  rule: string;
}

export function shortlistRuleText(): string {
  return msg('lifecycle.shortlist.rule');
}

function rankScore(c: ShortlistCandidate): number {
  return c.aggregate === null ? Number.NEGATIVE_INFINITY : round2(c.aggregate);
}

function rankSpread(c: ShortlistCandidate): number {
  return c.spread === null ? Number.POSITIVE_INFINITY : round2(c.spread);
}

/** Compares on the review only (score, votes, spread); 0 means "only the application id can separate them". */
export function compareOnMerit(a: ShortlistCandidate, b: ShortlistCandidate): number {
  return rankScore(b) - rankScore(a) || b.recommendYes - a.recommendYes || rankSpread(a) - rankSpread(b);
}

/** The full ranking order: merit, then the smaller application id. */
export function compareCandidates(a: ShortlistCandidate, b: ShortlistCandidate): number {
  return compareOnMerit(a, b) || a.id - b.id;
}

export function rankCandidates(candidates: readonly ShortlistCandidate[]): ShortlistCandidate[] {
  return [...candidates].sort(compareCandidates);
}

/** Which tie-break separated two candidates with equal scores ('recommend' or 'spread'), or null. */
function decidingTieBreak(kept: ShortlistCandidate, dropped: ShortlistCandidate): 'recommend' | 'spread' | null {
  if (rankScore(kept) !== rankScore(dropped)) return null;
  if (kept.recommendYes !== dropped.recommendYes) return 'recommend';
  if (rankSpread(kept) !== rankSpread(dropped)) return 'spread';
  return null;
}

function exclusion(id: number, reason: ExclusionReason, params: Record<string, string | number> = {}): ShortlistExclusion {
  const key = `lifecycle.shortlist.excluded.${reason}` as const;
  return { id, reason, message: msg(key, params) };
}

export function proposeShortlist(candidates: readonly ShortlistCandidate[], options: ShortlistOptions = {}): ShortlistProposal {
  const { minScore, quota } = options;
  if (quota !== undefined && (!Number.isInteger(quota) || quota < 0)) throw new RangeError(`quota must be a whole number ≥ 0: ${quota}`);
  const findings: Finding[] = [];
  const excluded: ShortlistExclusion[] = [];
  const byId = new Map(candidates.map((c) => [c.id, c]));

  // 1. Who may be ranked at all.
  const rankable: ShortlistCandidate[] = [];
  for (const c of candidates) {
    if (!c.eligible) excluded.push(exclusion(c.id, 'not-eligible'));
    else if (!c.reviewed || c.aggregate === null) excluded.push(exclusion(c.id, 'not-reviewed'));
    else if (minScore !== undefined && rankScore(c) < minScore) excluded.push(exclusion(c.id, 'below-min-score', { minScore }));
    else rankable.push(c);
  }

  // 2. Rank and cut at the quota, keeping everyone tied with the last place on merit.
  const ranked = rankCandidates(rankable);
  const listed: { candidate: ShortlistCandidate; source: ShortlistSource; reason?: string }[] = [];
  let cut = quota === undefined ? ranked.length : Math.min(quota, ranked.length);
  if (quota !== undefined && quota > 0 && cut < ranked.length) {
    const last = ranked[cut - 1]!;
    let end = cut;
    while (end < ranked.length && compareOnMerit(last, ranked[end]!) === 0) end++;
    if (end > cut) {
      const tied = ranked.filter((c) => compareOnMerit(c, last) === 0);
      findings.push({
        code: 'shortlist-tie-at-quota',
        severity: 'warning',
        message: msg('lifecycle.shortlist.tieAtQuota', {
          quota,
          next: quota + 1,
          ids: tied.map((c) => `#${c.id}`).join(msg('lifecycle.listSeparator')),
          count: end,
        }),
      });
      ranked.slice(0, end).forEach((c, i) => listed.push({ candidate: c, source: i < cut && compareOnMerit(c, last) !== 0 ? 'ranked' : 'tie-at-quota' }));
      cut = end;
    } else {
      const tieBreak = decidingTieBreak(last, ranked[cut]!);
      if (tieBreak) {
        findings.push({
          code: 'shortlist-cut-by-tie-break',
          severity: 'info',
          message: msg('lifecycle.shortlist.cutByTieBreak', {
            kept: last.id,
            dropped: ranked[cut]!.id,
            rule: msg(tieBreak === 'recommend' ? 'lifecycle.shortlist.tieBreak.recommend' : 'lifecycle.shortlist.tieBreak.spread'),
          }),
        });
      }
    }
  }
  if (listed.length === 0) ranked.slice(0, cut).forEach((c) => listed.push({ candidate: c, source: 'ranked' }));
  for (const c of ranked.slice(cut)) excluded.push(exclusion(c.id, 'over-quota', { quota: quota ?? 0 }));

  // 3. The committee's manual changes.
  applyManualChanges(options, byId, listed, excluded, findings);

  const entries = listed
    .sort((a, b) => compareCandidates(a.candidate, b.candidate))
    .map(({ candidate: c, source, reason }, i): ShortlistEntry => ({
      rank: i + 1,
      id: c.id,
      aggregate: c.aggregate === null ? null : round2(c.aggregate),
      recommendYes: c.recommendYes,
      spread: c.spread === null ? null : round2(c.spread),
      source,
      ...(reason === undefined ? {} : { reason }),
    }));
  excluded.sort((a, b) => a.id - b.id);
  return { entries, excluded, findings, rule: shortlistRuleText() };
}

function applyManualChanges(
  options: ShortlistOptions,
  byId: ReadonlyMap<number, ShortlistCandidate>,
  listed: { candidate: ShortlistCandidate; source: ShortlistSource; reason?: string }[],
  excluded: ShortlistExclusion[],
  findings: Finding[],
): void {
  const adds = options.add ?? [];
  const removes = options.remove ?? [];
  const conflicting = new Set(adds.filter((a) => removes.some((r) => r.id === a.id)).map((a) => a.id));
  for (const id of conflicting) {
    findings.push({ code: 'shortlist-add-and-remove', severity: 'error', message: msg('lifecycle.shortlist.addAndRemove', { id }) });
  }
  const isListed = (id: number): boolean => listed.some((l) => l.candidate.id === id);
  const usable = (change: ManualChange): string | null => {
    if (conflicting.has(change.id)) return null;
    const reason = trimText(change.reason ?? '');
    if (!byId.has(change.id)) {
      findings.push({ code: 'shortlist-unknown-id', severity: 'error', message: msg('lifecycle.shortlist.unknownId', { id: change.id }) });
      return null;
    }
    if (reason === '') {
      findings.push({ code: 'shortlist-reason-required', severity: 'error', message: msg('lifecycle.shortlist.reasonRequired', { id: change.id }) });
      return null;
    }
    return reason;
  };

  for (const change of removes) {
    const reason = usable(change);
    if (reason === null) continue;
    const at = listed.findIndex((l) => l.candidate.id === change.id);
    if (at < 0) {
      findings.push({ code: 'shortlist-remove-not-listed', severity: 'warning', message: msg('lifecycle.shortlist.removeNotListed', { id: change.id }) });
      continue;
    }
    listed.splice(at, 1);
    const previous = excluded.findIndex((e) => e.id === change.id);
    if (previous >= 0) excluded.splice(previous, 1);
    excluded.push(exclusion(change.id, 'removed', { reason }));
    findings.push({ code: 'shortlist-manual-remove', severity: 'info', message: msg('lifecycle.shortlist.removed', { id: change.id, reason }) });
  }

  for (const change of adds) {
    const reason = usable(change);
    if (reason === null) continue;
    const candidate = byId.get(change.id)!;
    if (isListed(change.id)) {
      findings.push({ code: 'shortlist-add-already-listed', severity: 'warning', message: msg('lifecycle.shortlist.addAlreadyListed', { id: change.id }) });
      continue;
    }
    if (!candidate.eligible || !candidate.reviewed) {
      // The life cycle only lets 已评审 applications become 拟认定; the committee cannot skip that.
      findings.push({ code: 'shortlist-add-not-eligible', severity: 'error', message: msg('lifecycle.shortlist.addNotEligible', { id: change.id }) });
      continue;
    }
    listed.push({ candidate, source: 'manual', reason });
    const previous = excluded.findIndex((e) => e.id === change.id);
    if (previous >= 0) excluded.splice(previous, 1);
    findings.push({ code: 'shortlist-manual-add', severity: 'info', message: msg('lifecycle.shortlist.added', { id: change.id, reason }) });
  }
}

/** Plaque number `GS-YYYY-NNN` (three digits at least; a 1000th studio would read GS-2026-1000). */
export function plaqueNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have 4 digits: ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`plaque sequence must be a whole number ≥ 1: ${seq}`);
  return `GS-${year}-${String(seq).padStart(3, '0')}`;
}

const PLAQUE_RE = /^GS-(\d{4})-(\d{3,})$/u;

export function parsePlaqueNumber(text: string): { year: number; seq: number } | null {
  const m = PLAQUE_RE.exec(text.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/**
 * The next `count` plaque numbers of a year, continuing after the highest one already issued. Gaps (an
 * undone certification) are not refilled: a number once printed on a plaque is never given to another studio.
 */
export function nextPlaqueNumbers(year: number, existing: readonly string[], count: number): string[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0: ${count}`);
  let highest = 0;
  for (const text of existing) {
    const p = parsePlaqueNumber(text);
    if (p && p.year === year) highest = Math.max(highest, p.seq);
  }
  return Array.from({ length: count }, (_, i) => plaqueNumber(year, highest + 1 + i));
}
