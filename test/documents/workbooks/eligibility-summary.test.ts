import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { buildEligibilitySummary, groupOutcome, SUMMARY_BODY_PT, type EligibilitySummaryOptions, type EligibilitySummaryRow } from '../../../src/documents/workbooks/eligibility-summary.js';
import { fitsPageWidth, MIN_BODY_PT } from '../../../src/documents/print.js';
import { ALL_RULES } from '../../../src/rules/index.js';
import { SUMMARY_GROUPS, summaryColumns, summaryGroupOf } from '../../../src/rules/summary-groups.js';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back.worksheets[0]!;
}

const options = (full = false): EligibilitySummaryOptions => ({
  sheetName: '形式审查汇总',
  title: '2026年拱墅区技能大师工作室申报形式审查汇总表',
  checkColumns: summaryColumns(),
  headers: { id: '编号', studio: '工作室名称\n申报单位', lead: '领衔人\n身份证号码', eligibility: '资格', messages: '问题说明' },
  marks: { pass: '✓', fail: '✗', warning: '!', waived: '豁免' },
  labels: { error: '错误：', warning: '提醒：', waived: (f) => `已豁免（理由：${f.waiverReason ?? ''}）：`, acknowledged: (f) => `已确认（理由：${f.waiverReason ?? ''}）：` },
  full,
  generatedNote: '共 2 份申报',
  signOff: { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-05-25' },
});

const retirement: Finding = {
  code: 'retirement-margin', severity: 'error', cell: '申报表!B9',
  message: '领衔人周德明法定退休年龄为 60岁7个月，2027-10 退休；只有 17 个月。如确需放宽，请用 gongshu apply override 5 retirement-margin --reason 理由 豁免。',
};
const material: Finding = { code: 'missing-material', severity: 'warning', message: '尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 5 --received id-cards 登记。' };
const idBad: Finding = { code: 'id-checksum', severity: 'error', message: '领衔人身份证号码 330105197506150018 无效。' };

const rows: EligibilitySummaryRow[] = [
  { id: 1, studioName: '陈国平数控车工技能大师工作室', unitName: '杭州拱宸精密机械有限公司', leadName: '陈国平', idNumber: '330105197506150017', eligibility: '合格', findings: [] },
  {
    id: 5, studioName: '周德明焊工技能大师工作室', unitName: '杭州康桥焊接工程有限公司', leadName: '周德明', idNumber: '330105196703150192', eligibility: '待确认',
    findings: [{ ...retirement, overridden: true, waiverReason: '经专家委员会研究同意' }, material, idBad],
  },
];

describe('形式审查汇总表', () => {
  it('groups every rule into one of six columns, anything else into 材料及其他', () => {
    expect(summaryColumns().map((c) => c.title)).toEqual(['团队', '退休', '名称', '身份证', '技能等级', '材料及其他']);
    for (const rule of ALL_RULES) expect(SUMMARY_GROUPS.filter((g) => g.codes.includes(rule.code)).length, rule.code).toBeLessThanOrEqual(1);
    expect(summaryGroupOf('cell-truncated').key).toBe('other');
    expect(summaryGroupOf('team-size').key).toBe('team');
  });

  it('marks a column by its worst finding: an error not waived, a warning, a waived error, a pass', () => {
    const waived = { ...retirement, overridden: true };
    expect(groupOutcome([waived, idBad])).toBe('fail');
    expect(groupOutcome([retirement])).toBe('fail');
    expect(groupOutcome([waived, material])).toBe('warning');
    expect(groupOutcome([waived])).toBe('waived');
    expect(groupOutcome([])).toBe('pass');
  });

  it('has one readable row per application: name over unit, lead over masked ID, six checks, 问题说明 in full', async () => {
    const ws = await roundTrip(buildEligibilitySummary(ExcelJS, rows, options()));
    expect(ws.getRow(3).values).toEqual([undefined, '编号', '工作室名称\n申报单位', '领衔人\n身份证号码', '团队', '退休', '名称', '身份证', '技能等级', '材料及其他', '资格', '问题说明']);
    expect(ws.getRow(4).values).toEqual([undefined, 1, '陈国平数控车工技能大师工作室\n杭州拱宸精密机械有限公司', '陈国平\n330105********0017', '✓', '✓', '✓', '✓', '✓', '✓', '合格', '']);
    expect([4, 5, 6, 7, 8, 9].map((c) => ws.getCell(5, c).value)).toEqual(['✓', '豁免', '✓', '✗', '✓', '!']);
    expect(ws.getCell(5, 11).value).toBe(
      [
        '已豁免（理由：经专家委员会研究同意）：［申报表!B9］领衔人周德明法定退休年龄为 60岁7个月，2027-10 退休；只有 17 个月。',
        '提醒：尚未收到必交材料“身份证”。',
        '错误：领衔人身份证号码 330105********0018 无效。',
      ].join('\n'),
    );
  });

  it('shows full numbers only with --full', async () => {
    const ws = await roundTrip(buildEligibilitySummary(ExcelJS, rows, options(true)));
    expect(ws.getCell(4, 3).value).toBe('陈国平\n330105197506150017');
    expect(String(ws.getCell(5, 11).value)).toContain('330105197506150018');
  });

  it('prints A4 landscape at 100 %: columns that fit, 11 pt text, rows sized for it, header repeated, 落款', async () => {
    const ws = await roundTrip(buildEligibilitySummary(ExcelJS, rows, options()));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toBe('&C&"宋体"&11第 &P 页 共 &N 页');
    expect(fitsPageWidth(Array.from({ length: 11 }, (_, i) => ws.getColumn(i + 1).width ?? 0), 'landscape')).toBe(true);
    expect(ws.getCell(5, 11).font.size).toBe(SUMMARY_BODY_PT);
    expect(SUMMARY_BODY_PT).toBeGreaterThanOrEqual(MIN_BODY_PT);
    expect(ws.getCell(5, 11).alignment.wrapText).toBe(true);
    expect(ws.getRow(5).height).toBeGreaterThan(ws.getRow(4).height);
    expect([ws.getCell('A7').value, ws.getCell('A8').value]).toEqual(['杭州市拱墅区人力资源和社会保障局', '2026年5月25日']);
    expect(ws.pageSetup.printArea).toBe('A1:K8');
  });

  it('continues a very long 问题说明 on a second row rather than beyond the tallest row', async () => {
    const many = Array.from({ length: 30 }, (_, i): Finding => ({ code: 'member-incomplete', severity: 'warning', message: `第 ${i + 1} 位成员“某某某”未填写职业（工种），请申报单位补充。`.repeat(2) }));
    const ws = await roundTrip(buildEligibilitySummary(ExcelJS, [{ ...rows[0]!, findings: many }], options()));
    const parts: string[] = [];
    for (let r = 4; ws.getCell(r, 11).value; r++) {
      expect(ws.getRow(r).height).toBeLessThanOrEqual(409);
      if (r > 4) expect(ws.getCell(r, 1).value).toBe(''); // a continuation row
      parts.push(String(ws.getCell(r, 11).value));
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('\n').split('\n')).toHaveLength(30);
  });
});
