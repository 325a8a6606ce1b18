/**
 * Files built to cost the import as much memory as the limits allow (and some past them): the batch that
 * test/intake/memory.test.ts imports in a child process to measure its peak. Sizes are parameters, so the
 * same files can be made just under and just over each limit.
 */
import { deflateRawSync } from 'node:zlib';
import { writeZip, type ZipPart } from '../fixtures/hostile/zip.js';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xml = (s: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);

function workbookParts(sheet: string, sst: Buffer | undefined, sstDeclared?: number, sstRaw?: Buffer): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
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
          `<Relationship Id="rId2" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    ...(sst ? [{ name: 'xl/sharedStrings.xml', data: sst, level: 1, ...(sstDeclared ? { declaredSize: sstDeclared } : {}), ...(sstRaw ? { raw: sstRaw } : {}) }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet ${MAIN}><sheetData>${sheet}</sheetData></worksheet>`) },
  ];
}

/** A sharedStrings part of about `bytes` bytes of distinct strings, under one cell that uses the first. */
export function stringsWorkbook(bytes: number): Buffer {
  const strings: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = `<si><t>团队成员简介第${i}条：长期从事数控车削加工与技术攻关，带徒传艺。</t></si>`;
    strings.push(s);
    size += Buffer.byteLength(s);
  }
  const sst = xml(`<sst ${MAIN} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`);
  return writeZip(workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', sst));
}

/** `cells` text cells, each its own shared string (the reader builds several objects per cell). */
export function cellsWorkbook(cells: number): Buffer {
  const rows: string[] = [];
  const strings: string[] = [];
  for (let r = 0; r * 10 < cells; r++) {
    const row: string[] = [];
    for (let c = 0; c < 10 && r * 10 + c < cells; c++) {
      row.push(`<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${strings.length}</v></c>`);
      strings.push(`<si><t>成员${r}-${c}</t></si>`);
    }
    rows.push(`<row r="${r + 1}">${row.join('')}</row>`);
  }
  return writeZip(workbookParts(rows.join(''), xml(`<sst ${MAIN} count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`)));
}

/** A sharedStrings part that says it is 1 MB and inflates to `bytes` (spaces): a directory that lies. */
export function lyingWorkbook(bytes: number): Buffer {
  const real = Buffer.alloc(bytes, 0x20);
  Buffer.from(`<sst ${MAIN}>`).copy(real, 0);
  return writeZip(workbookParts('<row r="1"><c r="A1"><v>1</v></c></row>', real, 1024 * 1024, deflateRawSync(real, { level: 9 })));
}

/** A Word document whose document.xml is about `bytes` bytes: one table row, then paragraphs. */
export function bigDocx(bytes: number): Buffer {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paras: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<w:p><w:r><w:t>工作计划第${i}条：每年带徒八人，攻关精密主轴加工难题，开展技能培训。</w:t></w:r></w:p>`;
    paras.push(p);
    size += Buffer.byteLength(p);
  }
  const doc = xml(
    `<w:document ${W}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>单位全称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某单位</w:t></w:r></w:p></w:tc></w:tr></w:tbl>${paras.join('')}</w:body></w:document>`,
  );
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', data: xml(`<Relationships ${RELS}><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="word/document.xml"/></Relationships>`) },
    { name: 'word/document.xml', data: doc, level: 1 },
  ]);
}

/** Incompressible bytes (a scan): what fills a bundle or a mail to its size limit. */
export function noise(bytes: number, seed = 1): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i - (i + 4 > bytes ? i + 4 - bytes : 0));
  }
  return out;
}
