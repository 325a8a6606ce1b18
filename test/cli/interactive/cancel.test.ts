/**
 * Leaving at every question of every entry: Ctrl+C ends the menu (exit 0, 已退出), Esc goes back to
 * the main menu, and in both cases nothing was written: no file appeared or changed, and the
 * database file is byte for byte what it was.
 */
import { answer, APPLICATIONS, ASSESSMENTS, ctrlC, enter, pick, REVIEWS, screen, seededDb, shown, startMenu } from './harness.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';

type Step = () => Promise<void>;

interface Script {
  entry: string;
  /** Makes the state the script needs, through the commands. */
  prepare?: (dir: string, db: string) => Promise<void>;
  /** Each step answers one question; the question after the last step is the last one tested. */
  steps: Step[];
}

const cli = async (db: string, ...args: string[]): Promise<void> => {
  const r = await runCli(['--db', db, '--round', '2026', ...args]);
  if (r.code !== 0) throw new Error(r.stderr);
};

const SCRIPTS: Record<string, Script> = {
  选择申报年度: { entry: '选择申报年度', steps: [() => pick('其他年度'), () => answer('2025'), () => answer('y')] },
  生成空白模板: {
    entry: '生成空白模板',
    prepare: async (dir) => fs.writeFileSync(path.join(dir, '旧.xlsx'), 'old'),
    steps: [() => pick('申报表'), () => answer('旧.xlsx')],
  },
  导入申报表: {
    entry: '导入申报表',
    steps: [
      () => answer(APPLICATIONS),
      () => pick('选择其中一部分'),
      async () => {
        screen.keypress('space');
        await enter();
      },
    ],
  },
  查看申报与问题: { entry: '查看申报与问题', steps: [() => pick('#5 ')] },
  豁免: {
    entry: '形式审查',
    steps: [() => pick('豁免一项错误'), () => pick('#5 '), () => pick('距法定退休年龄'), () => answer('经专家委员会研究同意')],
  },
  撤销豁免: {
    entry: '形式审查',
    prepare: (_dir, db) => cli(db, 'apply', 'override', '5', 'retirement-margin', '--reason', '同意'),
    steps: [() => pick('撤销一项豁免'), () => pick('#5 '), () => pick('距法定退休年龄'), () => answer('误操作')],
  },
  导入专家评审表: { entry: '导入专家评审表', steps: [() => answer(REVIEWS)] },
  生成拟认定名单: {
    entry: '生成拟认定名单',
    prepare: (_dir, db) => cli(db, 'review', 'import', REVIEWS),
    steps: [() => pick('按评审得分'), () => answer('75'), () => enter()],
  },
  人工移出: {
    entry: '生成拟认定名单',
    prepare: (_dir, db) => cli(db, 'review', 'import', REVIEWS),
    steps: [() => pick('人工移出'), () => pick('#3 ')],
  },
  公示: {
    entry: '公示与认定',
    prepare: async (_dir, db) => {
      await cli(db, 'review', 'import', REVIEWS);
      await cli(db, 'shortlist', 'confirm');
    },
    steps: [() => pick('开始公示'), () => answer('2026-06-01'), () => enter()],
  },
  认定: {
    entry: '公示与认定',
    prepare: async (_dir, db) => {
      await cli(db, 'review', 'import', REVIEWS);
      await cli(db, 'shortlist', 'confirm');
      await cli(db, 'publicize', '--from', '2026-06-01');
    },
    steps: [() => pick('认定（公示期满后）'), () => answer('2026-06-08')],
  },
  异议: {
    entry: '公示与认定',
    prepare: async (_dir, db) => {
      await cli(db, 'review', 'import', REVIEWS);
      await cli(db, 'shortlist', 'confirm');
    },
    steps: [() => pick('登记异议'), () => pick('#2 ')],
  },
  导入原有工作室名册: { entry: '导入原有工作室名册', steps: [() => answer(path.resolve('data/samples/register/工作室名册.xlsx'))] },
  导入考核表: { entry: '导入考核表', steps: [() => answer(ASSESSMENTS)] },
  评分与结果: {
    entry: '评分与结果',
    prepare: (_dir, db) => cli(db, 'assess', 'import', ASSESSMENTS, '--new-studios'),
    steps: [() => pick('孙丽萍')],
  },
  到期提醒: { entry: '到期提醒', steps: [] },
  操作记录与撤销: {
    entry: '操作记录与撤销',
    prepare: async (_dir, db) => {
      await cli(db, 'review', 'import', REVIEWS);
    },
    steps: [() => pick('一份申报'), () => pick('#3 '), () => answer('y')],
  },
  工作室续建: {
    entry: '工作室管理',
    prepare: async (_dir, db) => {
      await cli(db, 'assess', 'import', ASSESSMENTS, '--new-studios');
      await cli(db, 'score', 'confirm');
      await cli(db, 'studios', 'set', '2', '--certified-on', '2023-06-15');
    },
    steps: [() => pick('续建'), () => pick('吕建明')],
  },
  工作室撤销: {
    entry: '工作室管理',
    prepare: (_dir, db) => cli(db, 'assess', 'import', ASSESSMENTS, '--new-studios'),
    steps: [() => pick('撤销工作室'), () => pick('钱卫东'), () => answer('单位注销')],
  },
  备份数据库: { entry: '备份与恢复数据库', steps: [() => pick('备份数据库（保存一份副本）')] },
  恢复数据库: {
    entry: '备份与恢复数据库',
    prepare: (dir, db) => cli(db, 'db', 'backup', '-o', path.join(dir, '备份.db')),
    steps: [() => pick('用备份恢复数据库'), () => answer('备份.db')],
  },
  导出表格: {
    entry: '导出表格',
    prepare: async (dir) => fs.writeFileSync(path.join(dir, '2026年形式审查汇总表.xlsx'), 'old'),
    steps: [() => pick('形式审查汇总表'), () => enter(), () => enter()],
  },
};

/** Every file below `dir` (the automatic backups live in a sub-folder) with its hash. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]),
  );
}

const cases = Object.entries(SCRIPTS).flatMap(([name, script]) => script.steps.map((_, i) => [name, i] as const).concat([[name, script.steps.length]]));

describe.each(['Ctrl+C', 'Esc'] as const)('%s at every question', (how) => {
  it.each(cases)(`%s, question %i`, async (name, at) => {
    const script = SCRIPTS[name]!;
    const dir = tempDir();
    const db = await seededDb(dir);
    await script.prepare?.(dir, db);
    const before = snapshot(dir);
    const run = await startMenu({ dir, db });
    await pick(script.entry);
    for (const step of script.steps.slice(0, at)) await step();
    const question = shown();
    expect(question).toMatch(/^\? /u);
    if (how === 'Ctrl+C') {
      ctrlC();
    } else {
      screen.keypress('escape');
      await screen.next();
      expect(shown()).toContain('请选择要做的事');
      ctrlC();
    }
    expect(await run.done).toBe(0);
    expect(run.printed().trim().endsWith('已退出')).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});
