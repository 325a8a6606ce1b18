import { describe, expect, it } from 'vitest';
import { duplicateLead } from '../../src/rules/duplicate-lead.js';
import { LEAD_ID, makeContext } from '../helpers/application-factory.js';

describe('duplicate-lead', () => {
  it('passes when no other lead has the ID', () => {
    expect(duplicateLead.check(makeContext({ otherLeads: [{ ref: '#3', idNumber: '11010519491231002X', kind: 'application' }] }))).toEqual([]);
  });

  it('fails when another application of the round has the same lead', () => {
    const findings = duplicateLead.check(makeContext({ otherLeads: [{ ref: '#12', idNumber: LEAD_ID, kind: 'application' }] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'duplicate-lead', severity: 'error', field: 'lead.idNumber', cell: '申报表!E13' });
    expect(findings[0]!.message).toContain('#12');
  });

  it('fails when the lead already heads a valid studio', () => {
    const [finding] = duplicateLead.check(
      makeContext({ otherLeads: [{ ref: '张建国数控技能大师工作室', idNumber: LEAD_ID, kind: 'studio' }] }),
    );
    expect(finding?.message).toContain('有效期内工作室“张建国数控技能大师工作室”');
  });

  it('matches a 15-digit and an 18-digit number of the same person, and a lower-case x', () => {
    expect(duplicateLead.check(makeContext({ otherLeads: [{ ref: '#2', idNumber: '330105750615001', kind: 'application' }] }))).toHaveLength(1);
    const ctx = makeContext({
      lead: { idNumber: '11010519491231002x', gender: '女', birth: '1949-12' },
      otherLeads: [{ ref: '#2', idNumber: '11010519491231002X', kind: 'application' }],
    });
    expect(duplicateLead.check(ctx)).toHaveLength(1);
  });

  it('gives one finding per duplicate', () => {
    const otherLeads = [
      { ref: '#2', idNumber: LEAD_ID, kind: 'application' as const },
      { ref: '某工作室', idNumber: LEAD_ID, kind: 'studio' as const },
    ];
    expect(duplicateLead.check(makeContext({ otherLeads }))).toHaveLength(2);
  });

  it('ignores empty IDs and numbers whose digits were lost', () => {
    expect(duplicateLead.check(makeContext({ lead: { idNumber: '' }, otherLeads: [{ ref: '#2', idNumber: '', kind: 'application' }] }))).toEqual([]);
    const lost = '330105197506150000';
    expect(duplicateLead.check(makeContext({
      lead: { idNumber: lost }, facts: { idStoredAsNumber: true }, otherLeads: [{ ref: '#2', idNumber: lost, kind: 'application' }],
    }))).toEqual([]);
  });
});
