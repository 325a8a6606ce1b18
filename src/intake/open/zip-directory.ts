/**
 * The zip central directory (the table at the end of a zip listing every entry), read without inflating
 * anything: safe-open judges a workbook, a Word file or a mail bundle from it before any library unpacks a
 * byte. Entries are then unpacked by zlib, bounded by the sizes checked here and verified by their CRC.
 */
import fs from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The name as the person who made the zip saw it (UTF-8, or GBK from a Chinese Windows, see decodeZipName). */
  name: string;
  /** The name's bytes as stored. */
  rawName: Buffer;
  /** General purpose flags (bit 0: encrypted, bit 11: UTF-8 name). */
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const UTF8_FLAG = 0x0800;
/** Info-ZIP's Unicode Path extra field: the UTF-8 name beside a legacy one. */
const UNICODE_PATH = 0x7075;

function readBigUInt64(buf: Buffer, offset: number): number {
  return Number(buf.readBigUInt64LE(offset));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gbk = new TextDecoder('gbk');

/**
 * A stored name as text. With the UTF-8 flag (or an Info-ZIP Unicode Path field) it is UTF-8. Without it, the
 * zip was made by a program that writes the system code page: on Chinese Windows (mail clients' 打包下载,
 * Explorer's 发送到压缩文件夹) that is GBK. macOS writes UTF-8 without the flag; GBK Chinese is almost never
 * valid UTF-8, so valid UTF-8 is taken as such and anything else is read as GBK. Some tools set the flag over
 * GBK bytes: a flagged name that is no valid UTF-8 is read as GBK too (the content decides, not the flag).
 */
export function decodeZipName(raw: Buffer, flags: number, unicodePath?: string): string {
  if (flags & UTF8_FLAG) {
    try {
      return utf8Strict.decode(raw);
    } catch {
      return gbk.decode(raw);
    }
  }
  if (unicodePath !== undefined) return unicodePath;
  if (raw.every((b) => b < 0x80)) return raw.toString('latin1');
  try {
    return utf8Strict.decode(raw);
  } catch {
    return gbk.decode(raw);
  }
}

/**
 * Reads the zip central directory. Returns null when it is missing or does not fit in the file: the zip was
 * cut short (an interrupted copy or e-mail download). `base`: where `buf` starts in the zip (a zip on disk is
 * read from its directory on, see readZipFileDirectory); offsets in the entries are always the zip's own.
 */
export function readZipDirectory(buf: Buffer, base = 0): ZipEntry[] | null {
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
    const z64 = readBigUInt64(buf, loc + 8) - base;
    if (z64 < 0 || z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) return null;
    count = readBigUInt64(buf, z64 + 32);
    cdSize = readBigUInt64(buf, z64 + 40);
    cdOffset = readBigUInt64(buf, z64 + 48);
  }
  if (cdOffset < base || cdOffset - base + cdSize > buf.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset - base;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) return null;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) return null;
    const rawName = buf.subarray(p + 46, p + 46 + nameLen);
    let unicodePath: string | undefined;
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
      } else if (id === UNICODE_PATH && size > 5 && e + 4 + size <= extraEnd) {
        unicodePath = buf.toString('utf8', e + 9, e + 4 + size);
      }
      e += 4 + size;
    }
    const name = decodeZipName(rawName, flags, unicodePath);
    entries.push({ name, rawName, flags, method, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Where a zip's central directory starts, from its last bytes (`tail`, which start at `base`), or null. */
function directoryStart(tail: Buffer, base: number): number | null {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIG) continue;
    const cdOffset = tail.readUInt32LE(i + 16);
    if (cdOffset !== 0xffffffff) return cdOffset;
    // ZIP64: the locator just before the end record gives the ZIP64 end record, which gives the offset.
    if (i < 20 || tail.readUInt32LE(i - 20) !== ZIP64_LOCATOR_SIG) return null;
    const z64 = readBigUInt64(tail, i - 12) - base;
    if (z64 < 0 || z64 + 56 > tail.length) return null;
    return readBigUInt64(tail, z64 + 48);
  }
  return null;
}

/** Bytes `[start, start + length)` of an open file (fewer at its end). */
function readAt(fd: number, start: number, length: number): Buffer {
  const out = Buffer.alloc(Math.max(0, length));
  const n = fs.readSync(fd, out, 0, out.length, start);
  return out.subarray(0, n);
}

/**
 * A zip on disk read without loading it: its directory from the end of the file, each entry's bytes when
 * asked. A bundle of scans may be 100 MB; a form inside it is read alone.
 */
export interface ZipFile {
  size: number;
  /** The directory, or null when it is missing or cut short. */
  entries: ZipEntry[] | null;
  /** One entry unpacked (as unpackEntry), read from the file. */
  unpack(entry: ZipEntry): Buffer | null;
}

export function readZipFile(file: string): ZipFile {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailStart = Math.max(0, size - (22 + 0xffff + 20 + 56));
    const start = directoryStart(readAt(fd, tailStart, size - tailStart), tailStart);
    const entries = start === null || start > size ? null : readZipDirectory(readAt(fd, start, size - start), start);
    return {
      size,
      entries,
      unpack(entry) {
        const f = fs.openSync(file, 'r');
        try {
          const header = readAt(f, entry.localHeaderOffset, 30);
          if (header.length < 30) return null;
          const length = 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + entry.compressedSize;
          return unpackEntry(readAt(f, entry.localHeaderOffset, length), { ...entry, localHeaderOffset: 0 });
        } finally {
          fs.closeSync(f);
        }
      },
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Where an entry's data starts and ends, or null when its local header is not where the directory says. */
function dataRange(buf: Buffer, entry: ZipEntry): { start: number; end: number } | null {
  const h = entry.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_SIG) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  return end > buf.length ? null : { start, end };
}

/** The bytes of one entry, inflated with a hard output limit (the declared size may lie). */
export function inflateEntry(buf: Buffer, entry: ZipEntry, limit: number): Buffer | null {
  const range = dataRange(buf, entry);
  if (!range) return null;
  const data = buf.subarray(range.start, range.end);
  if (entry.method === 0) return data.length > limit ? null : data;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, limit) });
  } catch {
    return null;
  }
}

/**
 * One entry unpacked by zlib into at most its declared size (already checked against the
 * limits), then verified: a CRC that does not match means the entry lied about its size or is damaged.
 * Null for an entry that cannot be unpacked (encrypted, an unknown method, a broken stream).
 */
export function unpackEntry(buf: Buffer, entry: ZipEntry): Buffer | null {
  if (entry.flags & 1) return null;
  const range = dataRange(buf, entry);
  if (!range) return null;
  const data = buf.subarray(range.start, range.end);
  let out: Buffer;
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) return null;
    out = data;
  } else if (entry.method === 8) {
    try {
      // Never more than the declared size: a stream that goes on is refused by zlib, one that stops short by the size check below.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      return null;
    }
  } else {
    return null;
  }
  return out.length === entry.uncompressedSize && crc32(out) === entry.crc32 ? out : null;
}
