/**
 * A workbook written by openpyxl (test/fixtures/make-openpyxl-application.py), not by exceljs: another
 * writer's XML, vertically merged cells, and a date in Excel's built-in Chinese month format (id 57).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readApplication } from '../../../src/intake/forms/application-reader.js';
import { openWorkbookFile } from '../../../src/intake/open/safe-open.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/openpyxl-application.xlsx', import.meta.url));

describe('openpyxl-application.xlsx', () => {
  it('the built-in Chinese date format reaches exceljs as a bare serial number', async () => {
    const opened = await openWorkbookFile(FIXTURE);
    const cell = opened.model.sheets.find((s) => s.name === '申报表')!.cells.find((c) => c.row === 11 && c.col === 2)!;
    expect(cell.value.kind).toBe('number');
  });

  it('reads the application', async () => {
    const { parsed, problems } = readApplication(await openWorkbookFile(FIXTURE));
    const app = parsed.application;
    expect(app.coverUnit).toBe('杭州半山钢构有限公司');
    expect(app.studioName).toBe('孙卫东焊工技能大师工作室');
    expect(app.unit.name).toBe('杭州半山钢构有限公司');
    expect(app.unit.phone).toBe('0571-88120001');
    expect(app.unit.profile).toBe('公司专业从事钢结构制作安装，现有焊工120人。');
    expect(app.lead).toMatchObject({
      name: '孙卫东',
      gender: '男',
      birth: '1971-09',
      occupation: '焊工',
      skillLevel: '高级技师',
      otherSkills: '起重工',
      idNumber: '330105197109030031',
      yearsInTrade: '1990-07',
      phone: '0571-88120002',
      mobile: '13600000002',
      workHistory: '1990.07—今 杭州半山钢构有限公司 焊工、焊接主管',
      achievements: '擅长厚板全位置焊接，主持完成高强钢焊接工艺评定5项。',
      awards: '2015年杭州市首席技师',
    });
    expect(app.members.map((m) => [m.name, m.age, m.skillLevel])).toEqual([
      ['冯涛', 44, '技师'],
      ['何静', 36, '高级工'],
      ['施磊', 30, '高级工'],
      ['许帆', 27, '中级工'],
    ]);
    expect(app.workPlan).toBe('1. 三年内培养技师6名；\n2. 攻关超厚板焊接变形控制。');
    expect(app.opinions).toEqual({ unit: '同意申报。', expert: '', bureau: '' });
    expect(parsed.sheet).toBe('申报表');
    expect(parsed.cells['coverUnit']).toBe('封面!B6');
    expect(parsed.cells['lead.birth']).toBe('申报表!B11');
    expect(parsed.cells['lead.workHistory']).toBe('申报表!B15');
    expect(parsed.facts).toEqual({ idStoredAsNumber: false, birthAmbiguous: false, birthUnreadable: null, leadRepeatedInMembers: 0 });
    expect(problems).toEqual([]);
  });
});
