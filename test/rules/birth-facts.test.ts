import { describe, expect, it } from 'vitest';
import { birthAmbiguous } from '../../src/rules/birth-ambiguous.js';
import { birthUnreadable } from '../../src/rules/birth-unreadable.js';
import { makeContext } from '../helpers/application-factory.js';

describe('birth-ambiguous', () => {
  it('passes when the reader resolved the birth month', () => {
    expect(birthAmbiguous.check(makeContext())).toEqual([]);
  });

  it('is an error asking the unit when there is no valid ID to fall back on', () => {
    const findings = birthAmbiguous.check(makeContext({ lead: { birth: '', idNumber: '' }, facts: { birthAmbiguous: true } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'birth-ambiguous', severity: 'error', field: 'lead.birth', cell: '申报表!C11' });
    expect(findings[0]!.message).toContain('向申报单位核实');
  });

  it('drops to a warning when the ID gives the birth month', () => {
    const [finding] = birthAmbiguous.check(makeContext({ lead: { birth: '' }, facts: { birthAmbiguous: true } }));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('1975-06');
  });
});

describe('birth-unreadable', () => {
  it('passes when nothing unreadable was met', () => {
    expect(birthUnreadable.check(makeContext())).toEqual([]);
  });

  it('is an error showing what was written', () => {
    const findings = birthUnreadable.check(makeContext({ lead: { birth: '', idNumber: '33010519750615' }, facts: { birthUnreadable: '七五年\u001b[31m' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'birth-unreadable', severity: 'error' });
    expect(findings[0]!.message).toContain('“七五年”');
    expect(findings[0]!.message).not.toContain('\u001b');
  });

  it('drops to a warning when the ID gives the birth month', () => {
    const [finding] = birthUnreadable.check(makeContext({ lead: { birth: '' }, facts: { birthUnreadable: '七五年' } }));
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain('1975-06');
  });
});
