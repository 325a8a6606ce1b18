import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { emptyApplication, type Application } from '../../../src/core/application.js';
import { labelKey } from '../../../src/core/text.js';
import { APPLICATION_TEMPLATE_LAYOUT, CHOICE_LISTS, type SheetLayout } from '../../../src/documents/workbooks/application-layout.js';
import {
  buildApplicationTemplate,
  coverDateText,
  INLINE_LIST_LIMIT,
  LIST_SHEET_NAME,
  ListFormulae,
  yearInChinese,
} from '../../../src/documents/workbooks/application-template.js';
import { applicationFieldCells, fillApplicationTemplate, memberCell } from '../../../src/documents/workbooks/fill-application.js';
import { roundTrip } from './workbook-snapshot.js';

/** Labels of 附件1, in the wording of the notice; the reader relies on them. */
const FORM_LABELS = [
  '申报单位基本情况', '单位全称', '法定代表人姓名', '联系人', '固定电话', '手机', '传真电话', '电子邮箱', '通信地址', '邮编',
  '单位简介（1000字以内）', '领衔人基本情况', '姓名', '性别', '民族', '出生年月', '政治面貌', '学历', '职业（工种）', '职业资格等级',
  '其它技能', '职务（职称）', '身份证号码', '从业时间', '工作简历', '技能特长及主要业绩', '市级及以上获奖情况', '工作室成员情况',
  '年龄', '职业资格等级或其它技能', '技能特长', '从业时间及主要业绩', '工作室下一步工作计划：', '所在单位意见：', '专家评估意见：',
  '区人力社保局审核意见：',
];

type Validation = { type: string; formulae?: string[]; prompt?: string; errorStyle?: string };

function validationsOf(sheet: ExcelJS.Worksheet): Record<string, Validation> {
  return (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
}

function textsOf(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') texts.push(cell.value);
  }));
  return texts;
}

const layoutCells = (sheet: SheetLayout) => sheet.rows.flatMap((row) => row.cells.map((cell) => ({ row: row.row, cell })));

let workbook: ExcelJS.Workbook;
let cover: ExcelJS.Worksheet;
let form: ExcelJS.Worksheet;

beforeAll(async () => {
  // Read back what was written, as Excel or the reader would see it.
  workbook = await roundTrip(ExcelJS, buildApplicationTemplate(ExcelJS, { year: 2026 }));
  cover = workbook.getWorksheet('封面')!;
  form = workbook.getWorksheet('申报表')!;
});

describe('yearInChinese / coverDateText', () => {
  test('writes years the way the bureau does', () => {
    expect(yearInChinese(2020)).toBe('二〇二〇');
    expect(yearInChinese(2026)).toBe('二〇二六');
    expect(coverDateText('{year}年    月', 2031)).toBe('二〇三一年    月');
  });

  test('leaves the year blank without a round', () => {
    expect(coverDateText('{year}年    月', null)).toMatch(/^\s+年\s+月$/u);
  });
});

describe('buildApplicationTemplate', () => {
  test('has the cover and the form sheet', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['封面', '申报表']);
  });

  test('cover carries title, unit, studio name, bureau and the round year', () => {
    const texts = textsOf(cover);
    for (const text of ['拱墅区技能大师工作室', '申报表', '申报单位', '（盖章）', '工作室名称', '拱墅区人力资源和社会保障局']) {
      expect(texts).toContain(text);
    }
    expect(texts).toContain('二〇二六年    月');
  });

  test('every label of 附件1 is present in its exact wording (a line break where it prints on two lines aside)', () => {
    const texts = textsOf(form).map((t) => t.replace(/\n/gu, ''));
    for (const label of FORM_LABELS) expect(texts, label).toContain(label);
  });

  test('each input cell sits right of (or below) a label cell of the same row', () => {
    for (const { row, cell } of layoutCells(APPLICATION_TEMPLATE_LAYOUT.form)) {
      if (cell.kind !== 'input') continue;
      const first = form.getCell(`${cell.cols.split(':')[0]}${row}`);
      const left = form.getCell(row, Number(first.col) - 1);
      const master = left.isMerged ? left.master : left;
      expect(typeof master.value, `${cell.field} at ${first.address}`).toBe('string');
      expect(master.protection?.locked, `${cell.field} label`).not.toBe(false);
    }
  });

  test('labels are locked and shaded, input cells unlocked', () => {
    for (const [sheet, layout] of [[cover, APPLICATION_TEMPLATE_LAYOUT.cover], [form, APPLICATION_TEMPLATE_LAYOUT.form]] as const) {
      for (const { row, cell } of layoutCells(layout)) {
        const address = `${cell.cols.split(':')[0]}${row}`;
        const c = sheet.getCell(address);
        if (cell.kind === 'label' || cell.kind === 'section') {
          expect(c.protection?.locked, address).not.toBe(false);
          expect((c.fill as ExcelJS.FillPattern | undefined)?.pattern, address).toBe('solid');
        }
        if (cell.kind === 'input') expect(c.protection?.locked, address).toBe(false);
      }
    }
    const members = APPLICATION_TEMPLATE_LAYOUT.form.members!;
    for (const column of members.columns) {
      expect(form.getCell(`${column.col}${members.headerRow}`).protection?.locked).not.toBe(false);
      for (let r = members.firstRow; r < members.firstRow + members.rowCount; r++) {
        expect(form.getCell(`${column.col}${r}`).protection?.locked, `${column.col}${r}`).toBe(false);
      }
    }
  });

  test('sheets are protected without a password', () => {
    for (const sheet of [cover, form]) {
      const protection = (sheet as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
      expect(protection?.sheet).toBe(true);
      expect(protection?.hashValue).toBeUndefined();
    }
  });

  test('member table has a header row and at least 10 input rows', () => {
    const members = APPLICATION_TEMPLATE_LAYOUT.form.members!;
    expect(members.rowCount).toBeGreaterThanOrEqual(10);
    // Printed on two lines where the column is narrow, broken before a bracket or between words.
    const header = members.columns.map((c) => String(form.getCell(`${c.col}${members.headerRow}`).value).replace('\n', ''));
    expect(header).toEqual(['姓名', '性别', '年龄', '学历', '职业（工种）', '职业资格等级或其它技能', '技能特长', '从业时间及主要业绩']);
    const next = form.getCell(`A${members.firstRow + members.rowCount}`).value;
    expect(next).toBe('工作室下一步工作计划：');
  });

  test('drop-down lists sit on the lead and member cells', () => {
    const dv = validationsOf(form);
    const fields = applicationFieldCells();
    const at = (field: string) => dv[fields.get(field)!.address];
    expect(at('lead.gender')?.formulae).toEqual(['"男,女"']);
    expect(at('lead.education')?.formulae).toEqual([`"${CHOICE_LISTS.education.join(',')}"`]);
    expect(at('lead.politicalStatus')?.formulae).toEqual([`"${CHOICE_LISTS.politicalStatus.join(',')}"`]);
    expect(at('lead.skillLevel')?.formulae).toEqual([`"${CHOICE_LISTS.skillLevel.join(',')}"`]);
    const members = APPLICATION_TEMPLATE_LAYOUT.form.members!;
    for (let i = 0; i < members.rowCount; i++) {
      expect(dv[memberCell(i, 'gender').address]?.formulae).toEqual(['"男,女"']);
      expect(dv[memberCell(i, 'education').address]?.type).toBe('list');
      expect(dv[memberCell(i, 'skillLevel').address]?.errorStyle).toBe('information');
      expect(dv[memberCell(i, 'name').address]).toBeUndefined();
    }
    // No list on free-text fields.
    expect(at('lead.name')).toBeUndefined();
    expect(at('unit.name')).toBeUndefined();
  });

  test('input hints for 出生年月 and 身份证号码; ID, phone and birth stored as text', () => {
    const dv = validationsOf(form);
    const fields = applicationFieldCells();
    expect(dv[fields.get('lead.birth')!.address]?.prompt).toContain('1975-06');
    expect(dv[fields.get('lead.idNumber')!.address]?.prompt).toContain('18 位');
    for (const field of ['lead.idNumber', 'lead.birth', 'lead.phone', 'lead.mobile', 'unit.phone', 'unit.mobile', 'unit.fax', 'unit.postcode']) {
      expect(form.getCell(fields.get(field)!.address).numFmt, field).toBe('@');
    }
  });

  test('A4 portrait, one page wide, print area and page footer', () => {
    for (const [sheet, area] of [[cover, 'A1:H11'], [form, 'A1:H34']] as const) {
      expect(sheet.pageSetup.paperSize).toBe(9);
      expect(sheet.pageSetup.orientation).toBe('portrait');
      expect(sheet.pageSetup.fitToPage).toBe(true);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
      expect(sheet.pageSetup.fitToHeight).toBe(0);
      expect(sheet.pageSetup.printArea).toBe(area);
      expect(sheet.headerFooter.oddFooter).toContain('&P');
    }
  });

  test('columns fit an A4 page width at a readable scale', () => {
    const total = APPLICATION_TEMPLATE_LAYOUT.form.widths.reduce((a, b) => a + b, 0);
    // ~7.3 in printable width; beyond ~130 characters the fit-to-width scale drops below 80 %.
    expect(total).toBeLessThan(130);
    expect(form.getColumn(1).width).toBe(APPLICATION_TEMPLATE_LAYOUT.form.widths[0]);
  });
});

describe('layout table', () => {
  test('every field has exactly one input cell and rows do not overlap', () => {
    const seen = new Set<string>();
    for (const layout of [APPLICATION_TEMPLATE_LAYOUT.cover, APPLICATION_TEMPLATE_LAYOUT.form]) {
      const covered = new Set<string>();
      let previous = 0;
      for (const row of layout.rows) {
        expect(row.row, `${layout.name} row order`).toBeGreaterThan(previous);
        previous = row.row;
        for (const cell of row.cells) {
          const [from, to = from] = cell.cols.split(':') as [string, string?];
          for (let r = row.row; r < row.row + (cell.rowSpan ?? 1); r++) {
            for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) {
              const key = `${String.fromCharCode(c)}${r}`;
              expect(covered.has(key), `${layout.name}!${key} drawn twice`).toBe(false);
              covered.add(key);
            }
          }
          if (cell.field) {
            expect(seen.has(cell.field), cell.field).toBe(false);
            seen.add(cell.field);
          }
        }
      }
    }
    const app = emptyApplication();
    const expected = [
      'studioName', 'coverUnit', 'workPlan',
      ...Object.keys(app.unit).map((k) => `unit.${k}`),
      ...Object.keys(app.lead).map((k) => `lead.${k}`),
      ...Object.keys(app.opinions).map((k) => `opinions.${k}`),
    ];
    expect([...seen].sort()).toEqual(expected.sort());
  });

  test('labels stay distinct after the reader normalises them, apart from the sectioned repeats', () => {
    const keys = layoutCells(APPLICATION_TEMPLATE_LAYOUT.form).filter(({ cell }) => cell.kind === 'label').map(({ cell }) => labelKey(cell.text!));
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(repeated.sort()).toEqual(['固定电话', '手机'].sort());
  });
});

describe('ListFormulae', () => {
  test('short lists are inline, long lists go to one hidden sheet', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('form');
    const lists = new ListFormulae(wb);
    expect(lists.formulaFor('gender')).toBe('"男,女"');
    const long = Array.from({ length: 60 }, (_, i) => `职业工种名称${i + 1}`);
    expect(long.join(',').length).toBeGreaterThan(INLINE_LIST_LIMIT);
    const ref = lists.formula('occupations', long);
    expect(ref).toBe(`'${LIST_SHEET_NAME}'!$A$2:$A$61`);
    expect(lists.formula('occupations', long)).toBe(ref);
    const sheet = wb.getWorksheet(LIST_SHEET_NAME)!;
    expect(sheet.state).toBe('hidden');
    expect(sheet.getCell('A61').value).toBe('职业工种名称60');
    expect(wb.worksheets).toHaveLength(2);
  });
});

describe('fillApplicationTemplate', () => {
  const application: Application = {
    ...emptyApplication(),
    studioName: '张伟数控车工技能大师工作室',
    coverUnit: '杭州某某机械有限公司',
    unit: { ...emptyApplication().unit, name: '杭州某某机械有限公司', phone: '0571-88251234', postcode: '310011' },
    lead: { ...emptyApplication().lead, name: '张伟', birth: '1975-06', idNumber: '33010519750618003X', gender: '男' },
    members: [
      { name: '李四', gender: '女', age: 35, education: '大学专科', occupation: '数控车工', skillLevel: '技师（二级）', specialty: '编程', experience: '2010年起' },
      { name: '王五', gender: '男', age: null, education: '', occupation: '钳工', skillLevel: '', specialty: '', experience: '' },
    ],
    workPlan: '1. 带徒\n2. 攻关',
  };

  test('writes every field into its input cell and keeps the labels', async () => {
    const wb = buildApplicationTemplate(ExcelJS, { year: 2026 });
    fillApplicationTemplate(wb, application);
    const back = await roundTrip(ExcelJS, wb);
    const fields = applicationFieldCells();
    const cell = (field: string) => {
      const where = fields.get(field)!;
      return back.getWorksheet(where.sheet)!.getCell(where.address).value;
    };
    expect(cell('studioName')).toBe('张伟数控车工技能大师工作室');
    expect(cell('coverUnit')).toBe('杭州某某机械有限公司');
    expect(cell('unit.postcode')).toBe('310011');
    expect(cell('lead.idNumber')).toBe('33010519750618003X');
    expect(cell('lead.birth')).toBe('1975-06');
    expect(cell('workPlan')).toBe('1. 带徒\n2. 攻关');
    expect(cell('lead.ethnicity')).toBeNull();
    const sheet = back.getWorksheet('申报表')!;
    expect(sheet.getCell(memberCell(0, 'name').address).value).toBe('李四');
    expect(sheet.getCell(memberCell(0, 'age').address).value).toBe(35);
    expect(sheet.getCell(memberCell(1, 'age').address).value).toBeNull();
    expect(sheet.getCell(memberCell(2, 'name').address).value).toBeNull();
    expect(textsOf(sheet)).toContain('身份证号码');
  });

  test('refuses more members than the template has rows', () => {
    const wb = buildApplicationTemplate(ExcelJS, { year: 2026 });
    const many = Array.from({ length: 11 }, () => application.members[0]!);
    expect(() => fillApplicationTemplate(wb, { ...application, members: many })).toThrow(RangeError);
  });
});
