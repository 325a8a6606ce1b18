/**
 * The committed templates/ copy must match the generator. After changing the template code, run
 * `UPDATE_TEMPLATES=1 npx vitest run test/templates.test.ts` to rewrite it, then commit it.
 * Compared by content (cells, merges, validations, locks, widths, page setup), not bytes: zip timestamps differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from 'vitest';
import { buildApplicationTemplate } from '../src/documents/workbooks/application-template.js';
import { APPLICATION_TEMPLATE_FILE, TEMPLATES_DIR, writeTemplateFiles } from '../src/documents/workbooks/template-files.js';
import { loadWorkbook, roundTrip, workbookSnapshot } from './documents/workbooks/workbook-snapshot.js';

const file = path.join(TEMPLATES_DIR, APPLICATION_TEMPLATE_FILE);
const HOW_TO_UPDATE = 'templates/application-template.xlsx is out of date: run `UPDATE_TEMPLATES=1 npx vitest run test/templates.test.ts` and commit the file';

test('templates/application-template.xlsx matches the generator', async () => {
  if (process.env.UPDATE_TEMPLATES === '1') {
    const written = await writeTemplateFiles();
    console.error(`wrote ${written.join(', ')}`);
  }
  expect(fs.existsSync(file), HOW_TO_UPDATE).toBe(true);
  const committed = workbookSnapshot(await loadWorkbook(ExcelJS, file));
  const generated = workbookSnapshot(await roundTrip(ExcelJS, buildApplicationTemplate(ExcelJS, { year: null })));
  expect(committed, HOW_TO_UPDATE).toEqual(generated);
});

test('the committed template carries no round year', async () => {
  const cover = (await loadWorkbook(ExcelJS, file)).getWorksheet('封面')!;
  const texts: string[] = [];
  cover.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  expect(texts.some((t) => /^\s+年\s+月$/u.test(t))).toBe(true);
  expect(texts.join('')).not.toMatch(/二[零〇]/u);
});

test('writeTemplateFiles writes into the given folder', async () => {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'gongshu-templates-'));
  try {
    const written = await writeTemplateFiles(dir);
    expect(written).toEqual([path.join(dir, APPLICATION_TEMPLATE_FILE)]);
    expect(fs.statSync(written[0]!).size).toBeGreaterThan(5000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
