import { describe, expect, it } from 'vitest';
import { memberDuplicate, teamSize } from '../../src/rules/team-size.js';
import { makeContext, makeMember, defaultMembers } from '../helpers/application-factory.js';

describe('team-size (除领衔人外不少于3人)', () => {
  it('passes with 3 members besides the lead', () => {
    expect(teamSize.check(makeContext())).toEqual([]);
  });

  it('fails with 2 members and says how many are missing', () => {
    const findings = teamSize.check(makeContext({ members: defaultMembers().slice(0, 2) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'team-size', severity: 'error', field: 'members', cell: '申报表!A20' });
    expect(findings[0]!.message).toContain('工作室成员（不含领衔人）只有 2 人，至少需要 3 人');
  });

  it('does not count blank rows', () => {
    const members = [...defaultMembers().slice(0, 2), makeMember({ name: '  ' }), makeMember({ name: '/' })];
    expect(teamSize.check(makeContext({ members }))[0]?.message).toContain('只有 2 人');
  });

  it('does not count the lead repeated in the member table, and says so', () => {
    const members = [...defaultMembers().slice(0, 2), makeMember({ name: '张 建国' })];
    const [finding] = teamSize.check(makeContext({ members }));
    expect(finding?.message).toContain('只有 2 人');
    expect(finding?.message).toContain('领衔人本人（1 行）不计入');
  });

  it('mentions lead rows the reader already dropped', () => {
    const [finding] = teamSize.check(makeContext({ members: defaultMembers().slice(0, 1), facts: { leadRepeatedInMembers: 1 } }));
    expect(finding?.message).toContain('只有 1 人');
    expect(finding?.message).toContain('（1 行）');
  });

  it('passes with 4 members of whom one repeats the lead', () => {
    expect(teamSize.check(makeContext({ members: [...defaultMembers(), makeMember({ name: '张建国' })] }))).toEqual([]);
  });

  it('fails with no members at all', () => {
    expect(teamSize.check(makeContext({ members: [] }))[0]?.message).toContain('只有 0 人');
  });
});

describe('member-duplicate (the same person listed twice counts once)', () => {
  it('counts a member listed twice once toward the team of 3, and says so', () => {
    const members = [...defaultMembers().slice(0, 2), makeMember({ name: defaultMembers()[0]!.name.split('').join(' ') })];
    const [finding] = teamSize.check(makeContext({ members }));
    expect(finding?.message).toContain('只有 2 人');
    expect(finding?.message).toContain('重复列出的成员（1 行）只计一次');
  });

  it('warns at the repeated row, naming both rows', () => {
    const members = [...defaultMembers(), makeMember({ name: defaultMembers()[1]!.name })];
    expect(teamSize.check(makeContext({ members }))).toEqual([]);
    const findings = memberDuplicate.check(makeContext({ members }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'member-duplicate', severity: 'warning', field: 'members.3.name' });
    expect(findings[0]!.message).toBe(`成员“${defaultMembers()[1]!.name}”在成员表第 2 行和第 4 行重复列出，只计一次；请单位核对成员名单`);
  });

  it('says nothing of a list without repeats', () => {
    expect(memberDuplicate.check(makeContext())).toEqual([]);
  });
});
