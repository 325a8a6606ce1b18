/** The application commands end to end, in-process, on workbooks made from the template. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LEAD_ID, makeApplication, makeLead, makeMember } from '../helpers/application-factory.js';
import { textWidth } from '../../src/ui/table.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

const ROUND = ['--round', '2026'];

async function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'g.db');
  const inbox = path.join(dir, '收件箱');
  const good = await writeApplicationWorkbook(inbox, '申报表 张建国.xlsx', makeApplication());
  const twoMembers = await writeApplicationWorkbook(
    inbox,
    '申报表-李梅.xlsx',
    makeApplication({
      unit: { name: '杭州运河美发有限公司' },
      lead: makeLead({ name: '李梅', gender: '女', birth: '1980-03', idNumber: '330105198003120025', occupation: '美发师' }),
      studioName: '李梅美发师技能大师工作室',
      members: [makeMember({ name: '王一' }), makeMember({ name: '王二' })],
    }),
  );
  return { dir, db, inbox, good, twoMembers };
}

const json = <T>(text: string): T => JSON.parse(text) as T;

describe('apply import / list / show', () => {
  it('imports a folder, lists the round, and shows one application as the JSON contract says', async () => {
    const { db, inbox } = await setup();
    fs.writeFileSync(path.join(inbox, '~$申报表 张建国.xlsx'), 'lock file');
    const imported = await runCli(['--db', db, ...ROUND, 'apply', 'import', inbox, '--received', '2026-05-20']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('已导入');
    expect(imported.stdout).not.toContain('~$');

    const list = await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json']);
    expect(list.code).toBe(0);
    const apps = json<Record<string, unknown>[]>(list.stdout);
    expect(apps).toHaveLength(2);
    const zhang = apps.find((a) => (a.lead as { name: string }).name === '张建国')!;
    expect(Object.keys(zhang)).toEqual(expect.arrayContaining(['id', 'round', 'studioName', 'unit', 'lead', 'members', 'workPlan', 'source', 'findings', 'eligible']));
    expect(Object.keys(zhang.unit as object).sort()).toEqual(
      ['address', 'contact', 'email', 'fax', 'legalRepresentative', 'mobile', 'name', 'phone', 'postcode', 'profile'].sort(),
    );
    expect(Object.keys(zhang.lead as object)).toEqual(
      expect.arrayContaining(['name', 'gender', 'ethnicity', 'birth', 'politicalStatus', 'education', 'occupation', 'skillLevel', 'otherSkills', 'title', 'idNumber', 'yearsInTrade', 'phone', 'mobile', 'workHistory', 'achievements', 'awards']),
    );
    expect((zhang.lead as { idNumber: string }).idNumber).toBe(LEAD_ID);
    expect((zhang.lead as { birth: string }).birth).toBe('1975-06');
    expect(zhang.round).toBe(2026);
    expect(zhang.eligible).toBe(true);
    expect((zhang.members as { age: unknown }[])[0]!.age).toEqual(expect.any(Number));
    expect((zhang.source as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/u);

    const li = apps.find((a) => (a.lead as { name: string }).name === '李梅')!;
    expect(li.eligible).toBe(false);
    expect((li.findings as { code: string }[]).map((f) => f.code)).toContain('team-size');

    const human = await runCli(['--db', db, ...ROUND, 'apply', 'list']);
    expect(human.stdout).toContain('不合格');
    expect(human.stderr).toContain('2026 年度共 2 份申报');

    const show = await runCli(['--db', db, 'apply', 'show', String(li.id)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('团队人数');
    expect(show.stdout).not.toContain('team-size'); // codes only in --json
    expect(show.stdout).toContain('330105********0025');
    expect(show.stdout).not.toContain('330105198003120025');
  });

  it('treats the same file again as a no-op and a changed file as a new version', async () => {
    const { db, good, inbox } = await setup();
    await runCli(['--db', db, ...ROUND, 'apply', 'import', good]);
    const again = await runCli(['--db', db, ...ROUND, 'apply', 'import', good]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('已导入，跳过');

    const changed = await writeApplicationWorkbook(inbox, '申报表 张建国（修改）.xlsx', makeApplication({ workPlan: '修改后的工作计划：每年带徒 10 人。' }));
    const second = await runCli(['--db', db, ...ROUND, 'apply', 'import', changed]);
    expect(second.stdout).toContain('新版本');
    const list = json<{ id: number; workPlan: string; version: number }[]>((await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json'])).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]!.workPlan).toContain('修改后');
    const history = json<{ history: { version: number }[] }>((await runCli(['--db', db, 'apply', 'show', String(list[0]!.id), '--history', '--json'])).stdout);
    expect(history.history.map((h) => h.version)).toEqual([1, 2]);
  });

  it('reports a bad file, keeps the rest of the batch, and leaves the database unchanged for it', async () => {
    const { db, inbox } = await setup();
    const xls = path.join(inbox, '旧版.xls');
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    const r = await runCli(['--db', db, ...ROUND, 'apply', 'import', inbox]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('旧版.xls');
    expect(r.stdout).toMatch(/已损坏/u);
    expect(r.stderr).toContain('失败 1');
    const apps = json<unknown[]>((await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json'])).stdout);
    expect(apps).toHaveLength(2);
  });

  it('takes the received date as clerks write it, echoes what it understood, and refuses an impossible one with an example', async () => {
    const { db, good } = await setup();
    for (const typed of ['2026.5.20', '2026/5/20', '2026-5-20', '2026年5月20日', '20260520']) {
      const dir = tempDir();
      const run = await runCli(['--db', path.join(dir, 'g.db'), ...ROUND, 'apply', 'import', good, '--received', typed]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('收件日期：2026-05-20');
    }
    const exact = await runCli(['--db', db, ...ROUND, 'apply', 'import', good, '--received', '2026-05-20']);
    expect(exact.stderr).not.toContain('收件日期：');
    const bad = await runCli(['--db', db, ...ROUND, 'apply', 'import', good, '--received', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--received：日期“2026-02-30”不存在：2026 年 2 月只有 28 天。请写成如 2026-05-20');
  });

  it('names the rounds that have applications when the chosen one has none, and how to switch', async () => {
    const { db, inbox } = await setup();
    await runCli(['--db', db, ...ROUND, 'apply', 'import', inbox, '--received', '2026-05-20']);
    const empty = await runCli(['--db', db, '--round', '2027', 'apply', 'list']);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('2027 年度还没有申报');
    expect(empty.stderr).toContain('2026 年度有 2 份申报。查看请加 --round 年度，如 gongshu apply list --round 2026');
  });

  it.each([80, 120])('fits apply show and apply list into a %i-column terminal', async (width) => {
    const { db, inbox } = await setup();
    await runCli(['--db', db, ...ROUND, 'apply', 'import', inbox, '--received', '2026-06-20']);
    for (const args of [['apply', 'show', '2'], ['apply', 'list']]) {
      const run = await runCli(['--db', db, ...ROUND, ...args], { COLUMNS: String(width) });
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(Math.max(...lines.map(textWidth))).toBeLessThanOrEqual(width);
    }
    const show = await runCli(['--db', db, ...ROUND, 'apply', 'show', '2'], { COLUMNS: '80' });
    expect(show.stdout).toContain('│ 错误 │ 团队人数'); // severities and findings in Chinese
    expect(show.stdout.replace(/[│\s]/gu, '')).toContain('逾期');
  });

  it('puts JSON alone on stdout', async () => {
    const { db, good } = await setup();
    const r = await runCli(['--db', db, ...ROUND, 'apply', 'import', good, '--json']);
    const results = json<{ outcome: string }[]>(r.stdout);
    expect(results[0]!.outcome).toBe('imported');
  });
});

describe('eligibility commands', () => {
  it('waives a 原则上 condition with a reason, undoes it, and logs both; refuses to waive what only a corrected form fixes', async () => {
    const { dir, db, twoMembers } = await setup();
    // Born 1967-06: retires 2028-02, 21 months after the deadline — short of the 3 years the notice asks 原则上.
    const near = await writeApplicationWorkbook(
      dir,
      'near.xlsx',
      makeApplication({ lead: makeLead({ birth: '1967-06', idNumber: '330105196706150010' }) }),
    );
    await runCli(['--db', db, ...ROUND, 'apply', 'import', near, twoMembers]);
    const apps = json<{ id: number; findings: { code: string }[] }[]>((await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json'])).stdout);
    const id = String(apps.find((a) => a.findings.some((f) => f.code === 'retirement-margin'))!.id);
    const small = String(apps.find((a) => a.findings.some((f) => f.code === 'team-size'))!.id);

    const noReason = await runCli(['--db', db, 'apply', 'override', id, 'retirement-margin']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('理由');

    const wrong = await runCli(['--db', db, 'apply', 'override', id, 'studio-name', '--reason', 'x']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('“距法定退休年龄”');

    // The notice makes a team of 3 a condition, not a principle: no waiver, and the answer says how to fix it.
    const team = await runCli(['--db', db, 'apply', 'override', small, 'team-size', '--reason', '专家委员会同意']);
    expect(team.code).toBe(1);
    expect(team.stderr).toContain('不能豁免');
    expect(team.stderr).toContain('补充成员后重新报送');
    expect(json<{ eligible: boolean }>((await runCli(['--db', db, 'apply', 'show', small, '--json'])).stdout).eligible).toBe(false);

    // The clerk names the finding by its title, as apply show prints it; the code still works.
    const ok = await runCli(['--db', db, 'apply', 'override', id, '距法定退休年龄', '--reason', '专家委员会同意']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr + ok.stdout).toContain(`已豁免申报 #${id} 的“距法定退休年龄”`);
    let view = json<{ eligible: boolean; findings: { code: string; overridden?: boolean; waiverReason?: string }[] }>((await runCli(['--db', db, 'apply', 'show', id, '--json'])).stdout);
    expect(view.eligible).toBe(true);
    expect(view.findings.find((f) => f.code === 'retirement-margin')).toMatchObject({ overridden: true, waiverReason: '专家委员会同意' });

    const undo = await runCli(['--db', db, 'apply', 'override', id, 'retirement-margin', '--undo', '--reason', '误操作']);
    expect(undo.code).toBe(0);
    view = json((await runCli(['--db', db, 'apply', 'show', id, '--json'])).stdout);
    expect(view.eligible).toBe(false);

    // Each waiver moves the status through the eligibility check, and that move is logged too.
    const history = json<{ audit: { action: string; detail: { to?: string } }[] }>((await runCli(['--db', db, 'apply', 'show', id, '--history', '--json'])).stdout);
    expect(history.audit.map((a) => (a.action === 'status' ? `status:${a.detail.to}` : a.action))).toEqual([
      'import', 'status:ineligible', 'override', 'status:eligible', 'override-undo', 'status:ineligible',
    ]);
  });

  it('re-checks when the female retirement group changes', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    // woman born 1975-11: worker group retires 2026-05 (fails), cadre group 2031-xx (passes)
    const file = await writeApplicationWorkbook(
      dir,
      'a.xlsx',
      makeApplication({ lead: makeLead({ name: '赵芳', gender: '女', birth: '1975-11', idNumber: '330105197511010020' }), studioName: '赵芳数控车工技能大师工作室' }),
    );
    await runCli(['--db', db, ...ROUND, 'apply', 'import', file]);
    const [app] = json<{ id: number; findings: { code: string; message: string }[] }[]>((await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json'])).stdout);
    const margin = app!.findings.find((f) => f.code === 'retirement-margin');
    expect(margin?.message).toContain('apply set');
    await runCli(['--db', db, 'apply', 'set', String(app!.id), '--female-group', 'cadre']);
    const after = json<{ findings: { code: string }[] }>((await runCli(['--db', db, 'apply', 'show', String(app!.id), '--json'])).stdout);
    expect(after.findings.map((f) => f.code)).not.toContain('retirement-margin');
  });

  it('records materials and warns about the missing required ones', async () => {
    const { db, good } = await setup();
    await runCli(['--db', db, ...ROUND, 'apply', 'import', good]);
    const [app] = json<{ id: number }[]>((await runCli(['--db', db, ...ROUND, 'apply', 'list', '--json'])).stdout);
    const r = await runCli(['--db', db, 'apply', 'materials', String(app!.id), '--received', '申办报告,营业执照']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已收到');
    const view = json<{ findings: { code: string }[] }>((await runCli(['--db', db, 'apply', 'show', String(app!.id), '--json'])).stdout);
    expect(view.findings.filter((f) => f.code === 'missing-material').length).toBeGreaterThan(0);
    const unknown = await runCli(['--db', db, 'apply', 'materials', String(app!.id), '--received', '户口本']);
    expect(unknown.code).toBe(2);
  });

  it('moves the retirement reference date with the round deadline', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    // man born 1966-05: retires at 60y + delay; margin depends on the deadline
    const file = await writeApplicationWorkbook(dir, 'a.xlsx', makeApplication());
    await runCli(['--db', db, ...ROUND, 'apply', 'import', file]);
    const r = await runCli(['--db', db, 'round', 'set', '2026', '--deadline', '2026-06-30']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2026-06-30');
    const shown = await runCli(['--db', db, 'round', 'show', '2026', '--json']);
    expect(json<{ deadline: string }>(shown.stdout).deadline).toBe('2026-06-30');
  });

  it('exports the review workbook with masked numbers, and full ones only on request', async () => {
    const { db, inbox, dir } = await setup();
    await runCli(['--db', db, ...ROUND, 'apply', 'import', inbox]);
    const out = path.join(dir, 'review.xlsx');
    const r = await runCli(['--db', db, ...ROUND, 'export', 'review', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value)))));
    expect(texts.join('\n')).toContain('330105********0010');
    expect(texts.join('\n')).not.toContain(LEAD_ID);
    expect(texts).toContain('✗');

    const again = await runCli(['--db', db, ...ROUND, 'export', 'review', '-o', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    const full = await runCli(['--db', db, ...ROUND, 'export', 'review', '-o', out, '--full', '--force']);
    expect(full.code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    const all: string[] = [];
    wb2.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => all.push(String(c.value)))));
    expect(all.join('\n')).toContain(LEAD_ID);
  });
});

describe('check commands', () => {
  it('validates the standard examples and explains an invalid number', async () => {
    const ok = await runCli(['check', 'id', '11010519491231002X', '--json']);
    expect(ok.code).toBe(0);
    expect(json<{ valid: boolean; birth: string; gender: string }>(ok.stdout)).toMatchObject({ valid: true, birth: '1949-12-31', gender: '女' });
    const bad = await runCli(['check', 'id', '110105194912310021', '--json']);
    expect(bad.code).toBe(1);
    const body = json<{ valid: boolean; messages: string[] }>(bad.stdout);
    expect(body.valid).toBe(false);
    expect(body.messages.join('')).toContain('校验码');
    const impossible = await runCli(['check', 'id', '110105198102310011', '--json']);
    expect(json<{ valid: boolean }>(impossible.stdout).valid).toBe(false);
  });

  it('answers the retirement question for the examples of the law', async () => {
    const r = await runCli(['check', 'retirement', '--birth', '1971-04', '--gender', '女', '--group', 'cadre', '--as-of', '2026-01-15', '--json']);
    expect(json(r.stdout)).toMatchObject({ retirementAge: { years: 55, months: 4 }, retirementMonth: '2026-08', monthsRemaining: 7 });
    const man = await runCli(['check', 'retirement', '--birth', '1976-09', '--gender', '男', '--json', '--as-of', '2026-09-01']);
    expect(json(man.stdout)).toMatchObject({ retirementAge: { years: 63, months: 0 }, retirementMonth: '2039-09', monthsRemaining: 156 });
    const human = await runCli(['check', 'retirement', '--birth', '1975-11', '--gender', '女', '--as-of', '2026-01-01']);
    expect(human.stdout).toContain('2026-05');
    expect(human.stderr).toContain('--group cadre');
    const bad = await runCli(['check', 'retirement', '--birth', '1975', '--gender', '女']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--birth：年月“1975”无法识别，请写成 1975-06、1975.6、1975/6、1975年6月 或 197506');
  });
});
