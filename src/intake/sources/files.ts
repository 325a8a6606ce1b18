/** Turns the paths a clerk gives into the files to import, in a stable order. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { compareChineseNames } from '../../core/text.js';
import { msg, type MessageKey } from '../../messages/index.js';

/** Extensions of the forms gongshu reads, and of the bundles (.zip) and saved mails (.eml) that carry them. */
export const FORM_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.ett', '.ods', '.docx', '.docm', '.zip', '.eml']);

/** Other files units send, each with its code and what to ask for; any other extension is file-other-type. */
const OTHER_FILES: Record<string, { code: string; key: MessageKey }> = {
  '.pdf': { code: 'file-pdf', key: 'import.notForm.pdf' },
  '.doc': { code: 'file-word-doc', key: 'import.notForm.doc' },
  '.dot': { code: 'file-word-doc', key: 'import.notForm.doc' },
  '.rtf': { code: 'file-word-doc', key: 'import.notForm.doc' },
  '.wps': { code: 'file-wps-doc', key: 'import.notForm.wps' },
  '.wpt': { code: 'file-wps-doc', key: 'import.notForm.wps' },
  '.odt': { code: 'file-odt', key: 'import.notForm.odt' },
  '.msg': { code: 'file-outlook-msg', key: 'import.notForm.outlookMsg' },
  '.mbox': { code: 'mail-mbox', key: 'import.mailMbox' },
  '.rar': { code: 'file-archive', key: 'import.notForm.archive' },
  '.7z': { code: 'file-archive', key: 'import.notForm.archive' },
  '.ppt': { code: 'file-presentation', key: 'import.notForm.presentation' },
  '.pptx': { code: 'file-presentation', key: 'import.notForm.presentation' },
  '.dps': { code: 'file-presentation', key: 'import.notForm.presentation' },
  ...Object.fromEntries(['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic'].map((e) => [e, { code: 'file-image', key: 'import.notForm.image' as MessageKey }])),
};

/**
 * Why a file is not imported, known from its name alone (so a 50 MB scan is never read): a PDF, a picture, an
 * old Word file. Null for the extensions of forms, which are judged from their bytes.
 */
export function notAFormByName(name: string): { code: string; message: string } | null {
  const ext = path.extname(name).toLowerCase();
  if (FORM_EXTENSIONS.has(ext)) return null;
  const known = OTHER_FILES[ext] ?? { code: 'file-other-type', key: 'import.notForm.other' as MessageKey };
  return { code: known.code, message: msg(known.key) };
}

/** Excel/WPS lock files (`~$name.xlsx`), hidden files and the ones Windows and macOS leave in folders are skipped quietly. */
export function isLockOrHidden(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~') || name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/iu.test(name);
}

/**
 * Files named directly are imported whatever their extension; folders are walked recursively for every file
 * but lock and hidden ones, so that nothing a unit sent is silently left out (files that are no form are
 * listed as 未导入 with the reason).
 */
export function collectWorkbookFiles(inputs: readonly string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      out.push(file);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new UsageError('path-missing', msg('cli.pathMissing', { path: input }), { file: input });
    }
    if (stat.isDirectory()) {
      for (const f of walk(full)) add(f);
    } else if (!isLockOrHidden(path.basename(full))) {
      add(full);
    }
  }
  return out;
}

/**
 * Every file of a folder and its subfolders. Symbolic links and other entries that are neither a file nor a
 * folder are returned too (never followed into a folder: a link may loop), for the batch to follow or to
 * list with the reason (see judgeSpecialFile).
 */
function walk(dir: string): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareChineseNames(a.name, b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (isLockOrHidden(e.name) || e.name === '__MACOSX') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...walk(full));
    else files.push(full);
  }
  return files;
}

/** Why a path of a batch is not read as a file, when it is a link or no regular file. */
export interface SpecialFileRefusal {
  code: string;
  key: MessageKey;
  params?: Record<string, string>;
}

/**
 * A path that is not simply a regular file: a symbolic link is followed when it points to a regular file
 * (the batch lists it under the link's own name), unless `isProtected` says the file is gongshu's database or
 * one of its backups (by its real path, or by device and inode: a hard link to the database is refused too); a link to a folder, a broken link and a device or pipe are refused with the reason.
 * Null for a regular file, or a link that may be read.
 */
export function judgeSpecialFile(file: string, isProtected: (realPath: string, stats: fs.Stats) => boolean): SpecialFileRefusal | null {
  let own: fs.Stats;
  try {
    own = fs.lstatSync(file);
  } catch {
    return null; // gone since it was listed: reading it says so
  }
  // A hard link is the database under another name: the same file (device and inode), not a link to follow.
  // The database itself in the folder imported (`apply import .`) is refused the same way.
  if (own.isFile()) return isProtected(file, own) ? { code: 'link-to-database', key: own.nlink > 1 ? 'import.hardLinkToDatabase' : 'import.databaseFile' } : null;
  if (!own.isSymbolicLink()) return { code: 'file-not-regular', key: 'import.notRegularFile' };
  let real: string;
  let target: fs.Stats;
  try {
    real = fs.realpathSync(file);
    target = fs.statSync(real);
  } catch (e) {
    // Links that point at each other (directly or round a chain) never reach a file.
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return { code: 'link-loop', key: 'import.linkLoop' };
    return { code: 'link-broken', key: 'import.linkBroken' };
  }
  if (target.isDirectory()) return { code: 'link-to-folder', key: 'import.linkToFolder', params: { target: real } };
  if (!target.isFile()) return { code: 'file-not-regular', key: 'import.notRegularFile' };
  if (isProtected(real, target)) return { code: 'link-to-database', key: 'import.linkToDatabase', params: { target: real } };
  return null;
}
