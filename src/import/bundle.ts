/**
 * Zip bundles: what a mail client's 打包下载 gives, one .zip of every attachment. A bundle given or found in the
 * folder is opened here, in the main thread, without unpacking anything first: its directory is judged with
 * the same limits as a workbook's (entry count, declared sizes, compression ratios), then every entry is one
 * file of the batch, shown as `bundle.zip › folder/file`, unpacked only when its turn comes (by fflate, bounded
 * by its checked size and verified by its CRC) and parsed in the worker pool like a loose file. Names without
 * the UTF-8 flag are GBK (Chinese Windows). Nothing is ever written to disk, and a name that would leave the
 * bundle (`../`, `/etc/…`, `C:\…`) is refused as such. A bundle inside a bundle is opened too, one level deep.
 */
import path from 'node:path';
import { isGongshuError } from '../core/errors.js';
import { checkZipEntries, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_UNCOMPRESSED, readWorkbookBytes } from '../excel/read/safe-open.js';
import { refuse } from '../excel/read/read-errors.js';
import { readZipDirectory, unpackEntry, type ZipEntry } from '../excel/read/zip-directory.js';
import { isLockOrHidden } from './files.js';
import type { FileError } from './parse-file.js';

/** One file of a batch: a file on disk, or an entry of a bundle. */
export interface BatchSource {
  /** What the import table shows: the file's name, or `bundle.zip › folder/file`. */
  display: string;
  /** The path given to the parser (its extension and the error location). */
  path: string;
  /** The bytes, or a GongshuError thrown when they cannot be had. */
  read(): Buffer;
  /** Known before reading: the whole bundle was refused. */
  error?: FileError;
}

/** A mail bundle may carry scans and photos beside the forms: larger than any one form may be. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
/** bundle.zip › inner.zip › form.xlsx, and no deeper. */
export const MAX_BUNDLE_DEPTH = 2;
/** The separator between a bundle and a name inside it. */
export const INSIDE = ' › ';

export function isBundleName(name: string): boolean {
  return path.extname(name).toLowerCase() === '.zip';
}

function asFileError(e: unknown): FileError {
  if (!isGongshuError(e)) throw e;
  return { code: e.code, message: e.message, sheet: e.location.sheet, cell: e.location.cell };
}

/**
 * An entry name made safe to show and to reason about, or null when it would leave the bundle: absolute,
 * a drive letter, a `..` segment, or control characters.
 */
export function safeEntryName(name: string): string | null {
  const slashed = name.replace(/\\/gu, '/');
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

function bundleSources(bytes: Buffer, display: string, depth: number): BatchSource[] {
  const failedBundle = (e: unknown): BatchSource[] => {
    const error = asFileError(e);
    return [{ display, path: display, read: () => Buffer.alloc(0), error }];
  };
  let entries: ZipEntry[] | null;
  try {
    entries = readZipDirectory(bytes);
    if (entries === null) throw refuse('file-truncated', 'import.fileTruncated', display);
    checkZipEntries(bytes, entries, display, { maxEntries: DEFAULT_MAX_ENTRIES, maxUncompressedBytes: DEFAULT_MAX_UNCOMPRESSED });
  } catch (e) {
    return failedBundle(e);
  }
  const names = new Set(entries.map((e) => e.name));
  // A workbook or Word file that was given a .zip name: a form, not a bundle.
  if (names.has('[Content_Types].xml') || names.has('mimetype')) return [{ display, path: display, read: () => bytes }];

  const out: BatchSource[] = [];
  const sorted = entries.filter((e) => !isQuiet(e.name)).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  for (const entry of sorted) {
    const safe = safeEntryName(entry.name);
    const shown = `${display}${INSIDE}${safe ?? entry.name.replace(/[\u0000-\u001f\u007f]/gu, '')}`;
    const fail = (key: Parameters<typeof refuse>[1], code: string, params: Record<string, string | number> = {}): void => {
      out.push({ display: shown, path: shown, read: () => Buffer.alloc(0), error: asFileError(refuse(code, key, shown, params)) });
    };
    if (safe === null) {
      fail('import.bundleUnsafeName', 'bundle-unsafe-name');
      continue;
    }
    if (entry.flags & 1) {
      fail('import.bundleEncrypted', 'file-encrypted');
      continue;
    }
    if (entry.uncompressedSize > (isBundleName(safe) ? MAX_BUNDLE_BYTES : DEFAULT_MAX_BYTES)) {
      fail('import.fileTooLarge', 'file-too-large', { size: (entry.uncompressedSize / 1024 / 1024).toFixed(1), max: (DEFAULT_MAX_BYTES / 1024 / 1024).toFixed(1) });
      continue;
    }
    const read = (): Buffer => {
      const data = unpackEntry(bytes, entry);
      if (data === null) throw refuse('file-damaged', 'import.bundleEntryDamaged', shown);
      return data;
    };
    if (isBundleName(safe)) {
      if (depth >= MAX_BUNDLE_DEPTH) {
        fail('import.bundleTooDeep', 'bundle-too-deep', { depth: MAX_BUNDLE_DEPTH });
        continue;
      }
      let inner: Buffer;
      try {
        inner = read();
      } catch (e) {
        out.push({ display: shown, path: shown, read, error: asFileError(e) });
        continue;
      }
      out.push(...bundleSources(inner, shown, depth + 1));
      continue;
    }
    out.push({ display: shown, path: shown, read });
  }
  return out;
}

/** The files of a batch: loose files as they are, each bundle as the files inside it. */
export function expandSources(files: readonly string[]): BatchSource[] {
  const out: BatchSource[] = [];
  for (const file of files) {
    const display = path.basename(file);
    if (!isBundleName(file)) {
      out.push({ display, path: file, read: () => readWorkbookBytes(file) });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readWorkbookBytes(file, { maxBytes: MAX_BUNDLE_BYTES });
    } catch (e) {
      out.push({ display, path: file, read: () => Buffer.alloc(0), error: asFileError(e) });
      continue;
    }
    const inner = bundleSources(bytes, display, 1);
    if (inner.length === 0) {
      out.push({ display, path: file, read: () => Buffer.alloc(0), error: asFileError(refuse('bundle-empty', 'import.bundleEmpty', display)) });
    } else {
      out.push(...inner);
    }
  }
  return out;
}
