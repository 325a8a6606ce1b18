/**
 * `-o 文件夹/文件名` into a folder that does not exist: the refusal names the file to be saved and the
 * missing folder once each, not the folder twice ("…/无此文件夹/x.xlsx：输出文件夹不存在：…/无此文件夹").
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOk, HUANG, roundDb } from '../helpers/round.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

describe('-o into a missing folder', () => {
  it('names the missing folder once and the file to be saved', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(path.join(r.dir, 'in'), '1.xlsx', HUANG);
    await expectOk(r.cli('apply', 'import', file, '--received', '2026-05-20'), 'import');
    const missing = path.join(r.dir, '无此文件夹');
    const run = await r.cli('export', 'review', '-o', path.join(missing, '汇总.xlsx'));
    expect(run.code).not.toBe(0);
    expect(run.stderr.split(missing).length - 1, run.stderr).toBe(1);
    expect(run.stderr).toContain('汇总.xlsx');
    expect(fs.existsSync(missing)).toBe(false);
  }, 60_000);
});
