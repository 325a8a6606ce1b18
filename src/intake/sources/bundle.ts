/**
 * Zip bundles: what a mail client's 打包下载 gives, one .zip of every attachment. A bundle given or found in the
 * folder is opened here, in the main thread, without unpacking anything first: its directory is judged with
 * the same limits as a workbook's (entry count, declared sizes, compression ratios), then every entry is one
 * file of the batch, shown as `bundle.zip › folder/file`, unpacked only when its turn comes (by zlib, bounded
 * by its checked size and verified by its CRC) and parsed in the worker pool like a loose file. Names without
 * the UTF-8 flag are GBK (Chinese Windows). Nothing is ever written to disk, and a name that would leave the
 * bundle (`../`, `/etc/…`, `C:\…`) is refused as such. A bundle inside a bundle is opened too, one level deep.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isGongshuError } from '../../core/errors.js';
import { compareChineseNames, withoutBidiControls } from '../../core/text.js';
import { checkZipEntries, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, readWorkbookBytes } from '../open/safe-open.js';
import { refuse } from '../read-errors.js';
import { readZipDirectory, readZipFile, unpackEntry, type ZipEntry, type ZipFile } from '../open/zip-directory.js';
import { isLockOrHidden, judgeSpecialFile, notAFormByName } from './files.js';
import { isMailName, mailSources, MAX_MAIL_BYTES } from './mail.js';
import type { FileError } from '../parse-file.js';

/** The mail a file came in (its innermost message: the one the unit wrote), kept with what it is imported as. */
export interface MailOrigin {
  /** `name <address>` as the message's From header says (decoded). */
  from: string;
  subject: string;
  /** The message's Date as a UTC ISO instant, or null when it has none that parses. */
  date: string | null;
}

/** One file of a batch: a file on disk, or an entry of a bundle, or an attachment of a mail. */
export interface BatchSource {
  /** What the import table shows: the file's name, or `bundle.zip › folder/file`, or `mail.eml › attachment`. */
  display: string;
  /** The path given to the parser (its extension and the error location). */
  path: string;
  /** The bytes, or a GongshuError thrown when they cannot be had. */
  read(): Buffer | Promise<Buffer>;
  /** Known before reading: the whole bundle was refused. */
  error?: FileError;
  /** The mail it came in, if it did. */
  mail?: MailOrigin;
}

/**
 * The containers (a zip's bytes, a parsed mail) the batch is reading from, kept until others are needed:
 * entries of one container are consecutive in a batch, and keeping every container of a folder in memory
 * would make a batch's memory grow with the folder. Two are kept, so that reading a zip attached to a mail
 * does not drop the mail it is read from. Promises are kept, so reads started together share one load.
 */
export class LastContainer {
  private readonly kept = new Map<string, Promise<unknown>>();
  /** Files still to be read from each container: the container is dropped once its last file was read. */
  private readonly pending = new Map<string, number>();
  private static readonly SLOTS = 2;

  get<T>(key: string, load: () => T | Promise<T>): Promise<T> {
    const hit = this.kept.get(key);
    if (hit) {
      // Most recently used last.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit as Promise<T>;
    }
    while (this.kept.size >= LastContainer.SLOTS) this.kept.delete(this.kept.keys().next().value!);
    const value = Promise.resolve().then(load);
    this.kept.set(key, value);
    return value;
  }

  /** A file of the batch that will be read from container `key`; its read is wrapped to settle when done. */
  expect<T>(key: string, read: () => Promise<T>): () => Promise<T> {
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    let settled = false;
    return async () => {
      try {
        return await read();
      } finally {
        if (!settled) {
          settled = true;
          const left = (this.pending.get(key) ?? 1) - 1;
          this.pending.set(key, left);
          if (left <= 0) this.release(key);
        }
      }
    };
  }

  /** Drops the container `key` if it is kept (nothing is read from it any more). */
  release(key: string): void {
    this.kept.delete(key);
  }

  /** Drops whatever is kept (listing is over; the batch loads each container again when it reaches it). */
  clear(): void {
    this.kept.clear();
  }
}

/** A mail bundle may carry scans and photos beside the forms: larger than any one form may be. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
/** What a bundle's entries may unpack to together: forms, scans and photos of one unit's mail. */
export const MAX_BUNDLE_UNPACKED = 200 * 1024 * 1024;
/** bundle.zip › inner.zip › form.xlsx, and no deeper. */
export const MAX_BUNDLE_DEPTH = 2;
/** The separator between a bundle and a name inside it. */
export const INSIDE = ' › ';

export function isBundleName(name: string): boolean {
  return path.extname(name).toLowerCase() === '.zip';
}

export function asFileError(e: unknown): FileError {
  if (!isGongshuError(e)) throw e;
  return { code: e.code, message: e.message, sheet: e.location.sheet, cell: e.location.cell };
}

/**
 * An entry name made safe to show and to reason about, or null when it would leave the bundle: absolute,
 * a drive letter, a `..` segment, or control characters.
 */
export function safeEntryName(name: string): string | null {
  const slashed = withoutBidiControls(name).replace(/\\/gu, '/');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(slashed)) return null;
  if (slashed.startsWith('/') || /^[A-Za-z]:/u.test(slashed)) return null;
  const parts = slashed.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts.join('/');
}

/** Entries nobody sent on purpose: folders, macOS resource forks, lock and hidden files. */
function isQuiet(entryName: string): boolean {
  if (entryName.endsWith('/')) return true;
  const parts = entryName.split('/');
  return parts[0] === '__MACOSX' || parts.some((p) => p !== '' && p !== '.' && p !== '..' && isLockOrHidden(p));
}

/** Where a container sits: how many containers hold it (the file given is 1), how many of them are zips. */
export interface Nesting {
  depth: number;
  zips: number;
}

/** What expanding one batch shares: the container being read, and how to open a container met inside another. */
export interface ExpandContext {
  cache: LastContainer;
  /** Bytes of attachments kept for the whole batch by small mails (see mail.ts), within MAX_KEPT_MAIL_BYTES. */
  kept: { bytes: number };
  /** Opens a container (bundle or mail) found at `nesting`, or returns null when `name` is no container. */
  open(name: string, load: () => Promise<Buffer>, display: string, nesting: Nesting, mail: MailOrigin | undefined): Promise<BatchSource[] | null>;
}

/** A row for a container or entry refused as a whole. */
export function failedSource(display: string, e: unknown, mail?: MailOrigin): BatchSource {
  return { display, path: display, read: () => Buffer.alloc(0), error: asFileError(e), ...(mail ? { mail } : {}) };
}

/** Containers hold containers at most this deep, counting the file given: mail.eml › 转发.eml › 附件.zip. */
export const MAX_NESTING = 3;

/** The refusal of a container nested too deep (`nesting` counts it), or null when it may be opened. */
export function tooDeep(isZip: boolean, nesting: Nesting, display: string): FileError | null {
  if (isZip && nesting.zips > MAX_BUNDLE_DEPTH) return asFileError(refuse('bundle-too-deep', 'import.bundleTooDeep', display, { depth: MAX_BUNDLE_DEPTH }));
  if (nesting.depth > MAX_NESTING) return asFileError(refuse('bundle-too-deep', 'import.containerTooDeep', display, { depth: MAX_NESTING }));
  return null;
}

/** How a bundle's bytes are had: from memory (a zip inside a mail or a zip), or read from its file piece by piece. */
export interface ZipAccess {
  directory(): Promise<{ entries: ZipEntry[] | null; length: number }>;
  unpack(entry: ZipEntry): Promise<Buffer | null>;
  /** All of it: a form that was given a .zip name. */
  whole(): Promise<Buffer>;
  /** Wraps the read of an entry that is a file of the batch (so a zip in memory is dropped after its last). */
  leaf?(read: () => Promise<Buffer>): () => Promise<Buffer>;
}

/** A zip held in memory, loaded through the batch's LastContainer (so one is kept while its entries are read). */
export function zipInMemory(load: () => Promise<Buffer>, display: string, cache: LastContainer): ZipAccess {
  const bytes = (): Promise<Buffer> => cache.get(display, load);
  return {
    async directory() {
      const b = await bytes();
      return { entries: readZipDirectory(b), length: b.length };
    },
    async unpack(entry) {
      return unpackEntry(await bytes(), entry);
    },
    whole: bytes,
    leaf: (read) => cache.expect(display, read),
  };
}

/** A zip on disk: its directory read from the end of the file, each entry read alone (never the whole bundle). */
function zipOnDisk(file: string): ZipAccess {
  let zip: ZipFile | undefined;
  const open = (): ZipFile => {
    if (zip) return zip;
    let size: number;
    try {
      const info = fs.statSync(file);
      if (!info.isFile()) throw new Error('not a file');
      size = info.size;
    } catch {
      throw refuse('file-missing', 'import.fileMissing', file);
    }
    if (size > MAX_BUNDLE_BYTES) throw refuse('file-too-large', 'import.fileTooLarge', path.basename(file), { size: (size / 1024 / 1024).toFixed(1), max: (MAX_BUNDLE_BYTES / 1024 / 1024).toFixed(1) });
    zip = readZipFile(file);
    return zip;
  };
  return {
    async directory() {
      const z = open();
      return { entries: z.entries, length: z.size };
    },
    async unpack(entry) {
      return open().unpack(entry);
    },
    whole: async () => readWorkbookBytes(file),
  };
}

/**
 * The files of one zip bundle: its directory judged (entry count, sizes, ratios), each entry a file of the
 * batch, unpacked when the batch reaches it.
 */
export async function bundleSources(zip: ZipAccess, display: string, nesting: Nesting, ctx: ExpandContext, mail?: MailOrigin): Promise<BatchSource[]> {
  const withMail = mail ? { mail } : {};
  let entries: ZipEntry[] | null;
  let whole = false;
  try {
    const dir = await zip.directory();
    entries = dir.entries;
    if (entries === null) throw refuse('file-truncated', 'import.fileTruncated', display);
    checkZipEntries(dir, entries, display, { maxEntries: DEFAULT_MAX_ENTRIES, maxUncompressedBytes: MAX_BUNDLE_UNPACKED });
    const names = new Set(entries.map((e) => e.name));
    // A workbook or Word file that was given a .zip name: a form, not a bundle.
    whole = names.has('[Content_Types].xml') || names.has('mimetype');
  } catch (e) {
    return [failedSource(display, e, mail)];
  }
  if (whole) return [{ display, path: display, read: () => zip.whole(), ...withMail }];

  const out: BatchSource[] = [];
  const sorted = entries.filter((e) => !isQuiet(e.name)).sort((a, b) => compareChineseNames(a.name, b.name));
  const inner: Nesting = { depth: nesting.depth + 1, zips: nesting.zips + 1 };
  for (const entry of sorted) {
    const safe = safeEntryName(entry.name);
    const shown = `${display}${INSIDE}${safe ?? withoutBidiControls(entry.name).replace(/[\u0000-\u001f\u007f]/gu, '')}`;
    const fail = (key: Parameters<typeof refuse>[1], code: string, params: Record<string, string | number> = {}): void => {
      out.push(failedSource(shown, refuse(code, key, shown, params), mail));
    };
    if (safe === null) {
      fail('import.bundleUnsafeName', 'bundle-unsafe-name');
      continue;
    }
    if (entry.flags & 1) {
      fail('import.bundleEncrypted', 'file-encrypted');
      continue;
    }
    const container = isContainerName(safe);
    const cap = isMailName(safe) ? MAX_MAIL_BYTES : container ? MAX_BUNDLE_BYTES : DEFAULT_MAX_BYTES;
    // A scan or a photo is listed as 未导入 from its name, whatever its size.
    if (entry.uncompressedSize > cap && (container || notAFormByName(safe) === null)) {
      fail('import.fileTooLarge', 'file-too-large', { size: (entry.uncompressedSize / 1024 / 1024).toFixed(1), max: (cap / 1024 / 1024).toFixed(1) });
      continue;
    }
    const read = async (): Promise<Buffer> => {
      const data = await zip.unpack(entry);
      if (data === null) throw refuse('file-damaged', 'import.bundleEntryDamaged', shown);
      return data;
    };
    const opened = await ctx.open(safe, read, shown, inner, mail);
    out.push(...(opened ?? [{ display: shown, path: shown, read: zip.leaf ? zip.leaf(read) : read, ...withMail }]));
  }
  return out;
}

/** A name of a container the batch opens: a zip bundle or a saved mail. */
export function isContainerName(name: string): boolean {
  return isBundleName(name) || isMailName(name);
}

/**
 * The files of a batch: loose files as they are, each bundle as the files inside it, each mail as its
 * attachments (see mail.ts). Only the directories and the mails' structure are read here; the bytes of each
 * file are read when the batch reaches it.
 */
export async function expandSources(files: readonly string[], options: { isProtected?: (realPath: string, stats: fs.Stats) => boolean } = {}): Promise<BatchSource[]> {
  const isProtected = options.isProtected ?? (() => false);
  const cache = new LastContainer();
  const ctx: ExpandContext = {
    cache,
    kept: { bytes: 0 },
    async open(name, load, display, nesting, mail) {
      if (!isContainerName(name)) return null;
      const deep = tooDeep(isBundleName(name), nesting, display);
      if (deep) return [{ display, path: display, read: () => Buffer.alloc(0), error: deep, ...(mail ? { mail } : {}) }];
      return isBundleName(name) ? bundleSources(zipInMemory(load, display, cache), display, nesting, ctx, mail) : mailSources(load, display, nesting, ctx, mail);
    },
  };
  const out: BatchSource[] = [];
  for (const file of files) {
    const display = path.basename(file);
    const special = judgeSpecialFile(file, isProtected);
    if (special) {
      out.push(failedSource(display, refuse(special.code, special.key, display, special.params)));
      continue;
    }
    if (!isContainerName(file)) {
      out.push({ display, path: file, read: () => readWorkbookBytes(file) });
      continue;
    }
    const maxBytes = MAX_MAIL_BYTES;
    const load = async (): Promise<Buffer> => {
      try {
        return readWorkbookBytes(file, { maxBytes });
      } catch (e) {
        // A mail too large to parse is not too large to be a mail: its attachments can be saved one by one.
        if (isMailName(file) && isGongshuError(e) && e.code === 'file-too-large') {
          throw refuse('file-too-large', 'import.mailTooLarge', display, { size: (fs.statSync(file).size / 1024 / 1024).toFixed(1), max: (maxBytes / 1024 / 1024).toFixed(1) });
        }
        throw e;
      }
    };
    // A bundle on disk is read piece by piece; a mail is parsed whole (and so is bounded tighter).
    const inner = isBundleName(file) ? await bundleSources(zipOnDisk(file), display, { depth: 1, zips: 1 }, ctx) : (await ctx.open(file, load, display, { depth: 1, zips: 0 }, undefined))!;
    if (inner.length === 0) {
      out.push(failedSource(display, refuse('bundle-empty', 'import.bundleEmpty', display)));
    } else {
      out.push(...inner);
    }
  }
  cache.clear();
  return out;
}
