/** The menu from expert review to plaque, end to end in-process: questions, validation, previews and what lands in the database. */
import { answer, ASSESSMENTS, enter, files, pick, REVIEWS, screen, seededDb, shown, startMenu, type MenuRun } from './harness.js';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';

async function leave(run: MenuRun): Promise<void> {
  screen.keypress({ name: 'c', ctrl: true });
  expect(await run.done).toBe(0);
}

const json = async <T>(db: string, ...args: string[]): Promise<T> => JSON.parse((await runCli(['--db', db, '--round', '2026', ...args, '--json'])).stdout) as T;
const statuses = async (db: string): Promise<Record<number, string>> =>
  Object.fromEntries((await json<{ id: number; status: string }[]>(db, 'apply', 'list')).map((a) => [a.id, a.status]));

describe('操作记录与撤销 · 工作室管理', () => {
  it('shows an application\'s log and undoes its last step with a reason, after confirming', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await runCli(['--db', db, '--round', '2026', 'review', 'import', REVIEWS]);
    await runCli(['--db', db, '--round', '2026', 'shortlist', 'confirm']);
    const run = await startMenu({ dir, db });
    await pick('操作记录与撤销');
    await pick('一份申报');
    await pick('#3 ');
    expect(run.printed()).toContain('列入拟认定名单：已评审 → 拟认定');
    expect(shown()).toContain('撤销最近一步状态变更（列入拟认定名单：已评审 → 拟认定）吗？');
    await enter(); // 否
    expect((await statuses(db))[3]).toBe('shortlisted');
    await pick('操作记录与撤销');
    await pick('一份申报');
    await pick('#3 ');
    await answer('y');
    await answer('');
    expect(shown()).toContain('请写明原因（会记入操作记录）');
    expect(shown()).not.toContain('--reason');
    await answer('误操作');
    expect(run.printed()).toContain('已撤销“列入拟认定名单”，状态由“拟认定”改回“已评审”');
    expect((await statuses(db))[3]).toBe('reviewed');
    await leave(run);
  });

  it('records the grades as studio statuses, renews a passed studio and revokes one with a reason', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await runCli(['--db', db, '--round', '2026', 'assess', 'import', ASSESSMENTS, '--new-studios']);
    const run = await startMenu({ dir, db });
    await pick('工作室管理');
    await pick('续建');
    expect(run.printed()).toContain('没有可以这样处理的工作室');
    await pick('工作室管理');
    await pick('把本年度考核结果记入工作室状态');
    expect(run.printed()).toContain('吕建明钳工技能大师工作室：优秀');
    await answer('y');
    expect(run.printed()).toContain('已记入 4 个工作室的考核结果');
    await pick('工作室管理');
    await pick('登记以前认定的工作室的认定日期');
    expect(shown()).toContain('尚未登记认定日期');
    expect(shown()).not.toContain('有效期至 ）');
    await pick('吕建明');
    // No date on record: nothing is offered (today's date would be one Enter away from a wrong record).
    expect(shown()).not.toMatch(/\(\d{4}-\d{2}-\d{2}\)/u);
    await answer('2023-06-15');
    expect(shown()).toContain('的认定日期登记为 2023-06-15（有效期至 2026-06-14）吗');
    await answer('y');
    expect(run.printed()).toContain('认定日期已登记，有效期 2023-06-15 至 2026-06-14');
    await pick('工作室管理');
    await pick('续建');
    await pick('吕建明');
    await answer('y');
    expect(run.printed()).toContain('吕建明钳工技能大师工作室 已续建，新有效期 2026-06-15 至 2029-06-14');
    await pick('工作室管理');
    await pick('撤销工作室');
    await pick('钱卫东');
    await answer('考核不合格');
    await answer('y');
    await leave(run);
    const studios = await json<{ name: string; status: string }[]>(db, 'studios', 'list');
    expect(Object.fromEntries(studios.map((x) => [x.name, x.status]))).toMatchObject({ 吕建明钳工技能大师工作室: 'renewed', 钱卫东汽车维修工技能大师工作室: 'revoked' });
  });
});

describe('导入专家评审表 · 生成拟认定名单 · 公示与认定', () => {
  it('walks a round from the review sheets to plaques, previewing and confirming every bulk step', async () => {
    const dir = tempDir();
    const run = await startMenu({ dir, db: await seededDb(dir) });

    await pick('导入专家评审表');
    await answer(REVIEWS);
    await pick('全部导入');
    expect(run.printed()).toMatch(/评审得分算法：去掉一个最高分和一个最低分后平均/u);
    expect((await statuses(run.db))[1]).toBe('reviewed');

    await pick('生成拟认定名单');
    await pick('按评审得分');
    await answer('150');
    expect(shown()).toContain('“150”不是 0 到 100 之间的分数，请重新填写（留空为不限）');
    expect(shown()).not.toContain('--min-score');
    await answer('75');
    await answer('2.5');
    expect(shown()).toContain('“2.5”不是不小于 0 的整数');
    expect(shown()).not.toContain('--quota');
    await answer('');
    expect(run.printed()).toContain('评审得分低于 75 分');
    expect(run.printed()).toContain('确认后：#1、#3、#8、#2 改为“拟认定”');
    expect(shown()).toContain('确认这份名单吗？');
    await enter(); // default 否
    expect(run.printed()).toContain('已取消，没有做任何修改');
    expect((await statuses(run.db))[1]).toBe('reviewed');

    await pick('生成拟认定名单');
    await pick('按评审得分');
    expect(shown()).not.toContain('75'); // a cancelled list saves no settings
    await answer('75');
    await answer('');
    // The menu asks for the confirmation itself: no hint to run a command for it.
    expect(run.printed()).not.toContain('gongshu shortlist confirm');
    await answer('y');
    expect(await statuses(run.db)).toMatchObject({ 1: 'shortlisted', 2: 'shortlisted', 3: 'shortlisted', 8: 'shortlisted', 9: 'reviewed' });
    expect(run.printed()).toContain('可在“导出表格”中导出');

    await pick('公示与认定');
    await pick('开始公示');
    await answer('2026-09-30');
    expect(shown()).toContain('2026-10-12'); // default end: 5 working days, 国庆 skipped
    await answer('2026/6/5');
    expect(shown()).toContain('公示结束日期 2026-06-05 早于开始日期 2026-09-30');
    await answer('2026年10月12日');
    expect(run.printed()).toContain('公示结束日期：2026-10-12');
    expect(run.printed()).toContain('以下 4 个申报将进入公示（2026-09-30 至 2026-10-12）');
    expect(run.printed()).toContain('不计入的日子：2026-10-01 至 2026-10-07（国庆节）；2026-10-11（周末）');
    expect(shown()).toContain('开始公示吗？');
    await enter(); // 否
    // Into a year without a holiday schedule: no default end; the clerk is told why and types it.
    await pick('公示与认定');
    await pick('开始公示');
    await answer('2027-06-01');
    expect(run.printed()).toContain('2027 年的法定节假日安排尚未收录');
    expect(shown()).toContain('公示结束日期（请按通知写明）');
    await answer('');
    expect(shown()).toContain('请填写日期');
    await answer('2027年6月7日');
    expect(run.printed()).toContain('公示结束日期：2027-06-07');
    expect(run.printed()).toContain('以下 4 个申报将进入公示（2027-06-01 至 2027-06-07）');
    expect(shown()).toContain('开始公示吗？');
    await enter(); // 否
    await pick('公示与认定');
    await pick('开始公示');
    await answer('2026-06-01');
    expect(shown()).toContain('2026-06-05'); // default end: 5 working days
    await enter();
    expect(run.printed()).toContain('以下 4 个申报将进入公示（2026-06-01 至 2026-06-05）');
    expect(run.printed()).toContain('公示期：2026-06-01 至 2026-06-05，共 5 个工作日');
    await answer('y');
    expect((await statuses(run.db))[2]).toBe('publicized');

    await pick('公示与认定');
    await pick('登记异议');
    await pick('#2 ');
    await answer('');
    expect(shown()).toContain('请写明原因（会记入操作记录）');
    expect(shown()).not.toContain('--reason');
    await answer('来信反映业绩不实');

    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('2026-06-08');
    expect(run.printed()).toContain('#2 沈建华中式烹调师技能大师工作室：有 1 条未处理异议，暂不认定');
    expect(run.printed()).toContain('#1 陈国平数控车工技能大师工作室：将认定，分配铭牌编号');
    await answer('y');
    expect(run.printed()).toContain('GS-2026-003');

    await pick('公示与认定');
    await pick('处理异议');
    await pick('#2 ');
    await answer('经核实不属实');
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('2026-06-09');
    await answer('y');
    expect(await statuses(run.db)).toMatchObject({ 1: 'certified', 2: 'certified', 3: 'certified', 8: 'certified' });

    await pick('公示与认定');
    await pick('登记补助已发放');
    await pick('GS-2026-004');
    await answer('2026-07-15');
    expect(run.printed()).toContain('沈建华中式烹调师技能大师工作室 补助 20000 元于 2026-07-15 发放');

    await pick('导出表格');
    await pick('补助发放名单');
    await enter();
    await pick('导出表格');
    await pick('拟认定名单（公示版）');
    await enter();
    expect(files(run.dir)).toEqual(expect.arrayContaining(['2026年拟认定名单.xlsx', '2026年补助发放名单.xlsx']));

    await pick('到期提醒');
    await answer('5y');
    expect(run.printed()).toContain('需安排考核');

    await pick('备份与恢复数据库');
    await pick('备份数据库（保存一份副本）');
    await answer('备份');
    expect(fs.existsSync(path.join(run.dir, '备份.db'))).toBe(true);
    // The default name is offered again; answering the database's own name is refused and nothing is touched.
    const before = fs.readFileSync(run.db);
    await pick('备份与恢复数据库');
    await pick('备份数据库（保存一份副本）');
    await answer(path.basename(run.db));
    expect(shown()).toContain('不能写到数据库文件');
    expect(fs.readFileSync(run.db).equals(before)).toBe(true);
    await answer('备份2');
    expect(fs.existsSync(path.join(run.dir, '备份2.db'))).toBe(true);

    // 恢复: the backup is checked and shown, asked about, and put in place (the current one backed up first).
    await pick('备份与恢复数据库');
    await pick('用备份恢复数据库');
    await answer('没有这个备份.db');
    expect(shown()).toContain('要检查的文件不存在');
    await answer('备份.db');
    expect(shown()).toContain('确定用这份备份替换');
    await answer('y');
    expect(run.printed()).toContain(`已用 ${path.join(run.dir, '备份.db')} 恢复数据库`);
    expect(run.printed()).toMatch(/操作前已自动备份数据库：.*before-restore\.db/u);
    await leave(run);

    const log = await json<{ command: string }[]>(run.db, 'history', '2');
    expect(log.map((e) => e.command)).toEqual(expect.arrayContaining(['gongshu interactive shortlist confirm', 'gongshu interactive certify']));
  }, 60_000);

  it('takes an application off the list by hand with a reason', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await runCli(['--db', db, '--round', '2026', 'review', 'import', REVIEWS]);
    const run = await startMenu({ dir, db });
    await pick('生成拟认定名单');
    await pick('人工移出');
    expect(shown()).not.toContain('#4 ');
    await pick('#8 ');
    await answer('评审委员会决定');
    expect(run.printed()).toContain('已记录：申报 #8 方志远茶艺师技能大师工作室 人工移出名单（评审委员会决定）');
    await leave(run);
    const list = await json<{ excluded: { id: number; reason: string }[] }>(db, 'shortlist');
    expect(list.excluded.find((x) => x.id === 8)!.reason).toBe('removed');
  });

  it('says what is missing when there is nothing to publicize, certify or pay', async () => {
    const dir = tempDir();
    const run = await startMenu({ dir, db: await seededDb(dir) });
    await pick('公示与认定');
    await pick('开始公示');
    expect(run.printed()).toContain('没有“拟认定”的申报');
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    expect(run.printed()).toContain('没有“公示中”的申报可以认定');
    await pick('公示与认定');
    await pick('登记补助已发放');
    expect(run.printed()).toContain('没有待发放补助的工作室');
    await pick('到期提醒');
    await answer('一阵子');
    expect(shown()).toContain('时间范围“一阵子”无法识别');
    await leave(run);
  });
});
