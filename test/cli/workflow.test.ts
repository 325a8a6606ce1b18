/**
 * A round from the review sheets to the plaques, through the real commands: every status of the
 * application life cycle, the refusals a clerk meets on the way, and the lists that leave the office.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { writeAssessmentForm } from '../helpers/round.js';
import { paragraphs, unzip } from '../helpers/docx-text.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
let base: string;
let baseDir: string;

function json<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}

/** A copy of the round after import and review: #1 #2 #3 #8 #9 reviewed, the rest ineligible. */
function reviewedDb(): { db: string; dir: string; cli: (...args: string[]) => ReturnType<typeof runCli> } {
  const dir = tempDir();
  const db = path.join(dir, 'g.db');
  fs.copyFileSync(base, db);
  return { db, dir, cli: (...args) => runCli(['--db', db, '--round', '2026', ...args]) };
}

function statuses(db: string): Record<number, string> {
  const store = openStore(db);
  const rows = store.prepare('SELECT id, status FROM applications ORDER BY id').all() as { id: number; status: string }[];
  store.close();
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

beforeAll(async () => {
  baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-workflow-'));
  base = path.join(baseDir, 'base.db');
  const cli = (...args: string[]) => runCli(['--db', base, '--round', '2026', ...args]);
  expect((await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', '2026-05-20')).code).toBe(0);
  const reviewed = await cli('review', 'import', path.join(SAMPLES, 'reviews'));
  expect(reviewed.code, reviewed.stderr).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));

describe('expert review', () => {
  it('moves scored eligible applications to 已评审 and aggregates with 回避 and trimming', async () => {
    const { db, cli } = reviewedDb();
    expect(statuses(db)).toEqual({ 1: 'reviewed', 2: 'reviewed', 3: 'reviewed', 4: 'ineligible', 5: 'ineligible', 6: 'ineligible', 7: 'ineligible', 8: 'reviewed', 9: 'reviewed', 10: 'ineligible' });
    const list = json<{ id: number; experts: number; aggregate: number; method: string; recused: number; spread: number }[]>((await cli('review', 'list', '--json')).stdout);
    const byId = Object.fromEntries(list.map((r) => [r.id, r]));
    // Five scores: the highest and lowest are dropped.
    expect(byId[1]).toMatchObject({ experts: 5, aggregate: 89, method: 'trimmed', spread: 6 });
    // 陈刚 recused from #2: four scores remain, too few to trim, so the plain mean.
    expect(byId[2]).toMatchObject({ experts: 4, aggregate: 83, method: 'mean', recused: 1 });
    const mean = json<{ id: number; aggregate: number }[]>((await cli('review', 'list', '--method', 'mean', '--json')).stdout);
    expect(mean.find((r) => r.id === 1)!.aggregate).toBe(89);
    expect(mean.find((r) => r.id === 8)!.aggregate).toBe(85.6);
  });

  it('skips a review sheet it has already imported, and records a corrected one over the old scores', async () => {
    const { db, dir, cli } = reviewedDb();
    const again = await cli('review', 'import', path.join(SAMPLES, 'reviews'));
    expect(again.stdout).toContain('跳过');
    const workbook = new ExcelJS.Workbook();
    const first = fs.readdirSync(path.join(SAMPLES, 'reviews')).find((f) => f.includes('第一组'))!;
    await workbook.xlsx.readFile(path.join(SAMPLES, 'reviews', first));
    workbook.worksheets[0]!.getCell('D10').value = 60; // 王明 on #9: 70 → 60
    workbook.worksheets[0]!.getCell('G6').value = 130; // 李华 on #1: out of range
    const corrected = path.join(dir, '更正.xlsx');
    await workbook.xlsx.writeFile(corrected);
    const run = await cli('review', 'import', corrected);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('G6');
    const list = json<{ id: number; experts: number; findings: { code: string }[] }[]>((await cli('review', 'list', '--json')).stdout);
    expect(list.find((r) => r.id === 1)!.findings.map((f) => f.code)).toContain('review-score-out-of-range');
    expect(list.find((r) => r.id === 1)!.experts).toBe(4);
    expect(statuses(db)[9]).toBe('reviewed');
  });

  it('refuses rows whose studio name does not match the database', async () => {
    const { dir, cli } = reviewedDb();
    const workbook = new ExcelJS.Workbook();
    const second = fs.readdirSync(path.join(SAMPLES, 'reviews')).find((f) => f.includes('第二组'))!;
    await workbook.xlsx.readFile(path.join(SAMPLES, 'reviews', second));
    workbook.worksheets[0]!.getCell('B6').value = '别的工作室';
    const file = path.join(dir, '错表.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = await cli('review', 'import', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/编号 #1 在表中是“别的工作室”/u);
  });

  it('writes a review sheet with one row per eligible application', async () => {
    const { dir, cli } = reviewedDb();
    const out = path.join(dir, '打分表.xlsx');
    expect((await cli('template', 'review', '-o', out, '--experts', '3')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const ids: unknown[] = [];
    workbook.worksheets[0]!.getColumn(1).eachCell((cell, row) => {
      if (row >= 6 && cell.value !== null) ids.push(cell.value); // the signature lines below have no number
    });
    expect(ids).toEqual([1, 2, 3, 8, 9]);
  });
});

describe('shortlist', () => {
  it('ranks by score, breaks the 86.00 tie by votes, applies the minimum score and the quota', async () => {
    const { cli } = reviewedDb();
    const all = json<{ entries: { id: number; rank: number }[]; excluded: { id: number; reason: string }[] }>((await cli('shortlist', '--min-score', '75', '--json')).stdout);
    expect(all.entries.map((e) => e.id)).toEqual([1, 3, 8, 2]);
    expect(all.excluded.find((x) => x.id === 9)!.reason).toBe('below-min-score');
    const three = json<{ entries: { id: number }[]; excluded: { id: number; reason: string }[] }>((await cli('shortlist', '--quota', '3', '--json')).stdout);
    expect(three.entries.map((e) => e.id)).toEqual([1, 3, 8]);
    expect(three.excluded.find((x) => x.id === 2)!.reason).toBe('over-quota');
  });

  it('takes manual changes with a reason, and confirm moves exactly the list to 拟认定 (with a backup)', async () => {
    const { db, dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75', '--quota', '3');
    expect((await cli('shortlist', 'remove', '8')).code).toBe(2);
    expect((await cli('shortlist', 'remove', '8', '--reason', '评审委员会决定')).code).toBe(0);
    expect((await cli('shortlist', 'add', '2', '--reason', '评审委员会决定增补')).code).toBe(0);
    const confirm = await cli('shortlist', 'confirm');
    expect(confirm.code, confirm.stderr).toBe(0);
    expect(statuses(db)).toMatchObject({ 1: 'shortlisted', 2: 'shortlisted', 3: 'shortlisted', 8: 'reviewed', 9: 'reviewed' });
    expect(fs.readdirSync(path.join(dir, 'gongshu-backups')).some((f) => f.endsWith('-shortlist-confirm.db'))).toBe(true);
    // Undo the removal: the next confirm puts #8 on the list too.
    expect((await cli('shortlist', 'remove', '8', '--undo')).code).toBe(0);
    await cli('shortlist', '--quota', '4');
    await cli('shortlist', 'confirm');
    expect(statuses(db)[8]).toBe('shortlisted');
  });

  it('writes the public list with no personal number from the database in any cell', async () => {
    const { db, dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const out = path.join(dir, 'public.xlsx');
    expect((await cli('export', 'shortlist', '-o', out)).code).toBe(0);
    const store = openStore(db);
    const secrets = new Set<string>();
    for (const row of store.prepare('SELECT data FROM application_versions').all() as { data: string }[]) {
      const a = (JSON.parse(row.data) as { application: { lead: { idNumber: string; mobile: string; phone: string; birth: string }; unit: { phone: string; mobile: string } } }).application;
      for (const v of [a.lead.idNumber, a.lead.mobile, a.lead.phone, a.lead.birth, a.unit.phone, a.unit.mobile]) if (v && v.length >= 6) secrets.add(v);
    }
    store.close();
    expect(secrets.size).toBeGreaterThan(10);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
    expect(texts).toContain('2026年拱墅区技能大师工作室拟认定名单');
    expect(texts).toContain('陈国平数控车工技能大师工作室');
    for (const t of texts) for (const s of secrets) expect(t.includes(s), `${s} in "${t}"`).toBe(false);
    // No scores either: the 89.00 of #1 is only in the internal list.
    expect(texts.some((t) => /^8\d(\.\d+)?$/u.test(t))).toBe(false);
    const internal = path.join(dir, 'internal.xlsx');
    await cli('export', 'shortlist', '--internal', '-o', internal);
    const iw = new ExcelJS.Workbook();
    await iw.xlsx.readFile(internal);
    const itexts: string[] = [];
    iw.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => itexts.push(String(cell.text)))));
    expect(itexts.join('\n')).toContain('内部资料');
  });
});

describe('public notice, objections and certification', () => {
  it('walks 公示中 → 已认定 with plaques, blocks on the notice and on open objections, and logs every step', async () => {
    const { db, dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const early = await cli('certify', '--date', '2026-06-01');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('尚未公示');
    const notice = await cli('publicize', '--from', '2026-06-01');
    expect(notice.stderr).toContain('2026-06-01 至 2026-06-05');
    expect(statuses(db)).toMatchObject({ 1: 'publicized', 2: 'publicized', 3: 'publicized', 8: 'publicized' });
    expect((await cli('object', '2', '--reason', '来信反映业绩材料不实')).code).toBe(0);

    const during = await cli('certify', '--date', '2026-06-05');
    expect(during.code).toBe(1);
    expect(during.stderr).toContain('2026-06-06 起才能认定');
    expect(statuses(db)[1]).toBe('publicized');

    const after = json<{ certified: { applicationId: number; plaque: string; validUntil: string }[]; blocked: { applicationId: number; reason: string }[] }>(
      (await cli('certify', '--date', '2026-06-08', '--json')).stdout,
    );
    expect(after.certified.map((c) => [c.applicationId, c.plaque])).toEqual([[1, 'GS-2026-001'], [3, 'GS-2026-002'], [8, 'GS-2026-003']]);
    expect(after.certified[0]!.validUntil).toBe('2029-06-07');
    expect(after.blocked).toEqual([expect.objectContaining({ applicationId: 2, reason: 'objection-open' })]);

    expect((await cli('object', '2', '--resolve', '--reason', '经核实不属实')).code).toBe(0);
    const rest = json<{ certified: { plaque: string }[] }>((await cli('certify', '--date', '2026-06-09', '--json')).stdout);
    expect(rest.certified.map((c) => c.plaque)).toEqual(['GS-2026-004']);
    expect(statuses(db)).toMatchObject({ 1: 'certified', 2: 'certified', 3: 'certified', 8: 'certified' });

    const history = json<{ action: string; command: string; user: string; detail: { event?: string; reason?: string } }[]>((await cli('history', '2', '--json')).stdout);
    expect(history.filter((h) => h.action === 'status').map((h) => h.detail.event)).toEqual(['check-pass', 'review', 'shortlist', 'publicize', 'certify']);
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['objection', 'objection-resolved']));
    expect(history.every((h) => h.user && h.command.startsWith('gongshu '))).toBe(true);

    const subsidy = path.join(dir, 'subsidy.xlsx');
    expect((await cli('subsidy', 'paid', 'GS-2026-001', '--date', '2026-07-15')).code).toBe(0);
    expect((await cli('export', 'subsidy', '-o', subsidy)).stderr).toContain('合计 80,000 元');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(subsidy);
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    expect(texts.join('|')).toMatch(/已发放\s*2026-07-15/u);
    expect(texts).toContain('GS-2026-001');
    expect(texts.join('|')).toContain('经办人：');
  });

  it('counts the 公示 in working days over 国庆 2026, says which days it skipped, and certifies only after it', async () => {
    const { cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const notice = await cli('publicize', '--from', '2026-09-30');
    expect(notice.code, notice.stderr).toBe(0);
    expect(notice.stderr).toContain('公示期：2026-09-30 至 2026-10-12，共 5 个工作日');
    expect(notice.stderr).toContain('不计入的日子：2026-10-01 至 2026-10-07（国庆节）；2026-10-11（周末）');
    expect(notice.stderr).toContain('调休上班、计入工作日：2026-10-10（国庆节调休）');
    const early = await cli('certify', '--date', '2026-10-07');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('2026-10-13 起才能认定');
  });

  it('writes the 公示 notice (.docx) for the recorded period, with the round’s contact and no personal number', async () => {
    const { dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const out = path.join(dir, '公示.docx');
    const early = await cli('export', 'notice', '-o', out);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('还没有开始公示');
    await cli('publicize', '--from', '2026-09-30');
    // The round's own contact person and 落款, set as a clerk sets them; the phone stays the notice's.
    const set = await cli('round', 'set', '2026', '--notice-contact', '王芳', '--bureau', '杭州市拱墅区人力社保局');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/公示联系人\s*│\s*王芳\s*│\s*本年度设置/u);
    expect(set.stdout).toMatch(/公示联系电话\s*│\s*88256383\s*│\s*默认/u);
    expect((await cli('round', 'set', '2026', '--notice-phone', ' ')).code).toBe(2);
    const run = await cli('export', 'notice', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('公示期 2026-09-30 至 2026-10-12');
    const files = unzip(fs.readFileSync(out));
    const text = paragraphs(files.get('word/document.xml')!.toString('utf8')).join('\n');
    expect(text).toContain('关于2026年度拱墅区技能大师工作室\n拟认定名单的公示');
    expect(text).toContain('公示时间：2026年9月30日至2026年10月12日（5个工作日）。');
    expect(text).toContain('联系人：王芳；联系电话：88256383。');
    expect(text).toContain('杭州市拱墅区人力社保局');
    for (const name of ['陈国平数控车工技能大师工作室', '沈建华', '茶艺师', '杭州大关汽车维修服务有限公司']) expect(text).toContain(name);
    expect(text).not.toMatch(/\d{15,18}|1[3-9]\d{9}/u);
    expect((await cli('export', 'notice', '-o', out)).stderr).toContain('--force');
  });

  it('refuses to count a 公示 into a year without a holiday schedule unless the end date is given', async () => {
    const { db, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const refused = await cli('publicize', '--from', '2040-06-01');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2040 年的法定节假日安排尚未收录');
    expect(refused.stderr).toContain('2040.json');
    expect(refused.stderr).toContain('写明结束日期：--to 结束日期');
    expect(statuses(db)[1]).toBe('shortlisted');
    const given = await cli('publicize', '--from', '2040-06-01', '--to', '2040-06-07');
    expect(given.code, given.stderr).toBe(0);
    expect(given.stderr).toContain('公示期：2040-06-01 至 2040-06-07（跨入未收录节假日安排的年份，不计工作日天数）');
    expect(given.stderr).not.toContain('个工作日');
    expect(given.stderr).toContain('2040 年的法定节假日安排尚未收录，这几天只按周末计算');
  });

  it('writes a 公示 over New Year into a year without holiday data with its dates only, in the .docx too, and says so', async () => {
    const { dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const started = await cli('publicize', '--from', '2026-12-28', '--to', '2027-01-05');
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toContain('公示期：2026-12-28 至 2027-01-05（跨入未收录节假日安排的年份，不计工作日天数）');
    expect(started.stderr).not.toContain('个工作日');
    const out = path.join(dir, '公示.docx');
    const run = await cli('export', 'notice', '-o', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('公示文件只写起止日期，不写工作日天数：2027 年的法定节假日安排尚未收录');
    const text = paragraphs(unzip(fs.readFileSync(out)).get('word/document.xml')!.toString('utf8')).join('\n');
    expect(text).toContain('公示时间：2026年12月28日至2027年1月5日。');
    expect(text).not.toContain('工作日');
  });

  it('takes a 公示 end typed without a year as the day after its start, across New Year (12月28日 to 1月5日)', async () => {
    const { cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    const typo = await cli('publicize', '--from', '12月28日', '--to', '12月20日');
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain('早于开始日期');
    const started = await cli('publicize', '--from', '12月28日', '--to', '1月5日');
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toContain('公示结束日期：2027-01-05');
    expect(started.stderr).toContain('公示期：2026-12-28 至 2027-01-05');
  });

  it('undoes a certification (the studio record goes with it; its plaque number is never reused) and logs the undo', async () => {
    const { db, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    await cli('publicize', '--from', '2026-06-01', '--to', '2026-06-05');
    await cli('certify', '--date', '2026-06-08');
    expect((await cli('history', '8', '--undo')).code).toBe(2);
    // #2 was certified last (GS-2026-004): undoing it must not let its number be handed out again.
    expect((await cli('history', '2', '--undo', '--reason', '误操作')).code).toBe(0);
    const undo = await cli('history', '8', '--undo', '--reason', '误操作');
    expect(undo.code, undo.stderr).toBe(0);
    expect(statuses(db)[8]).toBe('publicized');
    const studios = json<{ plaque: string }[]>((await cli('studios', 'list', '--json')).stdout);
    expect(studios.map((s) => s.plaque)).toEqual(['GS-2026-001', 'GS-2026-002']);
    const again = json<{ certified: { plaque: string }[] }>((await cli('certify', '--date', '2026-06-09', '--json')).stdout);
    expect(again.certified.map((c) => c.plaque)).toEqual(['GS-2026-005', 'GS-2026-006']);
    const log = json<{ action: string; detail: { reason?: string } }[]>((await cli('history', '8', '--json')).stdout);
    expect(log.find((e) => e.action === 'status-undo')!.detail.reason).toBe('误操作');
  });

  it('refuses disallowed steps with a clear Chinese message and changes nothing', async () => {
    const { db, cli } = reviewedDb();
    const before = statuses(db);
    const publicize = await cli('publicize', '--from', '2026-06-01');
    expect(publicize.code).toBe(1);
    expect(publicize.stderr).toContain('没有“拟认定”的申报');
    const object = await cli('object', '4', '--reason', 'x');
    expect(object.stderr).toContain('不在拟认定或公示阶段');
    const reject = await cli('apply', 'reject', '4', '--reason', '不合格');
    expect(reject.code).toBe(1);
    expect(reject.stderr).toMatch(/申报 #4 当前状态为“形式审查不合格”，不能直接“不予通过”；此状态下可以：/u);
    const undo = await cli('history', '4', '--undo', '--reason', 'x');
    expect(undo.code).toBe(0); // undoing the eligibility check itself is allowed …
    expect(statuses(db)[4]).toBe('submitted');
    expect((await cli('apply', 'validate')).code).toBe(0); // … and the next check sets it again
    expect(statuses(db)).toEqual(before);
    await cli('apply', 'withdraw', '9', '--reason', '单位来函撤回');
    const again = await cli('apply', 'withdraw', '9', '--reason', '再次');
    expect(again.stderr).toContain('已是最终状态');
    const unknown = await cli('history', '99');
    expect(unknown.stderr).toContain('找不到编号为 #99 的申报');
  });

  it('keeps the list fixed once 公示 has begun', async () => {
    const { cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    await cli('publicize', '--from', '2026-06-01');
    const confirm = await cli('shortlist', 'confirm');
    expect(confirm.code).toBe(1);
    expect(confirm.stderr).toContain('已进入公示');
  });
});

describe('studios', () => {
  it('lists due studios across the 3-year boundary, renews after a pass, and revokes with a reason', async () => {
    const { db, dir, cli } = reviewedDb();
    await cli('shortlist', '--min-score', '75');
    await cli('shortlist', 'confirm');
    await cli('publicize', '--from', '2026-06-01');
    await cli('certify', '--date', '2026-06-08');
    const notYet = json<{ items: { id: number }[] }>((await cli('studios', 'due', '--date', '2028-12-01', '--json')).stdout);
    expect(notYet.items).toEqual([]);
    const soon = json<{ items: { id: number; kinds: string[] }[] }>((await cli('studios', 'due', '--date', '2028-12-08', '--json')).stdout);
    expect(soon.items.map((i) => i.kinds)).toEqual([['due-soon'], ['due-soon'], ['due-soon'], ['due-soon']]);
    const over = json<{ items: { kinds: string[] }[] }>((await cli('studios', 'due', '--date', '2029-06-08', '--json')).stdout);
    expect(over.items[0]!.kinds).toEqual(['expired']);

    // A lead who retires before the term ends is flagged (not assessed, not extended).
    const store = openStore(db);
    store.prepare("UPDATE studios SET lead_birth = '1967-01', lead_gender = '男' WHERE plaque = 'GS-2026-001'").run();
    store.close();
    const retiring = json<{ items: { name: string; kinds: string[] }[] }>((await cli('studios', 'due', '--date', '2026-07-01', '--json')).stdout);
    expect(retiring.items).toEqual([expect.objectContaining({ name: '陈国平数控车工技能大师工作室', kinds: ['lead-retires-in-term'] })]);

    const early = await cli('studios', 'renew', 'GS-2026-002');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('当前状态为“有效”');
    const s2 = openStore(db);
    const id = (s2.prepare("SELECT id FROM studios WHERE plaque = 'GS-2026-002'").get() as { id: number }).id;
    s2.close();
    // A 考核合格 made directly, with no confirmed assessment behind it, is no ground for renewal.
    const s3 = openStore(db);
    s3.prepare("UPDATE studios SET status = 'assessed-pass' WHERE id = ?").run(id);
    s3.close();
    const groundless = await cli('studios', 'renew', 'GS-2026-002');
    expect(groundless.code).toBe(1);
    expect(groundless.stderr).toContain('的“考核合格”没有对应的考核表');
    // The outcome comes from an imported assessment and `score confirm`.
    const s4 = openStore(db);
    s4.prepare("UPDATE studios SET status = 'valid' WHERE id = ?").run(id);
    const studio = s4.prepare('SELECT name, lead_name AS leadName, unit_name AS unitName FROM studios WHERE id = ?').get(id) as { name: string; leadName: string; unitName: string };
    s4.close();
    const form = await writeAssessmentForm(dir, '考核表.xlsx', { studioName: studio.name, leadName: studio.leadName, unitName: studio.unitName, plaque: 'GS-2026-002' }, 9);
    expect((await cli('assess', 'import', form)).code).toBe(0);
    expect((await cli('score', 'confirm')).code).toBe(0);
    const renew = await cli('studios', 'renew', 'GS-2026-002');
    expect(renew.stderr).toContain('新有效期 2029-06-08 至 2032-06-07');
    expect(json<{ status: string; validUntil: string }[]>((await cli('studios', 'list', '--status', '已续建', '--json')).stdout)).toEqual([
      expect.objectContaining({ status: 'renewed', validUntil: '2032-06-07' }),
    ]);
    const undo = await cli('history', 'GS-2026-002', '--studio', '--undo', '--reason', '录错');
    expect(undo.code, undo.stderr).toBe(0);
    expect(json<{ validUntil: string }[]>((await cli('studios', 'list', '--status', 'assessed-pass', '--json')).stdout)[0]!.validUntil).toBe('2029-06-07');
    expect((await cli('studios', 'revoke', 'GS-2026-003')).code).toBe(2);
    expect((await cli('studios', 'revoke', 'GS-2026-003', '--reason', '单位注销')).code).toBe(0);
    expect((await cli('studios', 'revoke', 'GS-2026-003', '--reason', '再次')).stderr).toContain('已是最终状态');
  });
});

describe('studios certified before gongshu', () => {
  it('takes the certification date of a studio made from an assessment form, and then lists it when due', async () => {
    const { cli } = reviewedDb();
    await cli('assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios');
    const due = await cli('studios', 'due', '--date', '2026-01-10');
    expect(due.stderr).toContain('没有认定日期');
    const set = await cli('studios', 'set', '2', '--certified-on', '2023-06-15');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('有效期 2023-06-15 至 2026-06-14');
    const listed = json<{ items: { id: number; kinds: string[] }[] }>((await cli('studios', 'due', '--date', '2026-01-10', '--json')).stdout);
    expect(listed.items.map((i) => [i.id, i.kinds])).toEqual([[2, ['due-soon', 'lead-retirement-unknown']]]);
    expect((await cli('studios', 'set', '2')).code).toBe(2);
  });

  it('reads a corrected 认定 date without a year near the one the studio has, never in today’s year', async () => {
    const { cli } = reviewedDb();
    await cli('assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios');
    const studio = json<{ id: number; selectionYear: number | null; certifiedOn: string | null }[]>((await cli('studios', 'list', '--json')).stdout).find((s) => s.id === 2)!;
    expect(studio.certifiedOn).toBeNull();
    // The assessment form gave the year it was selected in (入选年度), not today's year.
    const year = studio.selectionYear!;
    expect(year).toBeLessThan(2026);
    const first = await cli('studios', 'set', '2', '--certified-on', '6月15日');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`有效期 ${year}-06-15 至 ${year + 3}-06-14`);
    // A correction of a day stays beside the date it corrects.
    const moved = await cli('studios', 'set', '2', '--certified-on', '6月20日');
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toContain(`有效期 ${year}-06-20 至 ${year + 3}-06-19`);
  });
});

describe('db', () => {
  it('backs up while in use, checks integrity with counts per status, and keeps the last 10 automatic copies', async () => {
    const { dir, cli } = reviewedDb();
    const out = path.join(dir, 'copy.db');
    expect((await cli('db', 'backup', '-o', out)).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect((await cli('db', 'backup', '-o', out)).code).toBe(1);
    const check = json<{ ok: boolean; applications: { status: string; count: number }[] }>((await runCli(['--db', out, 'db', 'check', '--json'])).stdout);
    expect(check.ok).toBe(true);
    expect(check.applications).toEqual(expect.arrayContaining([{ round: 2026, status: 'reviewed', count: 5 }, { round: 2026, status: 'ineligible', count: 5 }]));
    for (let i = 0; i < 12; i++) {
      await cli('shortlist', '--quota', String(i % 2 === 0 ? 3 : 4));
      await cli('shortlist', 'confirm');
    }
    expect(fs.readdirSync(path.join(dir, 'gongshu-backups'))).toHaveLength(10);
  }, 60_000);
});
