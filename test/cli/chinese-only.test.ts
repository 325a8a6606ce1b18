/**
 * Every word a clerk reads is Chinese. runCli records each command's screen (test/helpers/screens.ts) and
 * this file checks the screens of the commands below: no Latin word outside the allow-list (file names,
 * paths, options, product names). The scanner itself is tested first, on the words the issue found.
 */
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { foreignWords } from '../helpers/ascii-words.js';
import { runCli } from '../helpers/run-cli.js';
import { recordScreen, scanScreen, screensRecorded } from '../helpers/screens.js';
import { tempDir } from '../helpers/tmp.js';

describe('the scanner', () => {
  it('finds rule codes, field paths, option values and short periods', () => {
    expect(foreignWords('已确认提醒“retirement-in-term”（申报表!B15）')).toEqual(['retirement-in-term']);
    expect(foreignWords('成员信息 members.3.skillLevel 不完整')).toEqual(['members', 'skillLevel']);
    expect(foreignWords('收到后请用 gongshu apply materials 5 --received id-cards 登记')).toEqual(['id-cards']);
    expect(foreignWords('周期 6m，或 90d')).toEqual(['6m', '90d']);
    expect(foreignWords('acknowledge（原因：核实）')).toEqual(['acknowledge']);
  });

  it('lets file names, paths, options and product names pass', () => {
    expect(foreignWords('已生成：/tmp/导出/2026年形式审查汇总表.xlsx')).toEqual([]);
    expect(foreignWords('请在 Excel 或 WPS 中打开 申报表.docx，或加 --force 覆盖')).toEqual([]);
    expect(foreignWords('用法： gongshu template [选项]')).toEqual([]);
    expect(foreignWords('已合并到 GS-2026-001“黄志刚装配钳工技能大师工作室”')).toEqual([]);
    expect(foreignWords('  --lang <语言>   界面语言：zh（中文，默认）或 en（英文）')).toEqual([]);
    expect(foreignWords('数据库结构不符：缺少触发器 audit_log_no_update')).toEqual([]);
    expect(foreignWords('缺少 audit_log_no_update')).toEqual(['audit_log_no_update']);
    expect(foreignWords('数据库结构不符：多出视图 sqliteSstat_v（sqliteSstat_v 上）')).toEqual([]);
    expect(foreignWords('  $ gongshu check retirement --birth 1971-04 --gender 女 --group cadre')).toEqual([]);
    expect(foreignWords('│ 名册!A3 │ 王一精密数控工作室 │ GS2019-001 │')).toEqual([]);
  });

  it('excuses what the clerk typed and the clerk’s login name, but not a word inside a typed path', () => {
    const user = os.userInfo().username;
    expect(scanScreen(['template', 'assessment', '-o', '/tmp/表.bB9aP'], '“表.bB9aP”的扩展名 .bb9ap 与内容不符')).toEqual([]);
    expect(scanScreen('菜单（typing）', '? 保存为 申报表.do', ['申报表.docx'])).toEqual([]);
    expect(scanScreen('菜单（history）', `理由：同意（${user}，2026-12-07）`)).toEqual([]);
    expect(scanScreen(['--db', '/tmp/gongshu-test-abcretirementxyz/g.db', 'apply', 'show', '1'], '已确认提醒“retirement”').map((o) => o.words)).toEqual([['retirement']]);
  });
});

/** Every command and sub-command of the program, as the words typed to reach it. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((c) => [[...prefix, c.name()], ...commandPaths(c, [...prefix, c.name()])]);
}

describe('help', () => {
  it('of gongshu and of every command names options and commands, and says the rest in Chinese', async () => {
    const paths = [[], ...commandPaths(buildProgram())];
    expect(paths.length).toBeGreaterThan(40);
    const found = [];
    for (const words of paths) {
      const args = [...words, '--help'];
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toMatch(/用法：/u);
      found.push(...recordScreen(args, run.stdout));
    }
    expect(found).toEqual([]);
  });
});

describe('what is scanned', () => {
  it('every command run through runCli is recorded, --json only for its messages on stderr', async () => {
    const before = screensRecorded();
    await runCli(['--help']);
    await runCli(['check', 'retirement', '--birth', '1970-01', '--gender', '女', '--as-of', '2026-05-22', '--json']);
    expect(screensRecorded()).toBe(before + 2);
  });
});

describe('screens of the commands', () => {
  it('retirement, templates and refused names speak Chinese only', async () => {
    const dir = tempDir();
    const runs = [
      ['check', 'retirement', '--birth', '1960-01', '--gender', '男', '--as-of', '2026-05-22'],
      ['check', 'retirement', '--birth', '1970-01', '--gender', '女', '--as-of', '2026-05-22'],
      ['template', 'application', '-o', path.join(dir, '申报表.docx')],
      ['template', 'assessment', '-o', path.join(dir, '考核表.pdf')],
      ['template', 'application', '-o', path.join(dir, '申报表')],
    ];
    for (const args of runs) {
      const run = await runCli(args);
      expect(recordScreen(args, `${run.stdout}\n${run.stderr}`), args.join(' ')).toEqual([]);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/还有 -\d/u);
    }
  });
});
