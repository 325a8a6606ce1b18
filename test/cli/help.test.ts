/** Commander's words in Chinese: usage lines, argument names, the help command, errors and suggestions. */
import { describe, expect, it } from 'vitest';
import { translateParseError, zhTerms } from '../../src/cli/help-zh.js';
import { runCli } from '../helpers/run-cli.js';

describe('help in Chinese', () => {
  it('names arguments and option values in Chinese, and has a Chinese help command', async () => {
    const help = await runCli(['apply', '--help']);
    expect(help.stdout).toContain('用法： gongshu apply [选项] [命令]');
    expect(help.stdout).toContain('override [选项] <编号> <问题名称>');
    expect(help.stdout).toContain('import [选项] <文件或文件夹...>');
    expect(help.stdout).toContain('help [命令]');
    expect(help.stdout).toContain('显示某个命令的帮助');
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('--round <年度>');
    expect(top.stdout).toMatch(/--lang <语言> +界面语言：zh（中文，默认）或 en（英文）（可选：zh、en）/u);
  });

  it('lines up descriptions after Chinese terms (two columns per character)', async () => {
    const help = await runCli(['check', 'retirement', '--help']);
    const columns = help.stdout
      .split('\n')
      .filter((l) => l.startsWith('  --'))
      .map((l) => {
        const term = /^ {2}(\S+(?: \S+)?) +/u.exec(l)![0];
        return [...term].reduce((w, ch) => w + (/[\u4e00-\u9fff]/u.test(ch) ? 2 : 1), 0);
      });
    expect(new Set(columns).size).toBe(1);
  });

  it('translates the terms of a usage line and leaves other words alone', () => {
    expect(zhTerms('gongshu round set [options] <year>')).toBe('gongshu round set [选项] <年度>');
    expect(zhTerms('--birth <YYYY-MM>')).toBe('--birth <年月>');
    expect(zhTerms('<paths...>')).toBe('<文件或文件夹...>');
    expect(zhTerms('--gender <男|女>')).toBe('--gender <男|女>');
  });
});

describe('errors and suggestions', () => {
  it.each([
    [['aply'], '错误：没有“aply”这个命令\n您是不是要输入 apply？'],
    [['apply', 'lsit'], '错误：没有“lsit”这个命令\n您是不是要输入 list？'],
    [['apply', 'list', '--jsn'], '错误：没有“--jsn”这个选项\n您是不是要输入 --json？'],
    [['round', 'set'], '错误：缺少参数“年度”'],
    [['apply', 'show'], '错误：缺少参数“编号”'],
  ])('gongshu %j', async (args, expected) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toMatch(/Did you mean|missing required|unknown command/u);
  });

  it('lists several close commands', () => {
    expect(translateParseError("error: unknown command 'stu'\n(Did you mean one of studios, status?)\n")).toBe('错误：没有“stu”这个命令\n您是不是要输入以下之一：studios、status？\n');
  });
});
