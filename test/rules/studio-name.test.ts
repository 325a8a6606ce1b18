import { describe, expect, it } from 'vitest';
import { studioName } from '../../src/rules/studio-name.js';
import { makeContext } from '../helpers/application-factory.js';

describe('studio-name (领衔人名字+职业（工种）名称+技能大师工作室)', () => {
  it('passes the prescribed name', () => {
    expect(studioName.check(makeContext())).toEqual([]);
  });

  it('passes when only spaces and parenthesis width differ', () => {
    const ctx = makeContext({ studioName: '张建国 车工(数控) 技能大师工作室', lead: { occupation: '车工（数控）' } });
    expect(studioName.check(ctx)).toEqual([]);
  });

  it('fails without the occupation and shows the correct name', () => {
    const findings = studioName.check(makeContext({ studioName: '张建国技能大师工作室' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'studio-name', severity: 'error', field: 'studioName', cell: '申报表!B2' });
    expect(findings[0]!.message).toContain('应为“张建国数控车工技能大师工作室”');
  });

  it('fails when the occupation differs from the lead section', () => {
    expect(studioName.check(makeContext({ studioName: '张建国数控铣工技能大师工作室' }))).toHaveLength(1);
  });

  it('leaves empty names to missing-field', () => {
    expect(studioName.check(makeContext({ studioName: '' }))).toEqual([]);
    expect(studioName.check(makeContext({ lead: { occupation: '' } }))).toEqual([]);
  });
});
