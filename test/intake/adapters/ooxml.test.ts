/**
 * The direct .xlsx reader (adapters/ooxml.ts) against SheetJS, which it stands in for: on every workbook the
 * repository holds and on generated ones, a workbook it reads at all reads to exactly the cell model SheetJS
 * gives; anything outside the plain shape is left to SheetJS (null), and the import then reads it as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_NUMBER_FORMATS, readOoxmlModel } from '../../../src/intake/adapters/ooxml.js';
import { loadSheetjs, readSheetjsModel } from '../../../src/intake/adapters/sheetjs.js';
import type { CellModel } from '../../../src/intake/cells/cell-model.js';
import { checkWorkbookBytes, openWorkbookBuffer } from '../../../src/intake/open/safe-open.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function workbooksUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true }).flatMap((e) =>
    e.isFile() && /\.xls[xm]$/iu.test(e.name) ? [path.join(e.parentPath, e.name)] : [],
  );
}

/** The XML parts safe-open hands a reader, or null for a file it refuses or that is no .xlsx. */
function partsOf(buffer: Buffer, file = 'form.xlsx'): Map<string, string> | null {
  try {
    const checked = checkWorkbookBytes(buffer, file);
    return checked.format === 'xlsx' ? (checked.xmlParts ?? null) : null;
  } catch {
    return null;
  }
}

/** Parts are byte strings (one char per byte of UTF-8): a part edited as text, written back as such. */
function edited(parts: Map<string, string>, name: string, edit: (xml: string) => string): Map<string, string> {
  const text = Buffer.from(parts.get(name)!, 'latin1').toString('utf8');
  return new Map(parts).set(name, Buffer.from(edit(text), 'utf8').toString('latin1'));
}

/** Both readers on the same parts: the direct one's model (null when it leaves the file to SheetJS) and SheetJS's. */
function bothModels(parts: Map<string, string>): { direct: CellModel | null; sheetjs: CellModel } {
  return { direct: readOoxmlModel(parts), sheetjs: readSheetjsModel(parts, 'form.xlsx', 'xlsx') };
}

beforeAll(async () => {
  await loadSheetjs();
});

describe('every workbook in the repository', () => {
  const files = [...workbooksUnder('data'), ...workbooksUnder('templates'), ...workbooksUnder('test/fixtures')];

  it('reads to the model SheetJS gives, and the plain ones (all but formulas) are read directly', () => {
    expect(files.length).toBeGreaterThan(40);
    const leftToSheetjs: string[] = [];
    for (const file of files) {
      const parts = partsOf(fs.readFileSync(file), file);
      if (!parts) continue;
      let sheetjs: CellModel;
      try {
        sheetjs = readSheetjsModel(parts, file, 'xlsx');
      } catch {
        // SheetJS refuses it (no sheets): the direct reader must not read it either.
        expect(readOoxmlModel(parts), file).toBeNull();
        continue;
      }
      const direct = readOoxmlModel(parts);
      if (direct === null) leftToSheetjs.push(path.basename(file));
      else expect(direct, file).toEqual(sheetjs);
    }
    // Only workbooks with formulas leave the shortcut.
    for (const name of leftToSheetjs) expect(name).toMatch(/公式/u);
  });

  it('the sample forms clerks import in the demo are read directly', () => {
    for (const file of workbooksUnder('data')) expect(readOoxmlModel(partsOf(fs.readFileSync(file), file)!), file).not.toBeNull();
  });
});

it('the built-in number formats are SheetJS own table', async () => {
  const XLSX = await loadSheetjs();
  // SheetJS resets its table at every read; read an empty workbook so the table is the default one.
  XLSX.read(XLSX.write(XLSX.utils.book_new(XLSX.utils.aoa_to_sheet([[1]])), { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
  const table = XLSX.SSF.get_table() as Record<number, string>;
  expect(BUILTIN_NUMBER_FORMATS).toEqual(Object.fromEntries(Object.entries(table).filter(([, v]) => v !== undefined)));
});

// ------------------------------------------------------------------------------------------------
// Generated workbooks: what exceljs writes (as Excel does), with the values forms are filled with and worse.

const tricky = fc.constantFrom(
  '拱墅区',
  ' 前后空格 ',
  '全角　空格',
  'a & b < c > d "e" \'f\'',
  '&amp; as typed',
  '_x000D_ escaped',
  'line\r\nbreak',
  'line\nbreak',
  'tab\there',
  '𠮷 astral',
  '=SUM(A1)',
  "'leading quote",
  '1975.06',
  '',
  '   ',
);
const text = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const number = fc.oneof(fc.integer({ min: -1e6, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constant(330105197506150000));
const numFmt = fc.constantFrom(undefined, '0', '0.00', 'yyyy-mm-dd', 'yyyy"年"m"月"d"日"', 'yyyy.mm', 'm/d/yy', '@', '#,##0', '[$-F800]dddd, mmmm dd, yyyy', 'd.m');
const cellValue = fc.oneof(
  text,
  number,
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#REF!' }),
  fc.date({ min: new Date('1930-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
  // Plain objects: exceljs calls hasOwnProperty on what it writes (fast-check's records have no prototype).
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t) => ({ text: t })) })),
  fc
    .tuple(fc.constantFrom('zhang@example.cn', '主页', ''), fc.constantFrom('mailto:zhang@example.cn', 'https://example.cn/a?b=1&c=2'))
    .map(([t, hyperlink]) => ({ text: t, hyperlink })),
  fc.constant(null),
);
const cell = fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 10 }), value: cellValue, numFmt });
const sheet = fc.record({
  name: fc.constantFrom('申报表', 'Sheet & <1>', '封面', "单位'简介", '成员'),
  state: fc.constantFrom('visible', 'visible', 'hidden', 'veryHidden'),
  cells: fc.array(cell, { maxLength: 40 }),
  merges: fc.array(fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 9 }), height: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
  hiddenRows: fc.array(fc.integer({ min: 1, max: 35 }), { maxLength: 3 }),
  hiddenCols: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }),
});
const workbook = fc.record({ date1904: fc.boolean(), sheets: fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name }) });

type WorkbookSpec = typeof workbook extends fc.Arbitrary<infer T> ? T : never;

async function writeWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = spec.date1904;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state as ExcelJS.WorksheetState });
    const taken = new Set<string>();
    for (const m of s.merges) {
      const cells = [];
      for (let r = m.row; r < m.row + m.height; r++) for (let c = m.col; c < m.col + m.width; c++) cells.push(`${r},${c}`);
      if (cells.length < 2 || cells.some((k) => taken.has(k))) continue;
      cells.forEach((k) => taken.add(k));
      ws.mergeCells(m.row, m.col, m.row + m.height - 1, m.col + m.width - 1);
    }
    for (const c of s.cells) {
      const target = ws.getCell(c.row, c.col);
      if (target.isMerged && target.master !== target) continue;
      target.value = c.value as ExcelJS.CellValue;
      if (c.numFmt) target.numFmt = c.numFmt;
    }
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('generated workbooks', () => {
  it('read directly, to exactly the model SheetJS gives', async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (spec) => {
        const parts = partsOf(await writeWorkbook(spec));
        expect(parts).not.toBeNull();
        const { direct, sheetjs } = bothModels(parts!);
        // exceljs writes the plain shape (no formulas here): the shortcut must take every one of them.
        expect(direct).not.toBeNull();
        expect(direct).toEqual(sheetjs);
      }),
      { numRuns: 60 },
    );
  });

  it('read with inline strings and values that need decoding, to the model SheetJS gives', async () => {
    await fc.assert(
      fc.asyncProperty(workbook, fc.integer({ min: 0, max: 1000 }), async (spec, seed) => {
        const parts = partsOf(await writeWorkbook(spec))!;
        // Every shared string written inline instead (as some generators do), a few numbers as entities.
        const strings = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) => m[1]!);
        for (const [name, xml] of parts) {
          if (!name.startsWith('xl/worksheets/sheet')) continue;
          let swapped = xml.replace(/<c ([^>]*?) t="s"><v>(\d+)<\/v><\/c>/gu, (_all, attrs: string, index: string) => `<c ${attrs} t="inlineStr"><is>${strings[Number(index)]}</is></c>`);
          if (seed % 2 === 0) swapped = swapped.replace(/<v>1<\/v>/gu, '<v>&#49;</v>');
          parts.set(name, swapped);
        }
        const { direct, sheetjs } = bothModels(parts);
        expect(direct).not.toBeNull();
        expect(direct).toEqual(sheetjs);
      }),
      { numRuns: 25 },
    );
  });
});

// ------------------------------------------------------------------------------------------------
// What the shortcut leaves to SheetJS, and that the import then reads it as SheetJS does.

async function plainForm(): Promise<{ buffer: Buffer; parts: Map<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  ws.getCell('A1').value = '姓名';
  ws.getCell('B1').value = '张伟';
  ws.getCell('A2').value = '出生年月';
  ws.getCell('B2').value = new Date(Date.UTC(1975, 5, 1));
  ws.getCell('B2').numFmt = 'yyyy.mm';
  ws.getCell('A3').value = '人数';
  ws.getCell('B3').value = 12;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, parts: partsOf(buffer)! };
}

describe('read the same way as SheetJS, where SheetJS has its own ways', () => {
  const SHEET = 'xl/worksheets/sheet1.xml';

  it('of two hyperlinks on one cell the last counts; a target in Chinese reads as written in both readers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申报表');
    ws.getCell('A1').value = { text: '营业执照', hyperlink: '附件/营业执照.pdf' };
    ws.getCell('A2').value = { text: ' ', hyperlink: 'mailto:张伟@example.cn' };
    ws.getCell('A3').value = '主页';
    const written = partsOf(Buffer.from(await wb.xlsx.writeBuffer()))!;
    const parts = edited(written, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</hyperlinks>', '<hyperlink ref="A3" location="first"/><hyperlink ref="A3" location="申报表!A1"/></hyperlinks>'),
    );
    const { direct, sheetjs } = bothModels(parts);
    expect(direct).toEqual(sheetjs);
    const link = (row: number) => direct!.sheets[0]!.cells.find((c) => c.row === row && c.col === 1)?.value;
    expect(link(1)).toMatchObject({ text: '营业执照', hyperlink: '附件/营业执照.pdf' });
    expect(link(2)).toMatchObject({ text: '张伟@example.cn', hyperlink: 'mailto:张伟@example.cn' });
    expect(link(3)).toMatchObject({ text: '主页', hyperlink: '#申报表!A1' });
  });

  it('a hyperlink over a range (a whole column) reaches every text cell in it, as in SheetJS', async () => {
    const { parts } = await plainForm();
    for (const ref of ['A1:B1', 'B1:B1048576', 'A1:XFD3']) {
      const linked = edited(parts, SHEET, (xml) => xml.replace('</sheetData>', `</sheetData><hyperlinks><hyperlink ref="${ref}" location="申报表!A1"/><hyperlink ref="A2:A3" location="last"/></hyperlinks>`));
      const { direct, sheetjs } = bothModels(linked);
      expect(direct, ref).not.toBeNull();
      expect(direct, ref).toEqual(sheetjs);
      expect(direct!.sheets[0]!.cells.find((c) => c.row === 1 && c.col === 2)?.value.hyperlink, ref).toBe('#申报表!A1');
    }
  });

  it('merged areas and hyperlinks before the sheet data, column ranges after it, are read where SheetJS reads them: anywhere in the part', async () => {
    const { parts } = await plainForm();
    const moved = edited(parts, SHEET, (xml) =>
      xml
        .replace('<sheetData>', '<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells><hyperlinks><hyperlink ref="B1" location="申报表!A1"/></hyperlinks><sheetData>')
        .replace('</sheetData>', '</sheetData><cols><col min="3" max="3" hidden="1"/></cols>'),
    );
    const { direct, sheetjs } = bothModels(moved);
    expect(direct).not.toBeNull();
    expect(direct).toEqual(sheetjs);
    expect(direct!.sheets[0]).toMatchObject({ merges: [{ top: 1, left: 1, bottom: 2, right: 1 }], hiddenCols: [3] });
  });

  it('rows of one cell in the last column are read visiting only the cells that exist', async () => {
    const { parts } = await plainForm();
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 10}"><c r="XFD${i + 10}"><v>${i}</v></c></row>`).join('');
    const wide = edited(parts, SHEET, (xml) => xml.replace('</sheetData>', `${rows}</sheetData>`));
    const { direct, sheetjs } = bothModels(wide);
    expect(direct).not.toBeNull();
    expect(direct).toEqual(sheetjs);
    expect(direct!.sheets[0]!.cells.filter((c) => c.col === 16384)).toHaveLength(5000);
  });

  it('an entity spelled in capitals is decoded as SheetJS decodes it, and &apoſ; is no entity', async () => {
    const { parts } = await plainForm();
    const spelled = edited(parts, 'xl/sharedStrings.xml', (xml) => xml.replace('<si><t>张伟</t></si>', '<si><t>&AMP;&Lt;&apoſ;&#X41;张伟</t></si>'));
    const { direct, sheetjs } = bothModels(spelled);
    expect(direct).not.toBeNull();
    expect(direct).toEqual(sheetjs);
  });

  it('an attribute whose value holds another attribute\'s name is read by its own name', async () => {
    const { parts } = await plainForm();
    const decoy = edited(parts, SHEET, (xml) => xml.replace(/<c r="B2" s="(\d+)"/u, '<c r="B2" x=" s=" s="$1"'));
    const { direct, sheetjs } = bothModels(decoy);
    expect(direct).not.toBeNull();
    expect(direct).toEqual(sheetjs);
  });
});

describe('left to SheetJS', () => {
  const SHEET = 'xl/worksheets/sheet1.xml';
  const cases: [string, (xml: string) => string][] = [
    ['a formula', (xml) => xml.replace('<c r="B3"', '<c r="B4"><f>B3*2</f><v>24</v></c><c r="B3"')],
    ['a cell without its address', (xml) => xml.replace(/<c r="B3"/u, '<c')],
    ['a row without its number', (xml) => xml.replace(/<row r="3"/u, '<row')],
    ['a date cell (t="d")', (xml) => xml.replace(/<c r="B3"([^>]*)><v>12<\/v>/u, '<c r="B3"$1 t="d"><v>1975-06-01</v>')],
    ['a prefixed (strict) cell', (xml) => xml.replace(/<c r="B3"([^>]*)><v>12<\/v><\/c>/u, '<x:c r="B3"$1><x:v>12</x:v></x:c>')],
    ['CDATA', (xml) => xml.replace(/<v>12<\/v>/u, '<v><![CDATA[12]]></v>')],
    ['a comment in the XML', (xml) => xml.replace('<sheetData>', '<!-- by hand --><sheetData>')],
    ['a merged range written backwards', (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="B3:A2"/></mergeCells>')],
    ['a cell outside its row', (xml) => xml.replace(/<c r="B3"/u, '<c r="B9"')],
    // Tags spelled as SheetJS reads them otherwise than their letters say.
    ['a tab after an element name', (xml) => xml.replace(/<c r="B3"/u, '<c\tr="B3"')],
    ['a line break after an element name', (xml) => xml.replace(/<row r="3"/u, '<row\nr="3"')],
    ['Hidden in capitals (SheetJS reads it as hidden)', (xml) => xml.replace(/<row r="3"/u, '<row r="3" Hidden="1"')],
    ['hidden_x (SheetJS cuts the name at _)', (xml) => xml.replace(/<row r="3"/u, '<row r="3" hidden_x="1"')],
    ['a prefixed type (x:t)', (xml) => xml.replace(/<c r="B1"([^>]*?) t="s"/u, '<c r="B1"$1 x:t="s"')],
    ['an attribute written twice', (xml) => xml.replace(/<c r="B3"/u, '<c r="B3" r="C3"')],
    ['a row never closed', (xml) => xml.replace(/<\/row>/u, '')],
    ['a str cell (a formula text without its formula)', (xml) => xml.replace(/<c r="B3"([^>]*)><v>12<\/v>/u, '<c r="B3"$1 t="str"><v>&#24352;&#19977;</v>')],
    ['a row written twice', (xml) => xml.replace(/<row r="3"/u, '<row r="3" hidden="1"/><row r="3"')],
    ['a number after an ideographic space (no space to SheetJS, which reads the bytes)', (xml) => xml.replace('<v>12</v>', '<v>\u300012</v>')],
    // Junk that a regular expression could chew on for minutes: each scan here is linear, and it returns.
    ['200,000 unclosed cells', (xml) => xml.replace('<sheetData>', `<sheetData><row r="1">${'<c r="A1"><v>1</v>'.repeat(20_000)}`)],
    ['<c<c<c… in the sheet data', (xml) => xml.replace('<sheetData>', `<sheetData>${'<c'.repeat(200_000)}`)],
    ['a row tag of 400,000 letters', (xml) => xml.replace(/<row r="3"/u, `<row ${'x'.repeat(400_000)} r="3"`)],
  ];

  it.each(cases)('%s: not read directly, and the import reads the file as SheetJS does', async (_what, mutate) => {
    const { parts } = await plainForm();
    expect(readOoxmlModel(parts)).not.toBeNull();
    expect(readOoxmlModel(edited(parts, SHEET, mutate))).toBeNull();
  });

  it('a style index SheetJS finds no style by (s="length", s="03") reads as no number format, and never throws', async () => {
    const { parts } = await plainForm();
    for (const style of ['length', '__proto__', 'constructor', '03', '1e0']) {
      const odd = edited(parts, SHEET, (xml) => xml.replace(/<c r="B2" s="\d+"/u, `<c r="B2" s="${style}"`));
      const { direct, sheetjs } = bothModels(odd);
      expect(direct, style).toEqual(sheetjs);
      expect(direct!.sheets[0]!.cells.find((c) => c.row === 2 && c.col === 2)?.value.kind, style).toBe('number');
    }
  });

  it.each<[string, string, (xml: string) => string]>([
    ['two workbookPr (SheetJS takes the last)', 'xl/workbook.xml', (xml) => xml.replace('<sheets>', '<workbookPr date1904="1"/><workbookPr/><sheets>')],
    ['a prefix that begins with a digit', 'xl/styles.xml', (xml) => xml.replace('<cellXfs count="', '<1:xf xmlns:1="urn:x"/><cellXfs count="')],
    ['a shared-strings content type only SheetJS knows', '[Content_Types].xml', (xml) => xml.replace('<Override ', '<Override PartName="/xl/other.xml" ContentType="application/vnd.ms-excel.sharedStrings"/><Override ')],
    ['a Default without its Extension (SheetJS refuses the file)', '[Content_Types].xml', (xml) => xml.replace('<Default Extension=', '<Default extension=')],
    ['a defined name without its name (SheetJS refuses the file)', 'xl/workbook.xml', (xml) => xml.replace('</sheets>', '</sheets><definedNames><definedName>A1</definedName></definedNames>')],
    ['an unused shared string with a phonetic guide never closed (SheetJS drops every string)', 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', '<si><r><t>x</t></r><rPh sb="0" eb="1"><t>y</t></si></sst>')],
    ['a rich run whose <t> is not well formed (SheetJS keeps it in the text)', 'xl/sharedStrings.xml', (xml) => xml.replace('<si><t>姓名</t></si>', '<si><r><t foo>姓名</t></r></si>')],
  ])('%s: left to SheetJS', async (_what, name, edit) => {
    const { parts } = await plainForm();
    const changed = edited(parts, name, edit);
    expect(changed.get(name)).not.toBe(parts.get(name));
    expect(readOoxmlModel(changed)).toBeNull();
  });

  it('two parts whose names differ only in case are left to SheetJS (which finds parts without case)', async () => {
    const { parts } = await plainForm();
    expect(readOoxmlModel(new Map([['XL/sharedStrings.xml', parts.get('xl/sharedStrings.xml')!], ...parts]))).toBeNull();
  });

  it('junk inside a tag of the other parts is left to SheetJS, quickly', async () => {
    const { parts } = await plainForm();
    const junk = edited(parts, '[Content_Types].xml', (xml) => xml.replace('<Override ', `<Override ${'a'.repeat(400_000)} `));
    expect(readOoxmlModel(junk)).toBeNull();
    const workbook = edited(parts, 'xl/workbook.xml', (xml) => xml.replace(/xmlns="[^"]*"/u, 'xmlns="urn:other"'));
    expect(readOoxmlModel(workbook), 'a workbook in a namespace SheetJS refuses').toBeNull();
    const rich = edited(parts, 'xl/sharedStrings.xml', (xml) => xml.replace('<si><t>姓名</t></si>', '<si><r><x:t xmlns:x="urn:x">姓名</x:t></r></si>'));
    expect(rich.get('xl/sharedStrings.xml')).not.toBe(parts.get('xl/sharedStrings.xml'));
    expect(readOoxmlModel(rich), 'a prefixed run text').toBeNull();
  });

  it('a workbook SheetJS would read as OpenDocument, or whose parts are not where Excel puts them', async () => {
    const { parts } = await plainForm();
    const moved = edited(parts, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('worksheets/sheet1.xml', 'worksheets/../worksheets/sheet1.xml'));
    expect(readOoxmlModel(moved)).toBeNull();
    const ods = new Map(parts).set('META-INF/manifest.xml', '<manifest/>');
    expect(readOoxmlModel(ods)).toBeNull();
  });

  it('an import of a plain form and of the same form SheetJS must read give the same cells', async () => {
    const { buffer } = await plainForm();
    const direct = await openWorkbookBuffer(buffer, 'form.xlsx');
    const parts = partsOf(buffer)!;
    expect(direct.model).toEqual(readSheetjsModel(parts, 'form.xlsx', 'xlsx'));
    expect(direct.model.sheets[0]!.cells.find((c) => c.row === 2 && c.col === 2)?.value).toMatchObject({ kind: 'date', text: '1975-06' });
  });
});
