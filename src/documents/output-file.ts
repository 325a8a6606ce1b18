/**
 * Where files gongshu writes go (exports, templates, backups), and how they get there.
 *
 * The target is checked before anything is touched: never the database in use, its journal or WAL, a file
 * in its `gongshu-backups/` folder (only pruning removes files there), or anything that is not a regular
 * file; a folder means "the default file name in that folder". An existing file is replaced only with
 * `--force` (or the menu's 覆盖), and only when it is gongshu's own earlier file of the same kind: another
 * program's workbook or a database is never written over.
 *
 * Then the file is written to a temporary file in the same folder, flushed and renamed onto the target
 * (src/store/atomic-file.ts): a crash or a full disk never leaves half a file under the real name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { RefusedError, StorageError } from '../core/errors.js';
import { findPersonalNumbers, maskPersonalNumbers } from '../core/personal-numbers.js';
import { officialText } from '../messages/export.js';
import { reportText } from '../messages/register.js';
import { msg, type MessageKey } from '../messages/index.js';
import { writeBytesThroughTemp } from '../store/atomic-file.js';
import { BACKUP_FOLDER, isGongshuBackupFile } from '../store/backup.js';
import { setWorkbookProperties, type DocumentProperties } from './properties.js';

/** Every kind of file gongshu writes; `--force` replaces only a file of the same kind. */
export type OutputKind =
  | 'export-review'
  | 'export-results'
  | 'export-shortlist'
  | 'export-shortlist-internal'
  | 'export-subsidy'
  | 'export-notice'
  | 'export-report'
  | 'template-application'
  | 'template-application-docx'
  | 'template-assessment'
  | 'template-review'
  | 'backup';

const KIND_NAMES: Record<OutputKind, MessageKey> = {
  'export-review': 'safety.kind.exportReview',
  'export-results': 'safety.kind.exportResults',
  'export-shortlist': 'safety.kind.exportShortlist',
  'export-shortlist-internal': 'safety.kind.exportShortlistInternal',
  'export-subsidy': 'safety.kind.exportSubsidy',
  'export-notice': 'safety.kind.exportNotice',
  'export-report': 'report.kind',
  'template-application': 'safety.kind.templateApplication',
  'template-application-docx': 'safety.kind.templateApplicationDocx',
  'template-assessment': 'safety.kind.templateAssessment',
  'template-review': 'safety.kind.templateReview',
  backup: 'safety.kind.backup',
};

/** The file name each kind gets when none is given (the backup's is dated: backupFileName in store/backup.ts). */
const DEFAULT_NAMES: Record<Exclude<OutputKind, 'backup'>, (year: number) => string> = {
  'export-review': (year) => officialText('export.file.eligibilitySummary', { year }),
  'export-results': (year) => officialText('export.file.assessmentResults', { year }),
  'export-shortlist': (year) => officialText('export.file.shortlist', { year }),
  'export-shortlist-internal': (year) => officialText('export.file.shortlistInternal', { year }),
  'export-subsidy': (year) => officialText('export.file.subsidy', { year }),
  'export-notice': (year) => officialText('export.file.notice', { year }),
  'export-report': (year) => reportText('report.file', { year }),
  'template-application': (year) => msg('cli.template.applicationFile', { year }),
  'template-application-docx': (year) => msg('cli.template.applicationDocxFile', { year }),
  'template-assessment': (year) => msg('cli.template.assessmentFile', { year }),
  'template-review': (year) => officialText('export.file.reviewTemplate', { year }),
};

/**
 * The file types gongshu can write for each kind, first the usual one: a name's extension must be one of
 * them (a workbook named .pdf, or Excel inside a .docx name, would lie about what it is). The blank 申报表
 * is either: its name decides (applicationTemplateKind).
 */
const EXTENSIONS: Record<Exclude<OutputKind, 'backup'>, readonly string[]> = {
  'export-review': ['.xlsx'],
  'export-results': ['.xlsx'],
  'export-shortlist': ['.xlsx'],
  'export-shortlist-internal': ['.xlsx'],
  'export-subsidy': ['.xlsx'],
  'export-notice': ['.docx'],
  'export-report': ['.docx'],
  'template-application': ['.xlsx', '.docx'],
  'template-application-docx': ['.docx', '.xlsx'],
  'template-assessment': ['.xlsx'],
  'template-review': ['.xlsx'],
};

/** What each type is, in the refusal that lists the choices. */
const EXTENSION_NAMES: Record<string, MessageKey> = { '.xlsx': 'safety.output.type.xlsx', '.docx': 'safety.output.type.docx' };

/**
 * The blank 申报表's kind for a file name: a .docx name gets the Word form, a .xlsx name the workbook, whatever
 * --docx says; any other name keeps the kind asked for (and is refused by the type check).
 */
export function applicationTemplateKind(file: string, asked: 'template-application' | 'template-application-docx'): 'template-application' | 'template-application-docx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx') return 'template-application-docx';
  if (ext === '.xlsx') return 'template-application';
  return asked;
}

/** Refuses a name whose extension is not a type gongshu writes for this kind, naming the choices. */
function refuseWrongType(file: string, kind: OutputKind): void {
  if (kind === 'backup') return;
  const allowed = EXTENSIONS[kind];
  const ext = path.extname(file).toLowerCase();
  if (allowed.includes(ext)) return;
  const choices = allowed.map((e) => msg('safety.output.typeChoice', { ext: e, what: msg(EXTENSION_NAMES[e]!) })).join(msg('safety.output.typeOr'));
  const what = msg(KIND_NAMES[kind === 'template-application-docx' ? 'template-application' : kind]);
  const name = path.basename(file);
  throw new RefusedError('output-wrong-type', ext ? msg('safety.output.wrongType', { name, ext, kind: what, choices }) : msg('safety.output.noType', { name, kind: what, choices }));
}

/** The default file name of an export or template of a round, the same for the command, the menu and the demo. */
export function defaultFileName(kind: Exclude<OutputKind, 'backup'>, year: number): string {
  return DEFAULT_NAMES[kind](year);
}

export interface OutputTarget {
  file: string;
  kind: OutputKind;
  /** The database in use (or named by --db): never written over, nor its journal, nor its backup folder. */
  database: string;
}

export interface OutputOptions {
  kind: OutputKind;
  database: string;
  cwd?: string;
}

function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** The same file, by identity where both exist (a hard or symbolic link to the database is the database). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.join(realDir(path.dirname(a)), path.basename(a)) === path.join(realDir(path.dirname(b)), path.basename(b));
  }
}

function isInside(dir: string, folder: string): boolean {
  const rel = path.relative(folder, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A zip part's text, read without unpacking the rest (exports are small; anything large is not ours). */
function zipPart(file: string, name: string): string | undefined {
  try {
    if (fs.statSync(file).size > 50 * 1024 * 1024) return undefined;
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)), { filter: (f) => f.name === name });
    const part = parts[name];
    return part ? strFromU8(part) : undefined;
  } catch {
    return undefined;
  }
}

/** The marker an export carries in its document properties (docProps/core.xml keywords). */
export function kindMarker(kind: OutputKind): string {
  return `gongshu:${kind}`;
}

/**
 * Whether an existing file is gongshu's own earlier file of this kind: a workbook or document whose
 * keywords are exactly the kind's mark (gongshu:export-review; the author is the bureau, not gongshu), or, for a backup, a complete gongshu copy with the backup mark in its header (never another database in use). (Files gongshu wrote before it
 * marked them carry no kind: they are not replaced, the clerk moves them once.)
 */
function isEarlierOutput(file: string, kind: OutputKind): boolean {
  if (kind === 'backup') return isGongshuBackupFile(file);
  const core = zipPart(file, 'docProps/core.xml');
  if (!core) return false;
  return /<cp:keywords>([^<]*)<\/cp:keywords>/u.exec(core)?.[1] === kindMarker(kind);
}

/**
 * The checks that hold whatever the clerk says: not the database or its journals, not in the backup
 * folder, not a special file, the folder there. Throws the refusal, in Chinese, naming the file.
 */
function refuseForbidden(file: string, database: string, kind: OutputKind): void {
  const db = path.resolve(database);
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    if (sameFile(file, `${db}${suffix}`)) throw new RefusedError('output-is-database', msg('safety.output.isDatabase', { file, database: db }));
  }
  const backups = path.join(realDir(path.dirname(db)), BACKUP_FOLDER);
  if (isInside(realDir(path.dirname(file)), backups)) throw new RefusedError('output-in-backups', msg('safety.output.inBackups', { file, dir: backups }));
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isFile()) throw new RefusedError('output-not-a-file', msg('safety.output.notAFile', { file }));
  // A journal beside a database file is replayed into whatever file next has that name: a backup written
  // there would be rolled back into garbage. Such a journal belongs to a database in use or cut off.
  if (kind === 'backup') {
    for (const suffix of ['-journal', '-wal']) {
      if (fs.existsSync(`${file}${suffix}`)) throw new RefusedError('output-journal-beside', msg('safety.output.journalBeside', { file, journal: `${file}${suffix}` }));
    }
  }
  refuseWrongType(file, kind);
  // The folder is named once, with the file's own name (a location would print the folder's path again).
  if (!fs.existsSync(path.dirname(file))) throw new RefusedError('output-folder-missing', msg('cli.outputFolderMissingFor', { dir: path.dirname(file), name: path.basename(file) }));
}

/**
 * The file to write for `-o option` (or the default name): a folder gets the default name inside it. An
 * existing file needs `force`, and must be gongshu's earlier file of the same kind.
 */
export function resolveOutputFile(option: unknown, defaultName: string, force: boolean, o: OutputOptions): OutputTarget {
  const cwd = o.cwd ?? process.cwd();
  let file = path.resolve(cwd, typeof option === 'string' && option ? option : defaultName);
  // `备份/` (a trailing slash) names a folder: never a file called like the folder.
  const namesFolder = typeof option === 'string' && /[\\/]$/u.test(option);
  let isFolder = false;
  try {
    isFolder = fs.statSync(file).isDirectory();
  } catch {
    /* not there yet */
  }
  if (namesFolder && !isFolder) throw new RefusedError('output-folder-missing', msg('cli.outputFolderMissing', { dir: file }));
  if (isFolder) file = path.join(file, defaultName);
  const kind = o.kind === 'template-application' || o.kind === 'template-application-docx' ? applicationTemplateKind(file, o.kind) : o.kind;
  const target: OutputTarget = { file, kind, database: path.resolve(cwd, o.database) };
  checkOutputTarget(target, force);
  return target;
}

/** Every check of resolveOutputFile on a resolved target; the writers run it again just before writing. */
export function checkOutputTarget(target: OutputTarget, force: boolean): void {
  const { file, kind } = target;
  refuseForbidden(file, target.database, kind);
  if (!fs.existsSync(file)) return;
  if (!force) throw new RefusedError('output-exists', msg('cli.outputExists', { file }), { file });
  if (!isEarlierOutput(file, kind)) throw new RefusedError('output-not-ours', msg('safety.output.notOurs', { file, kind: msg(KIND_NAMES[kind]) }));
}

/** Whether a file exists at the target (the menu asks before replacing it). */
export function targetExists(target: OutputTarget): boolean {
  return fs.existsSync(target.file);
}

export interface WriteOptions {
  /** Only its owner may read it (0600): an export with every ID number in full. */
  private?: boolean;
}

/**
 * Masks every cell of a workbook that leaves the office without `--full`: ID and mobile numbers, however
 * typed, wherever a unit typed them (text, rich text, a number typed into a number cell), in every sheet.
 */
export function maskWorkbook(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string') {
          const masked = maskPersonalNumbers(v);
          if (masked !== v) cell.value = masked;
        } else if (typeof v === 'number' && Number.isInteger(v) && findPersonalNumbers(String(v)).length > 0) {
          cell.value = maskPersonalNumbers(String(v));
        } else if (v && typeof v === 'object' && 'richText' in v) {
          const text = v.richText.map((r) => r.text).join('');
          const masked = maskPersonalNumbers(text);
          if (masked !== text) cell.value = masked;
        }
      });
    });
  }
}

/** Who issues a document and for which year: its properties' author and company, and its title. */
export interface Issued {
  year: number;
  bureau: string;
}

/** A document's title in its properties: the name it gets by default, without the extension (2026年考核结果). */
export function documentTitle(kind: Exclude<OutputKind, 'backup'>, year: number): string {
  return path.parse(defaultFileName(kind, year)).name;
}

/** The properties of a document of this target (properties.ts): title, the bureau, the kind mark. */
export function outputProperties(target: OutputTarget, issued: Issued): DocumentProperties {
  if (target.kind === 'backup') throw new Error('a backup is no document');
  return { title: documentTitle(target.kind, issued.year), bureau: issued.bureau, keywords: kindMarker(target.kind) };
}

/**
 * Writes a workbook to the target through a temporary file, with its properties: its title, the bureau, and
 * its kind (for a later --force).
 */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, target: OutputTarget, issued: Issued, options: WriteOptions = {}): Promise<void> {
  setWorkbookProperties(workbook, outputProperties(target, issued));
  // Fastest deflate level: exports of a large round spend more time compressing than the file is worth
  // (level 1 writes the 2,000-studio results ~10% faster, the file ~30% larger; still about 1 MB).
  const bytes = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never);
  await writeBytesAtomically(Buffer.from(bytes as ArrayBuffer), target, options);
}

/** A document already in memory (the Word template), written the same way. */
export async function writeBytesAtomically(bytes: Buffer, target: OutputTarget, options: WriteOptions = {}): Promise<void> {
  // Checked again at the last moment: the target must still be what was checked when it was chosen.
  checkOutputTarget(target, true);
  const { file } = target;
  try {
    writeBytesThroughTemp(file, bytes, options.private ? 0o600 : 0o666);
  } catch (e) {
    throw outputError(e, file);
  }
}

/** File system errors while writing an output, as the clerk's message. */
export function outputError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new StorageError('output-readonly', msg('cli.outputReadonly', { file }), { file });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('disk-full', msg('store.diskFull', { file }), { file });
  if (code === 'EBUSY') return new StorageError('output-busy', msg('cli.outputBusy', { file }), { file });
  if (code === 'EIO') return new StorageError('output-io', msg('store.ioError', { file }), { file });
  return e;
}

export async function loadExcel(): Promise<typeof ExcelJS> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}
