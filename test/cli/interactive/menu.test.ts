/** The main menu: what it offers, every way out, errors and signals. */
import { ctrlC, pick, screen, seededDb, shown, startMenu } from './harness.js';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MENU, QUIT, type MenuEntry } from '../../../src/cli/interactive/menu.js';
import { msg } from '../../../src/messages/index.js';
import { tempDir } from '../../helpers/tmp.js';

describe('main menu', () => {
  it('offers every entry in Chinese, numbered, with the round, and 退出 leaves with 已退出 and exit 0', async () => {
    const run = await startMenu();
    const screenText = shown();
    expect(screenText).toContain('请选择要做的事（当前：2026 年度）');
    const labels = [
      '选择申报年度', '生成空白模板', '导入申报表', '查看申报与问题', '形式审查：豁免 / 确认提醒 / 撤销', '申报处理（更正、采用新版本、撤回、不予通过）',
      '导入专家评审表', '生成拟认定名单', '公示与认定', '导入原有工作室名册', '导入考核表', '评分与结果', '导出表格', '工作室管理（考核结果、续建、到期、撤销、合并、撤回考核）',
      '到期提醒', '操作记录与撤销', '备份与恢复数据库', '退出',
    ];
    labels.forEach((label, i) => expect(screenText).toContain(`${i + 1}. ${label}`));
    expect(screenText).toContain('↑↓ 移动 • ⏎ 选择 • Ctrl+C 退出');
    expect(screenText).not.toMatch(/navigate|select|Use arrow/u);
    expect(run.printed()).toContain(run.db);
    highlight9();
    screen.keypress('enter');
    expect(await run.done).toBe(0);
    expect(run.printed().trim().endsWith('已退出')).toBe(true);
    expect(fs.existsSync(run.db)).toBe(false);
  });

  it('jumps to an entry by its number', async () => {
    const run = await startMenu();
    screen.type('3');
    screen.keypress('enter');
    await screen.next();
    expect(shown()).toContain('申报表在哪个文件夹');
    ctrlC();
    expect(await run.done).toBe(0);
  });

  it.each([
    ['Ctrl+C', () => screen.keypress({ name: 'c', ctrl: true })],
    ['Ctrl+D', () => screen.keypress({ name: 'd', ctrl: true })],
    ['the end of input', () => screen.input.end()],
  ])('leaves on %s with 已退出 and exit 0', async (_name, leave) => {
    const run = await startMenu();
    leave();
    expect(await run.done).toBe(0);
    expect(run.printed()).toContain('已退出');
  });

  it('stays on the main menu on Esc', async () => {
    const run = await startMenu();
    screen.keypress('escape');
    await screen.next();
    expect(shown()).toContain('请选择要做的事');
    ctrlC();
    expect(await run.done).toBe(0);
  });

  it('goes back to the main menu on Esc inside an entry, having changed nothing', async () => {
    const run = await startMenu();
    await pick('生成空白模板');
    expect(shown()).toContain('Esc 返回主菜单');
    screen.keypress('escape');
    await screen.next();
    expect(shown()).toContain('请选择要做的事');
    ctrlC();
    expect(await run.done).toBe(0);
    expect(fs.readdirSync(run.dir)).toEqual([]);
  });

  it('shows an action error the way the command does and comes back to the menu', async () => {
    const run = await startMenu();
    await pick('评分与结果');
    // The message names the database file; it is not said a second time in front of it.
    expect(run.printed()).toContain(msg('cli.error', { message: msg('store.missing', { file: run.db }) }));
    const line = run.printed().split('\n').find((l) => l.includes(msg('store.missing', { file: run.db })))!;
    expect(line.split(run.db).length - 1).toBe(1);
    expect(shown()).toContain('请选择要做的事');
    ctrlC();
    expect(await run.done).toBe(0);
  });

  it('keeps the highlight on the entry used last', async () => {
    const dir = tempDir();
    const run = await startMenu({ dir, db: await seededDb(dir) });
    await pick('查看申报与问题');
    await pick('返回主菜单');
    expect(shown()).toMatch(/❯ 4\. 查看申报与问题/u);
    ctrlC();
    expect(await run.done).toBe(0);
  });
});

describe('signals', () => {
  it('a SIGINT that reaches the process while a prompt is open ends the menu cleanly', async () => {
    const run = await startMenu();
    process.emit('SIGINT', 'SIGINT');
    expect(await run.done).toBe(0);
    expect(run.printed()).toContain('已退出');
    expect(process.listenerCount('SIGINT')).toBe(0);
  });

  it('a SIGINT during an action lets the action finish, then leaves without showing the menu again', async () => {
    const steps: string[] = [];
    const slow: MenuEntry = {
      key: 'slow',
      label: 'menu.entry.import',
      async run(s) {
        steps.push('started');
        process.emit('SIGINT', 'SIGINT');
        await new Promise((r) => setTimeout(r, 20));
        steps.push('finished');
        s.out.print('写完了');
      },
    };
    const quit: MenuEntry = { key: 'quit', label: 'menu.entry.quit', run: async () => QUIT };
    const run = await startMenu({ entries: [slow, quit] });
    screen.keypress('enter');
    expect(await run.done).toBe(0);
    expect(steps).toEqual(['started', 'finished']);
    expect(run.printed()).toContain(msg('menu.finishing'));
    expect(run.printed().indexOf('写完了')).toBeLessThan(run.printed().indexOf('已退出'));
  });
});

it('MENU keys are unique and every entry has a Chinese label', () => {
  expect(new Set(MENU.map((e) => e.key)).size).toBe(MENU.length);
  for (const e of MENU) expect(msg(e.label)).toMatch(/[\u4e00-\u9fff]/u);
  expect(MENU[MENU.length - 1]!.key).toBe('quit');
});

function highlight9(): void {
  for (let i = 0; i < MENU.length - 1; i++) screen.keypress('down');
  expect(shown()).toMatch(new RegExp(`❯ ${MENU.length}\\. 退出`, 'u'));
}

