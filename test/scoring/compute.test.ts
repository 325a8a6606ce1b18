import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/core/rubric.js';
import type { Figures } from '../../src/core/assessment.js';
import { computeFromFigures } from '../../src/scoring/compute.js';

const rubric = loadRubric();
const points = (key: string, figures: Figures): number | null => computeFromFigures(key, figures, rubric)?.points ?? null;

describe('带徒传艺: apprentices (10 − 2 without roster − 1 per apprentice short of 8)', () => {
  it.each([
    [9, true, 10],
    [8, true, 10],
    [7, true, 9],
    [1, true, 3],
    [0, true, 2],
    [9, false, 8],
    [8, false, 8],
    [7, false, 7],
    [0, false, 0],
  ])('%i a year, roster %s → %i', (n, roster, expected) => {
    expect(points('apprentices', { apprenticesPerYear: n, apprenticeRoster: roster })).toBe(expected);
  });

  it('shows the arithmetic', () => {
    expect(computeFromFigures('apprentices', { apprenticesPerYear: 6, apprenticeRoster: true }, rubric)).toEqual({
      points: 8, arithmetic: '10 − 2×1 = 8', basis: '每年带徒 6 人、有花名册', bound: 'exact',
    });
    expect(computeFromFigures('apprentices', { apprenticesPerYear: 6, apprenticeRoster: false }, rubric)?.arithmetic).toBe('10 − 2 − 2×1 = 6');
    expect(computeFromFigures('apprentices', { apprenticesPerYear: 8, apprenticeRoster: true }, rubric)?.arithmetic).toBe('10');
  });

  it('needs both figures', () => {
    expect(points('apprentices', { apprenticesPerYear: 8 })).toBeNull();
    expect(points('apprentices', { apprenticeRoster: true })).toBeNull();
  });
});

describe('带徒传艺: high-skill workers (10 − 2 without roster − 3 per person short of 3, 0 when none)', () => {
  it.each([
    [4, true, 10],
    [3, true, 10],
    [2, true, 7],
    [1, true, 4],
    [0, true, 0],
    [3, false, 8],
    [2, false, 5],
    [1, false, 2],
    [0, false, 0],
  ])('%i a year, roster %s → %i', (n, roster, expected) => {
    expect(points('high-skill', { highSkillPerYear: n, highSkillRoster: roster })).toBe(expected);
  });

  it('gives 0 for none trained even without knowing about the roster', () => {
    const r = computeFromFigures('high-skill', { highSkillPerYear: 0 }, rubric);
    expect(r?.points).toBe(0);
    expect(r?.arithmetic).toContain('没培养不得分');
  });
});

describe('日常管理与基础保障', () => {
  it('site: not provided → 0; no plaque −2; no honours board −3', () => {
    expect(points('site', { site: false })).toBe(0);
    expect(points('site', { site: true, plaque: true, honoursBoard: true })).toBe(10);
    expect(points('site', { site: true, plaque: false, honoursBoard: true })).toBe(8);
    expect(points('site', { site: true, plaque: true, honoursBoard: false })).toBe(7);
    expect(points('site', { site: true, plaque: false, honoursBoard: false })).toBe(5);
    expect(computeFromFigures('site', { site: true, plaque: false, honoursBoard: false }, rubric)?.arithmetic).toBe('10 − 2 − 3 = 5');
    expect(points('site', { site: true, plaque: true })).toBeNull();
  });

  it('equipment: insufficient −5', () => {
    expect(points('equipment', { equipmentOk: true })).toBe(5);
    expect(points('equipment', { equipmentOk: false })).toBe(0);
    expect(points('equipment', {})).toBeNull();
  });

  it('rules: none → 0; not posted −2', () => {
    expect(points('rules', { rulesEstablished: false, rulesPosted: true })).toBe(0);
    expect(points('rules', { rulesEstablished: false })).toBe(0);
    expect(points('rules', { rulesEstablished: true, rulesPosted: false })).toBe(3);
    expect(points('rules', { rulesEstablished: true, rulesPosted: true })).toBe(5);
  });

  it('funds: no accounts → 0; with accounts at most 10 (the rest is the assessor\'s judgement)', () => {
    expect(computeFromFigures('funds', { accounts: false }, rubric)).toMatchObject({ points: 0, bound: 'exact' });
    expect(computeFromFigures('funds', { accounts: true }, rubric)).toMatchObject({ points: 10, bound: 'atMost' });
  });
});

describe('加分项', () => {
  it('technicians 1 each, senior technicians 2 each, at most 5', () => {
    expect(points('bonus-technicians', { technicians: 2, seniorTechnicians: 1 })).toBe(4);
    expect(points('bonus-technicians', { technicians: 1, seniorTechnicians: 2 })).toBe(5);
    expect(points('bonus-technicians', { technicians: 3, seniorTechnicians: 2 })).toBe(5);
    expect(computeFromFigures('bonus-technicians', { technicians: 3, seniorTechnicians: 2 }, rubric)?.arithmetic).toBe('3×1 + 2×2 = 7，上限 5 分，计 5');
    expect(points('bonus-technicians', { technicians: 2 })).toBe(2);
    expect(points('bonus-technicians', {})).toBeNull();
  });

  it('patents 2 each and awards 1 each, at most 3', () => {
    expect(points('bonus-patents', { patents: 1, awards: 1 })).toBe(3);
    expect(points('bonus-patents', { patents: 0, awards: 2 })).toBe(2);
    expect(points('bonus-patents', { patents: 2, awards: 0 })).toBe(3);
  });

  it('media: 1 per report, at most 2', () => {
    expect(points('bonus-media', { mediaReports: 0 })).toBe(0);
    expect(points('bonus-media', { mediaReports: 1 })).toBe(1);
    expect(points('bonus-media', { mediaReports: 2 })).toBe(2);
    expect(points('bonus-media', { mediaReports: 5 })).toBe(2);
  });
});

describe('items without figures', () => {
  it('gives null for judgement items and unknown keys', () => {
    expect(points('tech-reform', { apprenticesPerYear: 8 })).toBeNull();
    expect(points('no-such-item', {})).toBeNull();
  });
});
