import { describe, expect, it } from 'vitest';
import { expectedStudioName, studioNameMatches } from '../../src/core/studio-name.js';

describe('studio name (领衔人名字+职业（工种）名称+技能大师工作室)', () => {
  it('joins the lead name and the occupation as written', () => {
    expect(expectedStudioName('张建国', '数控车工')).toBe('张建国数控车工技能大师工作室');
    expect(expectedStudioName(' 张建国 ', '车工（数控）')).toBe('张建国车工（数控）技能大师工作室');
  });
  it('ignores spaces and the width of parentheses', () => {
    expect(studioNameMatches('张建国 数控车工 技能大师工作室', '张建国数控车工技能大师工作室')).toBe(true);
    expect(studioNameMatches('张建国车工(数控)技能大师工作室', '张建国车工（数控）技能大师工作室')).toBe(true);
  });
  it('tells different names apart', () => {
    expect(studioNameMatches('张建国技能大师工作室', '张建国数控车工技能大师工作室')).toBe(false);
    expect(studioNameMatches('张建国数控车工大师工作室', '张建国数控车工技能大师工作室')).toBe(false);
    expect(studioNameMatches('数控车工张建国技能大师工作室', '张建国数控车工技能大师工作室')).toBe(false);
  });
});
