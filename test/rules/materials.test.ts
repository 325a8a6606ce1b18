import { describe, expect, it } from 'vitest';
import { missingMaterial } from '../../src/rules/missing-material.js';
import { reportNameMismatch } from '../../src/rules/report-name-mismatch.js';
import { allMaterials, parseMaterialList, requiredMaterials, resolveMaterial } from '../../src/rules/materials.js';
import { fieldName } from '../../src/rules/fields.js';
import { makeContext } from '../helpers/application-factory.js';

describe('the materials of the notice (材料申报)', () => {
  it('lists four required and five optional materials', () => {
    expect(requiredMaterials().map((m) => m.key)).toEqual(['report', 'license', 'id-cards', 'certificates']);
    expect(allMaterials().filter((m) => !m.required).map((m) => m.zh)).toEqual(['获奖证书', '技术认定', '媒体报道', '专著', '技术创新材料']);
  });

  it('resolves keys, labels and synonyms', () => {
    expect(resolveMaterial('report')?.key).toBe('report');
    expect(resolveMaterial('营业执照')?.key).toBe('license');
    expect(resolveMaterial('法人登记证书')?.key).toBe('license');
    expect(resolveMaterial('ID-Cards')?.key).toBe('id-cards');
    expect(resolveMaterial('其它')).toBeNull();
  });

  it('parses a list of materials and keeps unknown words apart', () => {
    expect(parseMaterialList('report,营业执照、身份证 ，foo')).toEqual({ keys: ['report', 'license', 'id-cards'], unknown: ['foo'] });
    expect(parseMaterialList('报告,申办报告')).toEqual({ keys: ['report'], unknown: [] });
  });
});

describe('missing-material', () => {
  it('says nothing while materials are not tracked', () => {
    expect(missingMaterial.check(makeContext({ materials: null }))).toEqual([]);
  });

  it('warns once per required material not received', () => {
    const findings = missingMaterial.check(makeContext({ materials: { received: ['report', 'awards'], reportStudioName: null }, applicationId: 5 }));
    expect(findings.map((f) => f.field)).toEqual(['materials.license', 'materials.id-cards', 'materials.certificates']);
    // Named to the clerk (and matched by --field) as the notice names the material.
    expect(findings.map((f) => fieldName(f.field!))).toEqual(['营业执照或法人登记证书', '领衔人和成员身份证', '技术能力证书']);
    expect(findings.every((f) => f.code === 'missing-material' && f.severity === 'warning')).toBe(true);
    expect(findings[0]!.message).toContain('营业执照或法人登记证书');
    expect(findings[0]!.message).toContain('gongshu apply materials 5 --received license');
  });

  it('passes when every required material arrived, however it was named', () => {
    const materials = { received: ['申办报告', '营业执照', 'id-cards', 'certificates'], reportStudioName: null };
    expect(missingMaterial.check(makeContext({ materials }))).toEqual([]);
  });
});

describe('report-name-mismatch', () => {
  const withReport = (reportStudioName: string | null) => makeContext({ materials: { received: ['report'], reportStudioName } });

  it('passes when the report carries the form\'s name (spaces and brackets aside) or none was recorded', () => {
    expect(reportNameMismatch.check(withReport('张建国 数控车工 技能大师工作室'))).toEqual([]);
    expect(reportNameMismatch.check(withReport(null))).toEqual([]);
    expect(reportNameMismatch.check(makeContext())).toEqual([]);
  });

  it('warns when the names differ', () => {
    const findings = reportNameMismatch.check(withReport('张建国技能大师工作室'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'report-name-mismatch', severity: 'warning', field: 'studioName', cell: '申报表!B2' });
    expect(findings[0]!.message).toContain('“张建国技能大师工作室”');
  });
});
