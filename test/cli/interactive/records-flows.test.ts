/**
 * The life-cycle cases of issue 12 again, through the menu's code path: the menu calls the same services as
 * the commands, so each case must end with the same records (read back with the commands' --json).
 */
import { answer, enter, pick, screen, shown, startMenu, type MenuRun } from './harness.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMembers, makeApplication, makeLead, makeMember } from '../../helpers/application-factory.js';
import { applications, certifiedRound, HUANG, idFor, roundDb, writeAssessmentForm } from '../../helpers/round.js';
import { writeApplicationWorkbook } from '../../helpers/workbooks.js';

async function leave(run: MenuRun): Promise<void> {
  screen.keypress({ name: 'c', ctrl: true });
  expect(await run.done).toBe(0);
}


/** 导入申报表 or 导入考核表 with one file; the assessment import answers whether to create missing studios. */
async function importFile(label: '导入申报表' | '导入考核表', file: string, newStudios?: boolean): Promise<void> {
  await pick(label);
  await answer(file);
  if (label === '导入申报表') await answer('2026-05-20');
  // Asked only after reading, when the sheet matches no studio.
  else if (newStudios !== undefined) {
    expect(shown()).toContain('个考核表上的工作室在登记中找不到（见上表），未导入。为它们新建工作室记录并导入吗？');
    await answer(newStudios ? 'y' : 'n');
  }
}

describe('菜单：a form is linked to its studio, never to a new one by accident', () => {
  it('links a typo in the studio name to GS-2026-001 and takes the corrected form as its new version', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const run = await startMenu({ dir: r.dir, db: r.db });
    const who = { leadName: '黄志刚', unitName: '杭州半山重工机械有限公司' };
    await importFile('导入考核表', await writeAssessmentForm(r.dir, 'typo.xlsx', { ...who, studioName: '黄志刚装配钳工大师工作室' }, 7));
    expect(run.printed()).toContain('表上的工作室名称“黄志刚装配钳工大师工作室”与登记的“黄志刚装配钳工技能大师工作室”（GS-2026-001）不一致');
    await importFile('导入考核表', await writeAssessmentForm(r.dir, 'right.xlsx', { ...who, studioName: HUANG.studioName }, 9));
    expect(run.printed()).toContain('已更新（新版本）');
    await importFile('导入考核表', await writeAssessmentForm(r.dir, 'none.xlsx', { studioName: '李大海焊工技能大师工作室', leadName: '李大海', unitName: '某公司' }), false);
    expect(run.printed()).toContain('在工作室登记中找不到，未导入');
    await leave(run);
    expect(await r.json<unknown[]>('studios', 'list')).toHaveLength(1);
    expect(await r.json<unknown[]>('score')).toHaveLength(1);
  });
});

describe('菜单：two people of the same name are two studios', () => {
  it('certifies both 王伟 电工 with two plaques', async () => {
    const r = roundDb();
    const wang = (unit: string, id: string) =>
      makeApplication({ studioName: '王伟电工技能大师工作室', coverUnit: unit, unit: { name: unit }, lead: makeLead({ name: '王伟', occupation: '电工', birth: '1980-01', idNumber: id }) });
    await certifiedRound(r, [wang('杭州甲电力有限公司', idFor('19800101', '031')), wang('杭州乙电气有限公司', idFor('19800102', '053'))], { stopAt: 'publicized' });
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('公示与认定');
    await pick('认定（公示期满后）');
    await answer('2026-06-08');
    await answer('y');
    expect(run.printed()).toContain('GS-2026-002');
    await leave(run);
    expect((await r.json<{ plaque: string }[]>('studios', 'list')).map((s) => s.plaque)).toEqual(['GS-2026-001', 'GS-2026-002']);
  });
});

describe('菜单：versions follow the status', () => {
  it('holds a form changed during 公示, and takes it into effect only through 申报处理 → 采用新版本, with a reason', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG], { stopAt: 'publicized' });
    const run = await startMenu({ dir: r.dir, db: r.db });
    await importFile('导入申报表', await writeApplicationWorkbook(r.dir, '更正.xlsx', { ...HUANG, members: defaultMembers().slice(0, 2) }));
    expect(run.printed()).toContain('新版本待采用');
    expect((await applications(r))[0]).toMatchObject({ status: 'publicized', version: 1, pendingVersions: [2] });
    await pick('申报处理');
    await pick('采用评审后交来的新版本');
    await pick('#1 ');
    await answer('单位来函更正团队成员');
    expect(run.printed()).toContain('第 2 版取代第 1 版');
    await answer('y');
    await leave(run);
    expect((await applications(r))[0]).toMatchObject({ status: 'ineligible', version: 2, pendingVersions: [] });
  });

  it('takes a resubmission whose ID has spaces as a new version of the same application', async () => {
    const r = roundDb();
    const run = await startMenu({ dir: r.dir, db: r.db });
    await importFile('导入申报表', await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ members: defaultMembers().slice(0, 2) })));
    await importFile('导入申报表', await writeApplicationWorkbook(r.dir, 'b.xlsx', makeApplication({ lead: makeLead({ idNumber: '330105 1975 0615 0010' }) })));
    expect(run.printed()).toContain('已更新（新版本）');
    await leave(run);
    const apps = await applications(r);
    expect(apps.map((a) => [a.id, a.version, a.eligibility])).toEqual([[1, 2, 'eligible']]);
  });
});

describe('菜单：the eligibility check', () => {
  it('changes nothing when the deadline is set again after 认定', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG, makeApplication()]);
    const before = await applications(r);
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('选择申报年度');
    await enter();
    await answer('y');
    await answer('2026-05-22');
    expect(run.printed()).toContain('已重新审查 2 份申报');
    await leave(run);
    expect(await applications(r)).toEqual(before);
  });

  it('withdraws through 申报处理 and re-checks the applications that shared the lead at once', async () => {
    const r = roundDb();
    const typo = '330105197506150011';
    const files = await Promise.all(
      ['杭州甲机械有限公司', '杭州乙机械有限公司'].map((unit, i) =>
        writeApplicationWorkbook(r.dir, `${i}.xlsx`, makeApplication({ coverUnit: unit, unit: { name: unit }, lead: makeLead({ idNumber: typo }) })),
      ),
    );
    await r.cli('apply', 'import', ...files, '--received', '2026-05-20');
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('申报处理');
    await pick('撤回');
    await pick('#2 ');
    await answer('单位来函撤回');
    await answer('y');
    expect(run.printed()).toContain('与它同一领衔人的申报 #1 已重新审查');
    await leave(run);
    const [first] = await applications(r);
    expect(first!.findings.map((f) => f.code)).not.toContain('duplicate-lead');
  });

  it('counts a member listed twice once, and shows the warning', async () => {
    const r = roundDb();
    const run = await startMenu({ dir: r.dir, db: r.db });
    const members = [...defaultMembers().slice(0, 2), makeMember({ name: defaultMembers()[0]!.name })];
    await importFile('导入申报表', await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ members })));
    await pick('查看申报与问题');
    await pick('#1 ');
    expect(run.printed()).toContain('成员重复');
    await pick('返回主菜单');
    await leave(run);
    expect((await applications(r))[0]!.eligibility).toBe('ineligible');
  });
});

describe('菜单：waivers follow the notice', () => {
  it('offers only what may be waived or acknowledged, one finding at a time', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(r.dir, 'a.xlsx', makeApplication({ members: defaultMembers().slice(0, 2), unit: { phone: '88256383x', fax: '12345' } }));
    await r.cli('apply', 'import', file, '--received', '2026-05-20');
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('形式审查');
    await pick('豁免一项错误或确认一条提醒');
    await pick('#1 ');
    expect(run.printed()).toContain('以下错误不能豁免，须单位交来更正后的申报表或在“申报处理”中更正：团队人数');
    expect(shown()).not.toContain('team-size');
    expect(shown()).toContain('确认提醒：');
    expect(shown()).toContain('确认提醒：电话号码 传真电话 申报表!B4');
    await pick('传真电话');
    await answer('传真已停用');
    await answer('y');
    await leave(run);
    const [app] = await applications(r);
    expect(app!.findings.filter((f) => f.code === 'invalid-phone').map((f) => [f.field, Boolean(f.overridden)])).toEqual([['unit.phone', false], ['unit.fax', true]]);
  });
});

describe('菜单：nothing paid is lost by an undo', () => {
  it('refuses to undo a paid certification from 操作记录与撤销, and undoes it once the payment record is taken back', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    await r.cli('subsidy', 'paid', 'GS-2026-001', '--date', '2026-07-15');
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('操作记录与撤销');
    await pick('一份申报');
    await pick('#1 ');
    await answer('y');
    await answer('误认定');
    expect(run.printed()).toContain('已登记发放补助 20000 元（2026-07-15）');
    expect((await applications(r))[0]!.status).toBe('certified');
    await r.cli('subsidy', 'paid', 'GS-2026-001', '--undo');
    await pick('操作记录与撤销');
    await pick('一份申报');
    await pick('#1 ');
    await answer('y');
    await answer('误认定');
    await leave(run);
    expect((await applications(r))[0]!.status).toBe('publicized');
    expect((await r.json<{ status: string }[]>('studios', 'list', '--status', 'decertified')).map((s) => s.status)).toEqual(['decertified']);
  });

  it('merges a studio created in error into the right one from 工作室管理', async () => {
    const r = roundDb();
    await certifiedRound(r, [HUANG]);
    const stray = await writeAssessmentForm(r.dir, 'k.xlsx', { studioName: '黄志刚大师工作室', leadName: '黄志刚', unitName: '别的单位' });
    await r.cli('assess', 'import', stray, '--new-studios');
    const run = await startMenu({ dir: r.dir, db: r.db });
    await pick('工作室管理');
    await pick('合并误建的工作室');
    await pick('黄志刚大师工作室');
    await pick('GS-2026-001');
    await answer('考核表名称写错');
    await answer('y');
    expect(run.printed()).toContain('转入考核 1 份');
    await leave(run);
    expect((await r.json<{ plaque: string | null }[]>('score')).map((s) => s.plaque)).toEqual(['GS-2026-001']);
    expect(path.basename(r.db)).toBe('g.db');
  });
});
