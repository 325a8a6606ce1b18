import { afterEach, describe, expect, it } from 'vitest';
import { scoringMessages } from '../../src/messages/scoring.js';
import { setLang } from '../../src/messages/index.js';
import { loadRubric } from '../../src/core/rubric.js';
import { defaultSettings, gradeName, scoreAssessment } from '../../src/scoring/index.js';
import { assessmentWith, FULL_MARKS } from './factory.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();

describe('scoring messages', () => {
  afterEach(() => setLang('zh'));

  it('have both languages with the same placeholders', () => {
    for (const [key, entry] of Object.entries(scoringMessages)) {
      expect(entry.zh, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.zh));
    }
  });

  it('name the grades in Chinese, and in English on request', () => {
    expect(['excellent', 'pass', 'fail', 'not-assessed', 'incomplete'].map((g) => gradeName(g as never))).toEqual(['优秀', '合格', '不合格', '不参加考核', '未完成']);
    setLang('en');
    expect(gradeName('pass')).toBe('Pass');
  });

  it('leave no placeholder unfilled in findings', () => {
    const rubric = loadRubric();
    const r = scoreAssessment(
      assessmentWith({ ...FULL_MARKS, site: -1, equipment: '五', apprentices: 9, 'bonus-media': 4 }, {
        self: { funds: 5 }, vetoTriggered: '？', sheetTotals: { self: '八十' },
        figures: { apprenticesPerYear: 0, apprenticeRoster: false },
      }),
      rubric,
      defaultSettings(rubric),
      { leadLeft: true, leadRetiredBefore: true },
    );
    expect(r.findings.length).toBeGreaterThan(5);
    for (const f of [...r.findings.map((x) => x.message), ...r.items.map((i) => i.explanation)]) expect(f).not.toMatch(/\{\w+\}/u);
  });
});
