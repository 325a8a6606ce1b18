/** The audit log's head at the foot of the lists a person signs; never on the public list. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIST_FOOTER } from '../../../src/documents/print.js';
import { buildShortlistWorkbook } from '../../../src/documents/workbooks/shortlist.js';
import { buildSubsidyWorkbook } from '../../../src/documents/workbooks/subsidy.js';
import { describedWithWitness, footerWithWitness } from '../../../src/documents/workbooks/witness.js';

const signOff = { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-07-20' };
const witness = '操作记录校验：1234 / 9f3a1c0b…';
const row = { studioName: '张三车工技能大师工作室', leadName: '张三', occupation: '车工', unitName: '杭州拱墅精密机械制造有限公司' };

async function footerOf(wb: ExcelJS.Workbook): Promise<string> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back.worksheets[0]!.headerFooter.oddFooter ?? '';
}

describe('the head in the footer', () => {
  it('is on the 补助发放名单 and the internal 拟认定名单, with the page number kept', async () => {
    const subsidy = buildSubsidyWorkbook(ExcelJS, { year: 2026, rows: [{ plaque: 'GS-2026-001', studioName: row.studioName, unitName: row.unitName, leadName: '张三', amount: 20000, paidOn: null }], signOff, witness });
    const internal = buildShortlistWorkbook(ExcelJS, { year: 2026, internal: true, signOff, witness, rows: [{ ...row, score: 88, findings: [] }] });
    for (const wb of [subsidy, internal]) {
      const footer = await footerOf(wb);
      expect(footer).toContain(`&L&"宋体"&11${witness}`);
      expect(footer).toContain('第 &P 页 共 &N 页');
    }
  });

  it('is not on the public 拟认定名单, nor on a list given none', async () => {
    expect(await footerOf(buildShortlistWorkbook(ExcelJS, { year: 2026, rows: [row], signOff }))).toBe(LIST_FOOTER);
    expect(await footerOf(buildSubsidyWorkbook(ExcelJS, { year: 2026, rows: [], signOff }))).toBe(LIST_FOOTER);
  });

  it('keeps any text literal (an & is doubled, so Excel prints it instead of reading a code)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const footer = footerWithWitness(LIST_FOOTER, text);
        if (text === '') return footer === LIST_FOOTER;
        const left = footer.slice('&L&"宋体"&11'.length, footer.length - LIST_FOOTER.length);
        return left.replace(/&&/gu, '&') === text && !left.replace(/&&/gu, '').includes('&');
      }),
    );
    expect(describedWithWitness('字体说明', witness)).toBe(`字体说明\n${witness}`);
    expect(describedWithWitness(undefined, witness)).toBe(witness);
    expect(describedWithWitness('字体说明', undefined)).toBe('字体说明');
  });
});
