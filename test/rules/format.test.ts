import { afterEach, describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../src/core/id-number.js';
import { setLang } from '../../src/messages/index.js';
import { formatAge, idCheckMessages } from '../../src/rules/format.js';

afterEach(() => setLang('zh'));

describe('formatAge', () => {
  it('writes 岁 and 个月, leaving out zero months', () => {
    expect(formatAge({ years: 60, months: 2 })).toBe('60岁2个月');
    expect(formatAge({ years: 63, months: 0 })).toBe('63岁');
    setLang('en');
    expect(formatAge({ years: 60, months: 2 })).toBe('60 years 2 month(s)');
  });
});

describe('idCheckMessages (for `gongshu check id`)', () => {
  it('describes a valid number', () => {
    const raw = '11010519491231002X';
    expect(idCheckMessages(checkIdNumber(raw), raw)).toEqual(['身份证号码有效：出生日期 1949-12-31，性别 女，地区码 110105。']);
  });

  it('mentions the conversion of a 15-digit number', () => {
    const raw = '330105750615001';
    const messages = idCheckMessages(checkIdNumber(raw), raw);
    expect(messages[0]).toContain('330105197506150010');
    expect(messages).toHaveLength(2);
  });

  it('gives one message per problem', () => {
    const raw = '330104198102310012';
    expect(idCheckMessages(checkIdNumber(raw), raw)).toEqual(['身份证号码无效：号码中的出生日期“19810231”不是可能的日期。']);
    const bad = '3301A';
    expect(idCheckMessages(checkIdNumber(bad), bad)).toHaveLength(2);
  });
});
