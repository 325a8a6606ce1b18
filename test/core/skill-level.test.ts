import { describe, expect, it } from 'vitest';
import {
  isAtLeast, recogniseSkillLevel, SKILL_LEVELS, skillLevelName, skillLevelRank,
} from '../../src/core/skill-level.js';

describe('recogniseSkillLevel', () => {
  it.each([
    ['高级技师', 'senior-technician'],
    ['一级', 'senior-technician'],
    ['一级/高级技师', 'senior-technician'],
    ['高级技师（一级）', 'senior-technician'],
    ['国家职业资格一级', 'senior-technician'],
    ['国家职业资格一级（高级技师）', 'senior-technician'],
    ['技师', 'technician'],
    ['二级', 'technician'],
    ['二级(技师)', 'technician'],
    ['职业技能等级 二级', 'technician'],
    ['国家职业资格二级', 'technician'],
    ['２级', 'technician'],
    ['2 级', 'technician'],
    ['高级工', 'advanced-worker'],
    ['三级', 'advanced-worker'],
    ['国家职业资格三级（高级工）', 'advanced-worker'],
    ['中级工', 'intermediate-worker'],
    ['四级', 'intermediate-worker'],
    ['４级', 'intermediate-worker'],
    ['初级工', 'junior-worker'],
    ['五级', 'junior-worker'],
    ['特级技师', 'special-technician'],
    ['浙江省首席技师', 'chief-technician'],
    [' 高 级 技 师 ', 'senior-technician'],
  ] as const)('%s → %s', (text, level) => {
    expect(recogniseSkillLevel(text)).toBe(level);
  });

  it.each(['高工', '高级工程师', '工程师', '正高级工程师', '高级工艺美术师', '', '大专', '无'])('%s is not a skill level', (text) => {
    expect(recogniseSkillLevel(text)).toBeNull();
  });

  it('ignores a title written next to a level', () => {
    expect(recogniseSkillLevel('高级工程师、技师')).toBe('technician');
    expect(recogniseSkillLevel('高工/高级工')).toBe('advanced-worker');
  });

  it('takes the highest of several levels', () => {
    expect(recogniseSkillLevel('高级工、技师')).toBe('technician');
  });
});

describe('ranks and names', () => {
  it('orders the levels so "技师 or higher" is a comparison', () => {
    expect(isAtLeast('technician', 'technician')).toBe(true);
    expect(isAtLeast('senior-technician', 'technician')).toBe(true);
    expect(isAtLeast('chief-technician', 'technician')).toBe(true);
    expect(isAtLeast('special-technician', 'senior-technician')).toBe(true);
    expect(isAtLeast('advanced-worker', 'technician')).toBe(false);
    expect(isAtLeast(null, 'junior-worker')).toBe(false);
    expect(skillLevelRank('junior-worker')).toBeLessThan(skillLevelRank('intermediate-worker'));
  });
  it('lists every level highest first with a Chinese name', () => {
    expect(SKILL_LEVELS.map((l) => l.key)).toEqual([
      'chief-technician', 'special-technician', 'senior-technician', 'technician', 'advanced-worker',
      'intermediate-worker', 'junior-worker',
    ]);
    expect(skillLevelName('technician')).toBe('技师（二级）');
    expect(skillLevelName('senior-technician')).toBe('高级技师（一级）');
  });
});
