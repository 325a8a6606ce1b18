import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../../src/core/rubric.js';
import { emptyAssessment } from '../../../src/core/assessment.js';
import { assessmentLayout, ASSESSMENT_SHEET } from '../../../src/documents/workbooks/assessment-layout.js';
import { buildAssessmentTemplate } from '../../../src/documents/workbooks/assessment-template.js';
import { fillAssessmentTemplate } from '../../../src/documents/workbooks/fill-assessment.js';
import { roundTrip } from './workbook-snapshot.js';

const rubric = loadRubric();
const layout = assessmentLayout(rubric);

interface Validation {
  type: string;
  operator?: string;
  formulae: (string | number)[];
  error?: string;
}

function validationAt(sheet: ExcelJS.Worksheet, address: string): Validation | undefined {
  const model = (sheet as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;
  return model[address];
}

async function template(year?: number): Promise<ExcelJS.Worksheet> {
  const wb = await roundTrip(ExcelJS, buildAssessmentTemplate(ExcelJS, year === undefined ? {} : { year }));
  return wb.getWorksheet(ASSESSMENT_SHEET)!;
}

const text = (sheet: ExcelJS.Worksheet, address: string): string => String(sheet.getCell(address).value ?? '');

describe('the 考核表 template', async () => {
  const sheet = await template();
  const merges = (sheet.model as unknown as { merges: string[] }).merges;

  it('carries the title, 填表单位 and the basic information labels of 附件2', () => {
    expect(text(sheet, 'A1')).toBe('拱墅区技能大师工作室考核表');
    expect(text(sheet, layout.unit.labelCell)).toBe('填表单位（公章）：');
    const labels = Object.values(layout.basicInfo).map((c) => text(sheet, c.labelCell));
    expect(labels).toEqual([
      '区级技能大师工作室名称', '入选年份', '领衔人姓名', '联系电话', '获得经费补助时间',
      '入选时职业（工种）', '入选时职业资格（技能等级）', '现职业（工种）', '现职业资格（技能等级）',
    ]);
  });

  it('has the header of the scoring table and one row per rubric item', () => {
    const header = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => text(sheet, `${c}${layout.headerRow}`));
    expect(header.slice(0, 7)).toEqual(['考核项目', '考核内容', '评分标准', '评估方式', '分值', '自评分', '考核分']);
    expect(header[7]).toContain('相关数据');
    const items = rubric.categories.flatMap((c) => c.items);
    expect(layout.items.map((i) => text(sheet, i.contentCell))).toEqual(items.map((i) => i.content));
    expect(layout.items.map((i) => sheet.getCell(i.maxCell).value)).toEqual(items.map((i) => i.max));
  });

  it('merges each category cell vertically over its items, as printed', () => {
    const first = layout.items[0]!.row;
    expect(merges).toContain(`A${first}:A${first + 3}`);
    // The wording of the notice, wrapped before its bracket (the column holds （30分） on one line, not the whole label).
    expect(text(sheet, `A${first}`)).toBe('日常管理与基础保障\n（30分）');
    const mentoring = layout.items.find((i) => i.itemKey === 'apprentices')!.row;
    expect(merges).toContain(`A${mentoring}:A${mentoring + 1}`);
    // 技术攻关: 评分标准 and 评估方式 are shared by both rows in the printed form.
    const tech = layout.items.find((i) => i.itemKey === 'tech-reform')!.row;
    expect(merges).toContain(`C${tech}:C${tech + 1}`);
    expect(merges).toContain(`D${tech}:D${tech + 1}`);
  });

  it('ends with the veto row, 合计 declared as "100+10", 填表人 and 填表时间', () => {
    expect(text(sheet, `A${layout.vetoRow}`)).toBe('一票否决项');
    expect(text(sheet, `B${layout.vetoRow}`)).toBe(rubric.veto.text);
    expect(text(sheet, layout.vetoTriggered.labelCell)).toBe('是否触发');
    expect(text(sheet, `A${layout.totalRow}`)).toBe('合  计');
    expect(text(sheet, `E${layout.totalRow}`)).toBe('100+10');
    expect(text(sheet, layout.filledBy.labelCell)).toBe('填表人：');
    expect(text(sheet, layout.filledDate.labelCell)).toBe('填表时间：');
  });

  it('asks for the figures next to their items', () => {
    const apprentices = layout.items.find((i) => i.itemKey === 'apprentices')!;
    // Printed on even lines where a label just overflows its cell (never one character alone on a line).
    expect(apprentices.figures.map((f) => text(sheet, f.labelCell))).toEqual(['每年带\n徒人数', '是否建立带徒花名册']);
    expect(layout.items.find((i) => i.itemKey === 'site')!.figures.map((f) => f.figure)).toEqual(['site', 'plaque', 'honoursBoard']);
    expect(layout.items.find((i) => i.itemKey === 'tech-reform')!.figures).toEqual([]);
  });

  it('locks labels and leaves inputs unlocked', () => {
    const item = layout.items[0]!;
    expect(sheet.getCell(`A${layout.headerRow}`).protection?.locked).not.toBe(false);
    expect(sheet.getCell(item.contentCell).protection?.locked).not.toBe(false);
    for (const address of [item.selfCell, item.assessorCell, item.figures[0]!.valueCell, layout.vetoTriggered.valueCell, layout.totalAssessorCell, layout.basicInfo.studioName.valueCell, layout.filledBy.valueCell]) {
      expect(sheet.getCell(address).protection?.locked, address).toBe(false);
    }
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
  });

  it('validates scores as decimals between 0 and the item maximum, with a Chinese message', () => {
    const rules = layout.items.find((i) => i.itemKey === 'rules')!;
    for (const address of [rules.selfCell, rules.assessorCell]) {
      expect(validationAt(sheet, address)).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 5] });
      expect(validationAt(sheet, address)?.error).toContain('0 到 5');
    }
  });

  it('offers 是/否 drop-downs for yes/no figures and the veto, whole numbers for counts', () => {
    const apprentices = layout.items.find((i) => i.itemKey === 'apprentices')!;
    expect(validationAt(sheet, apprentices.figures[1]!.valueCell)).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(validationAt(sheet, layout.vetoTriggered.valueCell)).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(validationAt(sheet, apprentices.figures[0]!.valueCell)).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
  });

  it('prints on A4 landscape, one page wide', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('writes the year when given and leaves it blank otherwise', async () => {
    expect(sheet.getCell(layout.round.valueCell).value).toBeNull();
    expect((await template(2023)).getCell(layout.round.valueCell).value).toBe(2023);
  });
});

describe('a template built from a corrected rubric', () => {
  it('follows the rubric data', async () => {
    const raw = JSON.parse(JSON.stringify(rubric)) as typeof rubric;
    raw.categories[1]!.items[0]!.max = 10;
    raw.categories[1]!.max = 20;
    const wb = await roundTrip(ExcelJS, buildAssessmentTemplate(ExcelJS, { rubric: raw }));
    const sheet = wb.getWorksheet(ASSESSMENT_SHEET)!;
    const row = assessmentLayout(raw).items.find((i) => i.itemKey === 'tech-reform')!;
    expect(sheet.getCell(row.maxCell).value).toBe(10);
    expect(text(sheet, `A${row.row}`).replace('\n', '')).toBe('技术攻关（15分）'); // label as written in the data
  });
});

describe('fillAssessmentTemplate', () => {
  it('writes every input where the layout says', async () => {
    const a = emptyAssessment();
    Object.assign(a, {
      unitName: '杭州某机械有限公司', studioName: '张三数控车工技能大师工作室', selectionYear: 2020, leadName: '张三',
      phone: '13800000000', subsidyDate: '2020-09', occupationAtSelection: '车工', skillLevelAtSelection: '高级技师',
      occupationNow: '车工', skillLevelNow: '高级技师', filledBy: '李四', filledDate: '2023-06-01',
      vetoTriggered: '否', sheetTotals: { self: 85, assessor: 84 },
      figures: { apprenticesPerYear: 6, apprenticeRoster: true, site: false },
      rows: [{ itemKey: 'apprentices', self: 9, assessor: 8 }, { itemKey: 'funds', self: '八分', assessor: 7.5 }],
    });
    const wb = await roundTrip(ExcelJS, fillAssessmentTemplate(buildAssessmentTemplate(ExcelJS), a));
    const sheet = wb.getWorksheet(ASSESSMENT_SHEET)!;
    const apprentices = layout.items.find((i) => i.itemKey === 'apprentices')!;
    const funds = layout.items.find((i) => i.itemKey === 'funds')!;
    const site = layout.items.find((i) => i.itemKey === 'site')!;
    expect(sheet.getCell(layout.basicInfo.studioName.valueCell).value).toBe('张三数控车工技能大师工作室');
    expect(sheet.getCell(layout.basicInfo.selectionYear.valueCell).value).toBe(2020);
    expect(sheet.getCell(layout.unit.valueCell).value).toBe('杭州某机械有限公司');
    expect([sheet.getCell(apprentices.selfCell).value, sheet.getCell(apprentices.assessorCell).value]).toEqual([9, 8]);
    expect([sheet.getCell(funds.selfCell).value, sheet.getCell(funds.assessorCell).value]).toEqual(['八分', 7.5]);
    expect(apprentices.figures.map((f) => sheet.getCell(f.valueCell).value)).toEqual([6, '是']);
    expect(sheet.getCell(site.figures[0]!.valueCell).value).toBe('否');
    expect(sheet.getCell(site.figures[1]!.valueCell).value).toBeNull();
    expect(sheet.getCell(layout.vetoTriggered.valueCell).value).toBe('否');
    expect([sheet.getCell(layout.totalSelfCell).value, sheet.getCell(layout.totalAssessorCell).value]).toEqual([85, 84]);
    expect(sheet.getCell(layout.filledBy.valueCell).value).toBe('李四');
  });

  it('refuses a workbook that is not the template', () => {
    expect(() => fillAssessmentTemplate(new ExcelJS.Workbook(), emptyAssessment())).toThrow(/考核表/u);
  });
});
