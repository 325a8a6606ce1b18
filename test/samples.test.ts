/**
 * The sample applications in data/samples/ (imported by `gongshu demo`) must match their generator
 * test/fixtures/make-samples.ts. After changing the generator, run
 * `UPDATE_SAMPLES=1 npx vitest run test/samples.test.ts` to rewrite them, then commit them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  buildSampleWorkbook,
  idAsStoredNumber,
  isValidIdNumber,
  SAMPLE_SPECS,
  samplesReadme,
  type SampleProblem,
} from './fixtures/make-samples.js';
import { loadWorkbook, roundTrip, workbookSnapshot } from './documents/workbooks/workbook-snapshot.js';
import { readApplication } from '../src/intake/forms/application-reader.js';
import { openWorkbookFile } from '../src/intake/open/safe-open.js';

const SAMPLES_DIR = fileURLToPath(new URL('../data/samples/applications/', import.meta.url));
// Beside the folder, not in it: everything in a folder a clerk imports is listed (a README would show as 未导入).
const README = path.join(SAMPLES_DIR, '..', 'README-applications.md');
const HOW_TO_UPDATE = 'data/samples/applications is out of date: run `UPDATE_SAMPLES=1 npx vitest run test/samples.test.ts` and commit the files';

function committedXlsx(): string[] {
  return fs.existsSync(SAMPLES_DIR) ? fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.xlsx')).sort() : [];
}

async function cellText(file: string, sheet: string, address: string): Promise<string> {
  const wb = await loadWorkbook(ExcelJS, path.join(SAMPLES_DIR, file));
  const value = wb.getWorksheet(sheet)!.getCell(address).value;
  return String(value ?? '');
}

describe('data/samples', () => {
  if (process.env.UPDATE_SAMPLES === '1') {
    test('regenerate', async () => {
      fs.mkdirSync(SAMPLES_DIR, { recursive: true });
      const wanted = new Set(SAMPLE_SPECS.map((s) => s.file));
      for (const stale of committedXlsx().filter((f) => !wanted.has(f))) fs.rmSync(path.join(SAMPLES_DIR, stale));
      for (const spec of SAMPLE_SPECS) await buildSampleWorkbook(ExcelJS, spec).xlsx.writeFile(path.join(SAMPLES_DIR, spec.file));
      fs.writeFileSync(README, samplesReadme());
      console.error(`wrote ${SAMPLE_SPECS.length} samples to ${SAMPLES_DIR} and ${README}`);
    });
  }

  test('exactly the generated files are committed, with their README', () => {
    expect(committedXlsx(), HOW_TO_UPDATE).toEqual(SAMPLE_SPECS.map((s) => s.file).sort());
    expect(fs.readFileSync(README, 'utf8'), HOW_TO_UPDATE).toBe(samplesReadme());
  });

  test.each(SAMPLE_SPECS.map((s) => [s.file, s] as const))('%s matches the generator', async (file, spec) => {
    const committed = workbookSnapshot(await loadWorkbook(ExcelJS, path.join(SAMPLES_DIR, file)));
    const generated = workbookSnapshot(await roundTrip(ExcelJS, buildSampleWorkbook(ExcelJS, spec)));
    expect(committed, HOW_TO_UPDATE).toEqual(generated);
  });

  test('at least 8 samples, at least 3 clean, and every deliberate problem present once', () => {
    expect(SAMPLE_SPECS.length).toBeGreaterThanOrEqual(8);
    expect(SAMPLE_SPECS.filter((s) => s.problem === 'clean').length).toBeGreaterThanOrEqual(3);
    const problems: SampleProblem[] = ['team-of-two', 'near-retirement', 'wrong-studio-name', 'bad-id-check', 'different-layout', 'woman-lead', 'id-stored-as-number'];
    for (const p of problems) expect(SAMPLE_SPECS.filter((s) => s.problem === p), p).toHaveLength(1);
    expect(new Set(SAMPLE_SPECS.map((s) => s.application.unit.name)).size).toBe(SAMPLE_SPECS.length);
  });

  test('lead ID numbers in the workbooks have valid check characters, except the deliberate ones', async () => {
    const invalid: string[] = [];
    for (const spec of SAMPLE_SPECS) {
      const id = await cellText(spec.file, spec.idCell.sheet, spec.idCell.address);
      if (spec.problem === 'id-stored-as-number') expect(id).toBe(idAsStoredNumber(spec.application.lead.idNumber));
      else expect(id).toBe(spec.application.lead.idNumber);
      if (!isValidIdNumber(id)) invalid.push(spec.problem);
    }
    expect(invalid.sort()).toEqual(['bad-id-check', 'id-stored-as-number']);
  });

  test('ID numbers agree with 出生年月 and 性别', () => {
    for (const { application: { lead }, file } of SAMPLE_SPECS) {
      expect(`${lead.idNumber.slice(6, 10)}-${lead.idNumber.slice(10, 12)}`, file).toBe(lead.birth);
      expect(Number(lead.idNumber[16]) % 2 === 1 ? '男' : '女', file).toBe(lead.gender);
      expect(lead.idNumber.slice(0, 2), file).toBe('33');
    }
  });

  test('the deliberate problems are really there and the clean samples are clean', () => {
    const by = (p: SampleProblem) => SAMPLE_SPECS.find((s) => s.problem === p)!.application;
    expect(by('team-of-two').members).toHaveLength(2);
    expect(by('near-retirement').lead).toMatchObject({ gender: '男', birth: '1967-03' });
    const wrong = by('wrong-studio-name');
    expect(wrong.studioName).not.toContain(wrong.lead.occupation);
    expect(by('woman-lead').lead.gender).toBe('女');
    for (const spec of SAMPLE_SPECS.filter((s) => ['clean', 'woman-lead', 'different-layout'].includes(s.problem))) {
      const app = spec.application;
      expect(app.studioName, spec.file).toBe(`${app.lead.name}${app.lead.occupation}技能大师工作室`);
      expect(app.members.length, spec.file).toBeGreaterThanOrEqual(4);
      expect(app.members.length, spec.file).toBeLessThanOrEqual(6);
      expect(Number(app.lead.birth.slice(0, 4)), spec.file).toBeGreaterThanOrEqual(1972);
      expect(app.unit.postcode, spec.file).toMatch(/^3100\d\d$/u);
      expect(app.unit.phone, spec.file).toMatch(/^0571-8\d{7}$/u);
      expect(app.lead.mobile, spec.file).toMatch(/^1[3-9]\d{9}$/u);
      expect(app.unit.profile.length, spec.file).toBeLessThanOrEqual(1000);
    }
  });

  test.each(SAMPLE_SPECS.map((s) => [s.file, s] as const))('%s reads back as the application it was made from', async (file, spec) => {
    const { parsed } = readApplication(await openWorkbookFile(path.join(SAMPLES_DIR, file)));
    const expected = structuredClone(spec.application);
    if (spec.problem === 'id-stored-as-number') expected.lead.idNumber = idAsStoredNumber(expected.lead.idNumber);
    expect(parsed.application).toEqual(expected);
    expect(parsed.facts.idStoredAsNumber).toBe(spec.problem === 'id-stored-as-number');
    expect(parsed.facts.leadRepeatedInMembers).toBe(spec.problem === 'different-layout' ? 1 : 0);
  });

  test('the different layout is not the template', async () => {
    const spec = SAMPLE_SPECS.find((s) => s.problem === 'different-layout')!;
    const wb = await loadWorkbook(ExcelJS, path.join(SAMPLES_DIR, spec.file));
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Sheet1']);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('姓  名');
    expect(texts).toContain('职业(工种)');
    expect(wb.worksheets[0]!.getCell('I11').value).toBe(1975.06);
  });
});
