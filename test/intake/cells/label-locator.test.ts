import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  applicationDictionary,
  buildGrids,
  classifyText,
  locateFields,
  stripHints,
  type Located,
} from '../../../src/intake/cells/label-locator.js';
import { modelOfWorkbook } from '../../../src/intake/adapters/exceljs.js';
import { put } from '../build.js';

const dict = applicationDictionary();

/** Lays rows out from A1 (null = empty cell); `merges` are applied after. */
function sheet(wb: ExcelJS.Workbook, name: string, rows: ExcelJS.CellValue[][], merges: string[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(i + 1, c + 1).value = v;
  }));
  for (const m of merges) ws.mergeCells(m);
  return ws;
}

function locate(wb: ExcelJS.Workbook): Located {
  return locateFields(buildGrids(modelOfWorkbook(wb)), dict);
}

const text = (l: Located, path: string): string | undefined => l.fields.get(path)?.text;

describe('stripHints', () => {
  it.each([
    ['（包括生产、科研以及高技能人才队伍情况）', ''],
    ['(包括生产、科研以及高技能人才队伍情况)\n公司简介正文', '公司简介正文'],
    ['单位\n\n简介\n\n（1000字以内）', '单位\n简介'],
    ['（签章）', ''],
    ['                （签章）\n\n年  月   日', ''],
    ['同意推荐。\n（签章）\n2020年5月20日', '同意推荐。\n2020年5月20日'],
    ['申报单位___________（盖章）', '申报单位'],
    ['出生年月（如：1975-06）', '出生年月'],
  ])('%j → %j', (input, expected) => {
    expect(stripHints(input, dict)).toBe(expected);
  });
});

describe('classifyText', () => {
  it.each([
    ['姓  名', 'lead.name'],
    ['单位全称：', 'unit.name'],
    ['职业(工种)', 'lead.occupation'],
    ['职业（工种）', 'lead.occupation'],
    ['*身份证号码', 'lead.idNumber'],
    ['E-mail', 'unit.email'],
    ['单位\n简介\n（1000字以内）', 'unit.profile'],
    ['工作室下一步工作计划：', 'workPlan'],
    ['所在单位意见：\n        （签章）\n年  月  日', 'opinions.unit'],
  ])('%j is the label of %s', (t, path) => {
    const c = classifyText(t, dict);
    expect(c?.type).toBe('label');
    expect(c && 'fields' in c ? c.fields.map((f) => f.path) : []).toContain(path);
  });

  it('section headings, numbered or not', () => {
    expect(classifyText('申报单位基本情况', dict)).toEqual({ type: 'heading', section: 'unit' });
    expect(classifyText('二、领衔人基本情况', dict)).toEqual({ type: 'heading', section: 'lead' });
    expect(classifyText('（三）工作室成员情况', dict)).toEqual({ type: 'heading', section: 'members' });
  });

  it('a label with its value after the colon', () => {
    const c = classifyText('工作室下一步工作计划：\n1. 带徒8人', dict);
    expect(c).toMatchObject({ type: 'inline', key: '工作室下一步工作计划', rest: '1. 带徒8人' });
  });

  it('cover labels may be followed by spaces and the value', () => {
    expect(classifyText('申报单位    杭州某某有限公司   （盖章）', dict)).toMatchObject({ type: 'inline', rest: '杭州某某有限公司' });
    // other labels need a colon: free text starting with a label word is not a label
    expect(classifyText('学历 提升计划', dict)).toBeNull();
  });

  it('plain values are not labels', () => {
    for (const t of ['张建国', '男', '高级技师', '1975.06', '拱墅区技能大师工作室申报表']) expect(classifyText(t, dict)).toBeNull();
  });
});

describe('locateFields', () => {
  it('an empty value stays empty and never borrows the next label', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['单位全称', '甲公司', '联系人', null, '固定电话', '0571-1'],
      ['传真电话', null, null, '电子邮箱', 'a@b.cn'],
      ['姓名', '张三', '性别', '男'],
    ]);
    const l = locate(wb);
    expect(text(l, 'unit.contact')).toBe('');
    expect(l.fields.get('unit.contact')?.valueCells).toEqual([]);
    expect(text(l, 'unit.phone')).toBe('0571-1');
    expect(text(l, 'unit.fax')).toBe('');
    expect(text(l, 'unit.email')).toBe('a@b.cn');
  });

  it('stops at a label written with its value ("固定电话：0571-1")', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['单位全称', '甲公司', '联系人', null, '固定电话：0571-1'],
      ['姓名', '张三', '性别', '男'],
    ]);
    const l = locate(wb);
    expect(text(l, 'unit.contact')).toBe('');
    expect(text(l, 'unit.phone')).toBe('0571-1');
    expect(l.fields.get('unit.phone')?.inline).toBe(true);
  });

  it('skips template hints to the right of a label', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [['申报单位', '（盖章）'], ['工作室名称', '张三电工技能大师工作室'], ['单位全称', '甲公司'], ['姓名', '张三']]);
    const l = locate(wb);
    expect(text(l, 'coverUnit')).toBe('');
    expect(text(l, 'studioName')).toBe('张三电工技能大师工作室');
  });

  it('free text containing "学历：…" does not replace the real 学历 label', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['姓名', '张三', '学历', '大专'],
      ['工作简历', '学历：1995年进修\n1996年进厂'],
      ['单位全称', '甲公司'],
    ]);
    const l = locate(wb);
    expect(text(l, 'lead.education')).toBe('大专');
    expect(text(l, 'lead.workHistory')).toBe('学历：1995年进修\n1996年进厂');
  });

  it('block text: one line per row beside a tall label, or rows below it', () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, 's', [
      ['姓名', '张三'],
      ['工作简历', '1995 进厂'],
      [null, '2005 班组长'],
      ['技能特长及主要业绩'],
      [null, '精通配电'],
      [null, null],
      [null, '获专利2项'],
      ['市级及以上获奖情况', null],
      ['单位全称', '甲公司'],
    ]);
    ws.mergeCells('A2:A3');
    const l = locate(wb);
    expect(text(l, 'lead.workHistory')).toBe('1995 进厂\n2005 班组长');
    expect(text(l, 'lead.achievements')).toBe('精通配电\n获专利2项');
    expect(text(l, 'lead.awards')).toBe('');
  });

  it('duplicated labels follow their section, even when the unit heading is missing', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['单位全称', '甲公司', '固定电话', 'U-1', '手机', 'U-2'],
      ['领衔人基本情况'],
      ['姓名', '张三', '手机', 'L-2'],
      ['固定电话', 'L-1'],
    ]);
    const l = locate(wb);
    expect(text(l, 'unit.phone')).toBe('U-1');
    expect(text(l, 'unit.mobile')).toBe('U-2');
    expect(text(l, 'lead.phone')).toBe('L-1');
    expect(text(l, 'lead.mobile')).toBe('L-2');
  });

  it('lead section written first still gives each phone to its section', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['领衔人基本情况'],
      ['姓名', '张三', '固定电话', 'L-1'],
      ['申报单位基本情况'],
      ['单位全称', '甲公司', '固定电话', 'U-1'],
    ]);
    const l = locate(wb);
    expect(text(l, 'unit.phone')).toBe('U-1');
    expect(text(l, 'lead.phone')).toBe('L-1');
  });

  it('a lead row with name, gender, age and education is not the member table', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, 's', [
      ['单位全称', '甲公司'],
      ['姓名', '张三', '性别', '男', '年龄', 50, '学历', '大专'],
      ['工作室成员情况'],
      ['姓名', '性别', '年龄', '学历', '职业(工种)'],
      ['李四', '女', 30, '本科', '电工'],
    ]);
    const l = locate(wb);
    expect(text(l, 'lead.name')).toBe('张三');
    expect(l.members?.headerRow).toBe(4);
    expect(l.members?.rows.map((r) => r.columns.name.text)).toEqual(['李四']);
  });

  it('the member table beside a vertical heading, ending at the next label', () => {
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, 's', [
      ['单位全称', '甲公司'],
      ['姓名', '张三'],
      ['工作室成员情况', '姓名', '性别', '年龄', '学历', '职业（工种）'],
      [null, '李四', '女', '30岁', '本科', '电工'],
      [null, null, null, null, null, null],
      [null, '王五', '男', 41, '大专', '焊工'],
      ['工作室下一步工作计划', '带徒'],
    ]);
    ws.mergeCells('A3:A6');
    const l = locate(wb);
    expect(l.members?.rows.map((r) => [r.columns.name.text, r.columns.age.text])).toEqual([
      ['李四', '30岁'],
      ['王五', '41'],
    ]);
    expect(text(l, 'workPlan')).toBe('带徒');
  });

  it('labels on several sheets; hidden drop-down list sheets are ignored', () => {
    const wb = new ExcelJS.Workbook();
    sheet(wb, '封面', [['申报单位', '甲公司'], ['工作室名称', '张三电工技能大师工作室']]);
    sheet(wb, '表', [['单位全称', '甲公司'], ['姓名', '张三']]);
    const lists = sheet(wb, 'lists', [['姓名', '性别', '年龄', '学历', '职业资格等级'], ['男', '女']]);
    lists.state = 'veryHidden';
    const l = locate(wb);
    expect(text(l, 'coverUnit')).toBe('甲公司');
    expect(text(l, 'lead.name')).toBe('张三');
    expect(l.members).toBeNull();
    expect(l.sheetsUsed).toEqual(['封面', '表']);
  });

  it('a single-use label that appears twice takes the filled occurrence', () => {
    const wb = new ExcelJS.Workbook();
    put(sheet(wb, '封面', [['工作室名称']]), 'B1', null);
    sheet(wb, '表', [['工作室名称', '张三电工技能大师工作室'], ['单位全称', '甲公司'], ['姓名', '张三']]);
    expect(text(locate(wb), 'studioName')).toBe('张三电工技能大师工作室');
  });
});
