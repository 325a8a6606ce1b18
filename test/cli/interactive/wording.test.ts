/**
 * The menu says what is so before it asks anything: no 认定 date is asked when nothing can be certified, no
 * place to save a 公示 file when there is no 公示; an error names a path once; a preview never reads "无 移出名单".
 */
import { answer, enter, files, pick, REVIEWS, screen, seededDb, shown, startMenu, type MenuRun } from './harness.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { addDays } from '../../../src/core/calendar.js';
import { chinaDate } from '../../../src/core/china-time.js';

async function leave(run: MenuRun): Promise<void> {
  screen.keypress({ name: 'c', ctrl: true });
  expect(await run.done).toBe(0);
}

const cli = (db: string, ...args: string[]) => runCli(['--db', db, '--round', '2026', ...args]);

describe('menu wording that matches the action', () => {
  it('认定 with every publicized application held by an objection: says there is nothing to certify, asks no date', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await cli(db, 'review', 'import', REVIEWS);
    await cli(db, 'shortlist', 'confirm');
    expect((await cli(db, 'publicize', '--from', '2026-06-01', '--to', '2026-06-05')).code).toBe(0);
    const listed = JSON.parse((await cli(db, 'apply', 'list', '--json')).stdout) as { id: number; status: string }[];
    const publicized = listed.filter((a) => a.status === 'publicized').map((a) => a.id);
    expect(publicized.length).toBeGreaterThan(0);
    for (const id of publicized) expect((await cli(db, 'object', String(id), '--reason', '来信反映业绩不实')).code).toBe(0);
    const run = await startMenu({ dir, db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    // Back at the main menu: no date was asked.
    expect(shown()).not.toContain('认定日期');
    expect(run.printed()).toContain('有 1 条未处理异议，暂不认定');
    expect(run.printed()).toContain('现在没有可以认定的申报');
    expect(run.printed()).not.toContain('将认定');
    await leave(run);
  });

  it('认定 on a date inside the 公示: every application waits, so nothing is asked to confirm', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await cli(db, 'review', 'import', REVIEWS);
    await cli(db, 'shortlist', 'confirm');
    expect((await cli(db, 'publicize', '--from', '2026-06-01', '--to', '2026-06-05')).code).toBe(0);
    const run = await startMenu({ dir, db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    expect(shown()).toContain('认定日期');
    await answer('2026-06-03');
    expect(run.printed()).toContain('公示期到 2026-06-05，暂不认定');
    expect(run.printed()).toContain('2026-06-03 没有可以认定的申报');
    expect(shown()).not.toContain('认定吗');
    expect(shown()).toContain('请选择要做的事');
    await leave(run);
  });

  it('认定 after a 公示 over New Year: 1月11日 is taken in the new year', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await cli(db, 'review', 'import', REVIEWS);
    await cli(db, 'shortlist', 'confirm');
    expect((await cli(db, 'publicize', '--from', '2026-12-28', '--to', '2027-01-08')).code).toBe(0);
    const run = await startMenu({ dir, db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('1月11日');
    expect(run.printed()).toContain('认定日期：2027-01-11');
    expect(shown()).toContain('按 2027-01-11 认定吗');
    await enter(); // 否
    await leave(run);
  });

  it('认定 while the 公示 still runs: the date offered is the first day after it, not today', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await cli(db, 'review', 'import', REVIEWS);
    await cli(db, 'shortlist', 'confirm');
    const from = addDays(chinaDate(), 20);
    const to = addDays(from, 10);
    expect((await cli(db, 'publicize', '--from', from, '--to', to)).code).toBe(0);
    const run = await startMenu({ dir, db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await enter(); // the date offered
    expect(run.printed()).toContain('将认定');
    expect(shown()).toContain(`按 ${addDays(to, 1)} 认定吗`);
    await enter(); // 否
    await leave(run);
  });

  it.each([
    ['公示文件', 0, '还没有开始公示'],
    ['考核结果', 0, '没有参加评分的考核表'],
    ['年度工作情况报告', 1, '年还没有到，不能写该年度的工作情况报告'],
  ] as const)('%s with nothing to list (year +%i): says so before asking where to save, and writes nothing', async (choice, yearsAhead, said) => {
    const dir = tempDir();
    const run = await startMenu({ dir, db: await seededDb(dir), round: Number(chinaDate().slice(0, 4)) + yearsAhead });
    await pick('导出表格');
    await pick(choice);
    expect(shown()).not.toContain('保存');
    expect(run.printed()).toContain(said);
    expect(files(dir)).toEqual([]);
    await leave(run);
  });

  it('the shortlist preview leaves out an empty side instead of "无 移出名单"', async () => {
    const dir = tempDir();
    const db = await seededDb(dir);
    await cli(db, 'review', 'import', REVIEWS);
    const run = await startMenu({ dir, db });
    await pick('生成拟认定名单');
    await pick('按评审得分生成名单并确认');
    await enter();
    await enter();
    expect(run.printed()).toMatch(/确认后：#\d+(、#\d+)* 改为“拟认定”。操作前会自动备份数据库。/u);
    expect(run.printed()).not.toMatch(/无 |无移出/u);
    await leave(run);
  });
});

describe('an error names a path once', () => {
  it('apply import of a missing folder: the path is said once', async () => {
    const dir = tempDir();
    const run = await runCli(['--db', path.join(dir, 'g.db'), 'apply', 'import', './2026申报材料']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('找不到文件或文件夹：./2026申报材料');
    expect(run.stderr.split('2026申报材料').length - 1).toBe(1);
  });
});
