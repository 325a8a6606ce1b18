import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readReviewSheet } from '../../../src/intake/forms/review-reader.js';
import { fitsPageWidth, MIN_BODY_PT } from '../../../src/documents/print.js';
import { REVIEW_LABELS } from '../../../src/core/review.js';
import { buildReviewTemplate, expertHeader, expertsPerPage, REVIEW_LAYOUT, type ReviewTemplateRow } from '../../../src/documents/workbooks/review-template.js';
import { reopen } from '../../intake/build.js';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const buffer = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back.worksheets[0]!;
}

const rows: ReviewTemplateRow[] = [
  { id: 3, studioName: '张三车工技能大师工作室', unitName: '杭州拱墅精密机械制造有限公司' },
  { id: 7, studioName: '=1+1', unitName: '杭州运河餐饮管理有限公司' },
];

describe('评审打分表', () => {
  it('has the title and the fixed headings merged over the three header rows', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    expect(ws.name).toBe('评审打分表');
    expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室评审打分表');
    expect(String(ws.getCell('A2').value)).toContain('0–100');
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('C3').value]).toEqual(['编号', '工作室名称', '申报单位']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A3:A5', 'B3:B5', 'C3:C5']));
  });

  it('gives each of the 5 default experts a merged header, a 姓名 line and 分数 / 意见 / 回避', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    for (let e = 0; e < 5; e++) {
      const first = REVIEW_LAYOUT.firstExpertColumn + e * 3;
      const letters = [0, 1, 2].map((i) => ws.getColumn(first + i).letter);
      expect(ws.getCell(3, first).value).toBe(`专家${e + 1}`);
      expect(ws.model.merges).toContain(`${letters[0]}3:${letters[2]}3`);
      expect(ws.getCell(4, first).value).toBe('姓名');
      expect(ws.model.merges).toContain(`${letters[1]}4:${letters[2]}4`);
      expect([0, 1, 2].map((i) => ws.getCell(5, first + i).value)).toEqual(['分数', '意见', '回避']);
    }
    expect(ws.getCell(3, 4 + 15).value).toBeNull();
    expect(ws.model.merges).toContain('A1:R1');
  });

  it('takes the number of experts and prints given names', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows, experts: 3, expertNames: ['赵一', '钱二'] }));
    expect(ws.getCell('J3').value).toBe('专家3');
    expect(ws.getCell('M3').value).toBeNull();
    expect(ws.getCell('E4').value).toBe('赵一');
    expect(ws.getCell('H4').value).toBe('钱二');
    expect(ws.getCell('K4').value).toBeNull();
    expect(ws.pageSetup.printArea).toBe('A1:L10');
  });

  it('writes one row per application, submitted text guarded', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    expect([ws.getCell('A6').value, ws.getCell('B6').value, ws.getCell('C6').value]).toEqual([3, '张三车工技能大师工作室', '杭州拱墅精密机械制造有限公司']);
    expect(ws.getCell('A7').value).toBe(7);
    expect(ws.getCell('B7').value).toBe("'=1+1");
    expect(ws.getCell('B7').type).toBe(ExcelJS.ValueType.String);
  });

  it('validates scores 0–100 and offers drop-down lists for 意见 and 回避', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    for (const r of [6, 7]) {
      for (let e = 0; e < 5; e++) {
        const first = 4 + e * 3;
        expect(ws.getCell(r, first).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], showErrorMessage: true });
        expect(ws.getCell(r, first + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"推荐,不推荐"'] });
        expect(ws.getCell(r, first + 2).dataValidation).toMatchObject({ type: 'list', formulae: ['"是"'] });
      }
    }
  });

  it('locks labels and leaves the inputs open', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    expect(ws.getCell('D3').protection?.locked).not.toBe(false);
    expect(ws.getCell('B6').protection?.locked).not.toBe(false);
    for (const address of ['E4', 'D6', 'E6', 'F6', 'R7']) expect(ws.getCell(address).protection?.locked, address).toBe(false);
  });

  it('prints A4 landscape, one page wide, header rows repeated, with the page footer', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:5', printArea: 'A1:R10' });
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
    // Five experts and the fixed columns fit the page at 100 %, so the 11 pt text is not shrunk.
    expect(expertsPerPage()).toBe(5);
    expect(fitsPageWidth(Array.from({ length: 18 }, (_, i) => ws.getColumn(i + 1).width ?? 0), 'landscape')).toBe(true);
    expect(ws.getCell('B6').font.size).toBeGreaterThanOrEqual(MIN_BODY_PT);
  });

  it('prints more than five experts across pages, never smaller, the fixed columns repeated and no heading merged across a page break', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows, experts: 7, expertNames: ['王明', '李华', '张强', '赵敏', '陈刚', '欧阳修远', '司马光'] }));
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup).toMatchObject({ scale: 100, printTitlesColumn: 'A:C', printTitlesRow: '3:5' });
    // The title and the note span the expert columns the first page holds in every renderer, outside the
    // columns repeated on every page.
    expect(ws.model.merges).toEqual(expect.arrayContaining(['D1:R1', 'D2:R2']));
    expect(ws.getCell('D1').value).toBe('2026年拱墅区技能大师工作室评审打分表');
    expect(ws.getCell('A1').value).toBeNull();
    expect(ws.model.merges.filter((m) => /^[D-Z]+[34]:/u.test(m))).toEqual([]);
    expect([ws.getCell('S3').value, ws.getCell('S4').value, ws.getCell('T4').value]).toEqual(['专家6', '姓名', '欧阳修远']);
    // A name in one column wraps: its row is tall enough.
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(34);
  });

  it('reads a sheet of seven experts back with every expert named', async () => {
    const wb = buildReviewTemplate(ExcelJS, { year: 2026, rows, experts: 7, expertNames: ['王明', '李华', '张强', '赵敏', '陈刚', '欧阳修远', '司马光'] });
    wb.worksheets[0]!.getCell('S6').value = 90;
    wb.worksheets[0]!.getCell('V6').value = 80;
    const { parsed, problems } = readReviewSheet(await reopen(wb, '七位专家.xlsx'));
    expect(problems).toEqual([]);
    expect(parsed.rows[0]!.reviews.map((r) => [r.expert, r.score])).toEqual([['欧阳修远', 90], ['司马光', 80]]);
  });

  it('has a line for each expert to sign and one for the date under the table', async () => {
    const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
    expect(ws.getCell('B9').value).toBe('评审专家签名：');
    expect(ws.getCell('B10').value).toBe('日期：');
    for (let e = 0; e < 5; e++) {
      const first = REVIEW_LAYOUT.firstExpertColumn + e * 3;
      expect(ws.getCell(9, first).border.bottom).toEqual({ style: 'thin' });
      expect(ws.getCell(10, first + 1).border.bottom).toEqual({ style: 'thin' });
      expect(ws.getCell(9, first + 2).border?.bottom).toBeUndefined(); // a gap between two experts' lines
    }
    expect(ws.getRow(9).height).toBeGreaterThanOrEqual(36);
  });

  it('is read back by the importer without a problem from the signature lines', async () => {
    const wb = buildReviewTemplate(ExcelJS, { year: 2026, rows, expertNames: ['王明'] });
    const ws = wb.worksheets[0]!;
    ws.getCell(6, 4).value = 88;
    ws.getCell(6, 5).value = '推荐';
    const { parsed, problems } = readReviewSheet(await reopen(wb, '评审.xlsx'));
    expect(problems).toEqual([]);
    expect(parsed.rows.map((r) => r.applicationId)).toEqual([3, 7]);
    expect(parsed.rows[0]!.reviews).toEqual([expect.objectContaining({ expert: '王明', score: 88, recommend: 'yes' })]);
  });

  it('exports the labels the importer anchors on', () => {
    expect(REVIEW_LABELS).toMatchObject({ id: '编号', studio: '工作室名称', unit: '申报单位', score: '分数', recused: '回避', recommend: '推荐', notRecommend: '不推荐', recusedYes: '是' });
    expect(expertHeader(12)).toBe('专家12');
  });

  it('refuses zero experts', () => {
    expect(() => buildReviewTemplate(ExcelJS, { year: 2026, rows, experts: 0 })).toThrow(RangeError);
  });
});

describe('the export catalogue', () => {
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).sort();
  it('has both languages with the same placeholders', async () => {
    const { exportMessages, officialText } = await import('../../../src/messages/export.js');
    for (const [key, entry] of Object.entries(exportMessages)) {
      expect(key.startsWith('export.'), key).toBe(true);
      expect(entry.zh, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
      expect(placeholders(entry.en), key).toEqual(placeholders(entry.zh));
    }
    expect(officialText('export.file.shortlist', { year: 2026 })).toBe('2026年拟认定名单.xlsx');
    expect(officialText('export.file.shortlistInternal', { year: 2026 })).toBe('2026年拟认定名单（内部）.xlsx');
  });

  it('keeps official texts in Chinese whatever the clerk language', async () => {
    const { setLang } = await import('../../../src/messages/index.js');
    setLang('en');
    try {
      const ws = await roundTrip(buildReviewTemplate(ExcelJS, { year: 2026, rows }));
      expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室评审打分表');
      expect(ws.getCell('A3').value).toBe('编号');
    } finally {
      setLang('zh');
    }
  });
});
