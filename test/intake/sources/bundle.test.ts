/**
 * Zip bundles (a mail client's 打包下载): every form inside is imported as `bundle.zip › folder/file`, with the
 * same idempotency and versions as loose files; GBK names are read; a bomb is refused whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeZipName } from '../../../src/intake/open/zip-directory.js';
import { safeEntryName } from '../../../src/intake/sources/bundle.js';
import { gbkBytes, writeZip } from '../../fixtures/hostile/zip.js';
import { makeApplication } from '../../helpers/application-factory.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { writeApplicationWorkbook } from '../../helpers/workbooks.js';

interface Row {
  file: string;
  outcome: string;
  id?: number;
  version?: number;
  error?: { code: string };
}

async function importJson(db: string, target: string): Promise<Row[]> {
  const r = await runCli(['--db', db, '--round', '2026', 'apply', 'import', target, '--received', '2026-05-20', '--json']);
  return JSON.parse(r.stdout) as Row[];
}

describe('zip bundles', () => {
  it('imports the forms inside with GBK names; a second import, a loose copy and a changed form behave as for loose files', async () => {
    const dir = tempDir();
    const formA = fs.readFileSync(await writeApplicationWorkbook(dir, 'a.xlsx', makeApplication()));
    const bundle = path.join(dir, '附件打包下载.zip');
    fs.writeFileSync(bundle, writeZip([{ name: '申报材料/申报表.xlsx', rawName: gbkBytes('申报材料/申报表.xlsx'), data: formA }]));
    const db = path.join(dir, 'g.db');

    const first = await importJson(db, bundle);
    expect(first).toEqual([expect.objectContaining({ file: '附件打包下载.zip › 申报材料/申报表.xlsx', outcome: 'imported', id: 1 })]);
    // The same bundle again, and the same form sent loose: nothing is imported twice.
    expect((await importJson(db, bundle)).map((r) => r.outcome)).toEqual(['skipped']);
    const loose = path.join(dir, 'loose', '申报表.xlsx');
    fs.mkdirSync(path.dirname(loose));
    fs.writeFileSync(loose, formA);
    expect((await importJson(db, loose)).map((r) => [r.outcome, r.id])).toEqual([['skipped', 1]]);

    // The unit corrects its form and sends a new bundle: a new version of the same application.
    const changed = makeApplication();
    changed.workPlan = '修改后的工作计划：每年带徒10人。';
    const formB = fs.readFileSync(await writeApplicationWorkbook(dir, 'b.xlsx', changed));
    const second = path.join(dir, 'loose', '第二次.zip');
    fs.writeFileSync(second, writeZip([{ name: '申报表（修改）.xlsx', data: formB }]));
    // (A folder is listed in pinyin order: 第 di before 申 shen.)
    expect(await importJson(db, path.join(dir, 'loose'))).toEqual([
      expect.objectContaining({ file: '第二次.zip › 申报表（修改）.xlsx', outcome: 'new-version', id: 1, version: 2 }),
      expect.objectContaining({ file: '申报表.xlsx', outcome: 'skipped', id: 1 }),
    ]);
  });

  it('refuses a zip bomb whole, from its directory', async () => {
    const dir = tempDir();
    const bomb = path.join(dir, 'bomb.zip');
    fs.writeFileSync(bomb, writeZip([{ name: '申报表.xlsx', data: Buffer.alloc(32 * 1024 * 1024), level: 9 }]));
    const rows = await importJson(path.join(dir, 'g.db'), bomb);
    expect(rows).toEqual([expect.objectContaining({ file: 'bomb.zip', outcome: 'failed', error: expect.objectContaining({ code: 'file-zip-bomb' }) })]);
  });

  it('decodes names: the UTF-8 flag, valid UTF-8 from macOS, otherwise GBK', () => {
    expect(decodeZipName(Buffer.from('申报表.xlsx'), 0x0800)).toBe('申报表.xlsx');
    expect(decodeZipName(Buffer.from('申报表.xlsx'), 0)).toBe('申报表.xlsx');
    expect(decodeZipName(gbkBytes('拱墅区申报表.xlsx'), 0)).toBe('拱墅区申报表.xlsx');
  });

  it('no name leaves the bundle', () => {
    expect(safeEntryName('申报材料\\申报表.xlsx')).toBe('申报材料/申报表.xlsx');
    expect(safeEntryName('./a/./b.xlsx')).toBe('a/b.xlsx');
    for (const bad of ['../a.xlsx', 'a/../../b.xlsx', '/etc/passwd', 'C:\\x.xlsx', 'a\u0000.xlsx']) expect(safeEntryName(bad), bad).toBeNull();
  });
});
