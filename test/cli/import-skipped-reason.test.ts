/**
 * A file whose content was imported before (under any name) is skipped with its reason in the result table:
 * the file it repeats, the day it was imported and the application it became (issue 21, a new clerk's round).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeApplication } from '../helpers/application-factory.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';
import { chinaDate } from '../../src/core/china-time.js';

describe('apply import of a file already imported', () => {
  it('says which file it repeats, when it was imported and as which application, in the reason column and in --json', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const first = await writeApplicationWorkbook(path.join(dir, '收件箱'), '申报表-张建国.xlsx', makeApplication());
    const copy = path.join(dir, '收件箱', '张建国（重发）.xlsx');
    fs.copyFileSync(first, copy);
    const run = (...args: string[]) => runCli(['--db', db, '--round', '2026', 'apply', 'import', ...args]);
    expect((await run(first)).code).toBe(0);

    const again = await run(copy);
    expect(again.code).toBe(0);
    const row = again.stdout.split('\n').find((l) => l.includes('重发'))!;
    expect(row).toContain('已导入，跳过');
    expect(row).toContain(`与 ${chinaDate()} 导入的`);
    expect(again.stdout).toContain('内容相同（申报 #1 第 1 版），未重复导入');
    expect(again.stdout).toContain('申报表-张建国.xlsx');

    const json = JSON.parse((await run(copy, '--json')).stdout) as { outcome: string; title?: string }[];
    expect(json[0]).toMatchObject({ outcome: 'skipped' });
    expect(json[0]!.title).toContain('内容相同（申报 #1 第 1 版）');
  });
});
