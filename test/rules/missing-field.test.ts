import { describe, expect, it } from 'vitest';
import { missingField } from '../../src/rules/missing-field.js';
import { makeContext } from '../helpers/application-factory.js';

describe('missing-field (one finding per empty required field)', () => {
  it('passes a complete application', () => {
    expect(missingField.check(makeContext())).toEqual([]);
  });

  it('reports an empty 单位全称 at its cell', () => {
    const findings = missingField.check(makeContext({ unit: { name: '' } }));
    expect(findings).toEqual([
      { code: 'missing-field', severity: 'error', field: 'unit.name', cell: '申报表!C4', message: '“单位全称”未填写，请申报单位补充。' },
    ]);
  });

  it('needs one phone: either the fixed line or the mobile', () => {
    expect(missingField.check(makeContext({ unit: { phone: '' } }))).toEqual([]);
    expect(missingField.check(makeContext({ unit: { mobile: '' } }))).toEqual([]);
    const findings = missingField.check(makeContext({ unit: { phone: '', mobile: '' } }));
    expect(findings.map((f) => f.field)).toEqual(['unit.phone']);
  });

  it('reports every empty field of the list, once each', () => {
    const ctx = makeContext({
      studioName: '',
      unit: { legalRepresentative: '', contact: ' ', address: '' },
      lead: { name: '', gender: '', birth: '', occupation: '', skillLevel: '', idNumber: '' },
      workPlan: '',
    });
    expect(missingField.check(ctx).map((f) => f.field)).toEqual([
      'unit.legalRepresentative', 'unit.contact', 'unit.address', 'studioName', 'lead.name', 'lead.gender', 'lead.birth',
      'lead.occupation', 'lead.skillLevel', 'lead.idNumber', 'workPlan',
    ]);
  });

  it('treats a lone slash or dash as empty', () => {
    expect(missingField.check(makeContext({ unit: { contact: '/' }, lead: { occupation: '—' } })).map((f) => f.field))
      .toEqual(['unit.contact', 'lead.occupation']);
  });

  it('does not call an unreadable or ambiguous 出生年月 empty', () => {
    expect(missingField.check(makeContext({ lead: { birth: '' }, facts: { birthUnreadable: '七五年' } }))).toEqual([]);
    expect(missingField.check(makeContext({ lead: { birth: '' }, facts: { birthAmbiguous: true } }))).toEqual([]);
  });

  it('does not require optional fields (fax, e-mail, postcode, profile, other skills)', () => {
    expect(missingField.check(makeContext({ unit: { fax: '', email: '', postcode: '', profile: '' }, lead: { otherSkills: '' } }))).toEqual([]);
  });
});
