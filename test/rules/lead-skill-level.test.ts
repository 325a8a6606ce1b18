import { describe, expect, it } from 'vitest';
import { leadSkillLevel } from '../../src/rules/lead-skill-level.js';
import { makeContext } from '../helpers/application-factory.js';

const withLevel = (skillLevel: string, otherSkills = '') => makeContext({ lead: { skillLevel, otherSkills } });

describe('lead-skill-level (高级技师、技师或具有绝技绝活)', () => {
  it.each(['高级技师', '技师', '国家职业资格二级', '高级技师（一级）', '特级技师', '首席技师'])('%s passes', (level) => {
    expect(leadSkillLevel.check(withLevel(level))).toEqual([]);
  });

  it('warns about a lower level without 其它技能', () => {
    const findings = leadSkillLevel.check(withLevel('高级工'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'lead-skill-level', severity: 'warning', field: 'lead.skillLevel', cell: '申报表!E12' });
    expect(findings[0]!.message).toContain('高级工（三级）');
    expect(findings[0]!.message).toContain('其它技能');
  });

  it('passes a lower level when 其它技能 describes 绝技绝活', () => {
    expect(leadSkillLevel.check(withLevel('三级', '手工刮研绝技'))).toEqual([]);
  });

  it('warns that 高工 is a title, not a skill level', () => {
    const [finding] = leadSkillLevel.check(withLevel('高工'));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('“高工”');
    expect(finding?.message).toContain('高级工程师');
  });

  it('leaves an empty level to missing-field', () => {
    expect(leadSkillLevel.check(withLevel(''))).toEqual([]);
  });
});
