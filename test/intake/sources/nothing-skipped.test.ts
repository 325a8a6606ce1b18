/**
 * Nothing a unit sent is skipped without a word: symbolic links in an import folder are followed to regular
 * files (under their own names) or listed with the reason, never followed to gongshu's database or backups;
 * a Word form with a DOCTYPE is refused as a workbook is; a zip name whose UTF-8 flag lies is read as GBK.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../../src/core/errors.js';
import { openWorkbookBuffer } from '../../../src/intake/open/safe-open.js';
import { decodeZipName, readZipDirectory } from '../../../src/intake/open/zip-directory.js';
import { buildApplicationDocx } from '../../../src/documents/word/application-docx.js';
import { gbkBytes, patchZip, writeZip } from '../../fixtures/hostile/zip.js';
import { makeApplication } from '../../helpers/application-factory.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { writeApplicationWorkbook } from '../../helpers/workbooks.js';

interface Row {
  file: string;
  outcome: string;
  error?: { code: string; message: string };
}

async function importJson(db: string, target: string): Promise<Row[]> {
  const r = await runCli(['--db', db, '--round', '2026', 'apply', 'import', target, '--received', '2026-05-20', '--json']);
  return JSON.parse(r.stdout) as Row[];
}

describe('symbolic links and special files in an import folder', () => {
  it('follows a link to a form under its own name; lists a broken link, a link to a folder, to the database and its backups, and a pipe', async () => {
    const dir = tempDir();
    const box = path.join(dir, 'box');
    fs.mkdirSync(box);
    const elsewhere = await writeApplicationWorkbook(path.join(dir, 'elsewhere'), 'real-name.xlsx', makeApplication());
    const db = path.join(dir, 'g.db');
    // A database and a backup to point at (automatic backups are kept in gongshu-backups beside the database).
    expect((await runCli(['--db', db, '--round', '2026', 'round', 'set', '2026', '--deadline', '2026-05-22'])).code).toBe(0);
    const backups = path.join(dir, 'gongshu-backups');
    fs.mkdirSync(backups);
    const backup = path.join(backups, 'g-20260520-010000Z-certify.db');
    fs.copyFileSync(db, backup);

    fs.symlinkSync(elsewhere, path.join(box, 'a-链接申报表.xlsx'));
    fs.symlinkSync(path.join(dir, 'missing.xlsx'), path.join(box, 'b-broken.xlsx'));
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(box, 'c-folder'));
    fs.symlinkSync(db, path.join(box, 'd-db.xlsx'));
    fs.symlinkSync(backup, path.join(box, 'e-backup.xlsx'));
    // A link to a link to the database is the database too.
    fs.symlinkSync(path.join(box, 'd-db.xlsx'), path.join(box, 'f-chain.xlsx'));
    let pipe = false;
    try {
      const { execFileSync } = await import('node:child_process');
      execFileSync('mkfifo', [path.join(box, 'g-pipe.xlsx')]);
      pipe = true;
    } catch {
      // no mkfifo here: the pipe row is not expected
    }

    const rows = await importJson(db, box);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      ['a-链接申报表.xlsx', 'imported', undefined],
      ['b-broken.xlsx', 'not-imported', 'link-broken'],
      ['c-folder', 'not-imported', 'link-to-folder'],
      ['d-db.xlsx', 'not-imported', 'link-to-database'],
      ['e-backup.xlsx', 'not-imported', 'link-to-database'],
      ['f-chain.xlsx', 'not-imported', 'link-to-database'],
      ...(pipe ? [['g-pipe.xlsx', 'not-imported', 'file-not-regular']] : []),
    ]);
    expect(rows.find((r) => r.file === 'c-folder')!.error!.message).toContain('请直接导入该文件夹');
  });

  it('refuses a hard link to the database or a backup (the same file under another name), and imports a hard-linked form', async () => {
    const dir = tempDir();
    const box = path.join(dir, 'box');
    fs.mkdirSync(box);
    const db = path.join(dir, 'g.db');
    expect((await runCli(['--db', db, '--round', '2026', 'round', 'set', '2026', '--deadline', '2026-05-22'])).code).toBe(0);
    const backups = path.join(dir, 'gongshu-backups');
    fs.mkdirSync(backups);
    const backup = path.join(backups, 'g-20260520-010000Z-certify.db');
    fs.copyFileSync(db, backup);
    const form = await writeApplicationWorkbook(path.join(dir, 'elsewhere'), 'real-name.xlsx', makeApplication());
    fs.linkSync(db, path.join(box, 'a-数据库.xlsx'));
    fs.linkSync(backup, path.join(box, 'b-备份.xlsx'));
    fs.linkSync(form, path.join(box, 'c-申报表.xlsx'));
    // A copy of the database is another file: read, and found to be no form.
    fs.copyFileSync(db, path.join(box, 'd-副本.xlsx'));

    const rows = await importJson(db, box);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      ['a-数据库.xlsx', 'not-imported', 'link-to-database'],
      ['b-备份.xlsx', 'not-imported', 'link-to-database'],
      ['c-申报表.xlsx', 'imported', undefined],
      ['d-副本.xlsx', 'failed', 'file-not-workbook'],
    ]);
    expect(rows[0]!.error!.message).toContain('硬链接');
    // Named directly, the hard link is refused too.
    const direct = await importJson(db, path.join(box, 'a-数据库.xlsx'));
    expect(direct.map((r) => r.error?.code)).toEqual(['link-to-database']);
  });

  it('lists links that point at each other as a loop, not as a file that no longer exists', async () => {
    const dir = tempDir();
    const box = path.join(dir, 'box');
    fs.mkdirSync(box);
    fs.symlinkSync('b-loop.xlsx', path.join(box, 'a-loop.xlsx'));
    fs.symlinkSync('a-loop.xlsx', path.join(box, 'b-loop.xlsx'));
    const rows = await importJson(path.join(dir, 'g.db'), box);
    expect(rows.map((r) => [r.file, r.outcome, r.error?.code])).toEqual([
      ['a-loop.xlsx', 'not-imported', 'link-loop'],
      ['b-loop.xlsx', 'not-imported', 'link-loop'],
    ]);
    expect(rows[0]!.error!.message).not.toContain('不存在');
  });
});

describe('a Word form with a DOCTYPE', () => {
  it('is refused before the XML parser, as a workbook part is', async () => {
    const good = await buildApplicationDocx({ year: 2026, application: makeApplication() });
    await expect(openWorkbookBuffer(good, 'good.docx')).resolves.toBeDefined();
    // An entity that would read a file, and a DOCTYPE that declares nothing: neither is in a form Word writes.
    for (const doctype of ['<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', '<!DOCTYPE w:document>']) {
      const bad = patchZip(good, { 'word/document.xml': (xml) => xml.replace('<w:document', `${doctype}<w:document`) });
      const error = await openWorkbookBuffer(bad, 'bad.docx').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, doctype).toBeInstanceOf(GongshuError);
      expect((error as GongshuError).code).toBe('file-unreadable');
      expect((error as GongshuError).message).toContain('Word 文档已损坏');
    }
  });
});

describe('zip names whose UTF-8 flag lies', () => {
  it('reads GBK bytes flagged as UTF-8 as GBK, in a bundle imported as such', async () => {
    const dir = tempDir();
    const form = fs.readFileSync(await writeApplicationWorkbook(dir, 'a.xlsx', makeApplication()));
    const zip = path.join(dir, '打包.zip');
    fs.writeFileSync(zip, writeZip([{ name: '申报表-GBK.xlsx', rawName: gbkBytes('申报表-GBK.xlsx'), flags: 0x0800, data: form }]));
    expect(readZipDirectory(fs.readFileSync(zip))!.map((e) => e.name)).toEqual(['申报表-GBK.xlsx']);
    const rows = await importJson(path.join(dir, 'g.db'), zip);
    expect(rows.map((r) => [r.file, r.outcome])).toEqual([['打包.zip › 申报表-GBK.xlsx', 'imported']]);
  });

  // GBK bytes can happen to be valid UTF-8 (源 is D4 B4, which UTF-8 reads as Դ): such a name cannot be told
  // apart by its content and is read as UTF-8; a name of several Chinese characters almost never is.
  it('whatever the flag, a name is its UTF-8 when that is valid and its GBK otherwise', () => {
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const validUtf8 = (b: Buffer): boolean => {
      try {
        utf8.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const hanzi = fc.constantFrom(...'申报表技能大师工作室拱墅区人力资源社会保障局杭州市精工机械有限公司附件材料'.split(''));
    const name = fc.tuple(fc.array(hanzi, { minLength: 1, maxLength: 12 }), fc.constantFrom('.xlsx', '.docx', '.zip', '')).map(([cs, ext]) => cs.join('') + ext);
    fc.assert(
      fc.property(name, fc.boolean(), (text, flagged) => {
        const flags = flagged ? 0x0800 : 0;
        expect(decodeZipName(Buffer.from(text, 'utf8'), flags)).toBe(text);
        const gbk = gbkBytes(text);
        if (validUtf8(gbk)) expect(decodeZipName(gbk, flags)).toBe(gbk.toString('utf8'));
        else expect(decodeZipName(gbk, flags)).toBe(text);
      }),
    );
  });
});
