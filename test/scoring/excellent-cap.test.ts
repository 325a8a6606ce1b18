import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/core/rubric.js';
import { allowedExcellent, applyExcellentCap, defaultSettings, scoreAssessment } from '../../src/scoring/index.js';
import { assessmentWith, FULL_MARKS } from './factory.js';

const rubric = loadRubric();
const settings = defaultSettings(rubric);

/** A studio scoring full marks except `funds` and `bonus-media`: 优秀 for any funds ≥ 0 here. */
function studio(id: string, funds: number, media = 2) {
  return { id, result: scoreAssessment(assessmentWith({ ...FULL_MARKS, funds, 'bonus-media': media }), rubric, settings) };
}

/** Total 68: 合格. */
function passing(id: string) {
  return { id, result: scoreAssessment(assessmentWith({ ...FULL_MARKS, funds: 0, 'tech-results': 0, 'bonus-media': 0 }), rubric, settings) };
}

describe('applyExcellentCap', () => {
  it('allows floor(share × graded) 优秀', () => {
    expect(allowedExcellent(10, 0.3)).toBe(3);
    expect(allowedExcellent(7, 0.3)).toBe(2);
    expect(allowedExcellent(10, 0.35)).toBe(3);
  });

  it('demotes the lowest 优秀 beyond the share to 合格, leaving the others alone', () => {
    const entries = [
      studio('a', 10), studio('b', 9), studio('c', 8), studio('d', 7), studio('e', 6),
      passing('f'), passing('g'), passing('h'), passing('i'), passing('j'),
    ];
    entries.slice(5).forEach((e) => expect(e.result.grade).toBe('pass'));
    const capped = applyExcellentCap(entries, 0.3);
    expect(capped.map((e) => e.result.grade)).toEqual(['excellent', 'excellent', 'excellent', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(capped[3]!.result.findings.map((f) => f.code)).toEqual(['excellent-capped']);
    expect(capped[3]!.result.findings[0]!.message).toContain('30%');
    expect(capped[0]).toBe(entries[0]);
    expect(entries[3]!.result.grade).toBe('excellent');
  });

  it('breaks ties on total by base points, then by id, whatever the input order', () => {
    const moreBase = studio('z', 10, 0); // 88: base 80 + bonus 8
    const moreBonus = studio('y', 8, 2); // 88: base 78 + bonus 10
    const twinA = studio('m', 9, 1); // 88: base 79
    const twinB = studio('n', 9, 1);
    const others = ['p', 'q', 'r', 's', 't', 'u'].map(passing);
    for (const order of [[moreBase, moreBonus, twinA, twinB], [twinB, moreBonus, twinA, moreBase]]) {
      const capped = applyExcellentCap([...order, ...others], 0.2); // 10 graded → 2 allowed
      const excellent = capped.filter((e) => e.result.grade === 'excellent').map((e) => e.id).sort();
      expect(excellent).toEqual(['m', 'z']);
    }
  });

  it('counts only graded studios and leaves a round within the share unchanged', () => {
    const notAssessed = { id: 'x', result: scoreAssessment(assessmentWith(FULL_MARKS), rubric, settings, { leadLeft: true }) };
    const entries = [studio('a', 10), passing('b'), notAssessed];
    expect(applyExcellentCap(entries, 0.5).map((e) => e.result.grade)).toEqual(['excellent', 'pass', 'not-assessed']);
    expect(applyExcellentCap(entries, 0.4).map((e) => e.result.grade)).toEqual(['pass', 'pass', 'not-assessed']);
  });
});
