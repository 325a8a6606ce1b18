import { describe, expect, it } from 'vitest';
import { retirementFor } from '../../src/core/retirement.js';
import { retirementMargin } from '../../src/rules/retirement-margin.js';
import { makeContext } from '../helpers/application-factory.js';

/** A context whose lead is born `birth` (no ID, so the written birth month is the only source). */
function lead(gender: string, birth: string, extra: Parameters<typeof makeContext>[0] = {}) {
  return makeContext({ ...extra, lead: { gender, birth, idNumber: '', ...extra.lead } });
}

describe('retirement-margin (距法定退休年龄3年以上, counted in whole months)', () => {
  it('passes for the default lead (man, 1975-06)', () => {
    expect(retirementMargin.check(makeContext())).toEqual([]);
  });

  it('passes at exactly 36 months: deadline 2026-05-22, retirement 2029-05', () => {
    expect(retirementFor('1968-06', 'male').month).toBe('2029-05');
    expect(retirementMargin.check(lead('男', '1968-06'))).toEqual([]);
  });

  it('fails at 35 months: retirement 2029-04, and explains the numbers', () => {
    expect(retirementFor('1968-05', 'male')).toEqual({ age: { years: 60, months: 11 }, month: '2029-04' });
    const findings = retirementMargin.check(lead('男', '1968-05'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'retirement-margin', severity: 'error', field: 'lead.birth', cell: '申报表!C11' });
    const message = findings[0]!.message;
    expect(message).toContain('60岁11个月');
    expect(message).toContain('2029-04 退休');
    expect(message).toContain('只有 35 个月');
    expect(message).toContain('36 个月');
    expect(message).toContain('2026-05-22');
    expect(message).not.toContain('female-group');
    // The notice says 原则上: the clerk is told how to waive it (ID until the application has an id).
    expect(message).toContain('gongshu apply override ID 距法定退休年龄 --reason');
  });

  it('uses the round deadline as the reference date', () => {
    expect(retirementMargin.check(lead('男', '1968-06', { round: { year: 2026, deadline: '2026-06-01' } }))).toHaveLength(1);
  });

  it('assumes the worker group for a woman and says how to change it', () => {
    // Woman born 1975-11: worker group retires 2026-05 (already at the deadline month).
    const findings = retirementMargin.check(lead('女', '1975-11', { applicationId: 7 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('50岁6个月');
    expect(findings[0]!.message).toContain('已于 2026-05 到龄');
    expect(findings[0]!.message).toContain('gongshu apply set 7 --female-group cadre');
    expect(findings[0]!.message).not.toContain('apply override');
  });

  it('passes the same woman when the clerk sets the cadre group', () => {
    expect(retirementMargin.check(lead('女', '1975-11', { femaleGroup: 'cadre' }))).toEqual([]);
  });

  it('fails a woman of the worker group with 21 months left, naming the group set by the clerk', () => {
    // 1977-01: k = 24 → delay 13 → 51岁1个月 → 2028-02; 2028-02 − 2026-05 = 21.
    const [finding] = retirementMargin.check(lead('女', '1977-01', { femaleGroup: 'worker' }));
    expect(finding?.message).toContain('只有 21 个月');
    expect(finding?.message).toContain('按女职工（原 50 岁组）计算（经办人设定）');
    expect(finding?.message).not.toContain('--female-group cadre');
  });

  it('skips when the gender or the birth month is missing', () => {
    expect(retirementMargin.check(lead('', '1960-01'))).toEqual([]);
    expect(retirementMargin.check(lead('男', ''))).toEqual([]);
  });

  it('uses the birth month of a valid ID when 出生年月 is missing', () => {
    // 330105 19680615 001 8: a man born 1968-06 → retires 2029-05 → passes; 1968-05 would not.
    expect(retirementMargin.check(makeContext({ lead: { birth: '', idNumber: '330105196806150018' } }))).toEqual([]);
    const [finding] = retirementMargin.check(
      makeContext({ lead: { birth: '' }, round: { year: 2026, deadline: '2035-05-22' } }),
    );
    expect(finding?.message).toContain('出生年月取自身份证号码');
  });
});
