/**
 * Personal data: ID and mobile numbers typed anywhere a unit can type them (file name, unit name, free text,
 * even a score cell) never appear in full on the screen, in error messages, in the audit log or in a public
 * export (`export review` without --full, `export results`); the database file and a --full export are private (0600).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeMember } from '../helpers/application-factory.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { FULL_NUMBER } from '../helpers/spellings.js';
import { tempDir } from '../helpers/tmp.js';
import { cellTexts, writeApplicationWorkbook } from '../helpers/workbooks.js';
import { makeIdNumber, withWrongCheckChar } from '../fixtures/make-samples.js';
import { person } from '../fixtures/hostile/make-hostile.js';
import { gongshu } from '../faults/helpers.js';
import { buildAssessmentTemplate } from '../../src/documents/workbooks/assessment-template.js';

const ID_A = makeIdNumber('330105', '1976-03-08', 71);
const ID_B = makeIdNumber('330105', '1977-04-09', 73);
const ID_C = makeIdNumber('330105', '1978-05-10', 75);
const MOBILE = '13857106218';
const OTHER_MOBILE = '15968123456';


function leaks(text: string): string[] {
  return text.split('\n').filter((line) => FULL_NUMBER.test(line));
}

async function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'g.db');
  const inbox = path.join(dir, '收件箱');
  await writeApplicationWorkbook(
    inbox,
    `申报表-${ID_A}-${MOBILE}.xlsx`,
    person(61, {
      unit: { name: `杭州拱墅联系人${OTHER_MOBILE}机械有限公司`, mobile: MOBILE, profile: `负责人手机 ${MOBILE}，身份证 ${ID_A}` },
      lead: { idNumber: ID_A, mobile: MOBILE, awards: `证书编号 ${ID_C}` },
      members: [makeMember({ name: '李明', experience: `电话 ${OTHER_MOBILE}` }), makeMember({ name: '王芳' }), makeMember({ name: '赵强' })],
    }),
  );
  // A wrong check character and a mobile number one digit short: the findings quote them.
  await writeApplicationWorkbook(inbox, '申报表-校验码错误.xlsx', person(62, { lead: { idNumber: withWrongCheckChar(ID_B), mobile: '1385710621' } }));
  // The same lead as the first one: a duplicate-lead finding names the other application.
  await writeApplicationWorkbook(inbox, '申报表-重复领衔人.xlsx', person(63, { lead: { idNumber: ID_A } }));

  const wb = buildAssessmentTemplate(ExcelJS, { year: 2026 });
  const ws = wb.getWorksheet('考核表')!;
  ws.getCell('C4').value = `陈国强钳工技能大师工作室${MOBILE}`;
  ws.getCell('C5').value = '陈国强';
  ws.getCell('I5').value = MOBILE;
  ws.getCell('G11').value = OTHER_MOBILE; // a phone number typed into a score cell
  ws.getCell('G12').value = 5;
  const assessments = path.join(dir, '考核表');
  fs.mkdirSync(assessments);
  await wb.xlsx.writeFile(path.join(assessments, `考核表-${MOBILE}.xlsx`));
  return { dir, db, inbox, assessments };
}

describe('personal data', () => {
  it('never appears in full on screen, in error messages or in the audit log', async () => {
    const { dir, db, inbox, assessments } = await setup();
    const g = ['--db', db, '--round', '2026'];
    const runs: [string, CliRun][] = [];
    const run = async (...args: string[]): Promise<CliRun> => {
      const r = await runCli([...g, ...args]);
      runs.push([args.join(' '), r]);
      return r;
    };
    await run('apply', 'import', inbox, '--received', '2026-05-20');
    await run('apply', 'import', inbox);
    await run('apply', 'list');
    for (const id of ['1', '2', '3']) {
      await run('apply', 'show', id);
      await run('apply', 'show', id, '--history');
    }
    await run('apply', 'validate');
    await run('apply', 'override', '2', 'id-checksum', '--reason', `已电话 ${MOBILE} 核实，号码为 ${ID_B}`);
    await run('apply', 'materials', '1', '--received', '申办报告');
    await run('assess', 'import', assessments, '--new-studios');
    await run('score');
    await run('score', 'show', '1');
    await run('apply', 'import', path.join(dir, `没有-${ID_C}.xlsx`));
    await run('apply', 'import', path.join(dir, `申报表-${ID_C}`, '不存在.xlsx'));
    await run('check', 'id', withWrongCheckChar(ID_B));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await run('export', 'review');
      await run('export', 'results');
    } finally {
      process.chdir(cwd);
    }

    // Sanity: the values are really in the database, so masking is what keeps them off the screen.
    const conn = new Database(db, { readonly: true });
    const stored = (conn.prepare('SELECT data FROM application_versions').all() as { data: string }[]).map((r) => r.data).join('');
    const audit = (conn.prepare('SELECT detail FROM audit_log').all() as { detail: string }[]).map((r) => r.detail);
    conn.close();
    for (const v of [ID_A, ID_C, MOBILE, OTHER_MOBILE]) expect(stored).toContain(v);
    expect(runs.find(([a]) => a.startsWith('apply import'))![1].stdout).toContain('已导入');

    for (const [args, r] of runs) {
      expect(leaks(r.stdout + r.stderr), `gongshu ${args}`).toEqual([]);
      expect(r.stderr, `gongshu ${args}`).not.toMatch(/程序内部错误|^\s+at /mu);
    }
    expect(audit.length).toBeGreaterThan(5);
    expect(audit.filter((d) => FULL_NUMBER.test(d.replace(/"sha256":"[0-9a-f]{64}"/gu, '')))).toEqual([]);
    // The masked forms are there, so the clerk can still tell records apart.
    expect(runs.map(([, r]) => r.stdout + r.stderr).join('\n')).toContain(`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`);
  });

  it('public exports hold no full ID or mobile number; --full is the logged exception for the ID column', async () => {
    const { dir, db, inbox, assessments } = await setup();
    const g = ['--db', db, '--round', '2026'];
    await runCli([...g, 'apply', 'import', inbox, '--received', '2026-05-20']);
    await runCli([...g, 'assess', 'import', assessments, '--new-studios']);
    const review = path.join(dir, 'review.xlsx');
    const results = path.join(dir, 'results.xlsx');
    expect((await runCli([...g, 'export', 'review', '-o', review])).code).toBe(0);
    expect((await runCli([...g, 'export', 'results', '-o', results])).code).toBe(0);
    for (const file of [review, results]) {
      const cells = await cellTexts(file);
      expect(cells.length).toBeGreaterThan(20);
      expect(cells.filter((c) => FULL_NUMBER.test(c)), path.basename(file)).toEqual([]);
    }
    expect((await cellTexts(review)).join('\n')).toContain(`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`);

    const full = path.join(dir, 'review-full.xlsx');
    // Whatever the umask (000 here), the workbook with every ID number in full is readable by its owner only.
    const umask = process.umask(0o000);
    try {
      expect((await runCli([...g, 'export', 'review', '--full', '-o', full])).code).toBe(0);
      expect((await runCli([...g, 'export', 'review', '--full', '-o', full, '--force'])).code).toBe(0);
      expect((await runCli([...g, 'export', 'review', '-o', review, '--force'])).code).toBe(0);
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(full).mode & 0o777).toBe(0o600);
    expect(fs.statSync(review).mode & 0o777).toBe(0o666);
    expect((await cellTexts(full)).join('\n')).toContain(ID_A);
    const conn = new Database(db, { readonly: true });
    const logged = conn.prepare("SELECT detail FROM audit_log WHERE action = 'export-full'").all() as { detail: string }[];
    conn.close();
    expect(logged).toHaveLength(2);
  });

  it('a --json output that carries full numbers is logged before it is printed (who, which command, how many), never the numbers', async () => {
    const { db, inbox } = await setup();
    const g = ['--db', db, '--round', '2026'];
    await runCli([...g, 'apply', 'import', inbox, '--received', '2026-05-20']);
    const logged = (): { user: string; command: string; detail: string }[] => {
      const conn = new Database(db, { readonly: true });
      const rows = conn.prepare("SELECT user, command, detail FROM audit_log WHERE action = 'json-output' ORDER BY id").all() as { user: string; command: string; detail: string }[];
      conn.close();
      return rows;
    };
    const list = await runCli([...g, 'apply', 'list', '--json']);
    expect(list.stdout).toContain(ID_A);
    expect(logged()).toHaveLength(1);
    expect(logged()[0]!.command).toBe('gongshu apply list');
    const counted = JSON.parse(logged()[0]!.detail) as { ids: number; mobiles: number };
    expect(Object.keys(counted).sort()).toEqual(['ids', 'mobiles']);
    expect(counted.ids).toBeGreaterThan(0);
    expect(counted.mobiles).toBeGreaterThan(0);
    expect(logged()[0]!.detail).not.toMatch(FULL_NUMBER);
    // Data without a personal number in full is not logged.
    expect((await runCli([...g, 'round', 'show', '--json'])).code).toBe(0);
    expect(logged()).toHaveLength(1);
  });

  it('the database file is created private (0600) by the real binary, whatever the umask', () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu.db');
    // With umask 000 a file created the ordinary way would be readable by everyone (0666).
    const saved = process.umask(0o000);
    let r: ReturnType<typeof gongshu>;
    try {
      r = gongshu(['--db', db, '--round', '2026', 'round', 'set', '2026', '--deadline', '2026-05-22']);
    } finally {
      process.umask(saved);
    }
    expect(r.status, r.stderr).toBe(0);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });
});
