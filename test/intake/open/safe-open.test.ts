import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GongshuError } from '../../../src/core/errors.js';
import { checkWorkbookBytes, openWorkbookBuffer, openWorkbookFile, readZipDirectory } from '../../../src/intake/open/safe-open.js';
import { attachment1Workbook, makeZip, oleFile, toBuffer } from '../build.js';

let dir: string;
let good: Buffer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-open-'));
  good = await toBuffer(attachment1Workbook());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function refusal(file: string, opts?: Parameters<typeof openWorkbookFile>[1]): Promise<GongshuError> {
  try {
    await openWorkbookFile(file, opts);
  } catch (e) {
    if (e instanceof GongshuError) return e;
    throw e;
  }
  throw new Error(`${file} was opened`);
}

function codeOf(buffer: Buffer, name = 'x.xlsx'): string | null {
  try {
    checkWorkbookBytes(buffer, name);
    return null;
  } catch (e) {
    return e instanceof GongshuError ? e.code : 'unexpected';
  }
}

describe('openWorkbookFile', () => {
  it('opens a workbook and fingerprints it', async () => {
    const file = write('good.xlsx', good);
    const opened = await openWorkbookFile(file);
    expect(opened.fileName).toBe('good.xlsx');
    expect(opened.path).toBe(file);
    expect(opened.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(opened.buffer.equals(good)).toBe(true);
    expect(opened.format).toBe('xlsx');
    expect(opened.model.sheets.map((w) => w.name)).toEqual(['申报表']);
  });

  it('reads with dataValidations ignored (whole-column lists would exhaust memory)', async () => {
    const wb = attachment1Workbook();
    const ws = wb.getWorksheet('申报表')!;
    (ws as unknown as { dataValidations: { add(r: string, v: object): void } }).dataValidations.add('J1:J1048576', {
      type: 'list',
      allowBlank: true,
      formulae: ['"男,女"'],
    });
    // Expanded cell by cell, the validation would exhaust the heap (the test's timeout, not a clock, is the guard).
    const opened = await openWorkbookBuffer(await toBuffer(wb), 'dv.xlsx');
    expect(opened.model.sheets[0]!.cells.length).toBeGreaterThan(50);
  });

  it.each([
    ['a compound file whose directory cannot be followed', 'old.xls', oleFile(['Root Entry', 'Workbook', 'SummaryInformation']), 'file-damaged', '已损坏'],
    ['password-protected .xlsx', 'secret.xlsx', oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']), 'file-encrypted', '密码'],
    ['Word 97-2003 document renamed', 'word.xlsx', oleFile(['Root Entry', 'WordDocument']), 'file-word-doc', '另存为 .docx'],
    ['WPS Writer document', 'letter.wps', oleFile(['Root Entry', 'WordDocument']), 'file-wps-doc', 'WPS'],
    ['PDF scan', 'scan.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1'), 'file-pdf', '扫描件'],
    ['photo', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'file-image', '图片'],
    ['RAR archive', 'bundle.rar', Buffer.from('Rar!\x1a\x07\x00', 'latin1'), 'file-archive', '.zip'],
    ['empty file', 'empty.xlsx', Buffer.alloc(0), 'file-empty', '空'],
    ['text renamed .xlsx', 'text.xlsx', Buffer.from('单位全称,杭州某某公司\n', 'utf8'), 'file-not-workbook', '不是 Excel'],
  ])('%s is refused with a Chinese hint', async (_name, fileName, bytes, code, words) => {
    const file = write(fileName, bytes);
    const e = await refusal(file);
    expect(e.code).toBe(code);
    expect(e.message).toContain(words);
    expect(e.message).not.toContain('\n');
    expect(e.location.file).toBe(file);
  });

  it('a truncated download is file-truncated', async () => {
    const e = await refusal(write('cut.xlsx', good.subarray(0, Math.floor(good.length / 2))));
    expect(e.code).toBe('file-truncated');
  });

  it('a missing file', async () => {
    const e = await refusal(path.join(dir, 'nope.xlsx'));
    expect(e.code).toBe('file-missing');
  });

  it('caps the size before reading', async () => {
    const e = await refusal(write('big.xlsx', good), { maxBytes: 1000 });
    expect(e.code).toBe('file-too-large');
    expect(e.message).toContain('MB');
  });

  it('an .ods, an .odt and a .docx are told apart by their contents, not their names', () => {
    const od = (type: string): Buffer => makeZip([
      { name: 'mimetype', data: Buffer.from(type) },
      { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
    ]);
    expect(checkWorkbookBytes(od('application/vnd.oasis.opendocument.spreadsheet'), 'sheet.xlsx').format).toBe('ods');
    expect(codeOf(od('application/vnd.oasis.opendocument.text'), 'letter.ods')).toBe('file-odt');
    const docx = (body: string): Buffer => makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from(body) }]);
    // A Word file without a table is another document (the 申办报告), not the form.
    expect(codeOf(docx('<w:document/>'), 'a.xlsx')).toBe('docx-no-table');
    expect(checkWorkbookBytes(docx('<w:document><w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>'), 'a.xlsx').format).toBe('docx');
  });

  it('a workbook without worksheets is file-no-sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const e = await openWorkbookBuffer(await toBuffer(wb), 'nosheets.xlsx').catch((x: unknown) => x as GongshuError);
    expect((e as GongshuError).code).toBe('file-no-sheets');
  });

  it('damaged XML inside a valid zip is file-unreadable', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<<<') },
    ]);
    const e = await openWorkbookBuffer(zip, 'damaged.xlsx').catch((x: unknown) => x as GongshuError);
    expect((e as GongshuError).code).toBe('file-unreadable');
    expect((e as GongshuError).message).not.toMatch(/undefined|Cannot/u);
  });
});

describe('zip bombs', () => {
  it('more than 10,000 entries', () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) }));
    expect(codeOf(makeZip(entries))).toBe('file-zip-bomb');
  });

  it('a declared uncompressed total over 200 MB', () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/a.bin', data: Buffer.alloc(200_000), declaredSize: 110 * 1024 * 1024 },
      { name: 'xl/b.bin', data: Buffer.alloc(200_000), declaredSize: 110 * 1024 * 1024 },
    ]);
    expect(codeOf(zip)).toBe('file-zip-bomb');
  });

  it('an entry with an absurd compression ratio', () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(10), declaredSize: 50 * 1024 * 1024 },
    ]);
    expect(codeOf(zip)).toBe('file-zip-bomb');
  });

  it.each([
    ['inflates beyond its declared size', 100, 'file-zip-bomb'],
    ['declares its real size (control)', 0, null],
  ])('a deflated worksheet that %s', (_name, declared, code) => {
    const xml = Buffer.from(`<worksheet>${'<row/>'.repeat(10_000)}</worksheet>`);
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), declaredSize: declared || xml.length },
    ]);
    // makeZip writes "stored"; mark the entry as deflated (method 8) in both headers
    const deflated = Buffer.from(zip);
    for (let i = 0; i < deflated.length - 4; i++) {
      const sig = deflated.readUInt32LE(i);
      if (sig === 0x04034b50 && deflated.toString('utf8', i + 30, i + 30 + 24) === 'xl/worksheets/sheet1.xml') deflated.writeUInt16LE(8, i + 8);
      if (sig === 0x02014b50 && deflated.toString('utf8', i + 46, i + 46 + 24) === 'xl/worksheets/sheet1.xml') deflated.writeUInt16LE(8, i + 10);
    }
    expect(codeOf(deflated)).toBe(code);
  });

  it('a merged range covering the whole sheet (exceljs would build a cell object for each)', () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>') },
    ]);
    expect(codeOf(zip)).toBe('file-zip-bomb');
  });

  describe('cells a workbook makes a reader build, however the tags are spelled', () => {
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    /** A minimal workbook: `sheets` sheet entries, all pointing at the one worksheet part below. */
    const workbook = (sheetXml: string, sheets = 1): Buffer =>
      makeZip([
        {
          name: '[Content_Types].xml',
          data: Buffer.from(
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
          ),
        },
        {
          name: 'xl/workbook.xml',
          data: Buffer.from(`<workbook ${NS} xmlns:r="${REL}"><sheets>${Array.from({ length: sheets }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
        },
        {
          name: 'xl/_rels/workbook.xml.rels',
          data: Buffer.from(
            `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`).join('')}</Relationships>`,
          ),
        },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet ${NS}>${sheetXml}</worksheet>`) },
      ]);
    const email = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>电子邮箱</t></is></c><c r="B1" t="inlineStr"><is><t>chen@163.com</t></is></c></row></sheetData>';
    const formula = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>电子邮箱</t></is></c><c r="B1"><f>1+1</f><v>2</v></c></row></sheetData>';
    const refusal = async (bytes: Buffer): Promise<GongshuError> => {
      try {
        await openWorkbookBuffer(bytes, 'links.xlsx');
      } catch (e) {
        return e as GongshuError;
      }
      throw new Error('not refused');
    };

    it('a hyperlink over a whole column is read (the direct reader builds nothing for it), and each text cell in it gets the link', async () => {
      const opened = await openWorkbookBuffer(workbook(`${email}<hyperlinks><hyperlink ref="B1:B1048576" location="A1"/></hyperlinks>`), 'links.xlsx');
      expect(opened.model.sheets[0]!.cells.find((c) => c.col === 2)?.value).toMatchObject({ text: 'chen@163.com', hyperlink: '#A1' });
    });

    it('a file left to SheetJS whose hyperlinks cover over 1,000,000 cells is refused by its own message, however the range is quoted', async () => {
      for (const link of [`<hyperlink ref="A1:XFD2000" location="A1"/>`, `<hyperlink ref='A1:XFD2000' location="A1"/>`, `<x:hyperlink xmlns:x="urn:x" ref="A1:XFD2000"/>`]) {
        const e = await refusal(workbook(`${formula}<hyperlinks>${link}</hyperlinks>`));
        expect(e.code, link).toBe('file-zip-bomb');
        expect(e.message, link).toContain('超链接共覆盖 32,768,000 个单元格（上限 1,000,000）');
      }
      await expect(openWorkbookBuffer(workbook(`${formula}<hyperlinks><hyperlink ref="A1:B2" location="A1"/></hyperlinks>`), 'links.xlsx')).resolves.toBeDefined();
    });

    it('a merged range in single quotes is counted too', () => {
      expect(codeOf(workbook(`${email}<mergeCells count="1"><mergeCell ref='A1:XFD1048576'/></mergeCells>`))).toBe('file-zip-bomb');
    });

    it('column ranges to column 10,000,000 are refused (SheetJS copies an object per column); a range to XFD is a normal sheet', () => {
      expect(codeOf(workbook(`<cols><col min="1" max="10000000" hidden="1"/></cols>${email}`))).toBe('file-zip-bomb');
      expect(codeOf(workbook(`<cols>${"<col min='1' max='16384'/>".repeat(11)}</cols>${email}`))).toBe('file-zip-bomb');
      expect(codeOf(workbook(`<cols><col min="1" max="3" width="9"/><col min="8" max="16384" width="9" style="1"/></cols>${email}`))).toBeNull();
    });

    it('many sheets pointing at one worksheet part count its cells once for each', () => {
      const rows = Array.from({ length: 100 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>1</v></c>`).join('')}</row>`).join('');
      const data = `<sheetData>${rows}</sheetData>`;
      expect(() => checkWorkbookBytes(workbook(data, 1), 'one.xlsx')).not.toThrow();
      try {
        checkWorkbookBytes(workbook(data, 40), 'alias.xlsx');
        throw new Error('not refused');
      } catch (e) {
        expect((e as GongshuError).code).toBe('file-too-many-cells');
        expect((e as GongshuError).message).toContain('40,000 个单元格');
      }
    });
  });

  it('a sheet with more cells than any form is refused before exceljs builds them', () => {
    const row = (r: number): string => `<row r="${r}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r}"><v>1</v></c>`).join('')}</row>`;
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${Array.from({ length: 101 }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`) },
    ]);
    try {
      checkWorkbookBytes(zip, 'big.xlsx', { maxCells: 1000 });
      throw new Error('not refused');
    } catch (e) {
      expect((e as GongshuError).code).toBe('file-too-many-cells');
      expect((e as GongshuError).message).toContain('1,010 个单元格（上限 1,000）');
    }
    expect(() => checkWorkbookBytes(zip, 'big.xlsx', { maxCells: 1010 })).not.toThrow();
  });

  it('says which limit a bomb broke', () => {
    const message = (zip: Buffer): string => {
      try {
        checkWorkbookBytes(zip, 'x.xlsx');
      } catch (e) {
        return (e as GongshuError).message;
      }
      return '';
    };
    expect(message(makeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0) }))))).toContain('10,001 个部件');
    expect(message(makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { name: 'xl/a.bin', data: Buffer.alloc(10), declaredSize: 50 * 1024 * 1024 }]))).toContain('解压后达 50.0 MB（压缩后仅 10 B）');
  });

  it('a normal form passes', () => {
    expect(codeOf(good)).toBeNull();
  });
});

describe('readZipDirectory', () => {
  it('lists the entries of a real workbook', () => {
    const names = readZipDirectory(good)!.map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('is null without an end-of-directory record', () => {
    expect(readZipDirectory(good.subarray(0, good.length - 30))).toBeNull();
    expect(readZipDirectory(Buffer.from('PK\u0003\u0004'))).toBeNull();
  });
});
