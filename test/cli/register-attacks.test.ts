/**
 * A clerk's real register, as found in the bureau's files, against `studios import` and `export report`:
 * each test is an attack that once broke something.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chinaYear } from '../../src/core/china-time.js';
import { paragraphs, unzip } from '../helpers/docx-text.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const HEADER = ['序号', '认定日期', '工作室名称', '领衔人', '职业（工种）', '所在单位', '铭牌编号', '身份证号码', '状态'];

async function register(dir: string, rows: ExcelJS.CellValue[][], name = '名册.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.getRow(1).values = HEADER;
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function query<T>(db: string, sql: string): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as T[];
  } finally {
    d.close();
  }
}

describe('studios import: a clerk’s real register', () => {
  it('takes an ID number ending in × (the sign an input method gives for X)', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await register(dir, [[1, '2019-06-15', '王七育婴员技能大师工作室', '王七', '育婴员', '庚公司', '', '11010519491231002×', '']]);
    const run = await runCli(['--db', db, 'studios', 'import', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('身份证号码无效');
    expect(query<{ lead_id_number: string }>(db, 'SELECT lead_id_number FROM studios')[0]!.lead_id_number).toBe('11010519491231002X');
  });
});

describe('studios import: the same plaque written several ways', () => {
  it('matches GS2019001 and “GS 2019-001” to the studio registered as GS-2019-001 instead of adding it again', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const first = await register(dir, [[1, '2019-06-15', '王一数控车工技能大师工作室', '王一', '数控车工', '甲公司', 'GS-2019-001', '', '']], 'a.xlsx');
    expect((await runCli(['--db', db, 'studios', 'import', first])).code).toBe(0);
    // Renamed since, the unit's name written in full, the plaque without its dashes.
    const second = await register(
      dir,
      [
        [1, '2019-06-15', '杭州王一精密数控大师工作室', '王一', '数控车工', '甲集团有限公司', 'GS2019001', '', ''],
        [2, '2019-06-15', '王一精密数控工作室', '王一', '数控车工', '甲集团', 'gs 2019－001', '', ''],
      ],
      'b.xlsx',
    );
    const run = await runCli(['--db', db, 'studios', 'import', second]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('新增 0');
    expect(query<{ plaque: string }>(db, 'SELECT plaque FROM studios')).toEqual([{ plaque: 'GS-2019-001' }]);
  });
});

describe('export report: a past year', () => {
  it('counts in the register at the end of 2020 only the studios certified by then', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await register(dir, [
      [1, '2019-06-15', '王一数控车工技能大师工作室', '王一', '数控车工', '甲公司', 'GS-2019-001', '', ''],
      [2, '2023-06-20', '王二焊工技能大师工作室', '王二', '焊工', '乙公司', 'GS-2023-001', '', ''],
      [3, '2024年', '王三电工技能大师工作室', '王三', '电工', '丙公司', '', '', ''],
    ]);
    expect((await runCli(['--db', db, 'studios', 'import', file])).code).toBe(0);
    const out = path.join(dir, 'r2020.docx');
    const run = await runCli(['--db', db, 'export', 'report', '--year', '2020', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    const text = paragraphs(unzip(fs.readFileSync(out)).get('word/document.xml')!.toString('utf8')).join('\n');
    expect(text).toContain('截至2020年12月31日，工作室名册共登记技能大师工作室1个，其中年末在册运行（在有效期内，未撤销、未到期）的1个');
    expect(run.stdout + run.stderr).toContain('名册共 1 个');
  });
});

describe('export report: a year still to come', () => {
  it('refuses a report of a year after this one, writing nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await register(dir, [[1, '2019-06-15', '王一数控车工技能大师工作室', '王一', '数控车工', '甲公司', 'GS-2019-001', '', '']]);
    expect((await runCli(['--db', db, 'studios', 'import', file])).code).toBe(0);
    const next = chinaYear() + 1;
    const out = path.join(dir, 'future.docx');
    const run = await runCli(['--db', db, 'export', 'report', '--year', String(next), '-o', out]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`${next}年还没有到`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('studios import: what the clerk must be told', () => {
  it('says which 状态 it does not know (暂停) instead of silently taking the studio as 正常', async () => {
    const dir = tempDir();
    const file = await register(dir, [
      [1, '2019-06-15', '王四钳工技能大师工作室', '王四', '钳工', '丁公司', '', '', '暂停'],
      [2, '2019-06-15', '王五电工技能大师工作室', '王五', '电工', '戊公司', '', '', '正常'],
    ]);
    const run = await runCli(['--db', path.join(dir, 'g.db'), 'studios', 'import', file, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said).toContain('“暂停”');
    expect(said).toContain('名册!I2');
    expect(said).not.toContain('名册!I3');
  });

  it('says which studios it leaves out because their row or sheet is hidden', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2022年');
    ws.getRow(1).values = HEADER;
    ws.getRow(2).values = [1, '2022-06-15', '钱十电梯安装维修工技能大师工作室', '钱十', '电梯安装维修工', 'A公司'];
    ws.getRow(3).values = [2, '2022-06-15', '钱十一育婴员技能大师工作室', '钱十一', '育婴员', 'B公司'];
    ws.getRow(3).hidden = true;
    const old = wb.addWorksheet('2015年');
    old.state = 'hidden';
    old.getRow(1).values = HEADER;
    old.getRow(2).values = [1, '2015-06-15', '孙一焊工技能大师工作室', '孙一', '焊工', 'C公司'];
    const file = path.join(dir, '名册.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await runCli(['--db', path.join(dir, 'g.db'), 'studios', 'import', file, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said).toContain('钱十一育婴员技能大师工作室');
    expect(said).toContain('2022年!A3');
    expect(said).toContain('“2015年”');
  });
});

describe('studios import: years written in Chinese numerals', () => {
  it('takes the year of a published list from a title written 二〇二一年, and reads a cell 二〇一九年六月', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const cell = (t: string): TableCell => new TableCell({ children: [new Paragraph(t)] });
    const row = (a: string[]): TableRow => new TableRow({ children: a.map(cell) });
    const doc = new Document({
      sections: [{ children: [
        new Paragraph('关于公布二〇二一年度拱墅区技能大师工作室认定名单的通知'),
        new Table({ rows: [row(['序号', '工作室名称', '领衔人', '所在单位']), row(['1', '周一数控车工技能大师工作室', '周一', '甲公司'])] }),
      ] }],
    });
    const list = path.join(dir, '认定名单.docx');
    fs.writeFileSync(list, await Packer.toBuffer(doc));
    const xlsx = await register(dir, [[1, '二〇一九年六月', '王六美容师技能大师工作室', '王六', '美容师', '己公司', '', '', '']]);
    for (const file of [list, xlsx]) {
      const run = await runCli(['--db', db, 'studios', 'import', file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain('看不懂');
    }
    expect(query<{ name: string; selection_year: number | null; certified_on: string | null }>(db, 'SELECT name, selection_year, certified_on FROM studios ORDER BY id')).toEqual([
      { name: '周一数控车工技能大师工作室', selection_year: 2021, certified_on: null },
      { name: '王六美容师技能大师工作室', selection_year: 2019, certified_on: '2019-06-01' },
    ]);
  });
});

describe('export report: a tie between occupation groups', () => {
  it('names every group with the most studios instead of one of them as “the most”', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await register(dir, [
      [1, '2019-06-15', '王一数控车工技能大师工作室', '王一', '数控车工', '甲公司', '', '', ''],
      [2, '2019-06-15', '王二茶艺师技能大师工作室', '王二', '茶艺师', '乙公司', '', '', ''],
    ]);
    expect((await runCli(['--db', db, 'studios', 'import', file])).code).toBe(0);
    const out = path.join(dir, 'r.docx');
    expect((await runCli(['--db', db, 'export', 'report', '--year', '2020', '-o', out])).code).toBe(0);
    const text = paragraphs(unzip(fs.readFileSync(out)).get('word/document.xml')!.toString('utf8')).join('\n');
    expect(text).toMatch(/工作室最多的是“(社会生产服务和生活服务人员|生产制造及有关人员)”、“(社会生产服务和生活服务人员|生产制造及有关人员)”（各1个）/u);
  });
});
