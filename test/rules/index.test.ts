import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { allMessages, setLang } from '../../src/messages/index.js';
import {
  ALL_RULES, defaultDeadline, eligibilityLabel, eligibilityText, isEligible, RULE_CODES, ruleOutcome, ruleTitle, runRules,
} from '../../src/rules/index.js';
import { defaultMembers, makeContext } from '../helpers/application-factory.js';

const error = (code: string): Finding => ({ code, severity: 'error', message: 'x' });
const warning = (code: string): Finding => ({ code, severity: 'warning', message: 'x' });

/** Breaks nearly every rule at once. */
function flawedContext() {
  return makeContext({
    studioName: '张建国技能大师工作室',
    unit: { name: '', email: 'hr＠x.com', phone: '88256383', postcode: '3100', profile: '字'.repeat(1200) },
    lead: { gender: '女', birth: '1972-03', skillLevel: '高工', idNumber: '330105197506150010' },
    members: [defaultMembers()[0]!, { ...defaultMembers()[1]!, occupation: '' }],
    receivedDate: '2026-05-30',
    otherLeads: [{ ref: '#9', idNumber: '330105197506150010', kind: 'application' }],
    materials: { received: [], reportStudioName: '别的名称' },
    facts: { idStoredAsNumber: false },
  });
}

afterEach(() => setLang('zh'));

describe('the rule set', () => {
  it('has the codes of the issue, each once, plus the reader-fact rules and the term warning (issue 15)', () => {
    expect(RULE_CODES).toEqual([
      'team-size', 'retirement-margin', 'retirement-in-term', 'studio-name', 'lead-skill-level', 'id-checksum', 'id-birth-mismatch',
      'id-stored-as-number', 'id-gender-mismatch', 'missing-field', 'intro-too-long', 'invalid-email', 'invalid-phone',
      'invalid-postcode', 'member-incomplete', 'duplicate-lead', 'late-submission', 'missing-material',
      'report-name-mismatch', 'birth-ambiguous', 'birth-unreadable',
    ]);
  });

  it('finds nothing in the good default application', () => {
    expect(runRules(makeContext())).toEqual([]);
  });

  it('reports a flawed application, each finding under the code of the rule that made it', () => {
    const findings = runRules(flawedContext());
    const codes = new Set(findings.map((f) => f.code));
    for (const code of [
      'team-size', 'retirement-margin', 'studio-name', 'lead-skill-level', 'id-birth-mismatch', 'id-gender-mismatch',
      'missing-field', 'intro-too-long', 'invalid-email', 'invalid-phone', 'invalid-postcode', 'member-incomplete',
      'duplicate-lead', 'late-submission', 'missing-material', 'report-name-mismatch',
    ]) expect(codes, code).toContain(code);
    for (const f of findings) expect(RULE_CODES).toContain(f.code);
    // Findings on form fields point at their cell.
    for (const f of findings.filter((x) => x.field && !x.field.startsWith('materials.'))) expect(f.cell, f.code).toMatch(/^申报表!/u);
    expect(isEligible(findings, new Set())).toBe(false);
  });

  it('leaves no placeholder unfilled, in Chinese or English', () => {
    for (const lang of ['zh', 'en'] as const) {
      setLang(lang);
      const findings = [
        ...runRules(flawedContext()),
        ...runRules(makeContext({ lead: { birth: '', idNumber: '', gender: '女' }, facts: { birthAmbiguous: true, birthUnreadable: 'x' } })),
        ...runRules(makeContext({ lead: { idNumber: '330105750615001' }, members: [] })),
      ];
      for (const f of findings) expect(f.message, `${lang} ${f.code}`).not.toMatch(/\{\w+\}/u);
    }
  });

  it('gives every rule a title in both languages', () => {
    const catalogue = allMessages();
    for (const rule of ALL_RULES) {
      const entry = catalogue[`rules.title.${rule.code}`];
      expect(entry?.zh, rule.code).toBeTruthy();
      expect(entry?.en, rule.code).toBeTruthy();
    }
    expect(ruleTitle('team-size')).toBe('团队人数');
    expect(ruleTitle('no-such-rule')).toBe('no-such-rule');
  });

  it('has both languages for every rules message', () => {
    for (const [key, entry] of Object.entries(allMessages()).filter(([k]) => k.startsWith('rules.'))) {
      expect(entry.zh, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
    }
  });
});

describe('eligibility', () => {
  it('is false exactly when an error stands that is not overridden', () => {
    expect(isEligible([], new Set())).toBe(true);
    expect(isEligible([warning('invalid-phone')], new Set())).toBe(true);
    expect(isEligible([error('team-size')], new Set())).toBe(false);
    expect(isEligible([error('team-size')], new Set(['team-size']))).toBe(true);
    expect(isEligible([error('team-size'), error('studio-name')], new Set(['team-size']))).toBe(false);
    // Overriding a warning's code changes nothing; overriding an unrelated code does not waive an error.
    expect(isEligible([error('studio-name')], new Set(['invalid-phone']))).toBe(false);
  });

  it('labels 合格 / 待确认 / 不合格', () => {
    expect(eligibilityLabel([], new Set())).toBe('eligible');
    expect(eligibilityLabel([warning('invalid-phone')], new Set())).toBe('pending');
    expect(eligibilityLabel([error('team-size'), warning('invalid-phone')], new Set())).toBe('ineligible');
    expect(eligibilityLabel([error('retirement-margin')], new Set(['retirement-margin']))).toBe('eligible');
    expect(eligibilityText('eligible')).toBe('合格');
    expect(eligibilityText('ineligible')).toBe('不合格');
    expect(eligibilityText('pending')).toBe('待确认');
  });

  it('gives each rule an outcome for the review workbook', () => {
    const findings = [error('team-size'), warning('invalid-phone'), error('studio-name')];
    const overridden = new Set(['studio-name']);
    expect(ruleOutcome(findings, 'team-size', overridden)).toBe('fail');
    expect(ruleOutcome(findings, 'studio-name', overridden)).toBe('waived');
    expect(ruleOutcome(findings, 'invalid-phone', overridden)).toBe('warning');
    expect(ruleOutcome(findings, 'missing-field', overridden)).toBe('pass');
  });
});

describe('defaultDeadline', () => {
  it('is 5月22日 of the round year, as in the notice', () => {
    expect(defaultDeadline(2026)).toBe('2026-05-22');
  });
});
