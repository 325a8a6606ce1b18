/**
 * Workbooks that pass every safe-open check yet cost a parse worker far more than a form: the hostile files
 * a worker must survive. Over a small heap limit they kill their worker, under a short timeout they are stopped.
 */
import { writeZip } from '../fixtures/hostile/zip.js';
import { makeZip } from './build.js';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A small .xlsx with one sheet merged over ~900,000 cells (just under the 1,000,000 cap) and `cells` number
 * cells below it, without a styles part: with `cells`, reliably slower than any form however fast the machine
 * (seconds for SheetJS, where a form takes milliseconds). A formula in B1 leaves it to SheetJS: the direct
 * reader (adapters/ooxml.ts) reads the rest in a fraction of that.
 */
export function mergeHeavyWorkbook({ cells = 0 }: { cells?: number } = {}): Buffer {
  const rows: string[] = [];
  for (let r = 0; r * 10 < cells; r++) {
    const n = 90_002 + r;
    rows.push(`<row r="${n}">${Array.from({ length: Math.min(10, cells - r * 10) }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${n}"><v>${c}</v></c>`).join('')}</row>`);
  }
  const xml = (s: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml(`<Relationships ${RELS}><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: xml(`<workbook ${MAIN} ${REL}><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml(`<Relationships ${RELS}><Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xml(
        `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位全称</t></is></c><c r="B1"><f>1+1</f><v>2</v></c></row>${rows.join('')}</sheetData>` +
          '<mergeCells count="1"><mergeCell ref="A2:J90001"/></mergeCells></worksheet>',
      ),
    },
  ]);
}

/**
 * An .xlsx of 29,000 text cells (just under the 30,000 cap), each its own shared string: every cell is
 * several objects for the reader and one more in the cell model, tens of MB of heap built up cell by cell
 * (so a worker over a small heap limit is stopped, not the process).
 */
export function memoryHeavyWorkbook(): Buffer {
  const xml = (s: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  const rows: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'];
  const strings: string[] = ['<si><t>单位全称</t></si>'];
  for (let r = 0; r < 2_900; r++) {
    const n = r + 2;
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) {
      cells.push(`<c r="${String.fromCharCode(65 + c)}${n}" t="s" s="1"><v>${strings.length}</v></c>`);
      strings.push(`<si><t>成员${r}-${c}：长期从事数控车削加工</t></si>`);
    }
    rows.push(`<row r="${n}">${cells.join('')}</row>`);
  }
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml(`<Relationships ${RELS}><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: xml(`<workbook ${MAIN} ${REL}><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships ${RELS}><Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${TYPE}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      data: xml(
        `<styleSheet ${MAIN}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
          '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    },
    { name: 'xl/sharedStrings.xml', data: xml(`<sst ${MAIN} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`) },
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet ${MAIN}><sheetData>${rows.join('')}</sheetData></worksheet>`) },
  ]);
}
