/**
 * The 补助发放名单's 合计 prints as a figure, not as "###": five studios at ¥20,000 make ¥100,000, seven
 * characters in bold, which the 补助金额 column must hold when LibreOffice (or Excel) prints it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildSubsidyWorkbook } from '../../src/documents/workbooks/subsidy.js';
import { pageText, printCheckUnavailable, readPdf, toPdf } from '../helpers/pdf-check.js';
import { tempDir } from '../helpers/tmp.js';

const unavailable = printCheckUnavailable();

describe.skipIf(unavailable !== null)('补助发放名单 printed', () => {
  it('shows the total of a round of five, nine and forty-nine studios in full, never ###', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const files: string[] = [];
    for (const count of [5, 9, 49]) {
      const rows = Array.from({ length: count }, (_, i) => ({
        plaque: `GS-2026-${String(i + 1).padStart(3, '0')}`,
        studioName: '陈国平数控车工技能大师工作室',
        unitName: '杭州拱宸精密机械有限公司',
        leadName: '陈国平',
        amount: 20000,
        paidOn: i % 2 === 0 ? '2026-07-15' : null,
      }));
      const workbook = buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff: { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-07-20' } });
      const file = path.join(dir, `补助${count}.xlsx`);
      await workbook.xlsx.writeFile(file);
      files.push(file);
    }
    const pdfs = toPdf(files, path.join(dir, 'pdf'));
    const expected = ['100,000', '180,000', '980,000'];
    pdfs.forEach((pdf, i) => {
      expect(fs.existsSync(pdf)).toBe(true);
      const text = readPdf(pdf).map(pageText).join('\n');
      expect(text).not.toContain('###');
      expect(text).toContain(expected[i]);
    });
  });
});
