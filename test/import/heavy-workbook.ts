/**
 * A tiny .xlsx (2 KB) that passes every safe-open check (merged cells just under the 1,000,000 cap) but
 * makes exceljs build ~900,000 cell objects: about 270 MB of heap and a second or more of work. It stands
 * for the hostile file a parse worker must survive: over a small heap limit it kills its worker, under a
 * short timeout it is stopped (with `cells`, reliably slower than any form however fast the machine).
 */
import { makeZip } from '../excel/read/build.js';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `cells` adds that many number cells below (each another object for exceljs, and more XML to parse). */
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
        `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位全称</t></is></c></row>${rows.join('')}</sheetData>` +
          '<mergeCells count="1"><mergeCell ref="A2:J90001"/></mergeCells></worksheet>',
      ),
    },
  ]);
}
