/**
 * Opens a submitted workbook defensively. The bytes are checked before exceljs sees them, because exceljs'
 * own failures ("Can't find end of central directory", 0 worksheets for .ods, unbounded memory for zip bombs
 * and giant merged ranges) mean nothing to a clerk. Every refusal is a GongshuError with a stable code and a
 * one-line Chinese message saying what to do.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { GongshuError, InputFileError } from '../../core/errors.js';
import { sha256Hex } from '../../core/hash.js';
import { msg, type MessageKey } from '../../messages/index.js';

export interface OpenOptions {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest number of zip entries (default 10,000). */
  maxEntries?: number;
  /** Largest declared uncompressed total, in bytes (default 200 MB). */
  maxUncompressedBytes?: number;
  /** Largest number of cells covered by merged ranges in one workbook (default 1,000,000). */
  maxMergedCells?: number;
  /** Largest number of cells written in the worksheets of one workbook (default 300,000). */
  maxCells?: number;
}

export interface OpenedWorkbook {
  path: string;
  fileName: string;
  buffer: Buffer;
  sha256: string;
  workbook: ExcelJS.Workbook;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 10_000;
export const DEFAULT_MAX_UNCOMPRESSED = 200 * 1024 * 1024;
export const DEFAULT_MAX_MERGED_CELLS = 1_000_000;
/**
 * An application form has a few thousand cells at most; exceljs needs about 1.5 s and 350 MB for 300,000.
 * Beyond that a file is a generated table or an attack, and reading it would stall the whole batch.
 */
export const DEFAULT_MAX_CELLS = 300_000;
/** Deflate cannot beat ~1032:1; XML that compresses past this many times over is a bomb, not a form. */
const MAX_ENTRY_RATIO = 1000;
/** Small entries may compress absurdly well (a run of spaces); only judge the ratio of entries above this. */
const RATIO_MIN_BYTES = 1024 * 1024;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function refuse(code: string, key: MessageKey, file: string, params: Record<string, string | number> = {}): GongshuError {
  return new InputFileError(code, msg(key, params), { file });
}

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

/** Legacy OLE compound file: an encrypted .xlsx, a WPS .et, a Word file, or an Excel 97-2003 .xls. */
function classifyOle(buffer: Buffer, file: string): GongshuError {
  if (buffer.includes(utf16('EncryptedPackage')) || buffer.includes(utf16('EncryptionInfo'))) {
    return refuse('file-encrypted', 'import.fileEncrypted', file);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.et' || ext === '.ett') return refuse('file-wps-et', 'import.fileWpsEt', file);
  if (buffer.includes(utf16('WordDocument')) || buffer.includes(utf16('PowerPoint Document'))) {
    return refuse('file-not-workbook', 'import.fileNotWorkbook', file);
  }
  return refuse('file-legacy-xls', 'import.fileLegacyXls', file);
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

function readBigUInt64(buf: Buffer, offset: number): number {
  return Number(buf.readBigUInt64LE(offset));
}

/**
 * Reads the zip central directory (the table at the end of the file listing every entry). Returns null when
 * it is missing or does not fit in the file: the zip was cut short (an interrupted copy or e-mail download).
 */
export function readZipDirectory(buf: Buffer): ZipEntry[] | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  let eocd = -1;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20) {
    const loc = eocd - 20;
    if (buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) return null;
    const z64 = readBigUInt64(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) return null;
    count = readBigUInt64(buf, z64 + 32);
    cdSize = readBigUInt64(buf, z64 + 40);
    cdOffset = readBigUInt64(buf, z64 + 48);
  }
  if (cdOffset + cdSize > buf.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) return null;
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) return null;
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extra field (id 1) carries the real sizes when the 32-bit ones are saturated.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= extraEnd) { uncompressedSize = readBigUInt64(buf, q); q += 8; }
        if (compressedSize === 0xffffffff && q + 8 <= extraEnd) { compressedSize = readBigUInt64(buf, q); q += 8; }
        if (localHeaderOffset === 0xffffffff && q + 8 <= extraEnd) { localHeaderOffset = readBigUInt64(buf, q); }
      }
      e += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry, inflated with a hard output limit (the declared size may lie). */
function inflateEntry(buf: Buffer, entry: ZipEntry, limit: number): Buffer | null {
  const h = entry.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_SIG) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) return null;
  const data = buf.subarray(start, end);
  if (entry.method === 0) return data.length > limit ? null : data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch {
    return null;
  }
}

function rangeArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/u.exec(ref.trim().toUpperCase());
  if (!m) return 0;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

interface SheetStats {
  /** Cells covered by merged ranges. */
  merged: number;
  /** `<c>` elements: every cell exceljs will build an object for. */
  cells: number;
}

/**
 * exceljs creates one object per cell of every merged range, so `<mergeCell ref="A1:XFD1048576"/>` would
 * exhaust memory long before any size cap notices; and one per written cell, so a sheet of millions of
 * cells takes minutes. Worksheets are inflated here (bounded by their declared size) and both counted.
 * Null when a worksheet inflates beyond its declared size: a directory that lies about sizes is a bomb.
 */
function sheetStats(buf: Buffer, entries: readonly ZipEntry[], limitPerEntry: number): SheetStats | null {
  const stats: SheetStats = { merged: 0, cells: 0 };
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/iu.test(entry.name)) continue;
    const xml = inflateEntry(buf, entry, Math.min(limitPerEntry, entry.uncompressedSize));
    if (xml === null) return null;
    const text = xml.toString('latin1');
    const re = /<mergeCell\s[^>]*ref="([^"]+)"/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) stats.merged += rangeArea(m[1]!);
    const cell = /<c[\s>/]/gu;
    while (cell.exec(text)) stats.cells += 1;
  }
  return stats;
}

/**
 * Checks the bytes of a would-be .xlsx and throws a GongshuError when they are not one gongshu can read
 * safely. `file` is used for the extension (.et) and the error location.
 */
export function checkWorkbookBytes(buffer: Buffer, file: string, opts: OpenOptions = {}): void {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxTotal = opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED;
  const maxMerged = opts.maxMergedCells ?? DEFAULT_MAX_MERGED_CELLS;
  const maxCells = opts.maxCells ?? DEFAULT_MAX_CELLS;

  if (buffer.length === 0) throw refuse('file-empty', 'import.fileEmpty', file);
  if (buffer.length > maxBytes) {
    throw refuse('file-too-large', 'import.fileTooLarge', file, { size: mb(buffer.length), max: mb(maxBytes) });
  }
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(OLE_MAGIC)) throw classifyOle(buffer, file);
  if (buffer.length < 4 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
  }
  const entries = readZipDirectory(buffer);
  if (entries === null) throw refuse('file-truncated', 'import.fileTruncated', file);
  if (entries.length > maxEntries) {
    throw refuse('file-zip-bomb', 'import.fileZipEntries', file, { count: count(entries.length), max: count(maxEntries) });
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > RATIO_MIN_BYTES && e.uncompressedSize / Math.max(1, e.compressedSize) > MAX_ENTRY_RATIO) {
      throw refuse('file-zip-bomb', 'import.fileZipRatio', file, { size: size(e.uncompressedSize), compressed: size(e.compressedSize) });
    }
    if (e.localHeaderOffset + e.compressedSize > buffer.length) throw refuse('file-truncated', 'import.fileTruncated', file);
  }
  if (total > maxTotal) throw refuse('file-zip-bomb', 'import.fileZipTotal', file, { size: size(total), max: size(maxTotal) });

  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('mimetype') && names.has('content.xml')) throw refuse('file-ods', 'import.fileOds', file);
    throw refuse('file-not-workbook', 'import.fileNotWorkbook', file);
  }
  const stats = sheetStats(buffer, entries, maxTotal);
  if (stats === null) throw refuse('file-zip-bomb', 'import.fileZipLies', file);
  if (stats.merged > maxMerged) throw refuse('file-zip-bomb', 'import.fileMergedCells', file, { count: count(stats.merged), max: count(maxMerged) });
  if (stats.cells > maxCells) throw refuse('file-too-many-cells', 'import.fileTooManyCells', file, { count: count(stats.cells), max: count(maxCells) });
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

let Workbook: typeof ExcelJS.Workbook | undefined;

/**
 * exceljs' Workbook, loaded on first use: only commands that read workbooks pay for it. Its main entry also
 * loads the streaming reader and writer (zip and csv libraries: 660 modules, ~220 ms); reading needs the
 * workbook and its xlsx reader only (~280 modules, ~100 ms), which is what a parse worker spends starting.
 * exceljs is pinned and declares no "exports" map, so the module path is stable.
 */
export function workbookClass(): typeof ExcelJS.Workbook {
  Workbook ??= createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  return Workbook;
}

/** Opens an .xlsx already in memory (the checks of openWorkbookFile, minus the file size stat). */
export async function openWorkbookBuffer(buffer: Buffer, path: string, opts: OpenOptions = {}): Promise<OpenedWorkbook> {
  checkWorkbookBytes(buffer, path, opts);
  const sha256 = sha256Of(buffer);
  const workbook = new (workbookClass())();
  try {
    // Whole-column data validations are expanded cell by cell by exceljs: never read them.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0], { ignoreNodes: ['dataValidations'] });
  } catch (e) {
    const err = new InputFileError('file-unreadable', msg('import.fileUnreadable'), { file: path });
    // exceljs' own words mean nothing to a clerk; keep them for --debug.
    (err as Error & { cause?: unknown }).cause = e;
    throw err;
  }
  if (workbook.worksheets.length === 0) throw refuse('file-no-sheets', 'import.fileNoSheets', path);
  return { path, fileName: basename(path), buffer, sha256, workbook };
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

/** Opens a submitted .xlsx from disk after the size, type and zip-structure checks. */
export async function openWorkbookFile(path: string, opts: OpenOptions = {}): Promise<OpenedWorkbook> {
  return openWorkbookBuffer(readWorkbookBytes(path, opts), path, opts);
}
