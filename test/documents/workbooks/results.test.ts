import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadRubric, rubricNote } from '../../../src/core/rubric.js';
import { withoutCommandHints } from '../../../src/messages/command-text.js';
import { fitsPageWidth, MIN_BODY_PT } from '../../../src/documents/print.js';
import { buildResultsWorkbook, distributionBands, rankRows } from '../../../src/documents/workbooks/results.js';
import type { ResultRow } from '../../../src/documents/workbooks/results.js';
import { defaultSettings, scoreAssessment, thresholdsNote } from '../../../src/scoring/index.js';
import type { ScoreContext } from '../../../src/scoring/index.js';
import type { Assessment, CellValue } from '../../../src/core/assessment.js';
import { assessmentWith, FULL_MARKS, ZEROES } from '../../scoring/factory.js';

const rubric = loadRubric();
const settings = defaultSettings(rubric);
const signOff = { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-11-30' };
const opts = { year: 2026, rubricNote: rubricNote(rubric), thresholdsNote: thresholdsNote(settings), generatedOn: '2026-11-30', signOff };
/** The rubric note as a document prints it: without the hint to use --rubric. */
const printedRubricNote = withoutCommandHints(rubricNote(rubric));

function row(id: number, studioName: string, assessor: Record<string, CellValue>, extra: Partial<Assessment> = {}, context: ScoreContext = {}): ResultRow {
  return {
    id,
    studioName,
    unitName: `单位${id}`,
    leadName: `领衔人${id}`,
    result: scoreAssessment(assessmentWith(assessor, extra), rubric, settings, context),
  };
}

// Base points 10 × 5 + 5 + 5 = 60: two studios tie on it.
const SIXTY = { ...ZEROES, site: 10, funds: 10, 'tech-results': 10, apprentices: 10, 'high-skill': 10, 'tech-reform': 5, rules: 5 };
const rows: ResultRow[] = [
  row(1, '不合格工作室', { ...ZEROES, site: 10, funds: 10, 'tech-results': 10, equipment: 2.5, rules: 5 }), // 37.5 fail
  row(2, '=1+1', SIXTY), // 60 pass, tie
  row(3, '乙工作室', SIXTY), // 60 pass, tie
  row(4, '优秀工作室', { ...FULL_MARKS, apprentices: 9 }, { figures: { apprenticesPerYear: 6, apprenticeRoster: true } }), // 89 excellent, flagged item
  row(5, '否决工作室', FULL_MARKS, { vetoTriggered: '是' }), // 90 but veto
  row(6, '未完成工作室', (({ site: _site, ...rest }) => rest)(FULL_MARKS)), // site missing
  row(7, '退休工作室', FULL_MARKS, {}, { leadRetiredBefore: true }),
  row(8, '刚合格工作室', { ...SIXTY, 'high-skill': 0, 'tech-reform': 3, rules: 0, equipment: 5, 'bonus-media': 2 }), // base 48 + bonus 2 = 50 pass
];

async function roundTrip(): Promise<ExcelJS.Workbook> {
  const buffer = await buildResultsWorkbook(ExcelJS, rows, opts).xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return back;
}

const sheetText = (ws: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
  return out;
};

describe('scored fixtures', () => {
  it('have the totals the tests rely on', () => {
    expect(rows.map((r) => [r.result.total, r.result.grade])).toEqual([
      [37.5, 'fail'], [60, 'pass'], [60, 'pass'], [89, 'excellent'], [90, 'fail'], [80, 'incomplete'], [90, 'not-assessed'], [50, 'pass'],
    ]);
  });
});

describe('rankRows', () => {
  it('ranks complete non-veto rows by total, ties sharing a rank, the rest after without rank', () => {
    const ranked = rankRows(rows).map((r) => [r.row.id, r.rank]);
    expect(ranked).toEqual([[4, 1], [2, 2], [3, 2], [8, 4], [1, 5], [5, null], [6, null], [7, null]]);
  });
});

describe('distributionBands', () => {
  it('derives the edges from the thresholds', () => {
    expect(distributionBands(settings).map((b) => [b.from, b.to, b.label])).toEqual([
      [0, 48, '0–47.99 分'], [48, 60, '48–59.99 分'], [60, 72, '60–71.99 分'], [72, null, '72 分及以上'],
    ]);
    expect(distributionBands({ passAt: 50, excellentAt: 80 }).map((b) => b.from)).toEqual([0, 50, 65, 80]);
  });
});

describe('考核结果 workbook', () => {
  it('has the three sheets', async () => {
    const wb = await roundTrip();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细', '统计']);
  });

  it('汇总: title, notes, header, ranking with a tie, grade names and remarks', async () => {
    const ws = (await roundTrip()).getWorksheet('汇总')!;
    expect(ws.getCell('A1').value).toBe('2026年拱墅区技能大师工作室考核结果');
    expect(rubricNote(rubric)).not.toMatch(/gongshu|--[a-z]/u);
    expect(ws.getCell('A2').value).toBe(printedRubricNote);
    expect(String(ws.getCell('A2').value)).toContain('100+10');
    expect(String(ws.getCell('A2').value)).not.toContain('--rubric');
    expect(ws.getCell('A3').value).toBe(thresholdsNote(settings));
    expect(ws.getCell('A4').value).toBe('生成日期：2026-11-30');
    expect(ws.getRow(5).values).toEqual([undefined, '名次', '工作室名称', '申报单位', '领衔人', '基础分', '加分', '总分', '等级', '备注']);
    const body = [6, 7, 8, 9, 10, 11, 12, 13].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 7).value, ws.getCell(r, 8).value]);
    expect(body).toEqual([
      [1, '优秀工作室', 89, '优秀'],
      [2, "'=1+1", 60, '合格'],
      [2, '乙工作室', 60, '合格'],
      [4, '刚合格工作室', 50, '合格'],
      [5, '不合格工作室', 37.5, '不合格'],
      [null, '否决工作室', 90, '不合格'],
      [null, '未完成工作室', 80, '未完成'],
      [null, '退休工作室', 90, '不参加考核'],
    ]);
    expect(String(ws.getCell('I6').value)).toContain('1 处需核对');
    expect(String(ws.getCell('I11').value)).toContain('触发一票否决项');
    expect(String(ws.getCell('I12').value)).toContain('1 项考核分缺失或无效');
    expect(String(ws.getCell('I13').value)).toContain('退休');
  });

  it('writes scores as numbers, never as text or formulas', async () => {
    const wb = await roundTrip();
    const ws = wb.getWorksheet('汇总')!;
    for (let r = 6; r <= 13; r++) {
      for (const c of [5, 6, 7]) {
        expect(ws.getCell(r, c).type).toBe(ExcelJS.ValueType.Number);
        expect(ws.getCell(r, c).numFmt).toBe('0.0#');
      }
    }
    expect(ws.getCell('A6').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('E10').value).toBe(37.5);
    let formulas = 0;
    for (const sheet of wb.worksheets) sheet.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it('keeps a formula-like studio name as plain text in every sheet', async () => {
    const wb = await roundTrip();
    const summary = wb.getWorksheet('汇总')!.getCell('B7');
    expect(summary.type).toBe(ExcelJS.ValueType.String);
    expect(summary.value).toBe("'=1+1");
    const detail = wb.getWorksheet('明细')!;
    const cells: ExcelJS.Cell[] = [];
    detail.eachRow((r) => cells.push(r.getCell(1)));
    const injected = cells.filter((c) => String(c.value).includes('=1+1'));
    expect(injected.length).toBe(rubric.categories.reduce((n, c) => n + c.items.length, 0));
    for (const c of injected) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe("'=1+1");
    }
  });

  it('明细: one row per item with maximum, self, assessor, computed and the arithmetic of a disagreement, flagged', async () => {
    const ws = (await roundTrip()).getWorksheet('明细')!;
    expect(ws.getRow(2).values).toEqual([undefined, '工作室名称', '考核项目', '考核内容', '分值', '自评分', '考核分', '按数据计算', '差异说明']);
    let flagged: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '优秀工作室' && r.getCell(7).value === 8) flagged = r;
    });
    expect(flagged).toBeDefined();
    expect(flagged!.getCell(4).value).toBe(10);
    expect(flagged!.getCell(6).value).toBe(9);
    expect(flagged!.getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(String(flagged!.getCell(8).value)).toMatch(/10\s*[−-]/u);
    expect((flagged!.getCell(8).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF3CD');
    // The veto gets a whole-sheet row of its own, highlighted as an error.
    let vetoRow: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '否决工作室' && r.getCell(2).value === '全表') vetoRow = r;
    });
    expect((vetoRow!.getCell(8).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8D7DA');
    // A missing score stays an empty cell, not a zero.
    let missing: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '未完成工作室' && r.getCell(3).value === rows[5]!.result.items[0]!.shortName) missing = r;
    });
    expect(missing!.getCell(6).value).toBeNull();
  });

  it('统计: counts per grade, mean / min / max over graded studios, the distribution and the notes', async () => {
    const ws = (await roundTrip()).getWorksheet('统计')!;
    const pairs = new Map<string, unknown>();
    ws.eachRow((r) => pairs.set(String(r.getCell(1).value), r.getCell(2).value));
    expect([...['优秀', '合格', '不合格', '不参加考核', '未完成'].map((g) => pairs.get(g))]).toEqual([1, 3, 2, 1, 1]);
    expect(pairs.get('其中：触发一票否决')).toBe(1);
    expect(pairs.get('合计')).toBe(8);
    // Graded: 37.5, 60, 60, 89, 90 (veto), 50 → mean 64.42.
    expect(pairs.get('平均分')).toBe(64.42);
    expect(pairs.get('最高分')).toBe(90);
    expect(pairs.get('最低分')).toBe(37.5);
    expect(ws.getCell(ws.getColumn(2).values.indexOf(64.42), 2).type).toBe(ExcelJS.ValueType.Number);
    expect([pairs.get('0–47.99 分'), pairs.get('48–59.99 分'), pairs.get('60–71.99 分'), pairs.get('72 分及以上')]).toEqual([1, 1, 2, 2]);
    const text = sheetText(ws);
    expect(text).toContain(printedRubricNote);
    expect(text).toContain(thresholdsNote(settings));
    expect(text).toContain('杭州市拱墅区人力资源和社会保障局');
    expect(text).toContain('2026年11月30日');
  });

  it('has no command-line text in any sheet, and ends the summary with the bureau and the date', async () => {
    const wb = await roundTrip();
    for (const ws of wb.worksheets) expect(sheetText(ws).join('\n')).not.toMatch(/gongshu\s+[a-z]|--[a-z]/u);
    const summary = wb.getWorksheet('汇总')!;
    const last = summary.rowCount;
    expect([summary.getCell(last - 1, 1).value, summary.getCell(last, 1).value]).toEqual(['杭州市拱墅区人力资源和社会保障局', '2026年11月30日']);
  });

  it('prints on A4 at 100 % (columns that fit, text at least 五号), header frozen and repeated, with the page footer', async () => {
    const wb = await roundTrip();
    // 统计 holds several small tables: its title is what repeats, and it is one portrait page.
    const headerRows: Record<string, number> = { 汇总: 5, 明细: 2, 统计: 1 };
    const layout: Record<string, { orientation: 'landscape' | 'portrait'; fitToHeight: number }> = {
      汇总: { orientation: 'landscape', fitToHeight: 0 },
      明细: { orientation: 'landscape', fitToHeight: 0 },
      统计: { orientation: 'portrait', fitToHeight: 1 },
    };
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, ...layout[ws.name] });
      expect(ws.pageSetup.printTitlesRow).toBe(`${headerRows[ws.name]}:${headerRows[ws.name]}`);
      expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRows[ws.name] });
      const widths = (ws.columns ?? []).map((c) => c.width ?? 0).filter((w) => w > 0);
      expect(fitsPageWidth(widths, layout[ws.name]!.orientation)).toBe(true);
      ws.eachRow((r) => r.eachCell((c) => {
        if (c.value !== null && c.value !== '') expect(c.font?.size ?? 11, `${ws.name}!${c.address}`).toBeGreaterThanOrEqual(MIN_BODY_PT);
      }));
    }
  });

  it('writes an empty round without failing', async () => {
    const wb = buildResultsWorkbook(ExcelJS, [], opts);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const stats = new Map<string, unknown>();
    back.getWorksheet('统计')!.eachRow((r) => stats.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(stats.get('合计')).toBe(0);
    expect(stats.get('平均分')).toBe('—');
  });
});
