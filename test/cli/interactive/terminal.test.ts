/**
 * The real `gongshu` binary in a real pseudo-terminal: a clerk types `gongshu`, imports the sample
 * applications, looks one up, exports the summary and presses Ctrl+C, all by key presses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KEY, Pty, ptyUnavailable } from '../../helpers/pty.js';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/gongshu.js');
const APPLICATIONS = path.join(ROOT, 'data/samples/applications');

const unavailable = ptyUnavailable();

function terminalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'GONGSHU_DB']) delete env[name];
  return { ...env, ...extra };
}

describe.skipIf(unavailable)(`gongshu in a terminal${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('imports, lists, shows and exports through key presses, then Ctrl+C leaves with exit 0', async () => {
    const dir = tempDir();
    const term = new Pty([process.execPath, BIN, '--round', '2026'], { cwd: dir, env: terminalEnv() });
    try {
      await term.waitFor('请选择要做的事（当前：2026 年度）');

      term.type('3');
      await term.waitFor('❯ 3. 导入申报表');
      term.type(KEY.enter);
      await term.waitFor('申报表在哪个文件夹');
      term.type(`${APPLICATIONS}${KEY.enter}`);
      await term.waitFor('全部导入（10 个文件）');
      term.type(KEY.enter);
      await term.waitFor('收件日期');
      term.type(`2026-05-20${KEY.enter}`);
      let screen = await term.waitFor(/共 10 个文件：新导入 10[\s\S]*请选择要做的事/u);
      expect(screen).toContain('05-申报表-杭州康桥焊接工程有限公司.xlsx');
      expect(screen).toMatch(/│ 已导入\s+│ #5/u);

      term.type('4');
      await term.waitFor('❯ 4. 查看申报与问题');
      term.type(KEY.enter);
      screen = await term.waitFor('查看哪一份申报？');
      expect(screen).toContain('2026 年度共 10 份申报：合格 5，待确认 0，不合格 5');
      term.type('焊工');
      await term.waitFor('❯ #5 周德明焊工技能大师工作室');
      term.type(KEY.enter);
      screen = await term.waitFor(/距法定退休年龄[\s\S]*查看哪一份申报？/u);
      expect(screen).toContain('申报表!B9');
      term.type(KEY.enter); // ← 返回主菜单
      await term.waitFor('请选择要做的事');

      term.type(KEY.down.repeat(9)); // from 4. 查看申报与问题, the last entry used
      await term.waitFor('❯ 13. 导出表格');
      term.type(KEY.enter);
      await term.waitFor('导出哪张表？');
      term.type(KEY.enter);
      await term.waitFor('显示完整身份证号码吗？');
      term.type(KEY.enter);
      await term.waitFor('(2026年形式审查汇总表.xlsx)');
      term.type(KEY.enter);
      await term.waitFor(/已生成：.*2026年形式审查汇总表\.xlsx[\s\S]*请选择要做的事/u);

      term.type(KEY.ctrlC);
      await term.waitFor('已退出');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }

    expect(fs.readdirSync(dir).sort()).toEqual(['2026年形式审查汇总表.xlsx', 'gongshu.db']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '2026年形式审查汇总表.xlsx'));
    const text = wb.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
    for (const studio of ['陈国平数控车工技能大师工作室', '周德明焊工技能大师工作室', '郑伟电梯安装维修工技能大师工作室']) expect(text).toContain(studio);
  }, 90_000);

  it('with CI set, plain `gongshu` prints help instead of waiting, even on a terminal', async () => {
    const term = new Pty([process.execPath, BIN], { cwd: tempDir(), env: terminalEnv({ CI: 'true' }) });
    try {
      await term.waitFor('用法');
      expect(await term.exited).toBe(0);
      expect(term.text()).not.toContain('请选择要做的事');
    } finally {
      term.kill();
    }
  }, 30_000);
});
