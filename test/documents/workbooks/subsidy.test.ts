import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitsPageWidth, MIN_BODY_PT } from '../../../src/documents/print.js';
import { buildSubsidyWorkbook, subsidyTotal, type SubsidyRow } from '../../../src/documents/workbooks/subsidy.js';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back.worksheets[0]!;
}

const rows: SubsidyRow[] = [
  { plaque: 'GS-2026-001', studioName: '张三车工技能大师工作室', unitName: '杭州拱墅精密机械制造有限公司', leadName: '张三', amount: 20000, paidOn: '2026-07-15' },
  { plaque: 'GS-2026-002', studioName: '李四中式烹调师技能大师工作室', unitName: '杭州运河餐饮管理有限公司', leadName: '李四', amount: 20000, paidOn: null },
  { plaque: 'GS-2026-003', studioName: '-王五电工技能大师工作室', unitName: '杭州某电气有限公司', leadName: '王五', amount: 15000, paidOn: null },
];
const signOff = { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-07-20' };

describe('补助发放名单', () => {
  it('has title, headers and one row per studio', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }));
    expect(ws.name).toBe('补助发放名单');
    expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室补助发放名单');
    expect(ws.getCell('A1').font.name).toBe('方正小标宋简体');
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '铭牌编号', '工作室名称', '申报单位', '领衔人', '补助金额（元）', '发放状态']);
    expect(ws.getRow(3).values).toEqual([undefined, 1, 'GS-2026-001', '张三车工技能大师工作室', '杭州拱墅精密机械制造有限公司', '张三', 20000, '已发放\n2026-07-15']);
    expect(ws.getCell('G4').value).toBe('未发放');
    expect(ws.getCell('C5').value).toBe("'-王五电工技能大师工作室");
  });

  it('writes amounts as numbers formatted #,##0', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }));
    for (const r of [3, 4, 5]) {
      expect(ws.getCell(r, 6).type).toBe(ExcelJS.ValueType.Number);
      expect(ws.getCell(r, 6).numFmt).toBe('#,##0');
    }
  });

  it('ends with a 合计 row holding a computed number, not a formula', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }));
    expect(ws.getCell('A6').value).toBe('合计');
    expect(ws.model.merges).toContain('A6:E6');
    expect(ws.getCell('F6').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('F6').value).toBe(55000);
    expect(ws.getCell('F6').numFmt).toBe('#,##0');
    expect(ws.getCell('G6').value).toBe('已发放 1 个，未发放 2 个');
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it('shows fen when an amount has them, and adds them exactly', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows: [{ ...rows[0]!, amount: 0.1 }, { ...rows[1]!, amount: 0.2 }], signOff }));
    expect(ws.getCell('F3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F5').value).toBe(0.3);
    expect(subsidyTotal([{ amount: 20000 }, { amount: 19999.99 }])).toBe(39999.99);
  });

  it('prints on A4 portrait, one page wide, header row repeated, with the page footer', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2', printArea: 'A1:G10' });
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
    expect(fitsPageWidth([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getColumn(c).width ?? 0), 'portrait')).toBe(true);
    expect(ws.getCell('B3').font.size).toBeGreaterThanOrEqual(MIN_BODY_PT);
    expect(ws.getCell('B3').border.left).toEqual({ style: 'thin' });
  });

  it('writes a zero total for an empty list', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows: [], signOff }));
    expect(ws.getCell('A3').value).toBe('合计');
    expect(ws.getCell('F3').value).toBe(0);
  });

  it('ends with 经办人 / 审核人 / 负责人 lines, the bureau and the date', async () => {
    const ws = await roundTrip(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }));
    expect(ws.getCell('A8').value).toBe('经办人：__________　　　审核人：__________　　　负责人：__________');
    expect(ws.getCell('A9').value).toBe('杭州市拱墅区人力资源和社会保障局');
    expect(ws.getCell('A10').value).toBe('2026年7月20日');
    expect(ws.getRow(8).height).toBeGreaterThanOrEqual(40); // room to sign
  });
});
