import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { GongshuError } from '../../../src/core/errors.js';
import { readReviewSheet } from '../../../src/intake/forms/review-reader.js';
import { buildReviewTemplate } from '../../../src/documents/workbooks/review-template.js';
import { put, reopen } from '../build.js';

describe('readReviewSheet', () => {
  it('reads a sheet a clerk made by hand: header elsewhere, no 专家N line, names merged, WPS-style ticks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('打分');
    put(ws, 'B3:B4', '编 号');
    put(ws, 'C3:C4', '工作室名称');
    put(ws, 'D3', '姓名');
    put(ws, 'E3:F3', '王明');
    put(ws, 'G3', '姓名');
    put(ws, 'H3:I3', '李华');
    ['D', 'G'].forEach((c) => put(ws, `${c}4`, '分数'));
    ['E', 'H'].forEach((c) => put(ws, `${c}4`, '意见（推荐/不推荐）'));
    ['F', 'I'].forEach((c) => put(ws, `${c}4`, '回避'));
    put(ws, 'B5', '#7');
    put(ws, 'C5', '甲工作室');
    put(ws, 'D5', '８８．５');
    put(ws, 'E5', ' 推荐 ');
    put(ws, 'I5', '√');
    put(ws, 'B6', 12);
    put(ws, 'C6', '乙工作室');
    put(ws, 'D6', 70);
    put(ws, 'E6', '一般');
    put(ws, 'G6', '八十');
    put(ws, 'H6', '不推荐');
    put(ws, 'I6', '否');
    const { parsed, problems } = readReviewSheet(await reopen(wb, 'hand.xlsx'));
    expect(parsed.experts.map((e) => e.name)).toEqual(['王明', '李华']);
    expect(parsed.rows).toEqual([
      {
        applicationId: 7,
        studioName: '甲工作室',
        cell: '打分!B5',
        reviews: [
          { expert: '王明', key: '王明', score: '８８．５', recommend: 'yes', recused: false, cell: '打分!D5' },
          { expert: '李华', key: '李华', score: null, recommend: null, recused: true, cell: '打分!G5' },
        ],
      },
      {
        applicationId: 12,
        studioName: '乙工作室',
        cell: '打分!B6',
        reviews: [
          { expert: '王明', key: '王明', score: 70, recommend: null, recused: false, cell: '打分!D6' },
          { expert: '李华', key: '李华', score: '八十', recommend: 'no', recused: false, cell: '打分!G6' },
        ],
      },
    ]);
    expect(problems.map((p) => [p.code, p.cell])).toEqual([
      ['review-opinion-unreadable', '打分!E6'],
      ['review-recused-unreadable', '打分!I6'],
    ]);
  });

  it('reports rows with scores but no readable 编号, and experts without a name', async () => {
    const wb = buildReviewTemplate(ExcelJS, { year: 2026, rows: [{ id: 1, studioName: '甲', unitName: '单位' }, { id: 2, studioName: '乙', unitName: '单位' }], experts: 2 });
    const ws = wb.worksheets[0]!;
    ws.getCell('D6').value = 80;
    ws.getCell('A7').value = '第二';
    ws.getCell('D7').value = 81;
    ws.getCell('D8').value = 82;
    const { parsed, problems } = readReviewSheet(await reopen(wb, 'r.xlsx'));
    expect(parsed.rows.map((r) => r.applicationId)).toEqual([1]);
    expect(parsed.rows[0]!.reviews[0]).toMatchObject({ expert: '专家1', key: '专家1', score: 80 });
    expect(problems.map((p) => p.code)).toEqual(['review-id-unreadable', 'review-row-without-id', 'review-expert-unnamed']);
    expect(problems[1]!.cell).toBe('评审打分表!A8');
  });

  it('refuses a workbook that is not a review sheet, naming the file', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('Sheet1'), 'A1', '申报表');
    const opened = await reopen(wb, '申报表.xlsx');
    expect(() => readReviewSheet(opened)).toThrow(GongshuError);
    expect(() => readReviewSheet(opened)).toThrow(/没有找到评审打分表的表头/u);
  });
});
