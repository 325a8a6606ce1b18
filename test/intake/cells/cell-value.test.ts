import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, normaliseValue, numberToText, readCellValue } from '../../../src/intake/cells/cell-value.js';

describe('normaliseValue', () => {
  it('empty values', () => {
    expect(normaliseValue(null).kind).toBe('empty');
    expect(normaliseValue(undefined).kind).toBe('empty');
    expect(normaliseValue('').kind).toBe('empty');
  });

  it('strings keep their text, minus whole escape sequences and control characters, which are flagged', () => {
    expect(normaliseValue('张三')).toEqual({ text: '张三', number: null, date: null, kind: 'text' });
    expect(normaliseValue('a\u001b[31mb\u0007')).toEqual({ text: 'ab', number: null, date: null, kind: 'text', controlRemoved: true });
    expect(normaliseValue('名\u001b]0;pwned\u0007称\u001b[2J\u001b[H').text).toBe('名称');
    expect(normaliseValue('line1\r\nline2')).toEqual({ text: 'line1\nline2', number: null, date: null, kind: 'text' });
    expect(normaliseValue({ richText: [{ text: 'x\u0008y' }] })).toMatchObject({ text: 'xy', controlRemoved: true });
  });

  it('text longer than an Excel cell holds is cut at 32,767 characters, never inside a surrogate pair', () => {
    const long = normaliseValue('字'.repeat(40_000));
    expect(long.text).toHaveLength(MAX_CELL_CHARS);
    expect(long.truncatedFrom).toBe(40_000);
    const pairs = normaliseValue('𠮷'.repeat(20_000));
    expect(pairs.text).toHaveLength(MAX_CELL_CHARS - 1);
    expect(pairs.text.endsWith('𠮷')).toBe(true);
    expect(normaliseValue('字'.repeat(MAX_CELL_CHARS)).truncatedFrom).toBeUndefined();
  });

  it('rich text is joined', () => {
    const v = normaliseValue({ richText: [{ text: '杭州' }, { text: 'ABC', font: { name: 'Arial' } }, { text: '公司' }] });
    expect(v).toEqual({ text: '杭州ABC公司', number: null, date: null, kind: 'text' });
  });

  it('hyperlinks: the shown text, or the address without mailto: when there is none', () => {
    expect(normaliseValue({ text: 'hr@a.cn', hyperlink: 'mailto:hr@a.cn' })).toMatchObject({ text: 'hr@a.cn', hyperlink: 'mailto:hr@a.cn' });
    expect(normaliseValue({ text: '', hyperlink: 'mailto:hr@a.cn' }).text).toBe('hr@a.cn');
    expect(normaliseValue({ hyperlink: 'MAILTO:hr@a.cn' }).text).toBe('hr@a.cn');
    expect(normaliseValue({ text: { richText: [{ text: 'hr@' }, { text: 'a.cn' }] }, hyperlink: 'mailto:x@y.cn' }).text).toBe('hr@a.cn');
  });

  it('formulas give their cached result, or say the result is missing', () => {
    expect(normaliseValue({ formula: 'A1*2', result: 42 })).toMatchObject({ text: '42', number: 42, kind: 'number', formula: true });
    expect(normaliseValue({ sharedFormula: 'A1', result: '张三' })).toMatchObject({ text: '张三', kind: 'text' });
    expect(normaliseValue({ formula: 'A1' })).toMatchObject({ kind: 'empty', text: '', formulaWithoutResult: true });
    expect(normaliseValue({ formula: 'A1', result: { error: '#REF!' } })).toMatchObject({ kind: 'error', text: '#REF!' });
  });

  it('errors and booleans', () => {
    expect(normaliseValue({ error: '#N/A' })).toEqual({ text: '#N/A', number: null, date: null, kind: 'error' });
    expect(normaliseValue(true)).toMatchObject({ text: 'TRUE', kind: 'bool' });
  });

  it('dates in UTC parts, whatever the local time zone', () => {
    const v = normaliseValue(new Date(Date.UTC(1975, 5, 15)));
    expect(v).toMatchObject({ kind: 'date', date: { y: 1975, m: 6, d: 15 }, text: '1975-06-15' });
    // exceljs builds a date at UTC midnight; 23:59 UTC on the 15th is still the 15th
    expect(normaliseValue(new Date(Date.UTC(1975, 5, 15, 23, 59))).date).toEqual({ y: 1975, m: 6, d: 15 });
    expect(normaliseValue(new Date(Date.UTC(1975, 5, 1)), { numFmt: 'yyyy"年"m"月"' }).text).toBe('1975-06');
  });

  it('a number with a date format becomes a date', () => {
    expect(normaliseValue(27560, { numFmt: 'yyyy-mm-dd' })).toMatchObject({ kind: 'date', date: { y: 1975, m: 6, d: 15 } });
  });

  it('numbers where text is expected: digits without exponent', () => {
    expect(normaliseValue(13812345678)).toMatchObject({ text: '13812345678', number: 13812345678, kind: 'number' });
    expect(normaliseValue(571.5).text).toBe('571.5');
    expect(normaliseValue(310011).text).toBe('310011');
  });
});

describe('numberToText', () => {
  it('never uses an exponent and never invents digits', () => {
    expect(numberToText(13812345678)).toBe('13812345678');
    expect(numberToText(571.5)).toBe('571.5');
    // an 18-digit ID number stored as a number: Excel kept 15 significant digits
    expect(numberToText(3.3010519750615e17)).toBe('330105197506150000');
    expect(numberToText(330105197506150017)).toBe('330105197506150000');
    expect(numberToText(1975.0999999999999)).toBe('1975.1');
    expect(numberToText(1.5e22)).toBe('15000000000000000000000');
  });
});

describe('readCellValue', () => {
  it('a merged non-master cell reads the master value (rich text and formulas included)', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.mergeCells('B2:D3');
    ws.getCell('B2').value = { richText: [{ text: '杭州' }, { text: 'ABC' }] };
    expect(readCellValue(ws.getCell('D3')).text).toBe('杭州ABC');
    ws.mergeCells('F1:G1');
    ws.getCell('F1').value = { formula: 'A1', result: 7 } as ExcelJS.CellFormulaValue;
    expect(readCellValue(ws.getCell('G1'))).toMatchObject({ text: '7', number: 7 });
  });

  it('passes the cell number format on', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 27560;
    ws.getCell('A1').numFmt = 'yyyy"年"m"月"';
    expect(readCellValue(ws.getCell('A1'))).toMatchObject({ kind: 'date', text: '1975-06', numFmt: 'yyyy"年"m"月"' });
  });
});
