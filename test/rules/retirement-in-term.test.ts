import { describe, expect, it } from 'vitest';
import { retirementFor } from '../../src/core/retirement.js';
import { runRules } from '../../src/rules/index.js';
import { retirementInTerm } from '../../src/rules/retirement-in-term.js';
import { makeContext } from '../helpers/application-factory.js';

function lead(gender: string, birth: string, extra: Parameters<typeof makeContext>[0] = {}) {
  return makeContext({ ...extra, lead: { gender, birth, idNumber: '', ...extra.lead } });
}

describe('retirement-in-term (领衔人在 3 年有效期内退休)', () => {
  it('warns at exactly 36 months: the lead retires 2029-05, a term from the deadline runs to 2029-05-21', () => {
    expect(retirementFor('1968-06', 'male').month).toBe('2029-05');
    const findings = retirementInTerm.check(lead('男', '1968-06'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'retirement-in-term', severity: 'warning', field: 'lead.birth' });
    expect(findings[0]!.message).toContain('将于 2029-05 达到法定退休年龄（60岁11个月），早于有效期届满');
    expect(findings[0]!.message).toContain('即使在截止日 2026-05-22 认定，3 年有效期也要到 2029-05-21 才结束');
  });

  it('is a 提醒 beside a passed retirement-margin, so the application is 待确认, not 不合格', () => {
    const codes = runRules(lead('男', '1968-06')).map((f) => [f.code, f.severity]);
    expect(codes).toContainEqual(['retirement-in-term', 'warning']);
    expect(codes).not.toContainEqual(['retirement-margin', 'error']);
  });

  it('says nothing when the lead retires after the earliest possible end of the term', () => {
    expect(retirementFor('1968-07', 'male').month).toBe('2029-06');
    expect(retirementInTerm.check(lead('男', '1968-07'))).toEqual([]);
    expect(retirementInTerm.check(makeContext())).toEqual([]);
  });

  it('leaves a margin under 36 months to retirement-margin (an error there)', () => {
    expect(retirementInTerm.check(lead('男', '1968-05'))).toEqual([]);
  });

  it('names the assumed female group, as the retirement rule does', () => {
    // A female worker retiring 2029-05: 1977-… with the worker group.
    const birth = ['1977-09', '1977-10', '1977-11', '1977-12', '1978-01', '1978-02'].find((b) => retirementFor(b, 'female-worker').month === '2029-05')!;
    const [finding] = retirementInTerm.check(lead('女', birth, { applicationId: 4 }));
    expect(finding?.message).toContain('将于 2029-05 达到法定退休年龄');
    expect(finding?.message).toContain('已按女职工（原 50 岁组）计算');
  });
});
