/** Reads a .docx back for tests: its parts (unzipped by fflate, as gongshu's own readers do) and the text of its paragraphs. */
import { unzipSync } from 'fflate';

/** The files of a zip archive by name. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(new Uint8Array(buf))).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

const unescape = (s: string): string => s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');

/** The text of each paragraph of word/document.xml (runs joined, a line break as \n). */
export function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/gu)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/gu)].map((t) => (t[0] === '<w:br/>' ? '\n' : unescape(t[1] ?? ''))).join(''),
  );
}
