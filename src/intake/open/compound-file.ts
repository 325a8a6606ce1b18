/**
 * The directory of an OLE compound file (the container of .xls, WPS .et, .doc, .wps and encrypted Office
 * files), read without any parser: which streams it holds, and whether their sizes and sector chains are
 * possible. A compound file is not compressed, so no stream can be larger than the file; a stream that says
 * otherwise, or a chain of sectors that loops or leaves the file, is a crafted or damaged file, refused before
 * SheetJS follows it.
 */
export interface CompoundEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  size: number;
}

export type CompoundCheck =
  | { ok: true; entries: CompoundEntry[] }
  /** The header, the sector tables or the directory cannot be followed (damaged or cut short). */
  | { ok: false; problem: 'damaged' }
  | { ok: false; problem: 'entries'; count: number }
  | { ok: false; problem: 'stream-size'; name: string; size: number };

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT = 109;

export function readCompoundDirectory(buf: Buffer, maxEntries: number): CompoundCheck {
  if (buf.length < 512) return { ok: false, problem: 'damaged' };
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return { ok: false, problem: 'damaged' };
  const sectorSize = 1 << shift;
  const sectors = Math.floor((buf.length - sectorSize) / sectorSize);
  if (sectors <= 0) return { ok: false, problem: 'damaged' };
  const offset = (n: number): number => (n + 1) * sectorSize;
  const valid = (n: number): boolean => n < sectors;
  const perSector = sectorSize / 4;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatCount = buf.readUInt32LE(0x2c);
  if (fatCount > sectors) return { ok: false, problem: 'damaged' };
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(0x4c + 4 * i));
  let difat = buf.readUInt32LE(0x44);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (!valid(difat) || seenDifat.has(difat)) return { ok: false, problem: 'damaged' };
    seenDifat.add(difat);
    const at = offset(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(buf.readUInt32LE(at + 4 * i));
    difat = buf.readUInt32LE(at + sectorSize - 4);
  }
  if (fatSectors.some((s) => !valid(s))) return { ok: false, problem: 'damaged' };
  const next = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / perSector)];
    return fatSector === undefined ? FREE : buf.readUInt32LE(offset(fatSector) + 4 * (n % perSector));
  };
  /** The sectors of a chain, or null when it loops, leaves the file or is longer than `max`. */
  const chain = (start: number, max: number): number[] | null => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = next(s)) {
      if (!valid(s) || seen.has(s) || out.length >= max) return null;
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const dirSectors = chain(buf.readUInt32LE(0x30), sectors);
  if (!dirSectors || dirSectors.length === 0) return { ok: false, problem: 'damaged' };
  const cutoff = buf.readUInt32LE(0x38);
  const entries: CompoundEntry[] = [];
  for (const s of dirSectors) {
    for (let at = offset(s); at < offset(s) + sectorSize; at += 128) {
      const type = buf[at + 66]!;
      if (type === 0) continue;
      if (entries.length >= maxEntries) return { ok: false, problem: 'entries', count: dirSectors.length * (sectorSize / 128) };
      const nameLen = Math.min(64, buf.readUInt16LE(at + 64));
      const name = buf.toString('utf16le', at, at + Math.max(0, nameLen - 2));
      const size = shift === 9 ? buf.readUInt32LE(at + 120) : Number(buf.readBigUInt64LE(at + 120));
      entries.push({ name, type, size });
      if (type !== 2 && type !== 5) continue;
      // Nothing uncompressed can be larger than the file holding it.
      if (size > buf.length) return { ok: false, problem: 'stream-size', name, size };
      // Streams at or above the cut-off (and the root's mini stream) live in sectors: their chain must hold them.
      if (type === 5 || size >= cutoff) {
        const start = buf.readUInt32LE(at + 116);
        const needed = Math.ceil(size / sectorSize);
        if (needed > 0 && (chain(start, needed + 1)?.length ?? -1) < needed) return { ok: false, problem: 'damaged' };
      }
    }
  }
  if (entries.length === 0 || entries[0]!.type !== 5) return { ok: false, problem: 'damaged' };
  return { ok: true, entries };
}
