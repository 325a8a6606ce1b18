import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { allMessages, setLang } from '../../src/messages/index.js';
import {
  ALL_RULES, defaultDeadline, eligibilityLabel, eligibilityText, isEligible, RULE_CODES, ruleOutcome, ruleTitle, runRules, waiverKind,
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
  it('has the codes of the issue, each once, plus the reader-fact rules, member-duplicate (issue 12) and the term warning (issue 15)', () => {
    expect(RULE_CODES).toEqual([
      'team-size', 'retirement-margin', 'retirement-in-term', 'studio-name', 'lead-skill-level', 'id-checksum', 'id-birth-mismatch',
      'id-stored-as-number', 'id-gender-mismatch', 'missing-field', 'intro-too-long', 'invalid-email', 'invalid-phone',
      'invalid-postcode', 'member-incomplete', 'member-duplicate', 'duplicate-lead', 'late-submission', 'missing-material',
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
    expect(isEligible(findings, [])).toBe(false);
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
  const waiver = (code: string, field: string | null = null) => ({ code, field });

  it('is false exactly when an error stands that no waiver covers', () => {
    expect(isEligible([], [])).toBe(true);
    expect(isEligible([warning('invalid-phone')], [])).toBe(true);
    expect(isEligible([error('team-size')], [])).toBe(false);
    expect(isEligible([error('team-size')], [waiver('team-size')])).toBe(true);
    expect(isEligible([error('team-size'), error('studio-name')], [waiver('team-size')])).toBe(false);
    // Waiving a warning's code changes nothing; waiving an unrelated code does not cover an error.
    expect(isEligible([error('studio-name')], [waiver('invalid-phone')])).toBe(false);
  });

  it('waives one finding by its field, never every finding of the code', () => {
    const missing = [{ ...error('missing-field'), field: 'unit.name' }, { ...error('missing-field'), field: 'lead.birth' }];
    expect(isEligible(missing, [waiver('missing-field', 'unit.name')])).toBe(false);
    expect(isEligible(missing, [waiver('missing-field', 'unit.name'), waiver('missing-field', 'lead.birth')])).toBe(true);
    // A waiver stored before waivers named a field covers the whole code, as it did when it was given.
    expect(isEligible(missing, [waiver('missing-field')])).toBe(true);
  });

  it('labels 合格 / 待确认 / 不合格, an acknowledged warning no longer 待确认', () => {
    expect(eligibilityLabel([], [])).toBe('eligible');
    expect(eligibilityLabel([warning('invalid-phone')], [])).toBe('pending');
    expect(eligibilityLabel([warning('invalid-phone')], [waiver('invalid-phone', '')])).toBe('eligible');
    expect(eligibilityLabel([error('team-size'), warning('invalid-phone')], [])).toBe('ineligible');
    expect(eligibilityLabel([error('retirement-margin')], [waiver('retirement-margin')])).toBe('eligible');
    expect(eligibilityText('eligible')).toBe('合格');
    expect(eligibilityText('ineligible')).toBe('不合格');
    expect(eligibilityText('pending')).toBe('待确认');
  });

  it('gives each rule an outcome for the review workbook', () => {
    const findings = [error('team-size'), warning('invalid-phone'), error('studio-name')];
    const waived = [waiver('studio-name')];
    expect(ruleOutcome(findings, 'team-size', waived)).toBe('fail');
    expect(ruleOutcome(findings, 'studio-name', waived)).toBe('waived');
    expect(ruleOutcome(findings, 'invalid-phone', waived)).toBe('warning');
    expect(ruleOutcome(findings, 'missing-field', waived)).toBe('pass');
  });

  it('lets a clerk waive only what the notice leaves to judgement, and acknowledge any warning', () => {
    expect(waiverKind(error('retirement-margin'))).toBe('waive');
    for (const code of ['team-size', 'id-checksum', 'id-birth-mismatch', 'id-stored-as-number', 'id-gender-mismatch', 'duplicate-lead', 'studio-name', 'missing-field', 'birth-unreadable', 'birth-ambiguous']) {
      expect(waiverKind(error(code)), code).toBe('fix');
    }
    expect(waiverKind(warning('lead-skill-level'))).toBe('acknowledge');
    expect(waiverKind(warning('invalid-phone'))).toBe('acknowledge');
  });
});

describe('defaultDeadline', () => {
  it('is 5月22日 of the round year, as in the notice', () => {
    expect(defaultDeadline(2026)).toBe('2026-05-22');
  });
});
