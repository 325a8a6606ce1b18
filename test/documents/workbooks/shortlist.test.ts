import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { fitsPageWidth } from '../../../src/documents/print.js';
import { buildShortlistWorkbook, internalRemarks, type InternalShortlistRow, type ShortlistRow } from '../../../src/documents/workbooks/shortlist.js';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  expect(back.worksheets).toHaveLength(1);
  return back.worksheets[0]!;
}

function allTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: false }, (c) => texts.push(String(c.text))));
  return texts;
}

function maxColumnUsed(ws: ExcelJS.Worksheet): number {
  let max = 0;
  ws.eachRow((row) => row.eachCell((c) => (max = Math.max(max, Number(c.col)))));
  return max;
}

const SIGN_OFF = { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-06-01' };
const PERSONAL = { idNumber: '330105197506150017', mobile: '13800001234', phone: '0571-88256383', birth: '1975-06', score: 88.25 };
const rows: ShortlistRow[] = [
  { studioName: '张三车工技能大师工作室', leadName: '张三', occupation: '车工', unitName: '杭州拱墅精密机械制造有限公司' },
  { studioName: '李四中式烹调师技能大师工作室', leadName: '李四', occupation: '中式烹调师', unitName: '杭州运河餐饮管理有限公司' },
  { studioName: '=HYPERLINK("http://x","王五")', leadName: '王五', occupation: '+电工', unitName: '@单位' },
];
// What a careless caller might pass: database rows carrying personal numbers.
const leaky = rows.map((r) => ({ ...r, ...PERSONAL })) as ShortlistRow[];

describe('the public 拟认定名单', () => {
  it('has the official title in 方正小标宋简体 22 pt', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff: SIGN_OFF }));
    expect(ws.name).toBe('拟认定名单');
    expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室拟认定名单');
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 22 });
    expect(ws.model.merges).toContain('A1:E1');
  });

  it('has exactly the five public columns and nothing beyond them', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: leaky, signOff: SIGN_OFF }));
    expect([1, 2, 3, 4, 5].map((c) => ws.getCell(2, c).value)).toEqual(['序号', '工作室名称', '领衔人', '职业（工种）', '申报单位']);
    expect(maxColumnUsed(ws)).toBe(5);
    expect(ws.getRow(3).values).toEqual([undefined, 1, '张三车工技能大师工作室', '张三', '车工', '杭州拱墅精密机械制造有限公司']);
    expect(ws.getCell('A5').value).toBe(3);
  });

  it('holds no personal number or score even when the rows carry them', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: leaky, signOff: SIGN_OFF }));
    const texts = allTexts(ws).join('\n');
    for (const value of Object.values(PERSONAL)) expect(texts).not.toContain(String(value));
    expect(texts).not.toMatch(/\d{15,18}|1\d{10}/u);
  });

  it('writes submitted text as plain strings, guarded against formulas', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff: SIGN_OFF }));
    for (const address of ['B5', 'D5', 'E5']) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(String(ws.getCell(address).value).startsWith("'")).toBe(true);
    }
    expect(ws.getCell('B5').value).toBe('\'=HYPERLINK("http://x","王五")');
  });

  it('prints on A4 portrait, one page wide, header row repeated, footer 第 N 页 共 M 页', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff: SIGN_OFF }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', printArea: 'A1:E8' });
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
    expect(ws.headerFooter.oddHeader ?? '').not.toContain('内部');
  });

  it('uses 仿宋_GB2312 14–16 pt with borders and wrapping in the body', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff: SIGN_OFF }));
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(3, c);
      expect(cell.font.name).toBe('仿宋_GB2312');
      expect(cell.font.size).toBeGreaterThanOrEqual(14);
      expect(cell.font.size).toBeLessThanOrEqual(16);
      expect(cell.alignment.wrapText).toBe(true);
      expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      expect(ws.getCell(2, c).border.bottom).toEqual({ style: 'thin' });
    }
  });

  it('sizes columns for an A4 page and rows for wrapped names', async () => {
    const long = { studioName: '杭州市拱墅区某某某某某某传统手工艺品制作技能大师工作室', leadName: '欧阳某某', occupation: '工艺品雕刻工', unitName: '杭州拱墅某某某某某某某某文化创意产业发展有限公司' };
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: [rows[0]!, long], signOff: SIGN_OFF }));
    const widths = [1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width ?? 0);
    expect(widths.every((w) => w >= 6)).toBe(true);
    // The columns fit A4 portrait at 100 %: fit-to-width never shrinks the 14 pt body.
    expect(fitsPageWidth(widths, 'portrait')).toBe(true);
    expect(ws.getRow(4).height).toBeGreaterThan(ws.getRow(3).height);
  });

  it('writes an empty list with its title and headers', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2027, rows: [], signOff: SIGN_OFF }));
    expect(ws.getCell('A1').value).toBe('2027年拱墅区技能大师工作室拟认定名单');
    expect(ws.getCell('E2').value).toBe('申报单位');
    expect(ws.pageSetup.printArea).toBe('A1:E5');
  });

  it('ends with the bureau and the date (落款), right-aligned under the table', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff: SIGN_OFF }));
    expect(ws.getCell('A6').value).toBeNull();
    expect(ws.getCell('A7').value).toBe('杭州市拱墅区人力资源和社会保障局');
    expect(ws.getCell('A8').value).toBe('2026年6月1日');
    expect(ws.getCell('A7').alignment.horizontal).toBe('right');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A7:E7', 'A8:E8']));
  });
});

describe('the internal list for the committee', () => {
  const retirement: Finding = {
    code: 'retirement-margin', severity: 'error', cell: '申报表!B9',
    message: '领衔人李四法定退休年龄为 60岁，2028-04 退休；只有 23 个月。如确需放宽，请用 gongshu apply override 2 retirement-margin --reason 理由 豁免。',
  };
  const material: Finding = { code: 'missing-material', severity: 'warning', message: '尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 2 --received id-cards 登记。' };
  const internalRows: InternalShortlistRow[] = [
    { ...rows[0]!, score: 88.25, findings: [] },
    { ...rows[1]!, score: 80, findings: [{ ...retirement, overridden: true, waiverReason: '经专家委员会研究同意' }, material, { code: 'x', severity: 'info', message: '说明' }], addedBy: '评审委员会决定增补' },
  ];

  it('adds 评审得分 and 说明 and says 内部资料', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: internalRows, internal: true, note: '排序规则：……', signOff: SIGN_OFF }));
    expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室拟认定名单（内部资料）');
    expect(ws.headerFooter.oddHeader).toContain('内部资料');
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
    expect([6, 7].map((c) => ws.getCell(2, c).value)).toEqual(['评审得分', '说明']);
    expect(ws.getCell('F3').value).toBe(88.25);
    expect(ws.getCell('F3').numFmt).toBe('0.00');
    expect(ws.getCell('A6').value).toBe('排序规则：……');
    expect(ws.getCell('A8').value).toBe('杭州市拱墅区人力资源和社会保障局');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2', printArea: 'A1:G9' });
    expect(fitsPageWidth([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width ?? 0), 'landscape')).toBe(true);
  });

  it('shows the committee addition and a waived finding with their reasons, and no command-line text', async () => {
    const ws = await roundTrip(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: internalRows, internal: true, signOff: SIGN_OFF }));
    expect(ws.getCell('G4').value).toBe(
      [
        '评审委员会决定列入：评审委员会决定增补',
        '已豁免（理由：经专家委员会研究同意）：领衔人李四法定退休年龄为 60岁，2028-04 退休；只有 23 个月。',
        '提醒：尚未收到必交材料“身份证”。',
      ].join('\n'),
    );
    expect(allTexts(ws).join('\n')).not.toMatch(/gongshu|--[a-z]/u);
  });

  it('names an error that was not waived as 错误', () => {
    expect(internalRemarks({ ...rows[0]!, score: null, findings: [retirement] })).toEqual(['错误：领衔人李四法定退休年龄为 60岁，2028-04 退休；只有 23 个月。']);
  });
});
