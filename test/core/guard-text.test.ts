/** Whatever gongshu writes guarded into a workbook reads back as the original (issue 21, item 8). */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardText, unguardText } from '../../src/core/text.js';
import { readCellValue } from '../../src/intake/cells/cell-value.js';
import { safeText } from '../../src/documents/styles.js';

/** Texts made of what matters here: apostrophes, the characters a spreadsheet runs, and ordinary text. */
const risky = fc.array(fc.constantFrom("'", '=', '+', '-', '@', '＝', '＋', '－', '＠', 'a', '张', '伟', '1', ' ', '(', '"'), { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
const anyText = fc.oneof(risky, fc.string({ unit: 'grapheme', maxLength: 12 }));

describe('guarded text', () => {
  it('unguards to exactly what was guarded, and a guarded text never starts with what a spreadsheet runs', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(unguardText(guardText(text))).toBe(text);
        expect(/^[=+\-@＝＋－＠\t\r]/u.test(guardText(text))).toBe(false);
        expect(safeText(text)).toBe(guardText(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves an ordinary text alone both ways', () => {
    fc.assert(
      fc.property(risky.filter((t) => !/^'*[=+\-@＝＋－＠]/u.test(t)), (text) => {
        expect(guardText(text)).toBe(text);
        expect(unguardText(text)).toBe(text);
      }),
    );
  });

  it('reads back, through a saved workbook and the cell reader, the text written guarded', async () => {
    const texts = fc.sample(risky.filter((t) => t.trim() !== ''), 300);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    texts.forEach((t, i) => (ws.getCell(i + 1, 1).value = safeText(t)));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const read = texts.map((_, i) => readCellValue(back.worksheets[0]!.getCell(i + 1, 1)).text);
    expect(read).toEqual(texts);
  });
});
