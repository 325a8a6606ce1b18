/**
 * A file's name says what it is: the extension of -o decides the type where gongshu can write it (the blank
 * 申报表 as .xlsx or .docx), and any other extension is refused, in Chinese, with the choices — nothing is
 * written under a name that lies about its contents.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

function parts(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

describe('-o decides the type by its extension', () => {
  it('template application -o 模板.docx writes the Word form; --docx -o 模板.xlsx the workbook', async () => {
    const dir = tempDir();
    const word = path.join(dir, '模板.docx');
    const run = await runCli(['template', 'application', '-o', word]);
    expect(run.code).toBe(0);
    expect(parts(word)['word/document.xml']).toBeDefined();
    expect(parts(word)['xl/workbook.xml']).toBeUndefined();
    const book = path.join(dir, '模板.xlsx');
    expect((await runCli(['template', 'application', '--docx', '-o', book])).code).toBe(0);
    expect(parts(book)['xl/workbook.xml']).toBeDefined();
  });

  it('refuses a type gongshu cannot write for that kind, naming the choices, and writes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu.db');
    const cases: [string[], string, string][] = [
      [['export', 'review'], '汇总.pdf', '.xlsx（Excel 工作簿）'],
      [['export', 'notice'], '公示.xlsx', '.docx（Word 文档）'],
      [['template', 'assessment'], '考核表.docx', '.xlsx（Excel 工作簿）'],
      [['template', 'application'], '申报表.pdf', '.xlsx（Excel 工作簿）或 .docx（Word 文档）'],
      [['template', 'application', '--docx'], '申报表.doc', '.docx（Word 文档）或 .xlsx（Excel 工作簿）'],
    ];
    for (const [command, name, choices] of cases) {
      const run = await runCli(['--db', db, ...command, '-o', path.join(dir, name)]);
      expect(run.code, name).not.toBe(0);
      const ext = path.extname(name);
      expect(run.stderr, name).toContain(`“${name}”的扩展名 ${ext} 与内容不符`);
      expect(run.stderr, name).toContain(choices);
      expect(fs.existsSync(path.join(dir, name)), name).toBe(false);
    }
    const bare = await runCli(['template', 'assessment', '-o', path.join(dir, '考核表')]);
    expect(bare.code).not.toBe(0);
    expect(bare.stderr).toContain('“考核表”没有扩展名：考核表模板存为 .xlsx（Excel 工作簿）');
    expect(fs.readdirSync(dir).filter((f) => f !== 'gongshu.db')).toEqual([]);
  });

  it('any extension but .xlsx is refused for a workbook-only kind, whatever its case or letters', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-zA-Z0-9]{1,5}$/u), async (ext) => {
        const name = `表.${ext}`;
        const run = await runCli(['template', 'assessment', '-o', path.join(dir, name), '--force']);
        if (ext.toLowerCase() === 'xlsx') expect(run.code).toBe(0);
        else {
          expect(run.code).not.toBe(0);
          expect(run.stderr).toContain('只能存为 .xlsx（Excel 工作簿）');
          expect(fs.existsSync(path.join(dir, name))).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });
});
