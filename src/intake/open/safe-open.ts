/**
 * Opens a submitted form defensively. The bytes are judged before any parser sees them, because the
 * libraries' own failures ("Can't find end of central directory", 0 worksheets, unbounded memory for zip
 * bombs and giant merged ranges) mean nothing to a clerk. What the bytes are decides the reader, never the
 * extension alone: an OOXML workbook (.xlsx/.xlsm), a legacy .xls / WPS .et compound file or an .ods (all
 * three read by SheetJS, adapters/sheetjs.ts), a Word .docx (adapters/docx.ts). Every format ends as the same
 * cell model (cell-model.ts). Every refusal is a GongshuError with a stable code and a one-line Chinese
 * message saying what to do; files that are not forms at all (a .doc, a PDF scan, a photo) get a code in NOT_A_FORM_CODES, which the import lists as 未导入.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { columnNumber } from '../../core/cell-address.js';
import { sha256Hex } from '../../core/hash.js';
import type { GongshuError } from '../../core/errors.js';
import { countWordCells, readDocxModel } from '../adapters/docx.js';
import { readOoxmlModel } from '../adapters/ooxml.js';
import { loadSheetjs, readSheetjsModel } from '../adapters/sheetjs.js';
import type { CellModel, FormFormat } from '../cells/cell-model.js';
import { readCompoundDirectory } from './compound-file.js';
import { refuse } from '../read-errors.js';
import { inflateEntry, readZipDirectory, unpackEntry, type ZipEntry } from './zip-directory.js';

export { readZipDirectory, type ZipEntry } from './zip-directory.js';

export interface OpenOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest number of zip entries, or compound-file directory entries (default 10,000). */
  maxEntries?: number;
  /** Largest declared uncompressed total, in bytes (default 50 MB; pictures count, but are never inflated). */
  maxUncompressedBytes?: number;
  /** Largest XML part (a worksheet, the shared strings, a Word document.xml is bounded by MAX_WORD_XML_BYTES), unpacked (default 2 MB). */
  maxPartBytes?: number;
  /** Largest number of cells covered by merged ranges in one workbook (default 1,000,000). */
  maxMergedCells?: number;
  /** Largest number of cells written in the worksheets of one workbook (default 30,000). */
  maxCells?: number;
  /** Largest number of table cells in a Word form (default 20,000). */
  maxWordCells?: number;
}

export interface OpenedWorkbook {
  path: string;
  fileName: string;
  buffer: Buffer;
  sha256: string;
  /** What the bytes are (decided from them, not from the extension). */
  format: FormFormat;
  /** The form as cells, whatever program wrote it: what every reader reads. */
  model: CellModel;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 10_000;
/**
 * Memory is what these limits bound (a batch peaks under 400 MB whatever its files hold, measured by
 * test/intake/memory.test.ts): SheetJS needs ~25 bytes of memory per byte of XML, xmldom ~120, and every
 * cell is several objects. A real form is far below each: its parts are ~20 KB unpacked (the whole .xlsx
 * ~45 KB), a Word form's document.xml 20-100 KB, a form a few hundred cells, a 评审打分表 a few thousand.
 * Pictures pasted into a form count in the total but are never unpacked.
 */
export const DEFAULT_MAX_UNCOMPRESSED = 50 * 1024 * 1024;
/** One XML part unpacked: 100 times a real form's largest, ~50 MB for SheetJS to read. */
export const DEFAULT_MAX_PART_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_MERGED_CELLS = 1_000_000;
/**
 * Columns described by column ranges (widths, hidden columns) in one workbook: a sheet describes each of its
 * 16,384 columns at most about once (Excel writes one range to the last column for a styled row), SheetJS copies
 * an object for each. Ten whole sheets' worth; a range to column 10,000,000 is an attack.
 */
export const MAX_DESCRIBED_COLUMNS = 163_840;
/**
 * An application form has a few hundred cells, a 评审打分表 of a hundred applications a few thousand; 30,000
 * cost the reader ~70 MB. Beyond that a file is a generated table or an attack.
 */
export const DEFAULT_MAX_CELLS = 30_000;
/** 附件1 as a Word table has about a hundred cells; 200 members of 8 columns are 1,600. */
export const DEFAULT_MAX_WORD_CELLS = 20_000;
/** A form's document.xml is 20-100 KB; xmldom needs ~120 bytes of memory per byte of XML (1 MB: ~120 MB). */
export const MAX_WORD_XML_BYTES = 1024 * 1024;
/** Deflate cannot beat ~1032:1; XML that compresses past this many times over is a bomb, not a form. */
const MAX_ENTRY_RATIO = 1000;
/** Small entries may compress absurdly well (a run of spaces); only judge the ratio of entries above this. */
const RATIO_MIN_BYTES = 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Codes of files that are not a form gongshu reads (another kind of document): listed as 未导入, not as failures. */
export const NOT_A_FORM_CODES: ReadonlySet<string> = new Set([
  'file-word-doc',
  'file-wps-doc',
  'file-odt',
  'file-pdf',
  'file-image',
  'file-archive',
  'file-presentation',
  'file-other-type',
  'docx-no-table',
  'file-outlook-msg',
  'mail-no-attachments',
  'mail-mbox',
  'link-broken',
  'link-loop',
  'link-to-folder',
  'link-to-database',
  'file-not-regular',
]);

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');
const startsWith = (buf: Buffer, bytes: number[] | string, at = 0): boolean => {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return buf.length >= at + b.length && buf.subarray(at, at + b.length).equals(b);
};

/** Kinds of files that are no form, known from their first bytes. */
function otherDocument(buffer: Buffer, file: string): GongshuError | null {
  if (startsWith(buffer, '%PDF-')) return refuse('file-pdf', 'import.notForm.pdf', file);
  const image =
    startsWith(buffer, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buffer, [0xff, 0xd8, 0xff]) ||
    startsWith(buffer, 'GIF8') ||
    startsWith(buffer, 'BM') ||
    startsWith(buffer, 'II*\0') ||
    startsWith(buffer, 'MM\0*') ||
    (startsWith(buffer, 'RIFF') && startsWith(buffer, 'WEBP', 8)) ||
    startsWith(buffer, 'ftypheic', 4) ||
    startsWith(buffer, 'ftypmif1', 4);
  if (image) return refuse('file-image', 'import.notForm.image', file);
  if (startsWith(buffer, 'Rar!') || startsWith(buffer, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return refuse('file-archive', 'import.notForm.archive', file);
  if (startsWith(buffer, '{\\rtf')) return refuse('file-word-doc', 'import.notForm.doc', file);
  return null;
}

/**
 * Legacy OLE compound file: an Excel 97-2003 .xls or WPS .et (read by SheetJS once its directory is sound), an
 * encrypted .xlsx, a Word .doc, a WPS .wps, a PowerPoint file.
 */
function checkCompound(buffer: Buffer, file: string, maxEntries: number): FormFormat {
  if (buffer.includes(utf16('EncryptedPackage')) || buffer.includes(utf16('EncryptionInfo'))) {
    throw refuse('file-encrypted', 'import.fileEncrypted', file);
  }
  const ext = extname(file).toLowerCase();
  if (buffer.includes(utf16('WordDocument'))) {
    throw ext === '.wps' || ext === '.wpt' ? refuse('file-wps-doc', 'import.notForm.wps', file) : refuse('file-word-doc', 'import.notForm.doc', file);
  }
  if (buffer.includes(utf16('PowerPoint Document'))) throw refuse('file-presentation', 'import.notForm.presentation', file);
  const dir = readCompoundDirectory(buffer, maxEntries);
  if (!dir.ok) {
    if (dir.problem === 'entries') throw refuse('file-zip-bomb', 'import.compoundEntries', file, { count: count(dir.count), max: count(maxEntries) });
    if (dir.problem === 'stream-size') throw refuse('file-zip-bomb', 'import.compoundStreamSize', file, { size: size(dir.size), file: size(buffer.length) });
    throw refuse('file-damaged', 'import.compoundDamaged', file);
  }
  const names = new Set(dir.entries.filter((e) => e.type === 2).map((e) => e.name));
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('WordDocument')) throw refuse('file-word-doc', 'import.notForm.doc', file);
  throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
}

function rangeArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/u.exec(ref.trim().toUpperCase());
  if (!m) return 0;
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

interface SheetStats {
  /** Cells covered by merged ranges. */
  merged: number;
  /** Cells covered by hyperlinks (SheetJS builds a cell for each cell a hyperlink's range covers). */
  linked: number;
  /** Columns described by `<col>` ranges (SheetJS copies a column object for each column of each range). */
  columns: number;
  /** `<c>` elements: every cell the reader will build an object for. */
  cells: number;
}

/** Why an XML part of a workbook is not read: a DTD (entities: XXE, billion laughs), or a part that ends before its root does. */
type XmlProblem = 'doctype' | 'cut';

/**
 * Excel, WPS and LibreOffice never write a DOCTYPE, and a part cut in the middle is damage: both are refused
 * before any parser sees the part (SheetJS reads by patterns and would read what is there, a DTD unexpanded
 * and half a workbook). A DTD can only stand before the root element, so only the prolog is searched.
 */
function xmlProblem(text: string): XmlProblem | null {
  const root = /<([A-Za-z_][\w.:-]*)/u.exec(text);
  if (!root) return 'cut';
  if (/<!(?:DOCTYPE|ENTITY)/iu.test(text.slice(0, root.index))) return 'doctype';
  // Trailing whitespace and NUL padding cut by hand: a regex anchored at the end would scan the whole part.
  let last = text.length;
  while (last > 0 && ' \t\r\n\0'.includes(text[last - 1]!)) last -= 1;
  const end = text.slice(Math.max(0, last - 300), last);
  if (end.endsWith(`</${root[1]}>`) || new RegExp(`</${root[1]!.replace(/[.]/gu, '\\.')}\\s*>$`, 'u').test(end)) return null;
  // A root that closes itself: <workbook …/> and nothing after it.
  if (end.endsWith('/>') && !text.slice(0, last).includes('<', root.index + 1)) return null;
  return 'cut';
}

/**
 * Every XML part of an OOXML workbook, inflated (bounded by its declared size) and judged before the parser:
 * whole and without a DTD (xmlProblem). The parts are also counted: cells covered by merged ranges (one
 * `<mergeCell ref="A1:XFD1048576"/>` would make a reader that builds merged cells exhaust memory long before
 * any size cap notices), cells under hyperlinks (SheetJS builds one for each) and written cells (a sheet of
 * millions of cells takes minutes), and columns described by column ranges. Every part is counted, wherever it
 * lies (a reader finds a worksheet where the workbook's relationships say, not only under xl/worksheets/), and
 * every tag however its attributes are spelled (quotes of either kind, prefixes); a part that several sheets point
 * at counts once for each of them (sheetsPerPart). The parts, judged, are what the reader reads (as byte
 * strings): the zip is inflated once, by zlib. Null when a part inflates beyond its declared size: a directory that lies about sizes
 * is a bomb.
 */
function workbookParts(buf: Buffer, entries: readonly ZipEntry[], limitPerEntry: number): (SheetStats & { parts: Map<string, string> }) | XmlProblem | null {
  const stats = { merged: 0, linked: 0, columns: 0, cells: 0, parts: new Map<string, string>() };
  const counted = new Map<string, SheetStats>();
  for (const entry of entries) {
    if (!/\.(?:xml|rels|vml)$/iu.test(entry.name)) continue;
    // Declared sizes were checked against the part limit before this (checkPartSizes); a part that inflates
    // past its declared size stops there (inflateEntry's output limit) and the file is refused.
    const xml = inflateEntry(buf, entry, Math.min(limitPerEntry, entry.uncompressedSize));
    if (xml === null) return null;
    const text = xml.toString('latin1');
    const problem = xmlProblem(text);
    if (problem) return problem;
    stats.parts.set(entry.name, text);
    counted.set(entry.name.toLowerCase(), partStats(text));
  }
  const sheetsOf = sheetsPerPart(stats.parts);
  for (const [name, part] of counted) {
    const times = Math.max(1, sheetsOf.get(name) ?? 0);
    for (const key of ['merged', 'linked', 'columns', 'cells'] as const) stats[key] += times * part[key];
  }
  return stats;
}

/** Attributes of a tag by name, loosely (either quote, spaces around =): for counting, never for reading. */
function looseAttributes(tag: string): [string, string][] {
  return [...tag.matchAll(/\s([^\s=<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)].map((m) => [m[1]!, m[2] ?? m[3] ?? '']);
}

/**
 * How many of the workbook's sheets each part holds (by lower-case part name), resolved the way SheetJS finds a
 * sheet: its relationship id, the target under xl/ or as written, names compared without case. A crafted
 * workbook may point many sheets at one part; the reader reads it once for each. Read loosely: a sheet counted
 * that SheetJS would not find only makes the count larger.
 */
function sheetsPerPart(parts: ReadonlyMap<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship[\s/][^<>]*>/giu)) {
    const attrs = looseAttributes(m[0]);
    const id = attrs.filter(([k]) => /^(?:[\w.-]+:)?id(?:_.*)?$/iu.test(k)).map(([, v]) => v);
    const target = attrs.find(([k]) => /^(?:[\w.-]+:)?target(?:_.*)?$/iu.test(k))?.[1];
    if (target !== undefined) for (const i of id) targets.set(i, target);
  }
  const names = new Set([...parts.keys()].map((n) => n.toLowerCase()));
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet[\s/][^<>]*>/gu)) {
    const ids = looseAttributes(m[0]).filter(([k]) => /^(?:[\w.-]+:)?(?:id|strRelID)(?:_.*)?$/iu.test(k));
    const found = new Set<string>();
    for (const [, id] of ids) {
      const target = targets.get(id);
      if (target === undefined) continue;
      const candidates = [`xl/${target.replace(/\/?xl\//u, '')}`, target, `xl/${target}`, target.replace(/^\//u, '')].map((c) => c.toLowerCase());
      const name = candidates.find((c) => names.has(c));
      if (name) found.add(name);
    }
    for (const name of found) out.set(name, (out.get(name) ?? 0) + 1);
  }
  return out;
}

const TAG_PATTERNS = new Map<string, [RegExp, RegExp]>();

/**
 * Each start tag named `name` in `text`, with or without a prefix: the plain spelling by a literal search, the
 * prefixed one only where `:name` appears at all (a theme or the styles hold none of them).
 */
function eachTag(text: string, name: string, visit: (tag: string) => void): void {
  let patterns = TAG_PATTERNS.get(name);
  if (!patterns) {
    patterns = [new RegExp(`<${name}[\\s/>][^<>]*>`, 'gu'), new RegExp(`<[\\w.-]+:${name}[\\s/>][^<>]*>`, 'gu')];
    TAG_PATTERNS.set(name, patterns);
  }
  const [plain, prefixed] = patterns;
  for (const re of text.includes(`:${name}`) ? [plain, prefixed] : [plain]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) visit(m[0]);
  }
}

/**
 * What one part would make a reader build: written cells (read only inside sheet data), cells covered by merged
 * ranges and by hyperlinks, columns described by column ranges.
 */
function partStats(text: string): SheetStats {
  const stats: SheetStats = { merged: 0, linked: 0, columns: 0, cells: 0 };
  if (text.includes('sheetData')) eachTag(text, 'c', () => (stats.cells += 1));
  if (text.includes('mergeCell')) eachTag(text, 'mergeCell', (tag) => (stats.merged += largestRange(tag)));
  if (text.includes('hyperlink')) eachTag(text, 'hyperlink', (tag) => (stats.linked += largestRange(tag)));
  if (text.includes('col')) {
    eachTag(text, 'col', (tag) => {
      const numbers = [...tag.matchAll(/\b(?:min|max)\s*=\s*["']?\s*(\d+)/giu)].map((n) => Number(n[1]));
      if (numbers.length > 0) stats.columns += Math.max(...numbers) - Math.min(...numbers) + 1;
    });
  }
  return stats;
}

/** The largest cell range written anywhere in a tag (whatever attribute holds it, however quoted). */
function largestRange(tag: string): number {
  // As Excel writes it: one range and nothing else that could hold one.
  const usual = /^<\w+ ref="(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"\/>$/u.exec(tag);
  if (usual) return rangeArea(usual[1]!);
  let largest = 0;
  for (const m of tag.matchAll(/\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/gu)) largest = Math.max(largest, rangeArea(m[0]));
  return largest;
}

/** What safe-open found a file to be, with what its reader needs beyond the bytes. */
export interface CheckedForm {
  format: FormFormat;
  /** A Word form's word/document.xml, unpacked and bounded here. */
  documentXml?: Buffer;
  /** An OOXML workbook's XML parts by name, inflated and judged here (byte strings: one char per byte). */
  xmlParts?: Map<string, string>;
  /** Cells an OOXML workbook's hyperlinks cover: bounded before SheetJS reads it (it builds a cell for each). */
  linkedCells?: number;
}

/**
 * Counts the cells of an .ods: written cells times the rows they repeat in (`table:number-rows-repeated`), and
 * non-empty cells repeated across columns. LibreOffice writes empty repeats by the thousand; a value repeated
 * a million times is a bomb. Null when the XML inflates beyond its declared size.
 */
function odsCells(buf: Buffer, entries: readonly ZipEntry[], limit: number): number | null {
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) return 0;
  const xml = inflateEntry(buf, content, Math.min(limit, content.uncompressedSize));
  if (xml === null) return null;
  const text = xml.toString('latin1');
  let cells = 0;
  let rowRepeat = 1;
  const re = /<table:table-row\b([^>]*)>|<table:table-cell\b([^>]*?)(\/?)>/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      rowRepeat = Number(/number-rows-repeated="(\d+)"/u.exec(m[1])?.[1] ?? 1);
      continue;
    }
    const attrs = m[2] ?? '';
    const empty = m[3] === '/' && !attrs.includes('value-type');
    if (empty) continue;
    const colRepeat = Number(/number-columns-repeated="(\d+)"/u.exec(attrs)?.[1] ?? 1);
    cells += colRepeat * rowRepeat;
  }
  return cells;
}

/** The zip-based formats: OOXML workbook, Word document, OpenDocument spreadsheet. */
function checkZip(buffer: Buffer, file: string, opts: Required<OpenOptions>): CheckedForm {
  const entries = readZipDirectory(buffer);
  if (entries === null) throw refuse('file-truncated', 'import.fileTruncated', file);
  checkZipEntries(buffer, entries, file, opts);

  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) {
    checkPartSizes(entries, file, opts.maxPartBytes);
    const stats = workbookParts(buffer, entries, opts.maxPartBytes);
    if (stats === null) throw refuse('file-zip-bomb', 'import.fileZipLies', file);
    if (typeof stats === 'string') throw refuse('file-unreadable', 'import.fileUnreadable', file);
    checkCellCounts(stats, file, opts);
    return { format: 'xlsx', xmlParts: stats.parts, linkedCells: stats.linked };
  }
  if (names.has('word/document.xml')) return { format: 'docx', documentXml: checkDocx(buffer, entries, file, opts) };
  if (names.has('mimetype') && names.has('content.xml')) {
    const mimetype = entries.find((e) => e.name === 'mimetype')!;
    const type = (unpackEntry(buffer, mimetype) ?? Buffer.alloc(0)).toString('latin1').trim();
    if (type.startsWith('application/vnd.oasis.opendocument.text')) throw refuse('file-odt', 'import.notForm.odt', file);
    if (type.startsWith('application/vnd.oasis.opendocument.presentation')) throw refuse('file-presentation', 'import.notForm.presentation', file);
    if (!type.startsWith('application/vnd.oasis.opendocument.spreadsheet')) throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
    checkPartSizes(entries, file, opts.maxPartBytes);
    const cells = odsCells(buffer, entries, opts.maxPartBytes);
    if (cells === null) throw refuse('file-zip-bomb', 'import.fileZipLies', file);
    if (cells > opts.maxCells) throw refuse('file-too-many-cells', 'import.fileTooManyCells', file, { count: count(cells), max: count(opts.maxCells) });
    return { format: 'ods' };
  }
  if (names.has('ppt/presentation.xml')) throw refuse('file-presentation', 'import.notForm.presentation', file);
  throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
}

/** Every XML part's declared unpacked size against the part limit, before anything is inflated. */
function checkPartSizes(entries: readonly ZipEntry[], file: string, maxPartBytes: number): void {
  for (const e of entries) {
    if (/\.(?:xml|rels|vml)$/iu.test(e.name) && e.uncompressedSize > maxPartBytes) {
      throw refuse('file-zip-bomb', 'import.filePartTooLarge', file, { part: e.name, size: size(e.uncompressedSize), max: size(maxPartBytes) });
    }
  }
}

/** Entry count, declared sizes, compression ratios: the zip bomb checks, for workbooks and bundles alike. */
export function checkZipEntries(buffer: Buffer | { length: number }, entries: readonly ZipEntry[], file: string, opts: Pick<Required<OpenOptions>, 'maxEntries' | 'maxUncompressedBytes'>): void {
  if (entries.length > opts.maxEntries) {
    throw refuse('file-zip-bomb', 'import.fileZipEntries', file, { count: count(entries.length), max: count(opts.maxEntries) });
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > RATIO_MIN_BYTES && e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_ENTRY_RATIO) {
      throw refuse('file-zip-bomb', 'import.fileZipRatio', file, { size: size(e.uncompressedSize), compressed: size(e.compressedSize) });
    }
    if (e.localHeaderOffset + e.compressedSize > buffer.length) throw refuse('file-truncated', 'import.fileTruncated', file);
  }
  if (total > opts.maxUncompressedBytes) throw refuse('file-zip-bomb', 'import.fileZipTotal', file, { size: size(total), max: size(opts.maxUncompressedBytes) });
}

function checkCellCounts(stats: SheetStats, file: string, opts: Required<OpenOptions>): void {
  if (stats.merged > opts.maxMergedCells) throw refuse('file-zip-bomb', 'import.fileMergedCells', file, { count: count(stats.merged), max: count(opts.maxMergedCells) });
  if (stats.columns > MAX_DESCRIBED_COLUMNS) throw refuse('file-zip-bomb', 'import.fileColumns', file, { count: count(stats.columns), max: count(MAX_DESCRIBED_COLUMNS) });
  if (stats.cells > opts.maxCells) throw refuse('file-too-many-cells', 'import.fileTooManyCells', file, { count: count(stats.cells), max: count(opts.maxCells) });
}

/** A Word form: its document.xml unpacked (bounded and CRC-checked), and its table cells counted before any parse. */
function checkDocx(buffer: Buffer, entries: readonly ZipEntry[], file: string, opts: Required<OpenOptions>): Buffer {
  const entry = entries.find((e) => e.name === 'word/document.xml')!;
  if (entry.uncompressedSize > MAX_WORD_XML_BYTES) {
    throw refuse('file-zip-bomb', 'import.docxTooLarge', file, { size: size(entry.uncompressedSize), max: size(MAX_WORD_XML_BYTES) });
  }
  const xml = unpackEntry(buffer, entry);
  if (xml === null) throw refuse('file-zip-bomb', 'import.fileZipLies', file);
  // As for a workbook's parts: a DTD (entities) or a part cut short is refused before the XML parser sees it.
  if (xmlProblem(xml.toString('latin1')) !== null) throw refuse('file-unreadable', 'import.docxUnreadable', file);
  const cells = countWordCells(xml);
  // A Word file without any table is another document (the 申办报告), not the form.
  if (cells === 0) throw refuse('docx-no-table', 'import.notForm.docxNoTable', file);
  if (cells > opts.maxWordCells) throw refuse('file-too-many-cells', 'import.docxTooManyCells', file, { count: count(cells), max: count(opts.maxWordCells) });
  return xml;
}

function withDefaults(opts: OpenOptions): Required<OpenOptions> {
  return {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxEntries: opts.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxUncompressedBytes: opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED,
    maxPartBytes: opts.maxPartBytes ?? DEFAULT_MAX_PART_BYTES,
    maxMergedCells: opts.maxMergedCells ?? DEFAULT_MAX_MERGED_CELLS,
    maxCells: opts.maxCells ?? DEFAULT_MAX_CELLS,
    maxWordCells: opts.maxWordCells ?? DEFAULT_MAX_WORD_CELLS,
  };
}

/**
 * Checks the bytes of a submitted file and says which format of form it is, or throws a GongshuError when it
 * is not one gongshu can read safely. `file` is used for the extension (.wps) and the error location.
 */
export function checkWorkbookBytes(buffer: Buffer, file: string, opts: OpenOptions = {}): CheckedForm {
  const o = withDefaults(opts);
  if (buffer.length === 0) throw refuse('file-empty', 'import.fileEmpty', file);
  if (buffer.length > o.maxBytes) {
    throw refuse('file-too-large', 'import.fileTooLarge', file, { size: mb(buffer.length), max: mb(o.maxBytes) });
  }
  if (startsWith(buffer, [...OLE_MAGIC])) return { format: checkCompound(buffer, file, o.maxEntries) };
  if (startsWith(buffer, [...ZIP_MAGIC])) return checkZip(buffer, file, o);
  if (startsWith(buffer, [...EMPTY_ZIP_MAGIC])) throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
  throw otherDocument(buffer, file) ?? refuse('file-not-workbook', 'import.fileNotWorkbook', file);
}

/** Checked bytes as the cell model, by the reader of their format. */
async function readModel(buffer: Buffer, file: string, checked: CheckedForm, opts: Required<OpenOptions>): Promise<CellModel> {
  switch (checked.format) {
    case 'xlsx': {
      // The cells, merged areas and column ranges were counted above, from the zip, before this parse. A form of
      // the plain shape is read directly; SheetJS (loaded only then) reads any other.
      const plain = checked.xmlParts ? readOoxmlModel(checked.xmlParts) : null;
      if (plain) return plain;
      // SheetJS builds a cell for every cell a hyperlink covers (a whole column: 2 s and 400 MB); the direct
      // reader does not, so only a file left to SheetJS meets this limit.
      const linked = checked.linkedCells ?? 0;
      if (linked > opts.maxMergedCells) throw refuse('file-zip-bomb', 'import.fileLinkedCells', file, { count: count(linked), max: count(opts.maxMergedCells) });
      await loadSheetjs();
      return readSheetjsModel(checked.xmlParts ?? buffer, file, 'xlsx');
    }
    case 'docx':
      return readDocxModel(checked.documentXml!, file);
    case 'xls':
    case 'ods': {
      await loadSheetjs(checked.format === 'xls');
      const model = readSheetjsModel(buffer, file, checked.format);
      // The compound-file directory bounded the bytes; what they unfold to is bounded here, before any grid is built.
      const cells = model.sheets.reduce((n, sheet) => n + sheet.cells.length, 0);
      const merged = model.sheets.reduce((n, sheet) => n + sheet.merges.reduce((k, m) => k + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0), 0);
      checkCellCounts({ cells, merged, linked: 0, columns: 0 }, file, opts);
      return model;
    }
  }
}

/** Opens a form already in memory (the checks of openWorkbookFile, minus the file size stat). */
export async function openWorkbookBuffer(buffer: Buffer, path: string, opts: OpenOptions = {}): Promise<OpenedWorkbook> {
  const o = withDefaults(opts);
  const checked = checkWorkbookBytes(buffer, path, o);
  const sha256 = sha256Of(buffer);
  const model = await readModel(buffer, path, checked, o);
  return { path, fileName: basename(path), buffer, sha256, format: checked.format, model };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** 20 B, 63.7 KB, 4096.0 MB: sizes in a message, whatever their magnitude. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${mb(bytes)} MB`;
}

/** 1,200,272: counts with thousands separators, as both languages of the messages write them. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Reads a submitted file's bytes, refusing before reading one larger than the cap, so a 4 GB file never
 * reaches memory. The import reads here (to fingerprint the file) and hands the bytes to a parse worker.
 */
export function readWorkbookBytes(path: string, opts: OpenOptions = {}): Buffer {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    // Synchronous: forms are small, and a thread-pool round trip per file costs more than the read.
    const info = statSync(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw refuse('file-missing', 'import.fileMissing', path);
  }
  if (size > maxBytes) throw refuse('file-too-large', 'import.fileTooLarge', path, { size: mb(size), max: mb(maxBytes) });
  try {
    return readFileSync(path);
  } catch {
    throw refuse('file-missing', 'import.fileMissing', path);
  }
}

export function sha256Of(buffer: Buffer): string {
  return sha256Hex(buffer);
}

/** Opens a submitted form from disk after the size, type and structure checks. */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<OpenedWorkbook> {
  return openWorkbookBuffer(readWorkbookBytes(path, opts), path, opts);
}
