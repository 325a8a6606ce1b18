/**
 * Every workbook and Word document gongshu writes says in its properties what it is and who issues it: the
 * document's title, the bureau as author, last editor and company, and gongshu's kind mark (which --force
 * checks before replacing an earlier file). Never the libraries' "Unknown" / "Un-named" placeholders. Read
 * from docProps/core.xml and docProps/app.xml, as Excel, WPS and Word show them under 属性.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { APPLICATION_TEMPLATE_FILE, TEMPLATES_DIR } from '../../src/documents/workbooks/template-files.js';
import { certifiedRound, expectOk, HUANG, ROUND, roundDb } from '../helpers/round.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const BUREAU = '杭州市拱墅区人力资源和社会保障局';

interface Properties {
  creator: string | undefined;
  lastModifiedBy: string | undefined;
  title: string | undefined;
  keywords: string | undefined;
  company: string | undefined;
  raw: string;
}

function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'u').exec(xml);
  return m ? m[1] : undefined;
}

function propertiesOf(file: string): Properties {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => f.name.startsWith('docProps/') });
  const core = parts['docProps/core.xml'] ? strFromU8(parts['docProps/core.xml']) : '';
  const app = parts['docProps/app.xml'] ? strFromU8(parts['docProps/app.xml']) : '';
  return {
    creator: tag(core, 'dc:creator'),
    lastModifiedBy: tag(core, 'cp:lastModifiedBy'),
    title: tag(core, 'dc:title'),
    keywords: tag(core, 'cp:keywords'),
    company: tag(app, 'Company'),
    raw: core + app,
  };
}

function expectSensible(file: string, title: string | RegExp, bureau = BUREAU, kind?: string): void {
  const p = propertiesOf(file);
  const name = path.basename(file);
  expect(p.raw, name).not.toMatch(/Unknown|Un-named/u);
  expect(p.creator, name).toBe(bureau);
  expect(p.lastModifiedBy, name).toBe(bureau);
  expect(p.company, name).toBe(bureau);
  if (typeof title === 'string') expect(p.title, name).toBe(title);
  else expect(p.title, name).toMatch(title);
  if (kind) expect(p.keywords, name).toBe(`gongshu:${kind}`);
}

describe('document properties of every file gongshu writes', () => {
  it('every export of the demo round: title of the document, the bureau as author, editor and company, the kind mark', async () => {
    const dir = tempDir();
    const run = await runCli(['demo', '-o', dir]);
    expect(run.code, run.stderr).toBe(0);
    const expected: [string, string, string][] = [
      ['2026年形式审查汇总表.xlsx', '2026年形式审查汇总表', 'export-review'],
      ['2026年拟认定名单.xlsx', '2026年拟认定名单', 'export-shortlist'],
      ['2026年拟认定名单（内部）.xlsx', '2026年拟认定名单（内部）', 'export-shortlist-internal'],
      ['2026年考核结果.xlsx', '2026年考核结果', 'export-results'],
      ['2026年补助发放名单.xlsx', '2026年补助发放名单', 'export-subsidy'],
      ['2026年评审打分表.xlsx', '2026年评审打分表', 'template-review'],
      ['2026年拟认定名单公示.docx', '关于2026年度拱墅区技能大师工作室拟认定名单的公示', 'export-notice'],
      ['2026年度技能大师工作室工作情况.docx', '2026年度拱墅区技能大师工作室工作情况', 'export-report'],
    ];
    const written = fs.readdirSync(dir).filter((f) => /\.(xlsx|docx)$/u.test(f)).sort();
    expect(written).toEqual(expected.map(([f]) => f).sort());
    for (const [file, title, kind] of expected) expectSensible(path.join(dir, file), title, BUREAU, kind);
  }, 120_000);

  it('the blank forms (Excel and Word 申报表, 考核表) and the committed template', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const files: [string[], string, string | RegExp, string][] = [
      [['template', 'application'], '申报表.xlsx', '2026年技能大师工作室申报表（空白）', 'template-application'],
      [['template', 'application'], '申报表.docx', '2026年技能大师工作室申报表（空白）', 'template-application-docx'],
      [['template', 'assessment'], '考核表.xlsx', '2026年技能大师工作室考核表（空白）', 'template-assessment'],
    ];
    for (const [command, name, title, kind] of files) {
      const run = await runCli(['--db', db, '--round', '2026', ...command, '-o', path.join(dir, name)]);
      expect(run.code, run.stderr).toBe(0);
      expectSensible(path.join(dir, name), title, BUREAU, kind);
    }
    expectSensible(path.join(TEMPLATES_DIR, APPLICATION_TEMPLATE_FILE), '技能大师工作室申报表（空白）');
  });

  it('the round’s own bureau name (round set --bureau) signs its lists, and --force still replaces gongshu’s earlier file', async () => {
    const r = roundDb();
    await expectOk(r.cli('round', 'set', ROUND, '--bureau', '杭州市拱墅区人社局'), 'round set');
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const list = path.join(r.dir, '名单.xlsx');
    const notice = path.join(r.dir, '公示.docx');
    await expectOk(r.cli('export', 'shortlist', '-o', list), 'export shortlist');
    await expectOk(r.cli('export', 'notice', '-o', notice), 'export notice');
    expectSensible(list, '2026年拟认定名单', '杭州市拱墅区人社局', 'export-shortlist');
    expectSensible(notice, '关于2026年度拱墅区技能大师工作室拟认定名单的公示', '杭州市拱墅区人社局', 'export-notice');
    // The kind mark is what --force trusts: the earlier list is replaced, the notice is not taken for a list.
    await expectOk(r.cli('export', 'shortlist', '-o', list, '--force'), 'export shortlist --force');
    fs.copyFileSync(notice, path.join(r.dir, '冒充.xlsx'));
    const refused = await r.cli('export', 'shortlist', '-o', path.join(r.dir, '冒充.xlsx'), '--force');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('不是 gongshu 以前生成的拟认定名单');
  }, 60_000);
});
