/** The sample register imported by `gongshu demo` (data/samples/register/) matches its generator. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbookFile } from '../src/intake/open/safe-open.js';
import { parseRegister } from '../src/intake/forms/register-reader.js';
import { buildRegisterWorkbook, REGISTER_ROWS } from './fixtures/make-register.js';
import { tempDir } from './helpers/tmp.js';

const FILE = fileURLToPath(new URL('../data/samples/register/工作室名册.xlsx', import.meta.url));

describe('data/samples/register', () => {
  it('is up to date with its generator', async () => {
    if (process.env.UPDATE_SAMPLES) await buildRegisterWorkbook(ExcelJS).xlsx.writeFile(FILE);
    const fresh = path.join(tempDir(), 'r.xlsx');
    await buildRegisterWorkbook(ExcelJS).xlsx.writeFile(fresh);
    const committed = parseRegister(await openWorkbookFile(FILE));
    expect(committed, 'run UPDATE_SAMPLES=1 npx vitest run test/register-samples.test.ts').toEqual(parseRegister(await openWorkbookFile(fresh)));
    expect(committed.rows.map((r) => r.studioName)).toEqual(REGISTER_ROWS.map((r) => r.studioName));
    expect(fs.statSync(FILE).size).toBeLessThan(50_000);
  });
});
