/** The sample assessments imported by `gongshu demo` match their generator and give the four grades. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../src/core/rubric.js';
import { openWorkbookFile } from '../src/intake/open/safe-open.js';
import { readAssessment } from '../src/intake/forms/assessment-reader.js';
import { defaultSettings, scoreAssessment } from '../src/scoring/index.js';
import { ASSESSMENT_SPECS, writeAssessmentSamples } from './fixtures/make-assessment-samples.js';

const DIR = fileURLToPath(new URL('../data/samples/assessments/', import.meta.url));

describe('data/samples/assessments', () => {
  it('is up to date with its generator', async () => {
    if (process.env.UPDATE_SAMPLES) await writeAssessmentSamples(ExcelJS, DIR);
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-asamples-'));
    await writeAssessmentSamples(ExcelJS, fresh);
    for (const spec of ASSESSMENT_SPECS) {
      const committed = readAssessment(await openWorkbookFile(path.join(DIR, spec.file)), loadRubric()).assessment;
      const made = readAssessment(await openWorkbookFile(path.join(fresh, spec.file)), loadRubric()).assessment;
      expect(committed, `${spec.file}: run UPDATE_SAMPLES=1 npx vitest run test/assessment-samples.test.ts`).toEqual(made);
    }
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it('grades one 优秀, one 合格, one 不合格 by points and one veto', async () => {
    const rubric = loadRubric();
    const grades = [];
    for (const spec of ASSESSMENT_SPECS) {
      const { assessment } = readAssessment(await openWorkbookFile(path.join(DIR, spec.file)), rubric);
      const r = scoreAssessment(assessment, rubric, defaultSettings(rubric));
      grades.push([r.grade, r.veto]);
    }
    expect(grades).toEqual([
      ['excellent', false],
      ['pass', false],
      ['fail', false],
      ['fail', true],
    ]);
  });
});
