/** `gongshu demo` runs the whole cycle on the bundled samples and leaves every official workbook behind. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('gongshu demo', () => {
  it('goes from import to plaques, subsidy, scores and the due list, writing every export', async () => {
    const dir = tempDir();
    const run = await runCli(['demo', '-o', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort()).toEqual([
      '2026年形式审查汇总表.xlsx',
      '2026年拟认定名单.xlsx',
      '2026年拟认定名单（内部）.xlsx',
      '2026年考核结果.xlsx',
      '2026年补助发放名单.xlsx',
      '2026年评审打分表.xlsx',
    ]);
    expect(run.stdout).toContain('GS-2026-004');
    expect(run.stderr).toContain('合计 80,000 元');
    expect(run.stdout).toMatch(/吕建明钳工技能大师工作室\s*│\s*优秀\s*│\s*考核合格/u);
    expect(run.stdout).toContain('需安排考核');
    expect(run.stderr).not.toMatch(/错误：|内部错误/u);
    expect(fs.readdirSync(path.join(dir, 'gongshu-backups')).length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
