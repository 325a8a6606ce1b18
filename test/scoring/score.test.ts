import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRubric, validateRubric } from '../../src/core/rubric.js';
import { defaultSettings, gradeName, scoreAssessment, thresholdsNote } from '../../src/scoring/index.js';
import type { ScoreResult } from '../../src/scoring/index.js';
import { assessmentWith, FULL_MARKS, ZEROES } from './factory.js';

const rubric = loadRubric();
const settings = defaultSettings(rubric);
const codes = (r: ScoreResult): string[] => r.findings.map((f) => f.code);
const finding = (r: ScoreResult, code: string) => r.findings.find((f) => f.code === code);

describe('thresholds', () => {
  it('default to 60% and 90% of the base maximum: 48 and 72', () => {
    expect(settings).toEqual({ passAt: 48, excellentAt: 72 });
    expect(thresholdsNote(settings)).toContain('72');
  });

  // base points only: site 10 + funds 10 + tech-results 10 + apprentices 10 + rules 5 + equipment x
  const withEquipment = (x: number) => scoreAssessment(assessmentWith({ ...ZEROES, site: 10, funds: 10, 'tech-results': 10, apprentices: 10, rules: 5, equipment: x }), rubric, settings);

  it('47.5 fails, exactly 48 passes', () => {
    const low = withEquipment(2.5);
    expect(low.total).toBe(47.5);
    expect(low.grade).toBe('fail');
    const at = withEquipment(3);
    expect(at.total).toBe(48);
    expect(at.grade).toBe('pass');
  });

  it('counts bonus points towards the total: base 70 + bonus 2 = 72 is excellent, 71.5 is not', () => {
    const base70 = { ...FULL_MARKS, 'high-skill': 0, 'bonus-technicians': 0, 'bonus-patents': 0, 'bonus-media': 0 };
    const at = scoreAssessment(assessmentWith({ ...base70, 'bonus-media': 2 }), rubric, settings);
    expect([at.base, at.bonus, at.total, at.grade]).toEqual([70, 2, 72, 'excellent']);
    const below = scoreAssessment(assessmentWith({ ...base70, 'bonus-media': 1.5 }), rubric, settings);
    expect([below.total, below.grade]).toEqual([71.5, 'pass']);
  });

  it('uses the settings it is given', () => {
    const r = withEquipment(3);
    expect(scoreAssessment(assessmentWith({ ...ZEROES, site: 10, funds: 10, 'tech-results': 10, apprentices: 10, rules: 5, equipment: 3 }), rubric, { passAt: 50, excellentAt: 80 }).grade).toBe('fail');
    expect(r.settings).toEqual(settings);
  });
});

describe('a complete sheet', () => {
  const r = scoreAssessment(assessmentWith(FULL_MARKS), rubric, settings);

  it('adds base 80 and bonus 10 with no findings', () => {
    expect([r.base, r.bonus, r.total, r.complete, r.veto, r.grade]).toEqual([80, 10, 90, true, false, 'excellent']);
    expect(r.findings).toEqual([]);
    expect(r.items).toHaveLength(14);
    expect(r.items[0]).toMatchObject({ key: 'site', category: 'management', categoryName: '日常管理与基础保障', max: 10, self: 10, assessor: 10, score: 10, computed: null });
  });

  it('explains every item', () => {
    expect(r.items.find((i) => i.key === 'apprentices')?.explanation).toBe('考核分 10 分（满分 10 分）');
  });

  it('accepts numbers written as text, full width or with 分', () => {
    const t = scoreAssessment(assessmentWith({ ...FULL_MARKS, site: '８', equipment: '4 分', funds: ' 9.5 ' }), rubric, settings);
    expect(t.findings).toEqual([]);
    expect(t.base).toBe(80 - 2 - 1 - 0.5);
  });
});

describe('invalid scores', () => {
  it('flags a negative score as an error on its cell and leaves the sheet incomplete', () => {
    const r = scoreAssessment(assessmentWith({ ...FULL_MARKS, equipment: -1 }, { self: { equipment: 5 } }), rubric, settings);
    expect(finding(r, 'score-out-of-range')).toMatchObject({ severity: 'error', cell: '考核表!G12', field: 'rows.equipment.assessor' });
    expect(finding(r, 'score-out-of-range')?.message).toContain('-1');
    expect(r.items[1]!.score).toBeNull();
    expect([r.complete, r.grade]).toEqual([false, 'incomplete']);
  });

  it('flags a base score above its maximum, but not one equal to it', () => {
    const above = scoreAssessment(assessmentWith({ ...FULL_MARKS, rules: 6 }, { self: { rules: 5 } }), rubric, settings);
    expect(finding(above, 'score-out-of-range')).toMatchObject({ severity: 'error', cell: '考核表!G14' });
    expect(finding(above, 'score-out-of-range')?.message).toContain('0–5');
    expect(above.grade).toBe('incomplete');
    expect(codes(scoreAssessment(assessmentWith({ ...FULL_MARKS, rules: 5 }), rubric, settings))).toEqual([]);
  });

  it('flags text that is not a number', () => {
    const r = scoreAssessment(assessmentWith({ ...FULL_MARKS, apprentices: '八分' }, { self: { apprentices: 8 } }), rubric, settings);
    expect(finding(r, 'score-not-number')).toMatchObject({ severity: 'error', cell: '考核表!G20' });
    expect(finding(r, 'score-not-number')?.message).toContain('八分');
    expect(r.grade).toBe('incomplete');
  });

  it('only warns about a bad self score: it does not count', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { self: { site: '十' } }), rubric, settings);
    expect(finding(r, 'score-not-number')).toMatchObject({ severity: 'warning', cell: '考核表!F11' });
    expect(r.grade).toBe('excellent');
  });
});

describe('incomplete sheets', () => {
  it('lists every item without 考核分 and has no final grade', () => {
    const { 'tech-reform': _a, 'bonus-media': _b, ...partial } = FULL_MARKS;
    const r = scoreAssessment(assessmentWith(partial), rubric, settings);
    expect(r.findings.filter((f) => f.code === 'score-missing').map((f) => f.field)).toEqual(['rows.tech-reform.assessor', 'rows.bonus-media.assessor']);
    expect([r.complete, r.grade, r.total]).toEqual([false, 'incomplete', 83]);
    expect(gradeName(r.grade)).toBe('未完成');
  });

  it('treats a blank cell like a missing row', () => {
    const r = scoreAssessment(assessmentWith({ ...FULL_MARKS, funds: '  ' }), rubric, settings);
    expect(codes(r)).toEqual(['score-missing']);
  });

  it('flags rows that are not in the rubric and duplicates', () => {
    const a = assessmentWith(FULL_MARKS);
    a.rows.push({ itemKey: 'safety', self: 1, assessor: 1 }, { itemKey: 'site', self: 1, assessor: 1 });
    const r = scoreAssessment(a, rubric, settings);
    expect(codes(r)).toEqual(['score-unknown-item', 'score-duplicate-item']);
    expect(r.base).toBe(80);
  });
});

describe('bonus caps', () => {
  it('caps a bonus item at its maximum, with an info finding', () => {
    const r = scoreAssessment(assessmentWith({ ...FULL_MARKS, 'bonus-technicians': 7 }), rubric, settings);
    expect(finding(r, 'bonus-capped')).toMatchObject({ severity: 'info', cell: '考核表!G22' });
    expect(r.items.find((i) => i.key === 'bonus-technicians')).toMatchObject({ assessor: 7, score: 5 });
    expect([r.bonus, r.total, r.complete]).toEqual([10, 90, true]);
  });

  it('caps each bonus item separately', () => {
    const r = scoreAssessment(assessmentWith({ ...ZEROES, 'bonus-patents': 4, 'bonus-media': 3 }), rubric, settings);
    expect(r.bonus).toBe(5);
    expect(r.findings.filter((f) => f.code === 'bonus-capped')).toHaveLength(2);
  });

  it('caps the bonus total when the items add up to more than the cap', () => {
    const raw = JSON.parse(fs.readFileSync(new URL('../../data/rubric/2020.json', import.meta.url), 'utf8')) as { bonusCap: number };
    raw.bonusCap = 8;
    const capped = validateRubric(raw);
    const r = scoreAssessment(assessmentWith(FULL_MARKS), capped, settings);
    expect([r.bonus, r.total]).toEqual([8, 88]);
    expect(finding(r, 'bonus-capped')?.message).toContain('10');
    const over = scoreAssessment(assessmentWith({ ...FULL_MARKS, 'bonus-technicians': 4 }), capped, settings);
    expect([over.bonus, codes(over)]).toEqual([8, ['bonus-capped']]);
    const atCap = scoreAssessment(assessmentWith({ ...FULL_MARKS, 'bonus-technicians': 3 }), capped, settings);
    expect([atCap.bonus, codes(atCap)]).toEqual([8, []]);
    const under = scoreAssessment(assessmentWith({ ...FULL_MARKS, 'bonus-technicians': 3, 'bonus-media': 0 }), capped, settings);
    expect([under.bonus, codes(under)]).toEqual([6, []]);
  });
});

describe('veto', () => {
  it.each(['是', '√', '✓', '触发', ' 是 ', '　是　', '触 发'])('"%s" triggers: grade 不合格 whatever the points, points still computed', (value) => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { vetoTriggered: value, vetoCell: '考核表!I25' }), rubric, settings);
    expect([r.veto, r.grade, r.total, r.complete]).toEqual([true, 'fail', 90, true]);
    expect(finding(r, 'veto-triggered')).toMatchObject({ severity: 'error', cell: '考核表!I25' });
  });

  it.each([null, '', '否', '无', ' 否 '])('%j does not trigger', (value) => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { vetoTriggered: value }), rubric, settings);
    expect([r.veto, r.grade, r.findings]).toEqual([false, 'excellent', []]);
  });

  it('asks the clerk about anything else', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { vetoTriggered: '待定' }), rubric, settings);
    expect(finding(r, 'veto-unclear')?.message).toContain('待定');
    expect([r.veto, r.complete, r.grade]).toEqual([false, false, 'incomplete']);
  });
});

describe('cross-checks', () => {
  it('flags a 合计 that differs from the items, and not one that agrees', () => {
    const wrong = scoreAssessment(assessmentWith(FULL_MARKS, { sheetTotals: { assessor: 88, assessorCell: '考核表!G26' } }), rubric, settings);
    expect(finding(wrong, 'sheet-total-mismatch')).toMatchObject({ severity: 'warning', cell: '考核表!G26' });
    expect(finding(wrong, 'sheet-total-mismatch')?.message).toContain('88');
    expect(finding(wrong, 'sheet-total-mismatch')?.message).toContain('90');
    expect(codes(scoreAssessment(assessmentWith(FULL_MARKS, { sheetTotals: { assessor: 90, self: '90' } }), rubric, settings))).toEqual([]);
  });

  it('checks the self-score 合计 too', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { sheetTotals: { self: 85 } }), rubric, settings);
    expect(finding(r, 'sheet-total-mismatch')?.field).toBe('sheetTotals.self');
  });

  it('flags a self/assessor gap of exactly 3, not 2.5', () => {
    const three = scoreAssessment(assessmentWith(FULL_MARKS, { self: { funds: 7 } }), rubric, settings);
    expect(finding(three, 'self-assessor-gap')).toMatchObject({ severity: 'warning', field: 'rows.funds' });
    expect(finding(three, 'self-assessor-gap')?.message).toContain('3');
    const lower = scoreAssessment(assessmentWith({ ...FULL_MARKS, funds: 6 }, { self: { funds: 9 } }), rubric, settings);
    expect(codes(lower)).toEqual(['self-assessor-gap']);
    const twoHalf = scoreAssessment(assessmentWith(FULL_MARKS, { self: { funds: 7.5 } }), rubric, settings);
    expect(codes(twoHalf)).toEqual([]);
  });

  it('flags an assessor score the figures contradict, with the arithmetic', () => {
    const r = scoreAssessment(assessmentWith({ ...FULL_MARKS, apprentices: 9 }, { figures: { apprenticesPerYear: 6, apprenticeRoster: true } }), rubric, settings);
    expect(finding(r, 'score-disagrees-with-rubric')?.message).toBe('带徒传艺「名师带徒」：按每年带徒 6 人、有花名册计算应得 10 − 2×1 = 8 分，考核分为 9 分');
    const item = r.items.find((i) => i.key === 'apprentices')!;
    expect([item.score, item.computed, item.arithmetic]).toEqual([9, 8, '10 − 2×1 = 8']);
    expect(item.explanation).toContain('不一致');
  });

  it('is silent when the assessor agrees with the figures', () => {
    const r = scoreAssessment(
      assessmentWith({ ...FULL_MARKS, 'high-skill': 4, site: 5, 'bonus-media': 1 }, {
        figures: { highSkillPerYear: 1, highSkillRoster: true, site: true, plaque: false, honoursBoard: false, mediaReports: 1 },
      }),
      rubric,
      settings,
    );
    expect(codes(r)).toEqual([]);
    expect(r.items.find((i) => i.key === 'high-skill')?.explanation).toContain('一致');
  });

  it('lets the assessor deduct further where the rubric leaves it to judgement (funds), but not add', () => {
    const less = scoreAssessment(assessmentWith({ ...FULL_MARKS, funds: 7 }, { figures: { accounts: true } }), rubric, settings);
    expect(codes(less)).toEqual([]);
    const none = scoreAssessment(assessmentWith({ ...FULL_MARKS, funds: 7 }, { figures: { accounts: false } }), rubric, settings);
    expect(finding(none, 'score-disagrees-with-rubric')?.message).toContain('没有账目或经费管理办法');
  });
});

describe('not assessed', () => {
  it('gives 不参加考核 when the lead retired before the assessment', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS), rubric, settings, { leadRetiredBefore: true });
    expect(r.grade).toBe('not-assessed');
    expect(gradeName(r.grade)).toBe('不参加考核');
    expect(finding(r, 'not-assessed-retired')?.severity).toBe('info');
    expect(r.total).toBe(90);
  });

  it('gives 不参加考核 when the lead left, without listing every blank item', () => {
    const r = scoreAssessment(assessmentWith({}), rubric, settings, { leadLeft: true });
    expect([r.grade, codes(r)]).toEqual(['not-assessed', ['not-assessed-left']]);
  });

  it('a veto still fails', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS, { vetoTriggered: '是' }), rubric, settings, { leadRetiredBefore: true });
    expect(r.grade).toBe('fail');
  });
});

describe('a corrected 100-point rubric', () => {
  it('moves the default thresholds to 60 and 90 and scores 100 + 10', () => {
    const raw = JSON.parse(fs.readFileSync(new URL('../../data/rubric/2020.json', import.meta.url), 'utf8')) as {
      categories: { max: number; items: { key: string; max: number }[] }[];
    };
    raw.categories[0]!.max = 40;
    raw.categories[0]!.items[2]!.max = 20; // funds
    raw.categories[1]!.max = 20;
    raw.categories[1]!.items[0]!.max = 10; // tech-reform
    raw.categories[2]!.max = 20;
    raw.categories[2]!.items[2]!.max = 10; // school-enterprise
    const corrected = validateRubric(raw);
    const s = defaultSettings(corrected);
    expect(s).toEqual({ passAt: 60, excellentAt: 90 });
    const full = { ...FULL_MARKS, funds: 20, 'tech-reform': 10, 'school-enterprise': 10 };
    const r = scoreAssessment(assessmentWith(full), corrected, s);
    expect([r.base, r.bonus, r.total, r.grade]).toEqual([100, 10, 110, 'excellent']);
    // 15 points for funds is out of range under the seed rubric but fine here.
    expect(codes(scoreAssessment(assessmentWith({ ...full, funds: 15 }), corrected, s))).toEqual([]);
  });
});

describe('item results', () => {
  it('carry their explanation as a plain field would: listed in order, in JSON, in a copy, the same text each time it is read', () => {
    const r = scoreAssessment(assessmentWith(FULL_MARKS), rubric, settings);
    const item = r.items.find((i) => i.key === 'apprentices')!;
    expect(Object.keys(item).slice(0, 13)).toEqual(['key', 'category', 'categoryName', 'shortName', 'bonus', 'max', 'self', 'assessor', 'score', 'computed', 'computedBound', 'arithmetic', 'explanation']);
    expect(JSON.parse(JSON.stringify(item)).explanation).toBe('考核分 10 分（满分 10 分）');
    expect({ ...item }.explanation).toBe(item.explanation);
    expect(item.explanation).toBe(item.explanation);
  });
});
