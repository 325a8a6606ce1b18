import { describe, expect, it } from 'vitest';
import {
  nextPlaqueNumbers, parsePlaqueNumber, plaqueNumber, proposeShortlist, shortlistRuleText, type ShortlistCandidate,
} from '../../src/core/shortlist.js';

const c = (id: number, aggregate: number | null, recommendYes = 3, spread: number | null = 10, extra: Partial<ShortlistCandidate> = {}): ShortlistCandidate => ({
  id, eligible: true, reviewed: aggregate !== null, aggregate, recommendYes, spread, ...extra,
});
const ids = (p: ReturnType<typeof proposeShortlist>): number[] => p.entries.map((x) => x.id);

describe('who is ranked', () => {
  it('lists only eligible, reviewed candidates at or above the threshold', () => {
    const p = proposeShortlist([c(1, 90), c(2, 70), c(3, 75), c(4, 95, 3, 10, { eligible: false }), c(5, null)], { minScore: 75 });
    expect(ids(p)).toEqual([1, 3]);
    expect(p.excluded.map((x) => [x.id, x.reason])).toEqual([
      [2, 'below-min-score'], [4, 'not-eligible'], [5, 'not-reviewed'],
    ]);
    expect(p.excluded[0]!.message).toBe('评审得分低于 75 分');
  });

  it('compares the threshold with the rounded score', () => {
    expect(ids(proposeShortlist([c(1, 74.996)], { minScore: 75 }))).toEqual([1]);
  });

  it('numbers the list from 1 and keeps the rounded score', () => {
    const p = proposeShortlist([c(1, 80.666666), c(2, 90)]);
    expect(p.entries.map((x) => [x.rank, x.id, x.aggregate])).toEqual([[1, 2, 90], [2, 1, 80.67]]);
  });
});

describe('ordering and tie-breaks', () => {
  it('ranks by score, highest first', () => {
    expect(ids(proposeShortlist([c(1, 80), c(2, 90), c(3, 85)]))).toEqual([2, 3, 1]);
  });
  it('breaks a score tie by more 推荐 votes', () => {
    expect(ids(proposeShortlist([c(1, 85, 3), c(2, 85, 5)]))).toEqual([2, 1]);
  });
  it('then by the smaller spread', () => {
    expect(ids(proposeShortlist([c(1, 85, 4, 20), c(2, 85, 4, 5)]))).toEqual([2, 1]);
  });
  it('then by the earlier application id', () => {
    expect(ids(proposeShortlist([c(7, 85, 4, 5), c(3, 85, 4, 5)]))).toEqual([3, 7]);
  });
  it('treats scores equal to 2 decimals as equal', () => {
    expect(ids(proposeShortlist([c(1, 85.001, 3), c(2, 85.004, 5)]))).toEqual([2, 1]);
  });
  it('states the rule in words', () => {
    expect(shortlistRuleText()).toMatch(/推荐票多者在前.*极差.*申报编号小者在前/u);
    expect(proposeShortlist([]).rule).toBe(shortlistRuleText());
  });
});

describe('quota', () => {
  it('cuts the list at the quota', () => {
    const p = proposeShortlist([c(1, 90), c(2, 80), c(3, 85)], { quota: 2 });
    expect(ids(p)).toEqual([1, 3]);
    expect(p.excluded).toEqual([{ id: 2, reason: 'over-quota', message: '超出名额（2 个）' }]);
    expect(p.findings).toEqual([]);
  });

  it('keeps everyone tied on merit at the cut and flags it', () => {
    const p = proposeShortlist([c(1, 90), c(2, 85, 4, 5), c(3, 85, 4, 5), c(4, 85, 4, 5), c(5, 80)], { quota: 2 });
    expect(ids(p)).toEqual([1, 2, 3, 4]);
    expect(p.entries.map((x) => x.source)).toEqual(['ranked', 'tie-at-quota', 'tie-at-quota', 'tie-at-quota']);
    expect(p.excluded.map((x) => x.id)).toEqual([5]);
    expect(p.findings).toHaveLength(1);
    expect(p.findings[0]).toMatchObject({ code: 'shortlist-tie-at-quota', severity: 'warning' });
    expect(p.findings[0]!.message).toContain('#2、#3、#4');
    expect(p.findings[0]!.message).toContain('共 4 个');
  });

  it('lets a cut decided by 推荐 votes stand and explains it', () => {
    const p = proposeShortlist([c(1, 90), c(2, 85, 4), c(3, 85, 5)], { quota: 2 });
    expect(ids(p)).toEqual([1, 3]);
    expect(p.findings).toEqual([expect.objectContaining({ code: 'shortlist-cut-by-tie-break', severity: 'info' })]);
    expect(p.findings[0]!.message).toContain('推荐票多者在前');
  });

  it('lets a cut decided by the spread stand and explains it', () => {
    const p = proposeShortlist([c(1, 85, 4, 12), c(2, 85, 4, 3)], { quota: 1 });
    expect(ids(p)).toEqual([2]);
    expect(p.findings[0]!.message).toContain('极差小者在前');
  });

  it('is no tie when the tie sits wholly inside the quota', () => {
    const p = proposeShortlist([c(1, 85), c(2, 85), c(3, 80)], { quota: 2 });
    expect(ids(p)).toEqual([1, 2]);
    expect(p.findings).toEqual([]);
  });

  it('refuses a negative quota', () => {
    expect(() => proposeShortlist([], { quota: -1 })).toThrow(RangeError);
  });
});

describe('manual changes', () => {
  const base = [c(1, 90), c(2, 85), c(3, 70), c(4, 88, 3, 10, { eligible: false })];

  it('adds and removes with reasons, ranked like the others, and reports both', () => {
    const p = proposeShortlist(base, { minScore: 80, add: [{ id: 3, reason: '传统技艺，委员会决定列入' }], remove: [{ id: 2, reason: '现场考察场地不符' }] });
    expect(ids(p)).toEqual([1, 3]);
    expect(p.entries[1]).toMatchObject({ id: 3, source: 'manual', reason: '传统技艺，委员会决定列入' });
    expect(p.excluded.find((x) => x.id === 2)).toEqual({ id: 2, reason: 'removed', message: '人工移出：现场考察场地不符' });
    expect(p.excluded.find((x) => x.id === 3)).toBeUndefined();
    expect(p.findings.map((f) => f.code).sort()).toEqual(['shortlist-manual-add', 'shortlist-manual-remove']);
  });

  it('needs a reason', () => {
    const p = proposeShortlist(base, { add: [{ id: 3, reason: '  ' }] });
    expect(p.findings.map((f) => f.code)).toEqual(['shortlist-reason-required']);
  });

  it('cannot add an application that failed the eligibility check', () => {
    const p = proposeShortlist(base, { add: [{ id: 4, reason: '补正' }] });
    expect(ids(p)).not.toContain(4);
    expect(p.findings.map((f) => f.code)).toEqual(['shortlist-add-not-eligible']);
  });

  it('reports unknown, duplicate and contradictory changes', () => {
    const p = proposeShortlist(base, {
      minScore: 80,
      add: [{ id: 99, reason: 'x' }, { id: 1, reason: 'x' }, { id: 2, reason: 'x' }],
      remove: [{ id: 3, reason: 'x' }, { id: 2, reason: 'y' }],
    });
    expect(p.findings.map((f) => f.code).sort()).toEqual([
      'shortlist-add-already-listed', 'shortlist-add-and-remove', 'shortlist-remove-not-listed', 'shortlist-unknown-id',
    ]);
    // #2 is both added and removed: nothing happens to it, it stays listed on its score.
    expect(ids(p)).toEqual([1, 2]);
  });

  it('can take a tied candidate off the list', () => {
    const p = proposeShortlist([c(1, 85), c(2, 85)], { quota: 1, remove: [{ id: 2, reason: '委员会决定' }] });
    expect(ids(p)).toEqual([1]);
  });
});

describe('plaque numbers', () => {
  it('formats GS-YYYY-NNN', () => {
    expect(plaqueNumber(2026, 1)).toBe('GS-2026-001');
    expect(plaqueNumber(2026, 42)).toBe('GS-2026-042');
    expect(plaqueNumber(2026, 1000)).toBe('GS-2026-1000');
    expect(() => plaqueNumber(2026, 0)).toThrow(RangeError);
    expect(() => plaqueNumber(26, 1)).toThrow(RangeError);
  });
  it('continues after the highest number of the same year, not filling gaps', () => {
    expect(nextPlaqueNumbers(2026, ['GS-2026-001', 'GS-2026-003', 'GS-2025-009', 'x'], 2)).toEqual(['GS-2026-004', 'GS-2026-005']);
    expect(nextPlaqueNumbers(2027, ['GS-2026-001'], 1)).toEqual(['GS-2027-001']);
    expect(nextPlaqueNumbers(2026, [], 0)).toEqual([]);
  });
  it('parses numbers back', () => {
    expect(parsePlaqueNumber('GS-2026-012')).toEqual({ year: 2026, seq: 12 });
    expect(parsePlaqueNumber('GS-2026-12')).toBeNull();
  });
});
