/**
 * An .xlsx as Excel, WPS and exceljs write a form, read straight from the parts safe-open inflated into the cell
 * model, several times faster than SheetJS (which builds styles, themes and every cell's object first). It reads
 * only that plain shape: text, numbers, true/false and error cells, shared and inline strings, number formats,
 * merged areas, hidden rows, columns and sheets, hyperlinks. Anything else (a formula, a date cell, a row or cell
 * without its address, prefixed elements or attributes, CDATA, comments in the XML, a tag spelled another way
 * than Excel spells it, a part found another way than Excel puts it, ...) returns null, and SheetJS reads the
 * file: the shortcut never changes what a form reads as. Where SheetJS reads the plain shape in its own way (the
 * entities it decodes, `_x000D_`, an unknown error code, the built-in number formats, the last of two hyperlinks
 * on a cell), this reader does the same; test/intake/adapters/ooxml.test.ts compares the two models on every
 * workbook the tests hold and on generated ones. Every scan is linear in the part's length: a crafted part
 * cannot make the shortcut slower than the reader it stands in for.
 */
import { normaliseValue, type CellValue } from '../cells/cell-value.js';
import { sheetFromGrid, type CellModel, type MergeArea, type ModelSheet } from '../cells/cell-model.js';
import { parseCellRef } from '../../core/cell-address.js';
import { hyperlinkTarget, SHEETJS_ERRORS } from './sheetjs.js';

/** Number formats Excel does not write into a file, by id: SheetJS's table (checked equal by the test). */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** Error cells SheetJS knows; any other error text reads as #ERROR, as through SheetJS. */
const KNOWN_ERRORS: ReadonlySet<string> = new Set(Object.values(SHEETJS_ERRORS));

const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const WORKSHEET_RELATIONSHIP = /\/worksheet$/u;
/** The namespaces SheetJS reads a workbook part in; any other and it refuses the file. */
const WORKBOOK_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.microsoft.com/office/excel/2006/main',
  'http://schemas.microsoft.com/office/excel/2006/2',
]);

/** A cell as read here: the raw value the normaliser takes and its number format. */
interface RawCell {
  value: string | number | boolean | { error: string } | { text: string; hyperlink: string };
  numFmt: string | undefined;
}

/** Thrown inside the reader when the file leaves the plain shape; readOoxmlModel answers null. */
class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

/**
 * Constructs this reader leaves to SheetJS, in any part it reads: CDATA, comments, a DTD, prefixed main elements,
 * and an element name followed by a tab or a line break (SheetJS does not see such a tag as the element).
 */
const UNUSUAL =
  /<!\[CDATA\[|<!--|<!DOCTYPE|<\/?[\w.-]*:(?:sst|si|r|rPh|t|is|v|row|c|sheetData|mergeCells?|hyperlinks?|cols?|sheets?|workbookPr|numFmts?|cellXfs|xf|Types|Override|Relationships?|worksheet|workbook|styleSheet)[\s/>]|<\/?[A-Za-z_][\w.:-]*[\t\r\n]/u;

function part(parts: ReadonlyMap<string, string>, name: string): string | undefined {
  const bytes = parts.get(name);
  if (bytes === undefined) return undefined;
  const text = Buffer.from(bytes, 'latin1').toString('utf8');
  // Bytes that are not UTF-8 (GBK in a hyperlink target) reach SheetJS as they are; here they would be lost.
  if (UNUSUAL.test(text) || text.includes('\ufffd')) notPlain();
  return text;
}

/** A tag's attributes as Excel writes them: names, `=` without spaces, quoted values without < or >; nothing else. */
const ATTRIBUTE_LIST = /^(?:[ \t\r\n]+[A-Za-z_][\w.:-]*=(?:"[^"<>]*"|'[^'<>]*'))*[ \t\r\n]*\/?$/u;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)=(?:"([^"<>]*)"|'([^'<>]*)')/gu;

/**
 * The name SheetJS files an attribute under: after its prefix (xmlns:x as xmlnsx), cut at an inner `_`, without
 * case. SheetJS looks attributes up by these keys, so `Hidden`, `x:hidden` or `hidden_x` all read as `hidden`.
 */
function sheetjsKey(name: string): string {
  const colon = name.indexOf(':');
  let key = colon < 0 ? name : (colon === 5 && name.startsWith('xmlns') ? 'xmlns' : '') + name.slice(colon + 1);
  if (colon < 0 && key.indexOf('_') > 0) key = key.slice(0, key.indexOf('_'));
  return key.toLowerCase();
}

/**
 * The wanted attributes of a start tag (`body`: what stands between the element name and `>`), by their names
 * as written. The tag leaves the shortcut when it is spelled otherwise than Excel spells tags, when two of its
 * attributes are one for SheetJS, or when an attribute SheetJS would take for a wanted one is spelled differently.
 */
function attributes(body: string, wanted: readonly string[]): Map<string, string> {
  if (!ATTRIBUTE_LIST.test(body)) notPlain();
  const byKey = new Map<string, { name: string; value: string }>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(body); m; m = ATTRIBUTE.exec(body)) {
    const key = sheetjsKey(m[1]!);
    if (byKey.has(key)) notPlain();
    byKey.set(key, { name: m[1]!, value: m[2] ?? m[3] ?? '' });
  }
  const out = new Map<string, string>();
  for (const name of wanted) {
    const found = byKey.get(sheetjsKey(name));
    if (!found) continue;
    if (found.name !== name) notPlain();
    out.set(name, found.value);
  }
  return out;
}

/** The text between an element's name and the end of its start tag: `<sheet name="a"/>` → ` name="a"/`. */
const bodyOf = (tag: string, name: string): string => tag.slice(name.length + 1, -1);

// Case-insensitive as SheetJS matches them, spelled out: with the i and u flags together ſ would match s.
const ENTITY = /&(?:[qQ][uU][oO][tT]|[aA][pP][oO][sS]|[gG][tT]|[lL][tT]|[aA][mM][pP]|#[xX]?([\da-fA-F]+));/gu;
const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ESCAPED_CHAR = /_[xX]([\da-fA-F]{4})_/gu;

/**
 * XML text as SheetJS decodes it: the five entities (matched without regard to case, as it does), numeric
 * references as one UTF-16 unit, then Excel's `_xHHHH_` escapes; `lines` also turns CRLF into LF.
 */
function decodeText(text: string, lines = false): string {
  if (!text.includes('&') && !text.includes('_x') && !text.includes('_X') && !(lines && text.includes('\r'))) return text;
  const out = text
    .replace(ENTITY, (all, code: string | undefined) => ENTITIES[all] || String.fromCharCode(parseInt(code ?? '', all.includes('x') ? 16 : 10)) || all)
    .replace(ESCAPED_CHAR, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return lines ? out.replace(/\r\n/gu, '\n') : out;
}

const xmlTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

/**
 * A value SheetJS parses as a number (parseInt, parseFloat) from the bytes of its UTF-8, where a space outside
 * ASCII (U+3000, NBSP) is no space and the number is not read: such a value leaves the shortcut.
 */
function ascii(value: string): string {
  return /[^\u0000-\u007f]/u.test(value) ? notPlain() : value;
}

/** Trims what SheetJS's trim takes off the bytes of UTF-8 text: ASCII white space only. */
const asciiTrim = (text: string): string => text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/gu, '');

/** [Content_Types].xml: the parts a workbook names for its shared strings and styles, and that it is the usual one. */
function contentTypes(parts: ReadonlyMap<string, string>): { sharedStrings: string | undefined; styles: string | undefined } {
  const xml = part(parts, '[Content_Types].xml') ?? notPlain();
  const types = /<Types(?:[ /][^<>]*)?>/u.exec(xml) ?? notPlain();
  if (attributes(bodyOf(types[0], 'Types'), ['xmlns']).get('xmlns') !== CONTENT_TYPES_NS) notPlain();
  const byType = new Map<string, string[]>();
  // SheetJS reads every Default's Extension and refuses the file when one has none.
  for (const m of xml.matchAll(/<Default(?:[ /][^<>]*)?>/gu)) if (!attributes(bodyOf(m[0], 'Default'), ['Extension']).has('Extension')) notPlain();
  for (const m of xml.matchAll(/<Override(?:[ /][^<>]*)?>/gu)) {
    const a = attributes(bodyOf(m[0], 'Override'), ['PartName', 'ContentType']);
    const type = a.get('ContentType') ?? '';
    const list = byType.get(type) ?? [];
    list.push(a.get('PartName') ?? '');
    byType.set(type, list);
  }
  // A content type SheetJS also takes for a workbook, shared strings or styles (binary and add-in ones) that is
  // not one of the types read here: which part SheetJS would read is then not certain.
  for (const type of byType.keys()) {
    if (/main|sharedStrings|styles/iu.test(type) && !WORKBOOK_TYPES.has(type) && type !== SHARED_STRINGS_TYPE && type !== STYLES_TYPE) notPlain();
  }
  const workbooks = [...WORKBOOK_TYPES].flatMap((t) => byType.get(t) ?? []);
  if (workbooks.length !== 1 || workbooks[0] !== '/xl/workbook.xml') notPlain();
  const one = (type: string): string | undefined => {
    const names = byType.get(type) ?? [];
    if (names.length === 0) return undefined;
    // SheetJS looks a part up by its name's bytes: only a name in ASCII is found the same way here.
    if (names.length > 1 || !/^\/xl\/[\x20-\x7e]+$/u.test(names[0]!)) notPlain();
    const name = names[0]!.slice(1);
    if (!parts.has(name)) notPlain();
    return name;
  };
  return { sharedStrings: one(SHARED_STRINGS_TYPE), styles: one(STYLES_TYPE) };
}

/**
 * A relationships part: target by id, decoded as SheetJS decodes it (entities), and kept as SheetJS keeps it: as
 * the bytes of its UTF-8 (see hyperlinkTarget in sheetjs.ts).
 */
function relationships(xml: string | undefined): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (xml === undefined) return out;
  for (const m of xml.matchAll(/<Relationship(?:[ /][^<>]*)?>/gu)) {
    const a = attributes(bodyOf(m[0], 'Relationship'), ['Id', 'Type', 'Target']);
    const id = a.get('Id') ?? '';
    if (out.has(id)) notPlain();
    out.set(id, { type: a.get('Type') ?? '', target: decodeText(Buffer.from(a.get('Target') ?? '', 'utf8').toString('latin1')) });
  }
  return out;
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  path: string;
}

function workbookSheets(parts: ReadonlyMap<string, string>): { sheets: SheetEntry[]; date1904: boolean } {
  const xml = part(parts, 'xl/workbook.xml') ?? notPlain();
  const rels = relationships(part(parts, 'xl/_rels/workbook.xml.rels') ?? notPlain());
  const root = /<workbook(?:[ /][^<>]*)?>/u.exec(xml) ?? notPlain();
  if (!WORKBOOK_NAMESPACES.has(attributes(bodyOf(root[0], 'workbook'), ['xmlns']).get('xmlns') ?? '')) notPlain();
  // A defined name without its name makes SheetJS refuse the file.
  for (const m of xml.matchAll(/<definedName(?:[ /][^<>]*)?>/gu)) if (!attributes(bodyOf(m[0], 'definedName'), ['name']).has('name')) notPlain();
  const allProps = [...xml.matchAll(/<workbookPr(?:[ /][^<>]*)?>/gu)];
  if (allProps.length > 1) notPlain();
  const props = allProps[0];
  const date1904 = props ? xmlTrue(attributes(bodyOf(props[0], 'workbookPr'), ['date1904']).get('date1904')) : false;
  const names = new Set<string>();
  const sheets = [...xml.matchAll(/<sheet(?:[ /][^<>]*)?>/gu)].map((m) => {
    const a = attributes(bodyOf(m[0], 'sheet'), ['name', 'state', 'r:id']);
    const rel = rels.get(a.get('r:id') ?? notPlain()) ?? notPlain();
    const target = /^(?:\/xl\/)?(worksheets\/[\x20-\x2e\x30-\x7e]+\.xml)$/u.exec(rel.target) ?? notPlain();
    const path = `xl/${target[1]}`;
    if (!WORKSHEET_RELATIONSHIP.test(rel.type) || !parts.has(path)) notPlain();
    const name = decodeText(a.get('name') ?? notPlain());
    if (names.has(name)) notPlain();
    names.add(name);
    const state = a.get('state');
    return { name, hidden: state === 'hidden' || state === 'veryHidden', path };
  });
  return { sheets, date1904 };
}

/** The first element `tag` in `xml` and its content, as SheetJS finds it (prefix-free here). */
function element(xml: string, tag: string): { whole: string; inner: string; index: number } | null {
  const open = new RegExp(`<${tag}(?:[ /][^<>]*)?>`, 'gu');
  const start = open.exec(xml);
  if (!start) return null;
  const close = xml.indexOf(`</${tag}>`, open.lastIndex);
  if (close < 0) return null;
  return { whole: xml.slice(start.index, close + tag.length + 3), inner: xml.slice(open.lastIndex, close), index: start.index };
}

/** The format of each cell style (xf) by its index in cellXfs, as SheetJS would set a cell's `z`. */
function styleFormats(xml: string | undefined): (string | undefined)[] | null {
  if (xml === undefined) return null;
  const table: Record<number, string> = { ...BUILTIN_NUMBER_FORMATS };
  const numFmts = element(xml, 'numFmts');
  if (numFmts) {
    for (const m of numFmts.whole.matchAll(/<numFmt(?:[ /][^<>]*)?>/gu)) {
      const a = attributes(bodyOf(m[0], 'numFmt'), ['numFmtId', 'formatCode']);
      const id = parseInt(ascii(a.get('numFmtId') ?? ''), 10);
      if (id > 0x188) notPlain();
      const code = decodeText(a.get('formatCode') ?? notPlain());
      if (id > 0) table[id] = code === 'd.m' ? 'd\\.m' : code;
    }
  }
  const xfs = element(xml, 'cellXfs');
  if (!xfs) return null;
  return [...xfs.whole.matchAll(/<xf(?:[ /][^<>]*)?>/gu)].map((m) => {
    const raw = m[0] === '<xf>' ? undefined : attributes(bodyOf(m[0], 'xf'), ['numFmtId']).get('numFmtId');
    const id = raw ? parseInt(ascii(raw), 10) : 0;
    if (id > 0x188) notPlain();
    if (Number.isNaN(id)) return undefined;
    return table[id];
  });
}

const RUN = /<r\b[^<>]*>/u;
const RUN_TEXT = /<t\b[^<>]*>([^<]*)<\/t>/gu;

/**
 * Rich text without its phonetic guides (`<rPh …>…</rPh>`). A guide not closed as Excel closes it makes SheetJS
 * drop every shared string of the workbook: the file leaves the shortcut.
 */
function withoutPhonetics(x: string): string {
  let out = '';
  let from = 0;
  for (let at = x.indexOf('<rPh', from); at >= 0; at = x.indexOf('<rPh', from)) {
    const open = x.indexOf('>', at);
    const close = x.indexOf('</rPh>', at);
    if (open < 0 || close < 0 || x[open - 1] === '/' || x.lastIndexOf('<rPh', close) !== at) notPlain();
    out += x.slice(from, at);
    from = close + 6;
  }
  return out + x.slice(from);
}

/**
 * One shared or inline string (`<si>`/`<is>` content) as SheetJS reads it: plain `<t>`, or rich runs without
 * their phonetic guides; null for any other content (SheetJS would read no value).
 */
function stringItem(x: string): string | null {
  if (x === '') return '';
  if (/^[\t\n\v\f\r ]*<t[^>]*>/u.test(x)) {
    const after = x.slice(x.indexOf('>') + 1);
    const end = after.indexOf('</t>');
    return decodeText(end < 0 ? after : after.slice(0, end), true);
  }
  if (RUN.test(x)) {
    const runs = withoutPhonetics(x);
    let text = '';
    for (const m of runs.matchAll(RUN_TEXT)) {
      // SheetJS removes the run's tags afterwards only where they are well formed: <t foo> would stay in its text.
      if (!/^<t(?: xml:space=["']preserve["'])?>/u.test(m[0])) notPlain();
      text += m[1];
    }
    return decodeText(text, true);
  }
  return null;
}

/** The shared strings by index; null where an item is not plain (only a cell that uses it leaves the shortcut). */
function sharedStrings(xml: string | undefined): (string | null)[] {
  if (xml === undefined) return [];
  const sst = element(xml, 'sst') ?? notPlain();
  if (/<si\s|sstItem/u.test(sst.inner)) notPlain();
  const items = sst.inner.replace(/<si>/gu, '').split('</si>');
  return items.map((item) => stringItem(asciiTrim(item)));
}

/** A1 → [row, col], 0-based, as Excel writes an address (parseCellRef); null for anything else. */
function address(ref: string): [number, number] | null {
  const at = parseCellRef(ref);
  return at ? [at.row - 1, at.col - 1] : null;
}

function range(ref: string): MergeArea {
  const [from, to = from] = ref.split(':');
  const a = address(from!) ?? notPlain();
  const b = address(to!) ?? notPlain();
  // SheetJS keeps a range written backwards (B2:A1) as it is, which covers nothing.
  if (b[0] < a[0] || b[1] < a[1]) notPlain();
  return { top: a[0] + 1, left: a[1] + 1, bottom: b[0] + 1, right: b[1] + 1 };
}

const VALUE_ONLY = /^<v>([^<]*)<\/v>$/u;

interface SheetContext {
  strings: (string | null)[];
  formats: (string | undefined)[] | null;
  parts: ReadonlyMap<string, string>;
}

/** One cell's value from its type and content, or undefined when SheetJS keeps it only as an empty stub. */
function cellValue(type: string | undefined, inner: string, strings: (string | null)[]): RawCell['value'] | undefined {
  if (type === 'inlineStr') {
    if (inner === '') return '';
    const is = /^<is>([\s\S]*)<\/is>$/u.exec(inner) ?? notPlain();
    // SheetJS splits a row into cells at every <c: a cell tag inside the string would be a cell to it.
    if (/<c[ />]/u.test(is[1]!)) notPlain();
    return stringItem(is[1]!) ?? notPlain();
  }
  let raw: string | undefined;
  if (inner !== '') {
    const v = VALUE_ONLY.exec(inner) ?? notPlain();
    raw = v[1] === '' ? undefined : v[1];
  }
  switch (type ?? 'n') {
    case 'n':
      return raw === undefined ? undefined : parseFloat(ascii(decodeText(raw)));
    case 's': {
      if (raw === undefined) return undefined;
      const text = strings[parseInt(ascii(decodeText(raw)), 10)];
      return text ?? notPlain();
    }
    // 'str' (a formula's text, which Excel never writes without its formula): SheetJS decodes it twice and
    // mangles what it decoded the first time; left to it, like every other type.
    case 'b':
      return raw === undefined ? notPlain() : xmlTrue(decodeText(raw));
    case 'e': {
      if (raw === undefined) return notPlain();
      const code = decodeText(raw);
      return { error: KNOWN_ERRORS.has(code) ? code : '#ERROR' };
    }
    default:
      return notPlain();
  }
}

function worksheet(entry: SheetEntry, ctx: SheetContext, date1904: boolean): ModelSheet {
  const xml = part(ctx.parts, entry.path) ?? notPlain();
  const data = element(xml, 'sheetData');
  // SheetJS looks for column ranges, merged areas and hyperlinks in the whole part, before or after the data:
  // so does this reader (the sheet data, read below, holds nothing but rows and cells).
  const before = xml;
  const after = xml;
  if (!data && !/<sheetData\/>/u.test(xml)) notPlain();

  const hiddenCols: number[] = [];
  const colsHidden: boolean[] = [];
  // A sheet describes each column about once; column ranges painted over and over are left to SheetJS.
  let painted = 0;
  for (const m of before.matchAll(/<col[ /][^<>]*>/gu)) {
    const a = attributes(bodyOf(m[0], 'col'), ['min', 'max', 'hidden']);
    const min = parseInt(ascii(a.get('min') ?? ''), 10);
    const max = parseInt(ascii(a.get('max') ?? ''), 10);
    if (!(min >= 1 && max >= min && max <= 16384)) notPlain();
    painted += max - min + 1;
    if (painted > 4 * 16384) notPlain();
    for (let c = min; c <= max; c++) colsHidden[c] = xmlTrue(a.get('hidden'));
  }
  colsHidden.forEach((hidden, c) => hidden && hiddenCols.push(c));

  const grid: (RawCell | undefined)[][] = [];
  const hiddenRows = data ? readRows(data.inner, grid, ctx) : [];

  const merges: MergeArea[] = [];
  for (const m of after.matchAll(/<mergeCell[ /][^<>]*>/gu)) {
    const ref = /^<mergeCell ref=["']([A-Z0-9:]+)['"]\s*\/?>$/u.exec(m[0]) ?? notPlain();
    merges.push(range(ref[1]!));
  }
  hyperlinks(after, entry.path, ctx.parts, grid);

  const read = (cell: RawCell): CellValue => normaliseValue(cell.value, { numFmt: cell.numFmt, date1904 });
  return sheetFromGrid(grid, read, { name: entry.name, hidden: entry.hidden, merges, hiddenRows, hiddenCols });
}

/** One token of sheetData: a row's start (attributes, self-closing), a row's end, or a whole cell (attributes, content). */
const TOKEN = /\s*(?:<row((?:[ \t\r\n][^<>]*?)?)(\/?)>|(<\/row>)|<c((?:[ \t\r\n][^<>]*?)?)(?:\/>|>((?:[^<]|<(?!\/c>))*)<\/c>))/uy;
/** A cell's start tag as Excel, WPS and exceljs write it. */
const PLAIN_CELL = /^ r="([A-Z]{1,3}[0-9]{1,7})"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?$/u;

function cellAttributes(body: string): { r: string; s: string | undefined; t: string | undefined } {
  const plain = PLAIN_CELL.exec(body);
  if (plain) return { r: plain[1]!, s: plain[2], t: plain[3] };
  const a = attributes(body, ['r', 's', 't']);
  return { r: a.get('r') ?? notPlain(), s: a.get('s'), t: a.get('t') };
}

/**
 * The rows of `<sheetData>`, read tag after tag from where the last one ended (a sticky scan: linear whatever the
 * part holds; anything but rows of cells leaves the shortcut). Fills the grid; returns the hidden rows.
 */
function readRows(sheetData: string, grid: (RawCell | undefined)[][], ctx: SheetContext): number[] {
  const hidden = new Set<number>();
  // A row written twice: SheetJS keeps what the later tag says of it only when that tag says anything (a height,
  // an outline level); left to it.
  const seen = new Set<number>();
  let row = -1;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < sheetData.length) {
    const from = TOKEN.lastIndex;
    const m = TOKEN.exec(sheetData);
    if (!m) {
      if (/^\s*$/u.test(sheetData.slice(from))) break;
      return notPlain();
    }
    if (m[1] !== undefined) {
      if (row >= 0) notPlain(); // a row inside a row: one was never closed
      const a = attributes(m[1], ['r', 'hidden']);
      const written = a.get('r') ?? notPlain();
      const r = parseInt(written, 10);
      if (!(r >= 1 && r <= 1048576) || String(r) !== written || seen.has(r)) notPlain();
      seen.add(r);
      if (xmlTrue(a.get('hidden'))) hidden.add(r);
      row = m[2] === '/' ? -1 : r - 1;
      continue;
    }
    if (m[3] !== undefined) {
      if (row < 0) notPlain();
      row = -1;
      continue;
    }
    const cell = cellAttributes(m[4] ?? '');
    const at = address(cell.r) ?? notPlain();
    if (at[0] !== row) notPlain();
    const value = cellValue(cell.t, m[5] ?? '', ctx.strings);
    const cells = (grid[at[0]] ??= []);
    if (value === undefined) {
      cells[at[1]] = undefined;
      continue;
    }
    // SheetJS finds a style by the attribute as written: s="03" or s="length" is no style.
    const style = cell.s !== undefined && String(Number(cell.s)) === cell.s && ctx.formats ? ctx.formats[Number(cell.s)] : undefined;
    cells[at[1]] = { value, numFmt: style === 'General' ? undefined : style };
  }
  if (row >= 0) notPlain();
  return [...hidden].sort((x, y) => x - y);
}

/**
 * Hyperlinks on text cells: what they point at, from the sheet's relationships or their `location`; of two on
 * one cell the last, as in SheetJS. A hyperlink over a range (a whole column, say) gives its target to every text
 * cell in it, as SheetJS does (which also builds an empty cell for each other cell it covers); a sheet where that
 * would mean visiting more than a few million cells leaves the shortcut.
 */
function hyperlinks(after: string, path: string, parts: ReadonlyMap<string, string>, grid: (RawCell | undefined)[][]): void {
  const tags = [...after.matchAll(/<hyperlink[ /][^<>]*>/gu)];
  if (tags.length === 0) return;
  const rels = relationships(part(parts, path.replace(/^(.*)\/([^/]*)$/u, '$1/_rels/$2.rels')));
  const targets = new Map<RawCell, string>();
  let textCells: [number, number, RawCell][] | undefined;
  let visited = 0;
  for (const m of tags) {
    const a = attributes(bodyOf(m[0], 'hyperlink'), ['ref', 'r:id', 'location']);
    const area = range(a.get('ref') ?? notPlain());
    const id = a.get('r:id');
    const location = a.get('location');
    const rel = id === undefined ? undefined : rels.get(id);
    if (id !== undefined && !rel) notPlain();
    if (!rel && location === undefined) notPlain();
    // As SheetJS: a relationship's target with a non-empty location after '#', or '#' and the location alone.
    const target = rel ? rel.target + (location ? `#${decodeText(location)}` : '') : `#${decodeText(location!)}`;
    if (area.top === area.bottom && area.left === area.right) {
      const cell = grid[area.top - 1]?.[area.left - 1];
      if (cell && typeof cell.value === 'string') targets.set(cell, target);
      continue;
    }
    textCells ??= textCellsOf(grid);
    visited += textCells.length;
    if (visited > 2_000_000) notPlain();
    for (const [r, c, cell] of textCells) if (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right) targets.set(cell, target);
  }
  for (const [cell, target] of targets) {
    const link = hyperlinkTarget(target);
    if (link !== '') cell.value = { text: cell.value as string, hyperlink: link };
  }
}

/** The text cells of a grid with their 1-based row and column, visiting only the rows and cells that exist. */
function textCellsOf(grid: (RawCell | undefined)[][]): [number, number, RawCell][] {
  const out: [number, number, RawCell][] = [];
  for (const r of Object.keys(grid)) {
    const row = grid[Number(r)]!;
    for (const c of Object.keys(row)) {
      const cell = row[Number(c)];
      if (cell && typeof cell.value === 'string') out.push([Number(r) + 1, Number(c) + 1, cell]);
    }
  }
  return out;
}

/**
 * The workbook as the cell model when it has the plain shape (see above), else null: SheetJS reads it then.
 * `parts` are safe-open's inflated XML parts, byte strings by name.
 */
export function readOoxmlModel(parts: ReadonlyMap<string, string>): CellModel | null {
  // SheetJS reads a zip with an OpenDocument manifest as .ods, whatever else it holds.
  if (parts.has('META-INF/manifest.xml') || parts.has('objectdata.xml')) return null;
  // SheetJS finds a part by its name without case: of two names that differ only in case, which it takes is
  // not certain.
  if (new Set([...parts.keys()].map((name) => name.toLowerCase())).size !== parts.size) return null;
  try {
    const types = contentTypes(parts);
    const { sheets, date1904 } = workbookSheets(parts);
    if (sheets.length === 0) return null;
    const ctx: SheetContext = { strings: sharedStrings(part(parts, types.sharedStrings ?? '')), formats: styleFormats(part(parts, types.styles ?? '')), parts };
    return { format: 'xlsx', sheets: sheets.map((entry) => worksheet(entry, ctx, date1904)) };
  } catch {
    // Not plain, or anything this reader did not foresee: SheetJS reads the file as it always has.
    return null;
  }
}
