/**
 * Saved mails (.eml, RFC 5322 / MIME), the way units send their forms: each attachment is one file of the
 * batch, shown as `mail.eml › attachment name`. Forms are imported, zips expanded (bundle.ts), forwarded
 * messages (`message/rfc822` parts) opened in turn, and anything else listed as 未导入 by its decoded name.
 * The MIME is read by postal-mime (RFC 2047 / RFC 2231 names in GBK or UTF-8, quoted-printable and base64
 * bodies), never by hand. Each file carries the innermost message's sender, subject and date (the message
 * the unit wrote, even when a colleague forwarded it): the import stores them with the version, and the
 * date in China is the 收件日期 unless the clerk gives one.
 *
 * A mail is parsed once to list its attachments. When what it keeps (below) is small, as for nearly every
 * mail (a form or two, tens of KB), it is kept for the batch, up to MAX_KEPT_MAIL_BYTES for all mails together;
 * otherwise it is dropped like a bundle and, when the batch reaches an attachment, parsed again through the
 * batch's LastContainer, so one such mail is in memory at a time.
 * What is kept of a parsed mail (ParsedMail) is its origin, its attachments' names and sizes, and the bytes
 * of only those attachments the batch will read (forms, zips, forwarded messages): a scan is never kept.
 *
 * Memory: postal-mime holds about five times a mail's size while it decodes (the mail, its copy, every
 * attachment as base64 chunks, as a Blob and as the result), and that garbage stays in the heap until the
 * next collection, long after the parse. A mail over IN_PROCESS_MAIL_BYTES is therefore parsed in a worker
 * thread of its own (mail-worker.ts) that ends with the parse: its memory is given back at once, and only
 * the attachments kept come back (transferred, not copied).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Attachment, Email } from 'postal-mime';
import { withoutBidiControls } from '../../core/text.js';
import { InputFileError, isGongshuError } from '../../core/errors.js';
import { refuse } from '../read-errors.js';
import { DEFAULT_MAX_BYTES } from '../open/safe-open.js';
import { failedSource, INSIDE, type BatchSource, type ExpandContext, type MailOrigin, type Nesting } from './bundle.js';
import { notAFormByName } from './files.js';

/**
 * A saved mail: a form and a few scans are a few MB; the parser holds about six times a mail's size while it
 * decodes the attachments (measured: 300 MB for a 50 MB mail), so a mail over 20 MB (~15 MB of attachments)
 * is refused and the clerk saves its attachments from the mail client instead.
 */
export const MAX_MAIL_BYTES = 20 * 1024 * 1024;
/** Attachments of one mail, counting those of the messages forwarded inside it. */
export const MAX_MAIL_ATTACHMENTS = 1000;
/** MIME parts inside parts: a real mail has three or four levels (mixed › alternative › related). */
const MAX_MIME_NESTING = 32;
/** All header lines of one message together: a real one has a few KB. */
const MAX_HEADERS_BYTES = 256 * 1024;

export function isMailName(name: string): boolean {
  return path.extname(name).toLowerCase() === '.eml';
}

/**
 * The "From sender date" postmark lines that start each message of a mailbox file (mbox: Thunderbird's and
 * Foxmail's exports, several mails in one). A postmark starts the file or follows an empty line; inside a body
 * such a line is written ">From ".
 */
function postmarks(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  return (text.match(/(?:^|\n\r?\n)From \S+ [^\r\n]* \d{4}(?=\r?\n)/gu) ?? []).length;
}

/** Parses one message; postal-mime's own refusals (nesting, headers) become a damaged-mail refusal. */
async function parseMail(bytes: Buffer, display: string): Promise<Email> {
  // postal-mime reads the first message of a mailbox and drops the others without a word.
  if (postmarks(bytes) > 1) throw refuse('mail-mbox', 'import.mailMbox', display);
  // An ArrayBuffer that is the whole mail is read as it is; a Buffer would be copied first.
  const input = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes;
  // Loaded with the first mail: an import of forms alone never pays for the MIME parser.
  const { default: PostalMime } = await import('postal-mime');
  try {
    return await PostalMime.parse(input, {
      // Every forwarded message stays one attachment: opened here, with our own depth limit and its own sender.
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_MIME_NESTING,
      maxHeadersSize: MAX_HEADERS_BYTES,
    });
  } catch {
    throw refuse('mail-damaged', 'import.mailDamaged', display);
  }
}

/** `张三 <zhangsan@example.com>`, or the address alone, or '' when the message names no sender. */
function senderOf(email: Email): string {
  const from = email.from;
  if (!from) return '';
  const mailbox = from.address === undefined ? from.group[0] : from;
  const name = (mailbox?.name || from.name || '').trim();
  const address = (mailbox?.address ?? '').trim();
  return clean(name && address ? `${name} <${address}>` : name || address);
}

/** Control characters (a crafted header) never reach a table or the store. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return withoutBidiControls(text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, ' ')).replace(/\s+/gu, ' ').trim();
}

/**
 * The Date header written in China time: a Date without a zone (some clients and scripts omit it) or with
 * "CST" (China Standard Time to whoever wrote it, US Central to JavaScript) is read as +0800, never in the
 * zone of the machine that imports it. Comments such as "(CST)" are dropped. Null when the zone is given.
 */
function chinaDateHeader(email: Email): string | null {
  const raw = email.headers.find((h) => h.key === 'date')?.value;
  if (raw === undefined) return null;
  const text = raw.replace(/\([^)]*\)/gu, ' ').replace(/\s+/gu, ' ').trim();
  const time = /\d{1,2}:\d{2}(?::\d{2})?/u.source;
  if (new RegExp(`${time}$`, 'u').test(text)) return `${text} +0800`;
  if (new RegExp(`${time} CST$`, 'iu').test(text)) return `${text.slice(0, -3)}+0800`;
  return null;
}

export function mailOrigin(email: Email): MailOrigin {
  const china = chinaDateHeader(email);
  const parsed = china !== null ? new Date(china) : email.date && /^\d{4}-\d{2}-\d{2}T/u.test(email.date) ? new Date(email.date) : null;
  const date = parsed && Number.isFinite(parsed.getTime()) ? parsed.toISOString() : null;
  return { from: senderOf(email), subject: clean(email.subject ?? ''), date };
}

function isForwarded(a: Attachment): boolean {
  return a.mimeType === 'message/rfc822' || a.mimeType === 'message/global';
}

/**
 * An image the HTML body shows (multipart/related, referenced by Content-ID) is the body, not an attachment.
 * Anything else in a related part (some clients put the attached form there) is an attachment like any other.
 */
function isBodyImage(a: Attachment): boolean {
  return a.related === true && a.mimeType.toLowerCase().startsWith('image/');
}

/** A name to show and to judge the attachment by: its decoded file name without any folder, else made up. */
function attachmentName(a: Attachment, index: number, taken: Set<string>): string {
  const given = clean((a.filename ?? '').replace(/\\/gu, '/').split('/').pop() ?? '');
  let name = given !== '' && given !== '.' && given !== '..' ? given : isForwarded(a) ? `转发的邮件${index}.eml` : `附件${index}`;
  if (isForwarded(a) && !isMailName(name)) name = `${name}.eml`;
  // Two attachments of one mail with the same name stay two rows that can be told apart.
  if (taken.has(name)) {
    const ext = path.extname(name);
    name = `${name.slice(0, name.length - ext.length)}（${index}）${ext}`;
  }
  taken.add(name);
  return name;
}

function bytesOf(a: Attachment): Buffer {
  const c = a.content;
  if (typeof c === 'string') return Buffer.from(c, a.encoding === 'base64' ? 'base64' : 'utf8');
  return c instanceof ArrayBuffer ? Buffer.from(c) : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
}

/** One attachment of a parsed mail: its name as shown, its size, and its bytes when the batch will read them. */
export interface MailPart {
  name: string;
  forwarded: boolean;
  size: number;
  /** Null for what is judged without reading: a scan, a photo, an empty or too large part. */
  content: Buffer | null;
}

/** What is kept of a parsed mail (see the top of this file). */
export interface ParsedMail {
  origin: MailOrigin;
  /** Attachments, in order, without the images the HTML body shows inline. */
  parts: MailPart[];
}

/** Whether the batch reads an attachment's bytes: a form, zip or mail by its name, of a size it may be. */
function willRead(name: string, forwarded: boolean, size: number): boolean {
  if (size === 0) return false;
  return forwarded || (notAFormByName(name) === null && size <= DEFAULT_MAX_BYTES);
}

/** Parses a mail here and keeps of it what the batch needs. */
export async function readMailHere(bytes: Buffer, display: string): Promise<ParsedMail> {
  const email = await parseMail(bytes, display);
  const taken = new Set<string>();
  const parts = email.attachments
    .filter((a) => !isBodyImage(a))
    .map((a, n): MailPart => {
      const name = attachmentName(a, n + 1, taken);
      const forwarded = isForwarded(a);
      const size = a.content instanceof ArrayBuffer || ArrayBuffer.isView(a.content) ? a.content.byteLength : a.content.length;
      return { name, forwarded, size, content: willRead(name, forwarded, size) ? bytesOf(a) : null };
    });
  return { origin: mailOrigin(email), parts };
}

/** A mail keeping at most this much (its forms, zips and forwarded messages) is kept for the batch, not parsed again. */
export const KEEP_MAIL_BYTES = 1024 * 1024;
/** What all mails of a batch keep together; past it, a mail is parsed again when the batch reaches it. */
export const MAX_KEPT_MAIL_BYTES = 32 * 1024 * 1024;

/** The parsed mail itself when it is small enough to keep for the batch (counted in the batch's budget), else null. */
function keptForBatch(mail: ParsedMail, ctx: ExpandContext): ParsedMail | null {
  const bytes = mail.parts.reduce((n, p) => n + (p.content?.length ?? 0), 0);
  if (bytes > KEEP_MAIL_BYTES || ctx.kept.bytes + bytes > MAX_KEPT_MAIL_BYTES) return null;
  ctx.kept.bytes += bytes;
  return mail;
}

/** Mails up to this size are parsed in the main thread: a form and a photo or two, a few MB of garbage at most. */
export const IN_PROCESS_MAIL_BYTES = 2 * 1024 * 1024;
/** Longest a mail's parse may take in its worker. */
const MAIL_TIMEOUT_MS = 60_000;
/** src/intake/sources/ and dist/intake/sources/ are both three levels below the package root. */
const MAIL_WORKER_URL = new URL('../../../dist/intake/sources/mail-worker.js', import.meta.url);

/** What mail-worker.ts posts back: the parsed mail, or why the mail is refused. */
export type MailWorkerReply = { ok: true; mail: ParsedMail } | { ok: false; code: string; message: string };

/**
 * Parses a mail, in a worker thread of its own when it is larger than IN_PROCESS_MAIL_BYTES (and dist/ is
 * built): the bytes are handed over (the caller must not use them after: give it bytes of its own), and the
 * worker ends with the parse.
 */
export async function readMail(bytes: Buffer, display: string, workerUrl: URL = MAIL_WORKER_URL): Promise<ParsedMail> {
  if (bytes.length <= IN_PROCESS_MAIL_BYTES || !fs.existsSync(fileURLToPath(workerUrl))) return readMailHere(bytes, display);
  // A Buffer of its own ArrayBuffer is transferred; a slice of a larger one (a zip entry's pool) is copied once.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer;
  const worker = new Worker(workerUrl, { workerData: { bytes: own, display }, transferList: [own] });
  try {
    const reply = await new Promise<MailWorkerReply | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), MAIL_TIMEOUT_MS);
      worker.once('message', (m: MailWorkerReply) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
    if (reply === null) throw refuse('mail-damaged', 'import.mailDamaged', display);
    if (!reply.ok) throw new InputFileError(reply.code, reply.message, { file: display });
    // Transferred ArrayBuffers arrive as Uint8Arrays; the batch reads Buffers.
    for (const p of reply.mail.parts) if (p.content) p.content = Buffer.from(p.content.buffer, p.content.byteOffset, p.content.byteLength);
    return reply.mail;
  } finally {
    void worker.terminate();
  }
}

/** The reply of mail-worker.ts for one mail (run in the worker). */
export async function mailWorkerReply(bytes: ArrayBuffer, display: string): Promise<{ reply: MailWorkerReply; transfer: ArrayBuffer[] }> {
  try {
    const mail = await readMailHere(Buffer.from(bytes), display);
    const transfer: ArrayBuffer[] = [];
    for (const p of mail.parts) {
      if (!p.content) continue;
      // Each kept attachment owns its ArrayBuffer (copied when it is a view into a larger one) and is moved.
      const c = p.content;
      const ab = c.byteOffset === 0 && c.byteLength === c.buffer.byteLength && !transfer.includes(c.buffer as ArrayBuffer) ? (c.buffer as ArrayBuffer) : new Uint8Array(c).buffer;
      transfer.push(ab);
      p.content = Buffer.from(ab);
    }
    return { reply: { ok: true, mail }, transfer };
  } catch (e) {
    if (!isGongshuError(e)) throw e;
    return { reply: { ok: false, code: e.code, message: e.message }, transfer: [] };
  }
}

/**
 * The files of one mail: every attachment (images the HTML body shows inline are the body, not
 * attachments), each forwarded message and zip opened through `ctx.open`. A mail without attachments is one
 * row, listed as 未导入 with what to ask the unit for.
 */
export async function mailSources(load: () => Promise<Buffer>, display: string, nesting: Nesting, ctx: ExpandContext, outer?: MailOrigin): Promise<BatchSource[]> {
  const parsed = (): Promise<ParsedMail> => ctx.cache.get(display, async () => readMail(await load(), display));
  let mail: ParsedMail;
  try {
    mail = await parsed();
  } catch (e) {
    return [failedSource(display, e)];
  }
  const own = mail.origin;
  // A forwarded message without a Date of its own was received when the mail that carries it was sent.
  const origin: MailOrigin = own.date === null && outer ? { ...own, date: outer.date } : own;
  const parts = mail.parts;
  if (parts.length > MAX_MAIL_ATTACHMENTS) {
    return [failedSource(display, refuse('file-zip-bomb', 'import.mailTooManyAttachments', display, { count: parts.length, max: MAX_MAIL_ATTACHMENTS }), origin)];
  }
  if (parts.length === 0) return [failedSource(display, refuse('mail-no-attachments', 'import.mailNoAttachments', display), origin)];

  const out: BatchSource[] = [];
  const inner: Nesting = { depth: nesting.depth + 1, zips: nesting.zips };
  const kept = keptForBatch(mail, ctx);
  for (const [i, { name, forwarded, size }] of parts.entries()) {
    const shown = `${display}${INSIDE}${name}`;
    if (size === 0) {
      out.push(failedSource(shown, refuse('file-empty', 'import.fileEmpty', shown), origin));
      continue;
    }
    // A scan or a photo is listed as 未导入 from its name, without its bytes.
    const byName = forwarded ? null : notAFormByName(name);
    if (byName) {
      out.push({ display: shown, path: shown, read: () => Buffer.alloc(0), error: byName, mail: origin });
      continue;
    }
    if (size > DEFAULT_MAX_BYTES && !forwarded) {
      out.push(failedSource(shown, refuse('file-too-large', 'import.fileTooLarge', shown, { size: (size / 1024 / 1024).toFixed(1), max: (DEFAULT_MAX_BYTES / 1024 / 1024).toFixed(1) }), origin));
      continue;
    }
    // The attachment's bytes when the batch reaches it: from the mail kept, or parsed again if another container came between.
    const read = async (): Promise<Buffer> => {
      const content = (kept ?? (await parsed())).parts[i]?.content;
      if (!content) throw refuse('mail-damaged', 'import.mailDamaged', display);
      return content;
    };
    let opened: BatchSource[] | null;
    try {
      // A container opened from here gets a copy: the parse of a large mail takes the bytes it is given.
      opened = await ctx.open(name, async () => Buffer.from(await read()), shown, inner, origin);
    } catch (e) {
      opened = [failedSource(shown, e, origin)];
    }
    out.push(...(opened ?? [{ display: shown, path: shown, read: kept ? read : ctx.cache.expect(display, read), mail: origin }]));
  }
  return out;
}
