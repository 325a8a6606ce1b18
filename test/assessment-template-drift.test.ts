/**
 * templates/assessment-template.xlsx must match the generator. After changing the template code or the
 * seed rubric, run `UPDATE_TEMPLATES=1 npx vitest run test/assessment-template-drift.test.ts` to rewrite
 * it, then commit it. Compared by content (cells, merges, validations, locks, widths, page setup), not
 * bytes: zip timestamps differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { buildAssessmentTemplate } from '../src/documents/workbooks/assessment-template.js';
import { ASSESSMENT_SHEET, assessmentLayout } from '../src/documents/workbooks/assessment-layout.js';
import { loadRubric } from '../src/core/rubric.js';
import { loadWorkbook, roundTrip, workbookSnapshot } from './documents/workbooks/workbook-snapshot.js';

const file = fileURLToPath(new URL('../templates/assessment-template.xlsx', import.meta.url));
const HOW_TO_UPDATE = 'templates/assessment-template.xlsx is out of date: run `UPDATE_TEMPLATES=1 npx vitest run test/assessment-template-drift.test.ts` and commit the file';

test('templates/assessment-template.xlsx matches the generator', async () => {
  if (process.env.UPDATE_TEMPLATES === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await buildAssessmentTemplate(ExcelJS).xlsx.writeFile(file);
    console.error(`wrote ${file}`);
  }
  expect(fs.existsSync(file), HOW_TO_UPDATE).toBe(true);
  const committed = workbookSnapshot(await loadWorkbook(ExcelJS, file));
  const generated = workbookSnapshot(await roundTrip(ExcelJS, buildAssessmentTemplate(ExcelJS)));
  expect(committed, HOW_TO_UPDATE).toEqual(generated);
});

test('the committed template carries no assessment year', async () => {
  const sheet = (await loadWorkbook(ExcelJS, file)).getWorksheet(ASSESSMENT_SHEET)!;
  expect(sheet.getCell(assessmentLayout(loadRubric()).round.valueCell).value).toBeNull();
});
