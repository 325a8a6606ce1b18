/**
 * The layouts units type when they retype the form (issue 14, "Why"): values under their labels, 申报单位 for
 * 单位全称, a 合 计 row and an example row in the member table, an ID typed with an apostrophe, 传真 written 无.
 * Each is read as the unit meant it, and the eligibility rules find nothing to complain about.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unitNameOf } from '../../../src/core/application.js';
import { cleanIdNumber, readApplication } from '../../../src/intake/forms/application-reader.js';
import { runRules } from '../../../src/rules/index.js';
import { makeContext } from '../../helpers/application-factory.js';
import { reopen } from '../build.js';

type Row = (string | number | null)[];

/** Rows from A1; `hidden` row numbers are hidden as a unit hides its example row. */
function sheet(rows: Row[], hidden: number[] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) => r.forEach((v, c) => {
    if (v !== null) ws.getCell(i + 1, c + 1).value = v;
  }));
  for (const r of hidden) ws.getRow(r).hidden = true;
  return wb;
}

const MEMBERS_HEADER: Row = ['姓名', '性别', '年龄', '学历', '职业（工种）', '职业资格等级', '技能特长', '从业时间及主要业绩'];
const member = (name: string, gender = '男', age = 40): Row => [name, gender, age, '高中', '焊工', '技师', '氩弧焊', '2000年起从事焊接'];

/** A retyped form: every value under its label, the unit named under 申报单位, the lead in label rows. */
const EXAMPLE_ROW = 15;
function retyped(): Row[] {
  return [
    ['技能大师工作室申报表'],
    ['工作室名称', '周建华焊工技能大师工作室'],
    ['申报单位基本情况'],
    ['申报单位', '法定代表人', '联系人', '联系电话'],
    ['杭州湖墅焊接有限公司', '李明', '王芳', '0571-88880001'],
    ['通信地址', '邮编', '传真', '电子邮箱'],
    ['杭州市拱墅区湖墅南路1号', '310011', '无', 'hr@hushu.example.cn'],
    ['领衔人基本情况'],
    // A row of the lead's labels looks like a member table header (姓名 性别 学历 职业 等级).
    ['姓名', '性别', '学历', '职业（工种）', '职业资格等级'],
    ['周建华', '女', '大专', '焊工', '高级技师'],
    ['出生年月', '身份证号码', '手机'],
    ['1985-06', "'330102198506211448", '13900000002'],
    ['工作室成员情况'],
    MEMBERS_HEADER,
    member('张三（示例）'),
    member('刘强'),
    [null],
    member('陈丽', '女', 38),
    member('赵磊', '男', 29),
    ['合 计 3人'],
    ['李四', '备注：已调离'],
    ['工作室下一步工作计划', '每年带徒8人，开展技术攻关2项。'],
  ];
}

async function read(rows: Row[], hidden: number[] = []) {
  return readApplication(await reopen(sheet(rows, hidden), 'retyped.xlsx'));
}

describe('layouts people type', () => {
  it('reads values written under their labels, and the lead row is not the member table', async () => {
    const { parsed } = await read(retyped(), [EXAMPLE_ROW]);
    const app = parsed.application;
    expect(app.unit).toMatchObject({ legalRepresentative: '李明', contact: '王芳', phone: '0571-88880001', address: '杭州市拱墅区湖墅南路1号', postcode: '310011', email: 'hr@hushu.example.cn' });
    expect(app.lead).toMatchObject({ name: '周建华', gender: '女', birth: '1985-06', occupation: '焊工', skillLevel: '高级技师' });
    expect(parsed.cells['lead.name']).toBe('Sheet1!A10');
    expect(parsed.application.lead).toMatchObject({ education: '大专', mobile: '13900000002' });
    expect(parsed.facts.leadRepeatedInMembers).toBe(0);
    expect(app.members.map((m) => m.name)).toEqual(['刘强', '陈丽', '赵磊']);
    expect(app.workPlan).toBe('每年带徒8人，开展技术攻关2项。');
  });

  it('takes the unit name under 申报单位 when there is no 单位全称: one name everywhere, no missing field', async () => {
    const { parsed } = await read(retyped(), [EXAMPLE_ROW]);
    expect(parsed.application.unit.name).toBe('杭州湖墅焊接有限公司');
    expect(unitNameOf(parsed.application)).toBe('杭州湖墅焊接有限公司');
    expect(parsed.cells['unit.name']).toBe('Sheet1!A5');
  });

  it('ends the member table at 合计 and skips blank, hidden and example rows (the 示例 marker is not stripped into a member)', async () => {
    const hiddenExample = await read(retyped(), [EXAMPLE_ROW]);
    expect(hiddenExample.parsed.application.members.map((m) => m.name)).toEqual(['刘强', '陈丽', '赵磊']);
    // Visible, the example row is still no member; neither is anyone after 合计.
    const visibleExample = await read(retyped());
    expect(visibleExample.parsed.application.members.map((m) => m.name)).toEqual(['刘强', '陈丽', '赵磊']);
    const rows = retyped();
    rows[EXAMPLE_ROW - 1] = ['示例', '男', 40, '高中', '焊工', '技师', '', ''];
    rows[EXAMPLE_ROW + 1] = ['王五（样例）', '男', 30];
    expect((await read(rows)).parsed.application.members.map((m) => m.name)).toEqual(['刘强', '陈丽', '赵磊']);
  });

  it('cleans an ID typed with an apostrophe, spaces or full-width digits before any check', async () => {
    const { parsed } = await read(retyped(), [EXAMPLE_ROW]);
    expect(parsed.application.lead.idNumber).toBe('330102198506211448');
    expect(cleanIdNumber("'３３０１０２ 1985 0621 144x")).toBe('33010219850621144X');
    expect(cleanIdNumber('‘330102198506211448')).toBe('330102198506211448');
  });

  it('reads 传真 written 无 as empty, not as an invalid number; a required field written 无 stays what it is', async () => {
    const { parsed } = await read(retyped(), [EXAMPLE_ROW]);
    expect(parsed.application.unit.fax).toBe('');
    const rows = retyped();
    rows[11] = ['1985-06', '无', '13900000002'];
    expect((await read(rows)).parsed.application.lead.idNumber).toBe('无');
  });

  it('the whole retyped form passes the rules the unit meets (no missing field, no invalid phone, no bad ID)', async () => {
    const { parsed } = await read(retyped(), [EXAMPLE_ROW]);
    const codes = runRules({ ...makeContext(), parsed }).map((f) => f.code);
    for (const code of ['missing-field', 'invalid-phone', 'id-checksum', 'id-birth-mismatch', 'id-gender-mismatch', 'team-size']) expect(codes).not.toContain(code);
  });
});
