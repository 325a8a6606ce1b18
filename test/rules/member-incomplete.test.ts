import { describe, expect, it } from 'vitest';
import { memberIncomplete } from '../../src/rules/member-incomplete.js';
import { defaultMembers, makeContext, makeMember } from '../helpers/application-factory.js';

describe('member-incomplete', () => {
  it('passes complete member rows', () => {
    expect(memberIncomplete.check(makeContext())).toEqual([]);
  });

  it('warns about a member without 职业（工种）, at that cell', () => {
    const members = defaultMembers();
    members[1] = makeMember({ name: '王芳', occupation: '' });
    const findings = memberIncomplete.check(makeContext({ members }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'member-incomplete', severity: 'warning', field: 'members.1.occupation', cell: '申报表!E21' });
    expect(findings[0]!.message).toContain('第 2 位成员“王芳”未填写职业（工种）');
  });

  it('names both missing columns in one finding per member', () => {
    const members = [...defaultMembers(), makeMember({ name: '孙伟', occupation: '', skillLevel: '' })];
    const findings = memberIncomplete.check(makeContext({ members }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('职业（工种）和职业资格等级或其它技能');
  });

  it('ignores blank rows and the lead repeated', () => {
    const members = [...defaultMembers(), makeMember({ name: '', occupation: '' }), makeMember({ name: '张建国', skillLevel: '' })];
    expect(memberIncomplete.check(makeContext({ members }))).toEqual([]);
  });
});
