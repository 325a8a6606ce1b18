/** Each menu entry end to end, in-process: the questions, their validation, and what lands on disk. */
import { answer, APPLICATIONS, ASSESSMENTS, ctrlC, enter, files, highlight, pick, screen, seededDb, shown, startMenu, type MenuRun } from './harness.js';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/messages/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';

async function leave(run: MenuRun): Promise<void> {
  ctrlC();
  expect(await run.done).toBe(0);
  expect(run.printed()).toContain('已退出');
}

async function seeded(): Promise<MenuRun> {
  const dir = tempDir();
  return startMenu({ dir, db: await seededDb(dir) });
}

const json = async <T>(db: string, ...args: string[]): Promise<T> => JSON.parse((await runCli(['--db', db, '--round', '2026', ...args, '--json'])).stdout) as T;

describe('选择申报年度', () => {
  it('validates the year and the deadline with the commands’ own messages, then works on the chosen round', async () => {
    const run = await seeded();
    await pick('选择申报年度');
    expect(shown()).toContain('2026 年度（截止日期 2026-05-22）');
    await pick('其他年度');
    await answer('26');
    expect(shown()).toContain(msg('cli.badYear', { value: '26' }));
    await answer('2025');
    expect(run.printed()).toContain('以后的操作都针对 2025 年度');
    expect(run.printed()).toContain('2025 年度设置');
    expect(run.printed()).toMatch(/申报截止日期.*│ 2025-05-22 +│ 默认/u);
    expect(shown()).toContain('修改 2025 年度的截止日期？');
    await answer('y');
    await answer('2025-02-30');
    expect(shown()).toContain('日期“2025-02-30”不存在：2025 年 2 月只有 28 天。请写成如 2026-05-20');
    expect(shown()).not.toContain('--');
    await answer('2025-5-9');
    expect(run.printed()).toContain('截止日期：2025-05-09\n'); // what was understood, echoed
    expect(run.printed()).toContain('2025 年度截止日期：2025-05-09');
    expect(shown()).toContain('请选择要做的事（当前：2025 年度）');
    await leave(run);
    const round = await json<{ deadline: string }>(run.db, 'round', 'show', '2025');
    expect(round.deadline).toBe('2025-05-09');
  });

  it('takes a deadline typed without a year (5月20日) in the chosen round’s year, as `round set` does, not in today’s', async () => {
    const run = await seeded();
    await pick('选择申报年度');
    await pick('其他年度');
    await answer('2027');
    expect(shown()).toContain('修改 2027 年度的截止日期？');
    await answer('y');
    await answer('5月20日');
    expect(run.printed()).toContain('截止日期：2027-05-20\n');
    expect(run.printed()).toContain('2027 年度截止日期：2027-05-20');
    await leave(run);
    expect((await json<{ deadline: string }>(run.db, 'round', 'show', '2027')).deadline).toBe('2027-05-20');
    // the command, for the same round, agrees
    await runCli(['--db', run.db, 'round', 'set', '2028', '--deadline', '5月20日']);
    expect((await json<{ deadline: string }>(run.db, 'round', 'show', '2028')).deadline).toBe('2028-05-20');
  });

  it('answering no keeps the deadline', async () => {
    const run = await seeded();
    await pick('选择申报年度');
    await enter();
    await enter();
    expect(shown()).toContain('请选择要做的事（当前：2026 年度）');
    await leave(run);
    expect((await json<{ deadline: string }>(run.db, 'round', 'show', '2026')).deadline).toBe('2026-05-22');
  });
});

describe('生成空白模板', () => {
  it('writes the application template under the default name, asks before overwriting, adds .xlsx, checks the folder', async () => {
    const run = await startMenu();
    await pick('生成空白模板');
    await pick('申报表');
    expect(shown()).toContain('(2026年技能大师工作室申报表（空白）.xlsx)');
    await enter();
    expect(run.printed()).toContain(`已生成：${path.join(run.dir, '2026年技能大师工作室申报表（空白）.xlsx')}`);
    expect(files(run.dir)).toEqual(['2026年技能大师工作室申报表（空白）.xlsx']);
    const first = fs.statSync(path.join(run.dir, files(run.dir)[0]!)).mtimeMs;

    await pick('生成空白模板');
    await pick('申报表');
    await enter();
    expect(shown()).toContain('文件已存在');
    expect(shown()).toContain('覆盖它吗？ (是/[否])');
    await enter(); // no: asked again where to save
    expect(shown()).toContain('保存为');
    await answer('没有的文件夹/表');
    expect(shown()).toContain(msg('cli.outputFolderMissing', { dir: path.join(run.dir, '没有的文件夹') }));
    await answer('发给单位');
    expect(files(run.dir)).toEqual(['2026年技能大师工作室申报表（空白）.xlsx', '发给单位.xlsx']);
    expect(fs.statSync(path.join(run.dir, files(run.dir)[0]!)).mtimeMs).toBe(first);

    await pick('生成空白模板');
    await pick('考核表');
    await enter();
    expect(files(run.dir)).toContain('2026年技能大师工作室考核表（空白）.xlsx');
    await leave(run);
  });

  it('offers the Word 申报表, and a name decides the type: never Excel inside a .docx name', async () => {
    const run = await startMenu();
    await pick('生成空白模板');
    expect(shown()).toContain('申报表（附件1，Word 文档');
    await pick('Word 文档');
    expect(shown()).toContain('(2026年技能大师工作室申报表（空白）.docx)');
    await enter();
    const word = path.join(run.dir, '2026年技能大师工作室申报表（空白）.docx');
    expect(fs.readFileSync(word).subarray(0, 2).toString()).toBe('PK');
    expect(unzipSync(new Uint8Array(fs.readFileSync(word)))['word/document.xml']).toBeDefined();

    // The Excel entry given a .docx name writes the Word form; a .pdf name is refused with the choices.
    await pick('生成空白模板');
    await pick('Excel 表格');
    await answer('申报表.pdf');
    expect(shown()).toContain('扩展名 .pdf 与内容不符');
    expect(shown()).toContain('.xlsx（Excel 工作簿）或 .docx（Word 文档）');
    await answer('申报表.docx');
    const named = unzipSync(new Uint8Array(fs.readFileSync(path.join(run.dir, '申报表.docx'))));
    expect(named['word/document.xml']).toBeDefined();
    expect(named['xl/workbook.xml']).toBeUndefined();
    expect(files(run.dir)).not.toContain('申报表.pdf');
    await leave(run);
  });

  it('overwrites when the clerk says yes, and saves into a folder when a folder is given', async () => {
    const run = await startMenu();
    fs.mkdirSync(path.join(run.dir, '模板'));
    await pick('生成空白模板');
    await pick('申报表');
    await answer('模板');
    expect(files(path.join(run.dir, '模板'))).toEqual(['2026年技能大师工作室申报表（空白）.xlsx']);
    await pick('生成空白模板');
    await pick('申报表');
    await answer('旧.xlsx');
    const earlier = fs.statSync(path.join(run.dir, '旧.xlsx')).ino;
    await pick('生成空白模板');
    await pick('申报表');
    await answer('旧.xlsx');
    await answer('y');
    // Replaced by a rename: a new file took the name.
    expect(fs.statSync(path.join(run.dir, '旧.xlsx')).ino).not.toBe(earlier);
    expect(fs.statSync(path.join(run.dir, '旧.xlsx')).size).toBeGreaterThan(1000);
    await leave(run);
  });

  it('never writes over a file that is not its own earlier file of the kind, the database or its backups', async () => {
    const run = await startMenu();
    fs.writeFileSync(path.join(run.dir, '别人的.xlsx'), 'old');
    await pick('生成空白模板');
    await pick('申报表');
    await answer('别人的.xlsx');
    expect(shown()).toContain(msg('safety.output.notOurs', { file: path.join(run.dir, '别人的.xlsx'), kind: '申报表模板' }));
    await answer(run.db);
    expect(shown()).toContain('不能写到数据库文件');
    await answer('另存.xlsx');
    expect(files(run.dir)).toContain('另存.xlsx');
    expect(fs.readFileSync(path.join(run.dir, '别人的.xlsx'), 'utf8')).toBe('old');
    await leave(run);
  });
});

describe('导入申报表', () => {
  it('rejects a missing path with the command’s message, imports a whole folder and shows the result table', async () => {
    const run = await startMenu();
    await pick('导入申报表');
    await answer('没有这个文件夹');
    expect(shown()).toContain(msg('cli.pathMissing', { path: '没有这个文件夹' }));
    await answer('');
    expect(shown()).toContain('请输入文件夹或文件的路径');
    await answer(`'${APPLICATIONS}'`); // dragged into a terminal: quoted
    expect(shown()).toContain('找到 10 个表格文件');
    await pick('全部导入（10 个文件）');
    expect(shown()).toContain('收件日期');
    await answer('2026-13-01');
    expect(shown()).toContain('日期“2026-13-01”不存在：月份应为 1 到 12。请写成如 2026-05-20');
    await answer('2026年5月20日');
    const printed = run.printed();
    expect(printed).toContain('收件日期：2026-05-20');
    expect(printed).toContain('│ 文件');
    expect(printed).toContain('01-申报表-杭州拱宸精密机械有限公司.xlsx');
    expect(printed).toContain('共 10 个文件：新导入 10，新版本 0，新版本待采用 0，跳过 0，失败 0，未导入 0（2026 年度');
    await leave(run);
    const apps = await json<{ receivedDate: string }[]>(run.db, 'apply', 'list');
    expect(apps).toHaveLength(10);
    expect(apps.every((a) => a.receivedDate === '2026-05-20')).toBe(true);
  });

  it('imports only the files picked, insists on at least one, and offers the same folder next time', async () => {
    const run = await startMenu();
    await pick('导入申报表');
    await answer(APPLICATIONS);
    await pick('选择其中一部分');
    expect(shown()).toContain('03-申报表-杭州大关汽车维修服务有限公司.xlsx');
    expect(shown()).toContain('空格 选择');
    await enter();
    expect(shown()).toContain('请至少选择一个文件');
    highlight('03-申报表');
    screen.keypress('space');
    highlight('05-申报表');
    screen.keypress('space');
    await enter();
    await enter(); // received: today
    expect(run.printed()).toContain('共 2 个文件：新导入 2');
    await pick('导入申报表');
    expect(shown()).toContain(`(${APPLICATIONS})`);
    await enter();
    await pick('全部导入');
    await enter();
    expect(run.printed()).toContain('共 10 个文件：新导入 8，新版本 0，新版本待采用 0，跳过 2');
    await leave(run);
  });

  it('imports one file named directly', async () => {
    const run = await startMenu();
    await pick('导入申报表');
    await answer(path.join(APPLICATIONS, '06-申报表-杭州祥符模具制造有限公司.xlsx'));
    await answer('2026-05-21');
    expect(run.printed()).toContain('王建国技能大师工作室');
    expect(run.printed()).toContain('共 1 个文件：新导入 1');
    await leave(run);
  });

  it('says so when a folder holds no workbook', async () => {
    const run = await startMenu();
    fs.mkdirSync(path.join(run.dir, '空'));
    await pick('导入申报表');
    await answer('空');
    expect(run.printed()).toContain(msg('cli.import.noFiles'));
    expect(shown()).toContain('请选择要做的事');
    await leave(run);
  });
});

describe('查看申报与问题', () => {
  it('lists the round, filters as the clerk types, shows one application with its findings, and goes back', async () => {
    const run = await seeded();
    await pick('查看申报与问题');
    expect(run.printed()).toContain('2026 年度共 10 份申报：合格 5，待确认 0，不合格 5');
    expect(shown()).toContain('← 返回主菜单');
    screen.type('焊工');
    await screen.next();
    expect(shown()).toMatch(/❯ #5 周德明焊工技能大师工作室/u); // the first match is highlighted
    expect(shown()).not.toContain('#1 ');
    await pick('周德明');
    const printed = run.printed();
    expect(printed).toContain('│ 领衔人       │ 周德明');
    expect(printed).toContain('距法定退休年龄');
    expect(printed).toContain('申报表!B9');
    expect(shown()).toContain('查看哪一份申报？');
    screen.type('没有这个人');
    await screen.next();
    expect(shown()).toContain('没有找到“没有这个人”');
    for (let i = 0; i < '没有这个人'.length; i++) screen.keypress('backspace');
    await screen.next();
    await pick('返回主菜单');
    expect(shown()).toContain('请选择要做的事');
    await leave(run);
  });

  it('finds an application by its number', async () => {
    const run = await seeded();
    await pick('查看申报与问题');
    screen.type('#7');
    await screen.next();
    await pick('#7 ');
    expect(run.printed()).toContain('李俊美发师技能大师工作室');
    await leave(run);
  });

  it('says the round is empty when nothing was imported', async () => {
    const run = await startMenu();
    await pick('查看申报与问题');
    expect(run.printed()).toContain(msg('cli.list.empty', { round: 2026 }));
    expect(shown()).toContain('请选择要做的事');
    await leave(run);
  });
});

describe('形式审查：豁免 / 撤销豁免', () => {
  interface Listed {
    id: number;
    eligibility: string;
    findings: { code: string; overridden?: boolean }[];
  }

  it('shows what will change, changes nothing when not confirmed, overrides with a reason when confirmed, and undoes it', async () => {
    const run = await seeded();
    await pick('形式审查');
    await pick('豁免一项错误');
    expect(shown()).not.toContain('#1 '); // only applications with errors
    expect(shown()).toContain('#5 周德明焊工技能大师工作室');
    await pick('#5 ');
    await pick('距法定退休年龄');
    await answer('   ');
    expect(shown()).toContain('豁免必须写明理由');
    await answer('经专家委员会研究同意');
    expect(run.printed()).toContain('将要豁免：\n  申报：#5 周德明焊工技能大师工作室\n  错误：距法定退休年龄\n');
    expect(run.printed()).toContain('理由：经专家委员会研究同意');
    expect(run.printed()).toContain('豁免后仍有的错误：无');
    expect(shown()).toContain('确认执行？ (是/[否])');
    await enter();
    expect(run.printed()).toContain('已取消，没有做任何修改');
    let five = (await json<Listed[]>(run.db, 'apply', 'list')).find((a) => a.id === 5)!;
    expect(five.eligibility).toBe('ineligible');

    await pick('形式审查');
    await pick('豁免一项错误');
    await pick('#5 ');
    await pick('距法定退休年龄');
    await answer('经专家委员会研究同意');
    await answer('y');
    expect(run.printed()).toContain('已豁免申报 #5 的“距法定退休年龄”（已记入操作日志）。现在资格：合格');
    five = (await json<Listed[]>(run.db, 'apply', 'list')).find((a) => a.id === 5)!;
    expect(five.eligibility).toBe('eligible');
    const history = await json<{ audit: { command: string; action: string }[] }>(run.db, 'apply', 'show', '5', '--history');
    expect(history.audit.some((a) => a.action === 'override' && a.command === 'gongshu interactive apply override')).toBe(true);

    await pick('形式审查');
    await pick('撤销一项豁免');
    expect(shown()).toContain('#5 周德明');
    expect(shown()).not.toContain('#4 ');
    await pick('#5 ');
    expect(shown()).toContain('理由：经专家委员会研究同意');
    // The waived finding is named by its title and the form's label, not by its code and field path.
    expect(shown()).toContain('距法定退休年龄 · 领衔人出生年月');
    expect(shown()).not.toMatch(/lead\.birth|retirement-margin/u);
    await pick('距法定退休年龄');
    await answer('误操作');
    expect(run.printed()).toContain('将要撤销豁免：\n  申报：#5 周德明焊工技能大师工作室');
    await answer('y');
    expect(run.printed()).toContain('已撤销申报 #5 对“距法定退休年龄”的豁免');
    five = (await json<Listed[]>(run.db, 'apply', 'list')).find((a) => a.id === 5)!;
    expect(five.eligibility).toBe('ineligible');
    await leave(run);
  });

  it('says when there is nothing to override or to undo', async () => {
    const run = await startMenu();
    await pick('形式审查');
    await pick('豁免一项错误');
    expect(run.printed()).toContain('2026 年度没有可以豁免的错误');
    await pick('形式审查');
    await pick('撤销一项豁免');
    expect(run.printed()).toContain('2026 年度没有豁免过的错误');
    await leave(run);
  });
});

describe('导入原有工作室名册 · 年度工作情况报告', () => {
  it('shows the plan, writes it once confirmed, links the 考核表 to it and exports the yearly report', async () => {
    const run = await seeded();
    await pick('导入原有工作室名册');
    await answer(path.resolve('data/samples/register/工作室名册.xlsx'));
    expect(run.printed()).toContain('试运行，没有写入数据库');
    expect(shown()).toContain('按上表写入数据库（新增 10，更新 0；先自动备份）？');
    await answer('y');
    expect(run.printed()).toContain('共 10 行：新增 10，更新 0，不变 0，未导入 0');

    await pick('导入考核表');
    await answer(ASSESSMENTS);
    await pick('全部导入');
    // No question about new studios: the register has them all.
    expect(run.printed()).toContain('共 4 个文件：新导入 4');
    expect(run.printed()).not.toContain('新建工作室记录');

    await pick('导出表格');
    await pick('年度工作情况报告');
    await enter();
    await leave(run);
    expect(files(run.dir)).toContain('2026年度技能大师工作室工作情况.docx');
    expect(run.printed()).toMatch(/名册共 \d+ 个），2026 年度考核 4 个，图表 3 幅/u);
  }, 60_000);
});

describe('导入考核表 · 评分与结果 · 导出表格', () => {
  it('imports the assessments, shows the scores and one in detail, and exports both workbooks', async () => {
    const run = await seeded();
    await pick('导入考核表');
    await answer(ASSESSMENTS);
    await pick('全部导入');
    // Asked after reading, because no sheet matches a studio; only those are imported again.
    expect(run.printed()).toContain('共 4 个文件：新导入 0');
    expect(shown()).toContain('4 个考核表上的工作室在登记中找不到（见上表），未导入。为它们新建工作室记录并导入吗？');
    await answer('y');
    expect(run.printed()).toContain('共 4 个文件：新导入 4');

    await pick('评分与结果');
    expect(run.printed()).toMatch(/│ 编号 .*│ 总分/u);
    expect(shown()).toContain('查看哪一份考核的逐项得分？');
    screen.type('茶艺');
    await screen.next();
    await pick('孙丽萍');
    expect(run.printed()).toContain('基础分');
    await pick('返回主菜单');

    await pick('导出表格');
    await pick('考核结果');
    await enter();
    expect(files(run.dir)).toContain('2026年考核结果.xlsx');

    await pick('导出表格');
    await pick('形式审查汇总表');
    expect(shown()).toContain('显示完整身份证号码吗？');
    await enter(); // masked
    await answer('汇总');
    await leave(run);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(run.dir, '汇总.xlsx'));
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain('周德明焊工技能大师工作室');
    expect(cells).toMatch(/\d{6}\*{8}\d{3}[\dX]/u);
  });

  it('exports the summary with full ID numbers when asked, and logs it', async () => {
    const run = await seeded();
    await pick('导出表格');
    await pick('形式审查汇总表');
    await answer('y');
    await enter();
    await leave(run);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(run.dir, '2026年形式审查汇总表.xlsx'));
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
    expect(cells).toMatch(/\b\d{17}[\dX]\b/u);
  });
});
