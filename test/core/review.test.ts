import { describe, expect, it } from 'vitest';
import { aggregateReview, readScore, round2, type ExpertReview } from '../../src/core/review.js';

const e = (expert: string, score: ExpertReview['score'], recommend: ExpertReview['recommend'] = 'yes', recused = false, cell?: string): ExpertReview =>
  cell ? { expert, score, recommend, recused, cell } : { expert, score, recommend, recused };

describe('mean', () => {
  it('averages the scores and counts the votes', () => {
    const r = aggregateReview([e('张', 80), e('李', 90, 'no'), e('王', 85)]);
    expect(r).toMatchObject({ experts: 3, aggregate: 85, exact: 85, method: 'mean', min: 80, max: 90, spread: 10, recommend: { yes: 2, no: 1 } });
    expect(r.findings).toEqual([]);
  });

  it('rounds the aggregate to 2 decimals but keeps the exact value', () => {
    const r = aggregateReview([e('A', 80), e('B', 81), e('C', 81)]);
    expect(r.aggregate).toBe(80.67);
    expect(r.exact).toBeCloseTo(80.6666666, 6);
  });

  it('leaves recused experts out entirely, score and vote', () => {
    const r = aggregateReview([e('A', 80), e('B', 90), e('C', 10, 'no', true)]);
    expect(r).toMatchObject({ experts: 2, aggregate: 85, min: 80, max: 90, recommend: { yes: 2, no: 0 }, recused: 1 });
    expect(r.findings.map((f) => f.code)).toEqual(['review-recused-with-score']);
    expect(r.findings[0]!.severity).toBe('warning');
  });

  it('does not warn about a recused expert who left the row blank', () => {
    const r = aggregateReview([e('A', 80), e('C', null, null, true)]);
    expect(r.findings).toEqual([]);
    expect(r.recused).toBe(1);
  });
});

describe('trimmed mean', () => {
  it('drops one highest and one lowest score with 5 experts', () => {
    const r = aggregateReview([e('A', 60), e('B', 80), e('C', 82), e('D', 84), e('E', 99)], 'trimmed');
    expect(r).toMatchObject({ experts: 5, aggregate: 82, method: 'trimmed', requestedMethod: 'trimmed', min: 60, max: 99, spread: 39 });
    expect(r.methodNote).toBe('去掉一个最高分和一个最低分后平均');
  });

  it('falls back to the plain mean with 4 experts and says so', () => {
    const r = aggregateReview([e('A', 60), e('B', 80), e('C', 84), e('D', 100)], 'trimmed');
    expect(r).toMatchObject({ experts: 4, aggregate: 81, method: 'mean', requestedMethod: 'trimmed' });
    expect(r.methodNote).toContain('不足 5 人（4 人）');
  });

  it('counts only the experts who scored: 5 rows with one recused is 4 scores', () => {
    const r = aggregateReview([e('A', 60), e('B', 80), e('C', 84), e('D', 100), e('E', 0, null, true)], 'trimmed');
    expect(r.method).toBe('mean');
    expect(r.aggregate).toBe(81);
  });

  it('drops only one of several equal highest scores', () => {
    const r = aggregateReview([e('A', 90), e('B', 90), e('C', 90), e('D', 70), e('E', 80), e('F', 70)], 'trimmed');
    // sorted 70 70 80 90 90 90 → 70 80 90 90 → 82.5
    expect(r.aggregate).toBe(82.5);
  });
});

describe('bad scores', () => {
  it('reports scores outside 0–100 as errors with their cell and leaves them out', () => {
    const r = aggregateReview([e('A', 80), e('B', 850, 'yes', false, '评审打分表!G6'), e('C', -1, 'yes', false, '评审打分表!J6')]);
    expect(r.experts).toBe(1);
    expect(r.aggregate).toBe(80);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'review-score-out-of-range', severity: 'error', cell: '评审打分表!G6' }),
      expect.objectContaining({ code: 'review-score-out-of-range', severity: 'error', cell: '评审打分表!J6' }),
    ]);
    expect(r.findings[0]!.message).toContain('850');
  });

  it('accepts the bounds 0 and 100', () => {
    expect(aggregateReview([e('A', 0), e('B', 100)]).aggregate).toBe(50);
  });

  it('reports text that is not a number', () => {
    const r = aggregateReview([e('A', '优秀', 'yes', false, 'D7'), e('B', '88'), e('C', NaN)]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['review-score-not-number', 'D7'],
      ['review-score-not-number', undefined],
    ]);
    expect(r.aggregate).toBe(88);
  });

  it('warns about an expert who neither scored nor recused', () => {
    const r = aggregateReview([e('A', 80), e('B', null, 'no')]);
    expect(r.findings.map((f) => f.code)).toEqual(['review-score-missing']);
    expect(r.recommend).toEqual({ yes: 1, no: 1 });
  });

  it('counts an expert only once per application', () => {
    const r = aggregateReview([e('张 三', 80), e('张三', 60)]);
    expect(r.experts).toBe(1);
    expect(r.findings.map((f) => f.code)).toEqual(['review-duplicate-expert']);
  });

  it('has no aggregate without valid scores', () => {
    const r = aggregateReview([e('A', null, null, true)]);
    expect(r).toMatchObject({ experts: 0, aggregate: null, exact: null, min: null, max: null, spread: null });
    expect(r.findings.map((f) => f.code)).toEqual(['review-no-scores']);
  });
});

describe('helpers', () => {
  it('reads numeric text and full-width digits', () => {
    expect(readScore('８５．５')).toEqual({ kind: 'number', value: 85.5 });
    expect(readScore(' ')).toEqual({ kind: 'empty' });
    expect(readScore('85分')).toEqual({ kind: 'not-number', raw: '85分' });
  });
  it('rounds half up despite binary noise', () => {
    expect(round2(84.125)).toBe(84.13);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(80.664999)).toBe(80.66);
  });
});
