import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPublishedListDocx, buildRegisterWorkbook, REGISTER_ROWS } from '../fixtures/make-register.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const ASSESSMENTS = path.resolve('data/samples/assessments');

async function registerFile(dir: string, name = '工作室名册.xlsx', rows = REGISTER_ROWS): Promise<string> {
  const file = path.join(dir, name);
  await buildRegisterWorkbook(ExcelJS, rows).xlsx.writeFile(file);
  return file;
}

interface Row {
  id: number;
  name: string;
  plaque: string | null;
  status: string;
  certified_on: string | null;
  valid_until: string | null;
  lead_left: number;
  lead_id_number: string;
  decision_no: string;
  created_from: string;
  selection_year: number | null;
}

function studiosIn(db: string): Row[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT id, name, plaque, status, certified_on, valid_until, lead_left, lead_id_number, decision_no, created_from, selection_year FROM studios ORDER BY id').all() as Row[];
  } finally {
    d.close();
  }
}

function auditCount(db: string, action?: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM audit_log ${action ? 'WHERE action = ?' : ''}`).get(...(action ? [action] : [])) as { n: number }).n;
  } finally {
    d.close();
  }
}

describe('studios import', () => {
  it('reads a register with a merged title, mixed dates, blank plaques, revoked and retired rows, a blank row and a 合计 line', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await registerFile(dir);

    const dry = await runCli(['--db', db, 'studios', 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('试运行，没有写入数据库');
    expect(dry.stderr).toContain('将新增 10');
    expect(fs.existsSync(db)).toBe(false);

    const run = await runCli(['--db', db, 'studios', 'import', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('新增 10，更新 0，不变 0，未导入 0');
    const rows = studiosIn(db);
    expect(rows).toHaveLength(10);
    const by = (name: string): Row => rows.find((r) => r.name === name)!;
    // Names kept as written, even the one from before the naming rule.
    expect(by('张秀英中式面点大师工作室').lead_left).toBe(1);
    expect(by('胡志刚数控铣工技能大师工作室')).toMatchObject({ plaque: null, certified_on: '2014-06-01', valid_until: '2017-05-31', decision_no: '拱人社〔2014〕35号', created_from: 'register', status: 'valid' });
    expect(by('张秀英中式面点大师工作室').certified_on).toBe('2015-06-01');
    expect(by('马林焊工技能大师工作室')).toMatchObject({ status: 'revoked', certified_on: '2016-06-15', plaque: 'GS-2016-001' });
    expect(by('刘建平电梯安装维修工技能大师工作室')).toMatchObject({ certified_on: '2019-06-18', valid_until: '2022-06-17' });
    expect(by('刘建平电梯安装维修工技能大师工作室').lead_id_number).toMatch(/^33010519720315003[0-9X]$/u);
    expect(by('陈晓红育婴员技能大师工作室')).toMatchObject({ lead_left: 1, certified_on: '2019-06-01' });
    expect(by('赵磊美容师技能大师工作室')).toMatchObject({ certified_on: '2020-10-01', selection_year: 2020 });
    expect(by('吕建明钳工技能大师工作室')).toMatchObject({ certified_on: '2023-06-20', valid_until: '2026-06-19', plaque: 'GS-2023-001' });
    // One audit entry for the import (nothing existing was revoked), and a backup first.
    expect(auditCount(db, 'studios-import')).toBe(1);
    expect(auditCount(db)).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'gongshu-backups')).some((f) => f.includes('studios-import'))).toBe(true);
    // The ID number is masked on screen.
    expect(run.stderr + run.stdout).not.toMatch(/33010519720315003/u);

    // Again: nothing added, nothing written.
    const again = await runCli(['--db', db, 'studios', 'import', file]);
    expect(again.stderr).toContain('新增 0，更新 0，不变 10');
    expect(studiosIn(db)).toEqual(rows);
    expect(auditCount(db)).toBe(1);

    // The published list of 2023 (a Word table, its year only in the title) adds nothing either.
    const docx = path.join(dir, '2023年认定名单.docx');
    fs.writeFileSync(docx, await buildPublishedListDocx(2023, REGISTER_ROWS.slice(6)));
    const list = await runCli(['--db', db, 'studios', 'import', docx]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain('共 4 行：新增 0，更新 0，不变 4');
    expect(studiosIn(db)).toEqual(rows);
  });

  it('takes the year of a published list from its title when no column gives it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const docx = path.join(dir, 'list.docx');
    fs.writeFileSync(docx, await buildPublishedListDocx(2021, REGISTER_ROWS.slice(0, 2)));
    const run = await runCli(['--db', db, 'studios', 'import', docx]);
    expect(run.code, run.stderr).toBe(0);
    expect(studiosIn(db).map((r) => [r.selection_year, r.certified_on])).toEqual([
      [2021, null],
      [2021, null],
    ]);
    expect(run.stdout + run.stderr).toContain('只有认定年度 2021');
  });

  it('refuses a workbook without a header row, naming the labels it looked for', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['张三', '杭州某公司', '2019-06']);
    ws.addRow(['李四', '杭州另一公司', '2020-06']);
    const file = path.join(dir, 'no-header.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await runCli(['--db', db, 'studios', 'import', file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('找不到名册的表头行');
    expect(run.stderr).toContain('工作室名称');
    expect(run.stderr).toContain('领衔人');
    expect(fs.existsSync(db) ? studiosIn(db) : []).toEqual([]);
  });

  it('lists imported studios in studios due and links their 考核表 without --new-studios', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    await runCli(['--db', db, 'studios', 'import', await registerFile(dir)]);
    const early = await runCli(['--db', db, 'studios', 'due', '--date', '2021-01-01', '--json']);
    const earlyItems = (JSON.parse(early.stdout) as { items: { name: string; kinds: string[] }[] }).items;
    // A lead who left (or retired) while the term runs is flagged: not assessed, not renewed.
    expect(earlyItems.find((i) => i.name === '陈晓红育婴员技能大师工作室')?.kinds).toContain('lead-left');
    const due = await runCli(['--db', db, 'studios', 'due', '--date', '2026-03-01', '--json']);
    const items = (JSON.parse(due.stdout) as { items: { name: string; kinds: string[] }[] }).items;
    const dueNames = items.filter((i) => i.kinds.includes('due-soon')).map((i) => i.name);
    expect(dueNames).toEqual(expect.arrayContaining(['吕建明钳工技能大师工作室', '孙丽萍茶艺师技能大师工作室', '钱卫东汽车维修工技能大师工作室', '蒋海波电工技能大师工作室']));
    // Revoked studios are not listed.
    expect(items.map((i) => i.name)).not.toContain('马林焊工技能大师工作室');

    const assess = await runCli(['--db', db, '--round', '2026', 'assess', 'import', ASSESSMENTS]);
    expect(assess.code, assess.stderr).toBe(0);
    expect(studiosIn(db)).toHaveLength(10);
    const d = new Database(db, { readonly: true });
    const linked = d.prepare('SELECT s.plaque FROM assessments a JOIN studios s ON s.id = a.studio_id ORDER BY s.plaque').all() as { plaque: string }[];
    d.close();
    expect(linked.map((l) => l.plaque)).toEqual(['GS-2023-001', 'GS-2023-002', 'GS-2023-003', 'GS-2023-004']);
  });

  it('fills in what a studio first seen on a 考核表 lacks, and revokes what the register says was revoked', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    await runCli(['--db', db, '--round', '2026', 'assess', 'import', ASSESSMENTS, '--new-studios']);
    const before = studiosIn(db);
    expect(before.every((s) => s.certified_on === null)).toBe(true);
    const rows = REGISTER_ROWS.slice(6).map((r, i) => (i === 3 ? { ...r, status: '已撤销' } : r));
    const run = await runCli(['--db', db, 'studios', 'import', await registerFile(dir, 'r.xlsx', rows)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('新增 0，更新 4');
    const after = studiosIn(db);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.map((s) => [s.plaque, s.certified_on, s.valid_until]).sort()).toEqual([
      ['GS-2023-001', '2023-06-20', '2026-06-19'],
      ['GS-2023-002', '2023-06-20', '2026-06-19'],
      ['GS-2023-003', '2023-06-20', '2026-06-19'],
      ['GS-2023-004', '2023-06-20', '2026-06-19'],
    ]);
    expect(after.find((s) => s.name.startsWith('蒋海波'))?.status).toBe('revoked');
  });

  it('does not assess a studio whose lead the register says retired', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const rows = REGISTER_ROWS.slice(6).map((r) => (r.leadName === '吕建明' ? { ...r, status: '领衔人退休' } : r));
    await runCli(['--db', db, 'studios', 'import', await registerFile(dir, 'r.xlsx', rows)]);
    await runCli(['--db', db, '--round', '2026', 'assess', 'import', ASSESSMENTS]);
    const scores = JSON.parse((await runCli(['--db', db, '--round', '2026', 'score', '--json'])).stdout) as { studioName: string; grade: string }[];
    expect(scores.find((s) => s.studioName === '吕建明钳工技能大师工作室')?.grade).toBe('not-assessed');
    expect(scores.find((s) => s.studioName === '孙丽萍茶艺师技能大师工作室')?.grade).toBe('pass');
  });

  it('never adds a studio twice, whatever the order of the rows and however often they are imported', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([...REGISTER_ROWS], { minLength: 1 }), fc.shuffledSubarray([...REGISTER_ROWS], { minLength: 1 }), async (first, second) => {
        const db = path.join(dir, `p${++n}.db`);
        await runCli(['--db', db, 'studios', 'import', await registerFile(dir, `a${n}.xlsx`, first)]);
        await runCli(['--db', db, 'studios', 'import', await registerFile(dir, `b${n}.xlsx`, [...second, ...second])]);
        const names = studiosIn(db).map((s) => s.name);
        expect(new Set(names).size).toBe(names.length);
        expect(new Set(names)).toEqual(new Set([...first, ...second].map((r) => r.studioName)));
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
