/**
 * Every word a clerk reads is Chinese. runCli records each command's screen (test/helpers/screens.ts) and
 * this file checks the screens of the commands below: no Latin word outside the allow-list (file names,
 * paths, options, product names). The scanner itself is tested first, on the words the issue found.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foreignWords } from '../helpers/ascii-words.js';
import { runCli } from '../helpers/run-cli.js';
import { recordScreen } from '../helpers/screens.js';
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
