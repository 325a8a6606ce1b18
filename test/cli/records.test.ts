/**
 * Records that stay true through the whole cycle (issue 12), through the real commands: each case a clerk met
 * where a typo, a resubmission, a re-check or an undo used to leave the records wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeApplication, makeLead, defaultMembers, makeMember } from '../helpers/application-factory.js';
import { applications, certifiedRound, expectOk, HUANG, idFor, roundDb, writeAssessmentForm, writeReviewSheet, type RoundDb } from '../helpers/round.js';
import { cellTexts, writeApplicationWorkbook } from '../helpers/workbooks.js';
import { retirementFor } from '../../src/core/retirement.js';
import { chinaDate } from '../../src/core/china-time.js';

interface Studio {
  id: number;
  plaque: string | null;
  name: string;
  status: string;
  unitName: string;
  subsidyPaidOn: string | null;
  applicationId: number | null;
}

interface Scored {
  id: number;
  studioId: number;
  plaque: string | null;
  studioName: string;
  total: number;
}

describe('an assessment form is linked to its studio of the register, never to a new one by accident', () => {
  async function huangCertified(): Promise<RoundDb> {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    return r;
  }

  it('links a form whose studio name has a typo to the certified studio, with a warning naming both spellings; the corrected form is a new version', async () => {
    const r = await huangCertified();
    const [studio] = await r.json<Studio[]>('studios', 'list');
    expect(studio).toMatchObject({ plaque: 'GS-2026-001', name: '黄志刚装配钳工技能大师工作室' });
    const who = { leadName: '黄志刚', unitName: '杭州半山重工机械有限公司' };
    const typo = await writeAssessmentForm(r.dir, '考核表-黄志刚.xlsx', { ...who, studioName: '黄志刚装配钳工大师工作室' }, 7);
    const first = await r.cli('assess', 'import', typo, '--json');
    expect(first.code).toBe(0);
    const [row] = JSON.parse(first.stdout) as { outcome: string; id: number; title: string; problems: { code: string; message: string }[] }[];
    expect(row).toMatchObject({ outcome: 'imported', title: '黄志刚装配钳工技能大师工作室（GS-2026-001）' });
    expect(row!.problems.find((p) => p.code === 'studio-name-differs')!.message).toContain('表上的工作室名称“黄志刚装配钳工大师工作室”与登记的“黄志刚装配钳工技能大师工作室”（GS-2026-001）不一致');

    const corrected = await writeAssessmentForm(r.dir, '考核表-黄志刚-更正.xlsx', { ...who, studioName: '黄志刚装配钳工技能大师工作室' }, 9);
    const second = JSON.parse((await r.cli('assess', 'import', corrected, '--json')).stdout) as { outcome: string; id: number; version: number }[];
    expect(second[0]).toMatchObject({ outcome: 'new-version', id: row!.id, version: 2 });

    expect(await r.json<Studio[]>('studios', 'list')).toHaveLength(1);
    const scores = await r.json<Scored[]>('score');
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ studioId: studio!.id, plaque: 'GS-2026-001', studioName: '黄志刚装配钳工技能大师工作室' });
    const out = path.join(r.dir, '结果.xlsx');
    expect((await r.cli('export', 'results', '-o', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((rowCells) => rowCells.eachCell((c) => cells.push(String(c.value))));
    expect(cells.filter((c) => c.includes('黄志刚装配钳工'))).toHaveLength(1);
  });

  it('links by the plaque number when the form has one, whatever the name says', async () => {
    const r = await huangCertified();
    const file = await writeAssessmentForm(r.dir, '考核表.xlsx', { leadName: '黄志钢', unitName: '半山重工', studioName: '黄志钢钳工大师工作室' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.worksheets[0]!;
    sheet.getCell('A40').value = '铭牌编号';
    sheet.getCell('B40').value = 'gs-2026-001';
    await wb.xlsx.writeFile(file);
    const [row] = JSON.parse((await r.cli('assess', 'import', file, '--json')).stdout) as { outcome: string; title: string; problems: { code: string }[] }[];
    expect(row).toMatchObject({ outcome: 'imported', title: '黄志刚装配钳工技能大师工作室（GS-2026-001）' });
    expect(row!.problems.map((p) => p.code)).not.toContain('studio-name-differs');
  });

  it('refuses a form that matches no studio, naming the closest; --new-studios creates one and says so; it can be withdrawn, or merged into the right studio', async () => {
    const r = await huangCertified();
    const stranger = await writeAssessmentForm(r.dir, '考核表-李某.xlsx', { studioName: '李大海焊工技能大师工作室', leadName: '李大海', unitName: '杭州某焊接公司' });
    const refused = await r.cli('assess', 'import', stranger);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('表上的工作室“李大海焊工技能大师工作室”（领衔人 李大海）在工作室登记中找不到，未导入');
    expect(refused.stdout).toContain('最接近的：GS-2026-001 黄志刚装配钳工技能大师工作室');
    expect(refused.stdout).toContain('--new-studios');
    expect(await r.json<Scored[]>('score')).toEqual([]);

    const created = JSON.parse((await r.cli('assess', 'import', stranger, '--new-studios', '--json')).stdout) as { outcome: string; id: number; problems: { code: string }[] }[];
    expect(created[0]).toMatchObject({ outcome: 'imported' });
    expect(created[0]!.problems.map((p) => p.code)).toContain('studio-created-from-assessment');
    const studios = await r.json<Studio[]>('studios', 'list');
    expect(studios.map((s) => s.name)).toEqual(['黄志刚装配钳工技能大师工作室', '李大海焊工技能大师工作室']);

    // Withdrawn, it leaves scoring; restored, it comes back; both logged.
    const id = String(created[0]!.id);
    expect((await r.cli('assess', 'withdraw', id)).code).toBe(2);
    expect((await r.cli('assess', 'withdraw', id, '--reason', '误导入')).code).toBe(0);
    expect(await r.json<Scored[]>('score')).toEqual([]);
    expect((await r.cli('assess', 'withdraw', id, '--undo', '--reason', '误操作')).code).toBe(0);
    expect(await r.json<Scored[]>('score')).toHaveLength(1);

    // The studio created in error is folded into the right one: its assessment moves, its row stays as 已合并.
    const wrong = studios.find((s) => s.name.startsWith('李大海'))!;
    const certified = await r.cli('studios', 'merge', 'GS-2026-001', String(wrong.id), '--reason', 'x');
    expect(certified.code).toBe(1);
    expect(certified.stderr).toContain('是认定产生的，不能合并掉');
    const merged = await r.cli('studios', 'merge', String(wrong.id), 'GS-2026-001', '--reason', '考核表名称写错，误建');
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('转入考核 1 份');
    expect((await r.json<Studio[]>('studios', 'list')).map((s) => s.plaque)).toEqual(['GS-2026-001']);
    expect((await r.json<Studio[]>('studios', 'list', '--status', '已合并')).map((s) => s.id)).toEqual([wrong.id]);
    expect((await r.json<Scored[]>('score')).map((s) => s.plaque)).toEqual(['GS-2026-001']);
  });
});

describe('a studio\'s status follows its assessments', () => {
  async function passed(): Promise<{ r: RoundDb; assessment: string }> {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const form = await writeAssessmentForm(r.dir, '考核表.xlsx', { studioName: HUANG.studioName, leadName: '黄志刚', unitName: HUANG.unit.name }, 9);
    const [row] = JSON.parse((await r.cli('assess', 'import', form, '--json')).stdout) as { id: number }[];
    const confirm = await r.cli('score', 'confirm');
    expect(confirm.code, confirm.stderr).toBe(0);
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.status).toBe('assessed-pass');
    return { r, assessment: String(row!.id) };
  }

  it('takes back the confirmed 考核合格 when its only assessment is withdrawn, and then refuses renewal', async () => {
    const { r, assessment } = await passed();
    const withdrawn = await r.cli('assess', 'withdraw', assessment, '--reason', '导入错了工作室');
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(withdrawn.stderr).toContain('年度的考核结果“考核合格”是按这份考核确认的，已随之撤销，状态恢复为“有效”');
    const [studio] = await r.json<Studio[]>('studios', 'list');
    expect(studio!.status).toBe('valid');
    const renew = await r.cli('studios', 'renew', 'GS-2026-001');
    expect(renew.code).toBe(1);
    expect(await r.json<Studio[]>('studios', 'list')).toMatchObject([{ status: 'valid' }]);
    // Restored, the sheet counts again; the outcome is confirmed again by score confirm, and then renewal stands on it.
    expect((await r.cli('assess', 'withdraw', assessment, '--undo', '--reason', '误操作')).code).toBe(0);
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.status).toBe('valid');
    expect((await r.cli('score', 'confirm')).code).toBe(0);
    const renewed = await r.cli('studios', 'renew', 'GS-2026-001');
    expect(renewed.code, renewed.stderr).toBe(0);
  });

  it('studios renew --date without a year is taken near the old term’s end, not in this year', async () => {
    const { r } = await passed();
    const [before] = await r.json<(Studio & { validUntil: string })[]>('studios', 'list');
    const end = before!.validUntil;
    // The day after the term ends, typed without its year (three years on from now).
    const day = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 1, Number(end.slice(8, 10)) + 1)).toISOString().slice(0, 10);
    const renewed = await r.cli('studios', 'renew', 'GS-2026-001', '--date', `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`);
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(renewed.stdout + renewed.stderr).toContain(day);
  });

  it('refuses to withdraw an assessment whose outcome a renewal already stands on, saying what to undo first', async () => {
    const { r, assessment } = await passed();
    expect((await r.cli('studios', 'renew', 'GS-2026-001')).code).toBe(0);
    const refused = await r.cli('assess', 'withdraw', assessment, '--reason', '导入错了');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('之后工作室又有了变更（续建）');
    expect(refused.stderr).toContain('gongshu history 1 --studio --undo');
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.status).toBe('renewed');
    expect((await r.json<Scored[]>('score')).length).toBe(1);
    // Undo the renewal as told, then the withdrawal goes through.
    expect((await r.cli('history', '1', '--studio', '--undo', '--reason', '续建依据的考核有误')).code).toBe(0);
    expect((await r.cli('assess', 'withdraw', assessment, '--reason', '导入错了')).code).toBe(0);
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.status).toBe('valid');
  });
});

describe('a studio is identified by its id and plaque, never by name', () => {
  it('certifies two people called 王伟, both 电工, of two units, as two studios with two plaques', async () => {
    const r = roundDb();
    const wang = (unit: string, id: string) =>
      makeApplication({ studioName: '王伟电工技能大师工作室', coverUnit: unit, unit: { name: unit }, lead: makeLead({ name: '王伟', occupation: '电工', birth: '1980-01', idNumber: id }) });
    await certifiedRound(r, [wang('杭州甲电力有限公司', idFor('19800101', '031')), wang('杭州乙电气有限公司', idFor('19800102', '053'))]);
    const studios = await r.json<Studio[]>('studios', 'list');
    expect(studios.map((s) => [s.plaque, s.name, s.unitName])).toEqual([
      ['GS-2026-001', '王伟电工技能大师工作室', '杭州甲电力有限公司'],
      ['GS-2026-002', '王伟电工技能大师工作室', '杭州乙电气有限公司'],
    ]);
    expect((await applications(r)).map((a) => a.status)).toEqual(['certified', 'certified']);
  });
});

describe('an application is one application, whatever the form looks like', () => {
  it('takes a resubmission whose ID is typed with spaces and full-width digits as a new version, not a second application', async () => {
    const r = roundDb();
    const first = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ members: defaultMembers().slice(0, 2) }));
    expect((await r.cli('apply', 'import', first, '--received', '2026-05-20')).code).toBe(0);
    const spaced = '３３０１０５ 19750615 0010';
    const corrected = await writeApplicationWorkbook(r.dir, 'b.xlsx', makeApplication({ lead: makeLead({ idNumber: spaced }) }));
    const again = JSON.parse((await r.cli('apply', 'import', corrected, '--received', '2026-05-20', '--json')).stdout) as { outcome: string; id: number; version: number }[];
    expect(again[0]).toMatchObject({ outcome: 'new-version', id: 1, version: 2 });
    const apps = await applications(r);
    expect(apps).toHaveLength(1);
    expect(apps[0]!.eligibility).toBe('eligible');
    expect(apps[0]!.findings.map((f) => f.code)).not.toContain('duplicate-lead');
  });

  it('counts a member listed twice once toward the team of 3, with a warning', async () => {
    const r = roundDb();
    const members = [...defaultMembers().slice(0, 2), makeMember({ name: defaultMembers()[0]!.name })];
    const file = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ members }));
    await r.cli('apply', 'import', file, '--received', '2026-05-20');
    const [app] = await applications(r);
    expect(app!.eligibility).toBe('ineligible');
    expect(app!.findings.map((f) => `${f.code}:${f.severity}`).sort()).toEqual(['member-duplicate:warning', 'team-size:error']);
    expect(app!.findings.find((f) => f.code === 'team-size')!.message).toContain('只有 2 人');
  });
});

describe('identity is never guessed across people', () => {
  // Two leads called 张伟 in one unit, with different valid IDs.
  const first = makeApplication({ studioName: '张伟数控车工技能大师工作室', lead: makeLead({ name: '张伟', birth: '1975-03', idNumber: idFor('19750315', '011') }) });
  const second = makeApplication({ studioName: '张伟焊工技能大师工作室', lead: makeLead({ name: '张伟', occupation: '焊工', birth: '1980-07', idNumber: idFor('19800712', '013') }) });
  /** One digit of a valid ID changed: never a valid ID again (GB 11643's check character catches it). */
  const mistyped = (id: string): string => `${id.slice(0, 10)}${(Number(id[10]) + 1) % 10}${id.slice(11)}`;

  async function twoZhangWei(r: RoundDb): Promise<void> {
    const files = [await writeApplicationWorkbook(r.dir, '1.xlsx', first), await writeApplicationWorkbook(r.dir, '2.xlsx', second)];
    expect((await r.cli('apply', 'import', ...files, '--received', '2026-05-20')).code).toBe(0);
  }
  type Show = { lead: { birth: string; idNumber: string }; version: number; pendingVersions: number[] };

  it('holds a corrected form of the second 张伟 with a mistyped ID on the second one, names both, and changes nothing until accepted', async () => {
    const r = roundDb();
    await twoZhangWei(r);
    const corrected = await writeApplicationWorkbook(r.dir, '2更正.xlsx', { ...second, lead: { ...second.lead, idNumber: mistyped(second.lead.idNumber) }, workPlan: '每年带徒 10 人。' });
    const run = await r.cli('apply', 'import', corrected, '--received', '2026-05-21');
    expect(run.code, run.stderr).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said).toContain('无法确认领衔人是同一人（同单位有 2 位同名领衔人，身份证号码无法对照）');
    expect(said).toContain('#1 张伟（出生 1975-03，男）、#2 张伟（出生 1980-07，男）');
    expect(said).toContain('新表已保存为申报 #2 的第 2 版，暂不生效');
    const one = await r.json<Show>('apply', 'show', '1');
    expect(one).toMatchObject({ version: 1, pendingVersions: [] });
    expect(one.lead.birth).toBe('1975-03');
    expect(one.lead.idNumber).toBe(first.lead.idNumber);
    expect(await r.json<Show>('apply', 'show', '2')).toMatchObject({ version: 1, pendingVersions: [2] });
    expect(await applications(r)).toHaveLength(2);
    // Only the clerk's acceptance puts it into effect, on the second person's application.
    const accepted = await r.cli('apply', 'accept-version', '2', '--reason', '与单位电话核实是第二位张伟的更正表');
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(await r.json<Show>('apply', 'show', '2')).toMatchObject({ version: 2, pendingVersions: [] });
    expect((await r.json<Show>('apply', 'show', '1')).version).toBe(1);
  });

  it('accept-version on an eligible application, then history --undo: version, status and findings are exactly as before', async () => {
    const r = roundDb();
    await twoZhangWei(r);
    const corrected = await writeApplicationWorkbook(r.dir, '2更正.xlsx', { ...second, lead: { ...second.lead, idNumber: mistyped(second.lead.idNumber) }, workPlan: '每年带徒 10 人。' });
    await expectOk(r.cli('apply', 'import', corrected, '--received', '2026-05-21'), 'import corrected');
    type Full = Show & { status: string; eligibility: string; findings: { code: string; severity: string; message: string }[] };
    const before = await r.json<Full>('apply', 'show', '2');
    expect(before).toMatchObject({ status: 'eligible', version: 1, pendingVersions: [2] });
    await expectOk(r.cli('apply', 'accept-version', '2', '--reason', '与单位电话核实'), 'accept-version');
    const accepted = await r.json<Full>('apply', 'show', '2');
    expect(accepted.version).toBe(2);
    expect(accepted.lead.idNumber).not.toBe(before.lead.idNumber);
    const undo = await r.cli('history', '2', '--undo', '--reason', '核实有误，仍用第 1 版');
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout + undo.stderr).toContain('已撤销“采用第 2 版”，改回第 1 版申报表（第 2 版重新暂不生效）');
    const log = await r.json<{ action: string; text: string }[]>('history', '2');
    expect(log.at(-1)!.text).toContain('撤销采用新版本：改回第 1 版申报表，第 2 版重新暂不生效（原因：核实有误，仍用第 1 版）');
    const after = await r.json<Full>('apply', 'show', '2');
    expect(after.version).toBe(1);
    expect(after.pendingVersions).toEqual([2]);
    expect(after.status).toBe(before.status);
    expect(after.eligibility).toBe(before.eligibility);
    expect(after.lead).toEqual(before.lead);
    expect(after.findings).toEqual(before.findings);
    // Nothing left to undo from the acceptance: a second undo does not take back the import's own check.
    expect((await r.json<Full>('apply', 'show', '1')).version).toBe(1);
  });

  it('refuses to undo an acceptance once a later version took effect (a correction), saying what to do, and changes nothing', async () => {
    const r = roundDb();
    await twoZhangWei(r);
    const corrected = await writeApplicationWorkbook(r.dir, '2更正.xlsx', { ...second, lead: { ...second.lead, idNumber: mistyped(second.lead.idNumber) }, workPlan: '每年带徒 10 人。' });
    await expectOk(r.cli('apply', 'import', corrected, '--received', '2026-05-21'), 'import corrected');
    await expectOk(r.cli('apply', 'accept-version', '2', '--reason', '与单位电话核实'), 'accept-version');
    await expectOk(r.cli('apply', 'set', '2', `身份证号码=${second.lead.idNumber}`, '--reason', '与单位电话核实'), 'apply set');
    const before = await r.json<Show & { status: string }>('apply', 'show', '2');
    expect(before.version).toBe(3);
    const undo = await r.cli('history', '2', '--undo', '--reason', '想改回第 1 版');
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain('不能撤销申报 #2 采用第 2 版：之后已有第 3 版生效（更正或新交的表），撤销会丢掉它，未做任何修改');
    expect(await r.json<Show & { status: string }>('apply', 'show', '2')).toEqual(before);
  });

  it('imports as a new application, naming both, a form whose birth and gender fit neither', async () => {
    const r = roundDb();
    await twoZhangWei(r);
    const stranger = await writeApplicationWorkbook(r.dir, '3.xlsx', { ...second, lead: { ...second.lead, birth: '1990-01', idNumber: '33010519900101' } });
    const run = await r.cli('apply', 'import', stranger, '--received', '2026-05-21');
    expect(run.stdout + run.stderr).toContain('同单位已有同名领衔人的申报：#1 张伟（出生 1975-03，男）、#2 张伟（出生 1980-07，男）；本表出生年月和性别不能对应到唯一一位，无法确认是其中哪一位，已作为新申报 #3 导入');
    const apps = await applications(r);
    expect(apps.map((a) => [a.id, a.version, a.pendingVersions])).toEqual([[1, 1, []], [2, 1, []], [3, 1, []]]);
  });

  it('holds, even with one 张伟 in the unit, a form that loses the readable ID the application had', async () => {
    const r = roundDb();
    await r.cli('apply', 'import', await writeApplicationWorkbook(r.dir, '2.xlsx', second), '--received', '2026-05-20');
    const corrected = await writeApplicationWorkbook(r.dir, '2更正.xlsx', { ...second, lead: { ...second.lead, idNumber: mistyped(second.lead.idNumber) } });
    const run = await r.cli('apply', 'import', corrected, '--received', '2026-05-21');
    expect(run.stdout + run.stderr).toContain('无法确认领衔人是同一人（表中身份证号码无法识别）');
    expect(await r.json<Show>('apply', 'show', '1')).toMatchObject({ version: 1, pendingVersions: [2] });
  });

  it('holds, not puts into effect, a form of another person (李四) that carries the second 张伟\'s ID copied into it', async () => {
    const r = roundDb();
    await twoZhangWei(r);
    const copied = await writeApplicationWorkbook(r.dir, '李四.xlsx', makeApplication({ studioName: '李四电工技能大师工作室', lead: makeLead({ name: '李四', occupation: '电工', birth: '1968-02', idNumber: second.lead.idNumber }) }));
    const run = await r.cli('apply', 'import', copied, '--received', '2026-05-21');
    expect(run.code, run.stderr).toBe(0);
    const said = run.stdout + run.stderr;
    expect(said).toContain('表中领衔人李四（出生 1968-02，男）与申报 #2 的领衔人张伟（出生 1980-07，男）身份证号码相同，但姓名、出生年月不同');
    expect(said).toContain('新表已保存为申报 #2 的第 2 版，暂不生效');
    const two = await r.json<Show & { studioName: string }>('apply', 'show', '2');
    expect(two).toMatchObject({ version: 1, pendingVersions: [2], studioName: second.studioName });
    expect(two.lead.birth).toBe('1980-07');
  });

  it('still takes a corrected form of the one same-named lead, same birth month and gender, when neither side has a readable ID', async () => {
    const r = roundDb();
    const typo = mistyped(second.lead.idNumber);
    await r.cli('apply', 'import', await writeApplicationWorkbook(r.dir, '2.xlsx', { ...second, lead: { ...second.lead, idNumber: typo } }), '--received', '2026-05-20');
    const again = await writeApplicationWorkbook(r.dir, '2更正.xlsx', { ...second, lead: { ...second.lead, idNumber: typo }, workPlan: '每年带徒 10 人。' });
    const run = JSON.parse((await r.cli('apply', 'import', again, '--received', '2026-05-21', '--json')).stdout) as { outcome: string; id: number; version: number }[];
    expect(run[0]).toMatchObject({ outcome: 'new-version', id: 1, version: 2 });
  });
});

describe('a form changed after expert review does not change what was reviewed, publicized and certified', () => {
  it('holds a new version imported during 公示; certification keeps the publicized name and team', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const changed = await writeApplicationWorkbook(
      r.dir,
      '更正.xlsx',
      makeApplication({ ...HUANG, studioName: '黄志刚钳工技能大师工作室', unit: HUANG.unit, members: defaultMembers().slice(0, 2), lead: { ...HUANG.lead, occupation: '钳工' } }),
    );
    const held = await r.cli('apply', 'import', changed);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain('新版本待采用');
    expect(held.stdout).toContain('申报 #1 已是“公示中”：新表已保存为第 2 版，但暂不生效');
    const [app] = await applications(r);
    expect(app).toMatchObject({ status: 'publicized', version: 1, pendingVersions: [2], studioName: '黄志刚装配钳工技能大师工作室' });
    expect((await r.cli('certify', '--date', '2026-06-08', '--keep-version')).code).toBe(0);
    const [studio] = await r.json<Studio[]>('studios', 'list');
    expect(studio).toMatchObject({ name: '黄志刚装配钳工技能大师工作室', plaque: 'GS-2026-001' });
    // After 认定 the application no longer changes.
    const accept = await r.cli('apply', 'accept-version', '1', '--reason', '单位来函');
    expect(accept.code).toBe(1);
    expect(accept.stderr).toContain('已认定');
  });

  it('takes a held version into effect only when the clerk accepts it: back to the eligibility check and off the list, logged, undoable', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const changed = await writeApplicationWorkbook(r.dir, '更正.xlsx', { ...HUANG, members: defaultMembers().slice(0, 2) });
    await r.cli('apply', 'import', changed);
    expect((await r.cli('apply', 'accept-version', '1')).code).toBe(2);
    const accepted = await r.cli('apply', 'accept-version', '1', '--reason', '单位来函更正团队成员');
    expect(accepted.code, accepted.stderr).toBe(0);
    let [app] = await applications(r);
    expect(app).toMatchObject({ status: 'ineligible', version: 2, pendingVersions: [] });
    const certify = await r.cli('certify', '--date', '2026-06-08');
    expect(certify.code).toBe(1);
    expect(await r.json<Studio[]>('studios', 'list')).toEqual([]);
    const log = await r.json<{ action: string; detail: { event?: string; reason?: string } }[]>('history', '1');
    expect(log.filter((e) => e.action === 'status').map((e) => e.detail.event)).toEqual(['check-pass', 'review', 'shortlist', 'publicize', 'accept-version', 'check-fail']);
    // One undo reverses the acceptance whole (its re-check with it) — back to 公示中 on version 1.
    await r.cli('history', '1', '--undo', '--reason', '误操作');
    [app] = await applications(r);
    expect(app).toMatchObject({ status: 'publicized', version: 1, pendingVersions: [2] });
  });

  it('corrects a field the unit confirmed (apply set) as a new version before review, and refuses it after', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ lead: makeLead({ idNumber: '330105197506150011' }) }));
    await r.cli('apply', 'import', file, '--received', '2026-05-20');
    let [app] = await applications(r);
    expect(app!.findings.map((f) => f.code)).toContain('id-checksum');
    const noReason = await r.cli('apply', 'set', '1', '身份证号码=330105197506150010');
    expect(noReason.code).toBe(2);
    const bad = await r.cli('apply', 'set', '1', '身份证号码=330105197506150012', '--reason', '电话核实');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('不是有效的身份证号码');
    const ok = await r.cli('apply', 'set', '1', '身份证号码=330105197506150010', '--reason', '与单位电话核实');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('已更正 身份证号码（第 2 版，原表仍保留）');
    [app] = await applications(r);
    expect(app).toMatchObject({ eligibility: 'eligible', version: 2 });
    const history = await r.json<{ history: { version: number; file: string; state: string }[] }>('apply', 'show', '1', '--history');
    expect(history.history.map((v) => [v.version, v.state])).toEqual([[1, 'earlier'], [2, 'current']]);
  });
});

describe('a certified application is frozen', () => {
  it('refuses every change command with what to do instead, and the record stays as certified', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const before = await r.json<unknown>('apply', 'show', '1');
    const attempts: [string[], string][] = [
      [['apply', 'set', '1', '--female-group', 'cadre'], '女性领衔人退休类别的设置未做'],
      [['apply', 'set', '1', '工作室名称=黄志刚钳工技能大师工作室', '--reason', '单位来函'], '更正未做'],
      [['apply', 'materials', '1', '--report-name', '黄志刚钳工技能大师工作室'], '材料登记未做'],
      [['apply', 'materials', '1', '--received', '申办报告'], '材料登记未做'],
      [['apply', 'override', '1', 'late-submission', '--reason', '同意'], '豁免或确认提醒未做'],
      [['apply', 'override', '1', 'late-submission', '--undo', '--reason', '误操作'], '撤销豁免未做'],
    ];
    for (const [args, what] of attempts) {
      const run = await r.cli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(`申报 #1 已认定，申报记录不再改动：${what}`);
      expect(run.stderr).toContain('gongshu history 1 --undo');
    }
    expect(await r.json<unknown>('apply', 'show', '1')).toEqual(before);
    expect((await r.cli('apply', 'withdraw', '1', '--reason', 'x')).code).toBe(1);
    expect((await r.cli('apply', 'accept-version', '1', '--reason', 'x')).code).toBe(1);
  });

  it('refuses a female retirement group for a male lead before 认定 too', async () => {
    const r = roundDb();
    await r.cli('apply', 'import', await writeApplicationWorkbook(r.dir, 'a.xlsx', HUANG), '--received', '2026-05-20');
    const run = await r.cli('apply', 'set', '1', '--female-group', 'cadre');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('申报 #1 的领衔人黄志刚是男性，女性退休类别（工人/干部）不适用，未设置');
  });
});

describe('every list that shows findings shows what the clerk did about them', () => {
  it('shows a confirmed reminder as 已确认 and a corrected field as 已更正 in apply show, the 汇总表 and the internal 拟认定名单', async () => {
    const r = roundDb();
    // A man born 1968-06 retires in 2029-05, inside the term that starts at the 2026-05-22 deadline: a 提醒.
    expect(retirementFor('1968-06', 'male').month).toBe('2029-05');
    const lead = makeLead({ name: '赵刚', birth: '1968-06', idNumber: idFor('19680615') });
    const file = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ studioName: '赵刚数控车工大师工作室', lead }));
    await expectOk(r.cli('apply', 'import', file, '--received', '2026-05-20'), 'import');
    expect((await applications(r))[0]!.findings.map((f) => f.code)).toContain('retirement-in-term');
    await expectOk(r.cli('apply', 'set', '1', '工作室名称=赵刚数控车工技能大师工作室', '--reason', '单位来函更正名称'), 'set');
    const ack = await expectOk(r.cli('apply', 'override', '1', 'retirement-in-term', '--reason', '专家委员会同意'), 'acknowledge');
    expect(ack.stderr + ack.stdout).toMatch(/申报 #1：已确认提醒“有效期内退休”（领衔人出生年月 申报表!\w+）/u);
    const same = await r.cli('apply', 'set', '1', '工作室名称=赵刚数控车工技能大师工作室', '--reason', '再次来函');
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('申报 #1 的工作室名称已经是这个内容，没有更正');
    const today = chinaDate();

    const show = await r.cli('apply', 'show', '1');
    expect(show.stdout).toMatch(/已确认 .*有效期内退休/u);
    expect(show.stdout).toContain(`（理由：专家委员会同意；${today}）`);
    expect(show.stdout).toMatch(/已更正 .*工作室名称：赵刚数控车工大师工作室 → 赵刚数控车工技能大师工作室（原因：单位来函更正名称；/u);
    const json = await r.json<{ corrections: { field: string; from: string; to: string; reason: string; date: string }[] }>('apply', 'show', '1');
    expect(json.corrections).toEqual([{ field: '工作室名称', path: 'studioName', from: '赵刚数控车工大师工作室', to: '赵刚数控车工技能大师工作室', reason: '单位来函更正名称', date: today, version: 2 }]);

    const summary = path.join(r.dir, '汇总.xlsx');
    await expectOk(r.cli('export', 'review', '-o', summary), 'export review');
    const summaryText = (await cellTexts(summary)).join('\n');
    expect(summaryText).toContain(`已确认（理由：专家委员会同意；${today}）：［`);
    expect(summaryText).toContain(`已更正 工作室名称：赵刚数控车工大师工作室 → 赵刚数控车工技能大师工作室（原因：单位来函更正名称；${today}）`);
    expect(summaryText).not.toMatch(/提醒：［[^\n]*退休/u);

    const sheet = await writeReviewSheet(r.dir, '评审.xlsx', [{ id: 1, studioName: '赵刚数控车工技能大师工作室', unitName: '杭州拱墅精工机械有限公司' }]);
    await expectOk(r.cli('review', 'import', sheet), 'review import');
    await expectOk(r.cli('shortlist', 'confirm'), 'shortlist confirm');
    const internal = path.join(r.dir, '内部.xlsx');
    await expectOk(r.cli('export', 'shortlist', '--internal', '-o', internal), 'export shortlist');
    const internalText = (await cellTexts(internal)).join('\n');
    expect(internalText).toContain(`已确认（理由：专家委员会同意；${today}）：`);
    expect(internalText).toContain('已更正 工作室名称：赵刚数控车工大师工作室 → 赵刚数控车工技能大师工作室');
    expect(internalText).not.toContain('提醒：');
  });
});

describe('the eligibility check compares each application with the others, never with itself', () => {
  it('changes nothing when run again after 认定 (same deadline): no certified application matched against its own studio', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG, makeApplication()]);
    const before = await applications(r);
    expect(before.map((a) => a.status)).toEqual(['certified', 'certified']);
    expect((await r.cli('round', 'set', '2026', '--deadline', '2026-05-22')).code).toBe(0);
    expect((await r.cli('apply', 'validate')).code).toBe(0);
    const after = await applications(r);
    expect(after).toEqual(before);
    expect(after.flatMap((a) => a.findings.map((f) => f.code))).not.toContain('duplicate-lead');
  });

  it('leaves a withdrawn or rejected application out, and re-checks the one that stays at once', async () => {
    const r = roundDb();
    // A mistyped ID (not a valid number) cannot tell two units' forms apart by person: both carry it.
    const typo = '330105197506150011';
    const files = await Promise.all(
      ['杭州甲机械有限公司', '杭州乙机械有限公司', '杭州丙机械有限公司'].map((unit, i) =>
        writeApplicationWorkbook(r.dir, `${i}.xlsx`, makeApplication({ coverUnit: unit, unit: { name: unit }, lead: makeLead({ idNumber: typo }) })),
      ),
    );
    await r.cli('apply', 'import', ...files, '--received', '2026-05-20');
    const dup = async (): Promise<number[][]> => (await applications(r)).map((a) => a.findings.filter((f) => f.code === 'duplicate-lead').length).map((n, i) => [i + 1, n]);
    expect(await dup()).toEqual([[1, 2], [2, 2], [3, 2]]);
    const withdrawn = await r.cli('apply', 'withdraw', '2', '--reason', '单位来函撤回');
    expect(withdrawn.code).toBe(0);
    expect(withdrawn.stderr).toContain('与它同一领衔人的申报 #1、#3 已重新审查');
    expect(await dup()).toEqual([[1, 1], [2, 2], [3, 1]]);
    // Waiving a duplicate lead is not the way out: it is refused, with the way that is.
    const waive = await r.cli('apply', 'override', '1', 'duplicate-lead', '--field', 'lead.idNumber', '--reason', 'x');
    expect(waive.code).toBe(1);
    expect(waive.stderr).toContain('一人只能领衔一个工作室');
    expect((await r.cli('history', '2', '--undo', '--reason', '误操作')).code).toBe(0);
    expect(await dup()).toEqual([[1, 2], [2, 2], [3, 2]]);
  });
});

describe('a waiver follows the notice and covers one finding', () => {
  it('acknowledges one of two warnings of a code; the other still counts; --field names it when there are several', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ unit: { phone: '88256383x', fax: '12345' } }));
    await r.cli('apply', 'import', file, '--received', '2026-05-20');
    let [app] = await applications(r);
    expect(app!.findings.filter((f) => f.code === 'invalid-phone').map((f) => f.field)).toEqual(['unit.phone', 'unit.fax']);
    expect(app!.eligibility).toBe('pending');
    const which = await r.cli('apply', 'override', '1', 'invalid-phone', '--reason', '已核实');
    expect(which.code).toBe(2);
    expect(which.stderr).toContain('请用 --field 指明是哪一条');
    expect((await r.cli('apply', 'override', '1', 'invalid-phone', '--field', 'unit.fax', '--reason', '传真已停用')).code).toBe(0);
    [app] = await applications(r);
    expect(app!.findings.filter((f) => f.code === 'invalid-phone').map((f) => [f.field, Boolean(f.overridden)])).toEqual([['unit.phone', false], ['unit.fax', true]]);
    expect(app!.eligibility).toBe('pending');
    expect((await r.cli('apply', 'override', '1', 'invalid-phone', '--field', 'unit.phone', '--reason', '区号已核实')).code).toBe(0);
    expect((await applications(r))[0]!.eligibility).toBe('eligible');
  });
});

describe('nothing paid or published is lost by an undo', () => {
  it('refuses to undo a certification whose subsidy was paid; undone after the payment record, the studio row stays as 已撤销认定 and its plaque is never given again', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    expect((await r.cli('subsidy', 'paid', 'GS-2026-001', '--date', '2026-07-15')).code).toBe(0);
    const refused = await r.cli('history', '1', '--undo', '--reason', '误认定');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已登记发放补助 20000 元（2026-07-15）');
    expect(refused.stderr).toContain('gongshu subsidy paid GS-2026-001 --undo');
    const listed = path.join(r.dir, '补助.xlsx');
    expect((await r.cli('export', 'subsidy', '-o', listed)).stderr).toContain('合计 20,000 元');

    expect((await r.cli('subsidy', 'paid', 'GS-2026-001', '--undo')).code).toBe(0);
    expect((await r.cli('history', '1', '--undo', '--reason', '误认定')).code).toBe(0);
    expect((await applications(r))[0]!.status).toBe('publicized');
    expect(await r.json<Studio[]>('studios', 'list')).toEqual([]);
    const [gone] = await r.json<Studio[]>('studios', 'list', '--status', 'decertified');
    expect(gone).toMatchObject({ id: 1, plaque: 'GS-2026-001', status: 'decertified', applicationId: 1 });
    const goneLog = await r.json<{ action: string; detail: { event?: string } }[]>('history', '1', '--studio');
    expect(goneLog.map((e) => e.action)).toEqual(['certify', 'subsidy-paid', 'subsidy-paid-undo', 'status']);
    expect(goneLog.at(-1)!.detail.event).toBe('decertify');

    // Certified again: a new row, a new id, the next plaque; the first studio's log stays its own.
    expect((await r.cli('certify', '--date', '2026-06-20')).code).toBe(0);
    const [again] = await r.json<Studio[]>('studios', 'list');
    expect(again).toMatchObject({ id: 2, plaque: 'GS-2026-002' });
    expect((await r.json<{ action: string }[]>('history', '2', '--studio')).map((e) => e.action)).toEqual(['certify']);
    const undoStudio = await r.cli('history', '1', '--studio', '--undo', '--reason', 'x');
    expect(undoStudio.code).toBe(1);
    expect(undoStudio.stderr).toContain('不能在工作室上撤销');
    expect(fs.existsSync(listed)).toBe(true);
  });

  it('refuses to undo a certification once the studio has been assessed', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const form = await writeAssessmentForm(r.dir, 'k.xlsx', { studioName: HUANG.studioName, leadName: '黄志刚', unitName: HUANG.unit.name });
    await r.cli('assess', 'import', form);
    const refused = await r.cli('history', '1', '--undo', '--reason', '误认定');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('GS-2026-001');
    expect((await r.json<Studio[]>('studios', 'list'))[0]!.status).toBe('valid');
  });
});

describe('round settings have one writer, and every score reads them', () => {
  it('sets and shows every setting; score, score confirm and export results use the round\'s rubric and marks', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const form = await writeAssessmentForm(r.dir, 'k.xlsx', { studioName: HUANG.studioName, leadName: '黄志刚', unitName: HUANG.unit.name }, 7);
    await r.cli('assess', 'import', form);
    const grade = async (): Promise<string> => (await r.json<{ gradeName: string }[]>('score'))[0]!.gradeName;
    expect(await grade()).toBe('合格');

    expect((await r.cli('round', 'set', '2026', '--pass-at', '80', '--excellent-at', '70')).code).toBe(2);
    const set = await r.cli('round', 'set', '2026', '--subsidy', '30000', '--pass-at', '40', '--excellent-at', '60');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/考核合格分数线 +│ 40 +│ 本年度设置/u);
    const view = await r.json<{ effective: Record<string, unknown>; defaults: string[] }>('round', 'show');
    expect(view.effective).toMatchObject({ subsidyYuan: 30000, passAt: 40, excellentAt: 60, excellentShare: null, deadline: '2026-05-22' });
    expect(view.defaults).toContain('rubric');
    // The same studio, scored again under the round's marks: every command agrees.
    expect(await grade()).toBe('优秀');
    const out = path.join(r.dir, '结果.xlsx');
    expect((await r.cli('export', 'results', '-o', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('优秀');
    expect(texts).not.toContain('合格');
    // At most 30% 优秀: of one graded studio, none.
    expect((await r.cli('round', 'set', '2026', '--excellent-share', '30%')).code).toBe(0);
    expect(await grade()).toBe('合格');
    expect((await r.cli('round', 'set', '2026', '--excellent-share', '默认')).code).toBe(0);

    // A rubric kept with the round: edit the file afterwards, nothing changes.
    const rubric = JSON.parse(fs.readFileSync(new URL('../../data/rubric/2020.json', import.meta.url), 'utf8')) as { grades: { passShare: number } };
    const file = path.join(r.dir, '评分细则.json');
    fs.writeFileSync(file, JSON.stringify(rubric));
    expect((await r.cli('round', 'set', '2026', '--rubric', file, '--pass-at', '默认', '--excellent-at', '默认')).code).toBe(0);
    fs.writeFileSync(file, '{ broken');
    expect(await grade()).toBe('合格');
    expect((await r.json<{ effective: { rubric: string } }>('round', 'show')).effective.rubric).toBe(file);
    const confirm = await r.json<{ recorded: { grade: string }[] }>('score', 'confirm');
    expect(confirm.recorded.map((p) => p.grade)).toEqual(['pass']);
    const log = await r.json<{ action: string }[]>('history', '1', '--studio');
    expect(log.at(-1)!.action).toBe('status');
    expect((await r.cli('score', '--rubric', file)).code).toBe(2);
  });
});

describe('what gongshu writes guarded reads back as it was', () => {
  it('imports a review sheet whose studio name begins with - (written guarded as \'-…) as that name, not as 不一致', async () => {
    const r = roundDb();
    const name = '-张建国数控车工技能大师工作室';
    await expectOk(r.cli('apply', 'import', await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ studioName: name })), '--received', '2026-05-20'), 'import');
    const sheet = await writeReviewSheet(r.dir, '评审.xlsx', [{ id: 1, studioName: name, unitName: '杭州拱墅精工机械有限公司' }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'${name}`);
    const run = await r.cli('review', 'import', sheet);
    expect(run.stdout + run.stderr).not.toContain('不一致');
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });
});

describe('an export with nothing to list is refused, saying why and what to do first', () => {
  it('export results without a 考核 that year, and export review without an application, write nothing', async () => {
    const r = roundDb();
    await expectOk(r.cli('apply', 'import', await writeApplicationWorkbook(r.dir, 'a.xlsx', HUANG), '--received', '2026-05-20'), 'import');
    const results = path.join(r.dir, '结果.xlsx');
    const run = await r.cli('export', 'results', '-o', results);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2026 年度没有参加评分的考核表，考核结果表无内容可列，未生成。请先导入考核表（gongshu assess import');
    expect(run.stderr).not.toContain('已生成');
    expect(fs.existsSync(results)).toBe(false);
    const review = path.join(r.dir, '汇总.xlsx');
    const empty = await r.cli('--round', '2027', 'export', 'review', '-o', review);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('2027 年度还没有申报，形式审查汇总表无内容可列，未生成');
    expect(fs.existsSync(review)).toBe(false);
  });
});
