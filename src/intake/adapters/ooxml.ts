/**
 * An .xlsx as Excel, WPS and exceljs write a form, read straight from the parts safe-open inflated into the cell
 * model, several times faster than SheetJS (which builds styles, themes and every cell's object first). It reads
 * only that plain shape: text, numbers, true/false and error cells, shared and inline strings, number formats,
 * merged areas, hidden rows, columns and sheets, hyperlinks. Anything else (a formula, a date cell, a row or cell
 * without its address, prefixed elements, CDATA, comments in the XML, a part found another way than Excel puts
 * it, ...) returns null, and SheetJS reads the file: the shortcut never changes what a form reads as. Where
 * SheetJS reads the plain shape in its own way (the entities it decodes, `_x000D_`, an unknown error code, the
 * built-in number formats), this reader does the same; test/intake/adapters/ooxml.test.ts compares the two
 * models on every workbook the tests hold and on generated ones.
 */
import { normaliseValue, type CellValue } from '../cells/cell-value.js';
import { sheetFromGrid, type CellModel, type MergeArea, type ModelSheet } from '../cells/cell-model.js';

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
const KNOWN_ERRORS: ReadonlySet<string> = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA']);

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

/** Constructs this reader leaves to SheetJS, in any part it reads: CDATA, comments, a DTD, prefixed main elements. */
const UNUSUAL =
  /<!\[CDATA\[|<!--|<!DOCTYPE|<\/?[A-Za-z_][\w.-]*:(?:sst|si|row|c|sheetData|mergeCells?|hyperlinks?|cols?|sheets?|workbookPr|numFmts?|cellXfs|xf|Types|Override|Relationships?|worksheet|workbook|styleSheet)[\s/>]/u;

function part(parts: ReadonlyMap<string, string>, name: string): string | undefined {
  const bytes = parts.get(name);
  if (bytes === undefined) return undefined;
  const text = Buffer.from(bytes, 'latin1').toString('utf8');
  if (UNUSUAL.test(text)) notPlain();
  return text;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** The attributes of one start tag, by their names as written (`r:id` stays `r:id`). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out.set(m[1]!, m[2] ?? m[3] ?? '');
  return out;
}

/**
 * One attribute of a start tag. Tags as Excel writes them (double quotes, single spaces) are searched directly;
 * any other spelling goes through `attributes`.
 */
function attribute(tag: string, name: string): string | undefined {
  if (/['\t\n\r]|\s=|=\s/u.test(tag)) return attributes(tag).get(name);
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/giu;
const ENTITIES: Readonly<Record<string, string>> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const ESCAPED_CHAR = /_x([\da-fA-F]{4})_/giu;

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

/** [Content_Types].xml: the parts a workbook names for its shared strings and styles, and that it is the usual one. */
function contentTypes(parts: ReadonlyMap<string, string>): { sharedStrings: string | undefined; styles: string | undefined } {
  const xml = part(parts, '[Content_Types].xml') ?? notPlain();
  const types = /<Types\b[^>]*>/u.exec(xml) ?? notPlain();
  if (attributes(types[0]).get('xmlns') !== CONTENT_TYPES_NS) notPlain();
  const byType = new Map<string, string[]>();
  for (const m of xml.matchAll(/<Override\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    const type = a.get('ContentType') ?? '';
    const list = byType.get(type) ?? [];
    list.push(a.get('PartName') ?? '');
    byType.set(type, list);
  }
  const workbooks = [...WORKBOOK_TYPES].flatMap((t) => byType.get(t) ?? []);
  if (workbooks.length !== 1 || workbooks[0] !== '/xl/workbook.xml') notPlain();
  const one = (type: string): string | undefined => {
    const names = byType.get(type) ?? [];
    if (names.length === 0) return undefined;
    if (names.length > 1 || !names[0]!.startsWith('/xl/')) notPlain();
    const name = names[0]!.slice(1);
    if (!parts.has(name)) notPlain();
    return name;
  };
  return { sharedStrings: one(SHARED_STRINGS_TYPE), styles: one(STYLES_TYPE) };
}

/** A relationships part: target by id (targets decoded as SheetJS does). */
function relationships(xml: string | undefined): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (xml === undefined) return out;
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    out.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', target: decodeText(a.get('Target') ?? '') });
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
  const props = /<workbookPr\b[^>]*>/u.exec(xml);
  const date1904 = props ? xmlTrue(attributes(props[0]).get('date1904')) : false;
  const names = new Set<string>();
  const sheets = [...xml.matchAll(/<sheet\b[^>]*>/gu)].map((m) => {
    const a = attributes(m[0]);
    const rel = rels.get(a.get('r:id') ?? notPlain()) ?? notPlain();
    const target = /^(?:\/xl\/)?(worksheets\/[^/]+\.xml)$/u.exec(rel.target) ?? notPlain();
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
  const open = new RegExp(`<${tag}\\b[^<>]*>`, 'gu');
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
    for (const m of numFmts.whole.matchAll(/<numFmt\b[^>]*>/gu)) {
      const a = attributes(m[0]);
      const id = parseInt(a.get('numFmtId') ?? '', 10);
      if (id > 0x188) notPlain();
      const code = decodeText(a.get('formatCode') ?? notPlain());
      if (id > 0) table[id] = code === 'd.m' ? 'd\\.m' : code;
    }
  }
  const xfs = element(xml, 'cellXfs');
  if (!xfs) return null;
  return [...xfs.whole.matchAll(/<xf\b[^>]*>/gu)].map((m) => {
    const raw = attributes(m[0]).get('numFmtId');
    const id = raw ? parseInt(raw, 10) : 0;
    if (id > 0x188) notPlain();
    if (Number.isNaN(id)) return undefined;
    return table[id];
  });
}

const RUN = /<r\b[^<>]*>/u;
const RUN_TEXT = /<t\b[^<>]*>([^<]*)<\/t>/gu;

/**
 * One shared or inline string (`<si>`/`<is>` content) as SheetJS reads it: plain `<t>`, or rich runs without
 * their phonetic guides; null for any other content (SheetJS would read no value).
 */
function stringItem(x: string): string | null {
  if (x === '') return '';
  if (/^\s*<t[^>]*>/u.test(x)) {
    const after = x.slice(x.indexOf('>') + 1);
    const end = after.indexOf('</t>');
    return decodeText(end < 0 ? after : after.slice(0, end), true);
  }
  if (RUN.test(x)) {
    const runs = x.replace(/<rPh\b[^<>]*>[\s\S]*?<\/rPh>/gu, '');
    let text = '';
    for (const m of runs.matchAll(RUN_TEXT)) text += m[1];
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
  return items.map((item) => stringItem(item.trim()));
}

/** A1 → [row, col], 0-based; null for anything else (lower case, $, leading zeros, beyond XFD1048576). */
function address(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 3; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (i === 0 || i === ref.length || ref.charCodeAt(i) === 48) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const code = ref.charCodeAt(j);
    if (code < 48 || code > 57 || j - i >= 7) return null;
    row = row * 10 + code - 48;
  }
  if (col > 16384 || row > 1048576) return null;
  return [row - 1, col - 1];
}

function range(ref: string): MergeArea {
  const [from, to = from] = ref.split(':');
  const a = address(from!) ?? notPlain();
  const b = address(to!) ?? notPlain();
  // SheetJS keeps a range written backwards (B2:A1) as it is, which covers nothing.
  if (b[0] < a[0] || b[1] < a[1]) notPlain();
  return { top: a[0] + 1, left: a[1] + 1, bottom: b[0] + 1, right: b[1] + 1 };
}

const ROW_OR_CELL = /<row\b([^>]*?)(\/?)>|<\/row>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<[^>]*>/gu;
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
    return stringItem(is[1]!) ?? notPlain();
  }
  let raw: string | undefined;
  if (inner !== '') {
    const v = VALUE_ONLY.exec(inner) ?? notPlain();
    raw = v[1] === '' ? undefined : v[1];
  }
  switch (type ?? 'n') {
    case 'n':
      return raw === undefined ? undefined : parseFloat(decodeText(raw));
    case 's': {
      if (raw === undefined) return undefined;
      const text = strings[parseInt(decodeText(raw), 10)];
      return text ?? notPlain();
    }
    case 'str':
      // SheetJS decodes a str cell's text twice (once as a value, once as text): &amp;lt; reads as <.
      return raw === undefined ? '' : decodeText(decodeText(raw), true);
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
  const before = data ? xml.slice(0, data.index) : xml;
  const after = data ? xml.slice(data.index + data.whole.length) : xml;
  if (!data && !/<sheetData\/>/u.test(xml)) notPlain();

  const hiddenCols: number[] = [];
  const colsHidden: boolean[] = [];
  // A sheet describes each column about once; column ranges painted over and over are left to SheetJS.
  let painted = 0;
  for (const m of before.matchAll(/<col\b[^<>]*\/?>/gu)) {
    const a = attributes(m[0]);
    const min = parseInt(a.get('min') ?? '', 10);
    const max = parseInt(a.get('max') ?? '', 10);
    if (!(min >= 1 && max >= min && max <= 16384)) notPlain();
    painted += max - min + 1;
    if (painted > 4 * 16384) notPlain();
    for (let c = min; c <= max; c++) colsHidden[c] = xmlTrue(a.get('hidden'));
  }
  colsHidden.forEach((hidden, c) => hidden && hiddenCols.push(c));

  const grid: (RawCell | undefined)[][] = [];
  const hiddenRowSet = new Set<number>();
  let row = -1;
  if (data) {
    ROW_OR_CELL.lastIndex = 0;
    for (let m = ROW_OR_CELL.exec(data.inner); m; m = ROW_OR_CELL.exec(data.inner)) {
      if (m[1] !== undefined) {
        const written = attribute(m[1], 'r') ?? notPlain();
        const r = parseInt(written, 10);
        if (!(r >= 1 && r <= 1048576) || String(r) !== written) notPlain();
        if (xmlTrue(attribute(m[1], 'hidden'))) hiddenRowSet.add(r);
        row = m[2] === '/' ? -1 : r - 1;
        continue;
      }
      if (m[3] === undefined) {
        if (m[0] !== '</row>') notPlain();
        row = -1;
        continue;
      }
      const tag = m[3];
      const at = address(attribute(tag, 'r') ?? notPlain()) ?? notPlain();
      if (at[0] !== row) notPlain();
      const value = cellValue(attribute(tag, 't'), m[4] ?? '', ctx.strings);
      const cells = (grid[at[0]] ??= []);
      if (value === undefined) {
        cells[at[1]] = undefined;
        continue;
      }
      const style = attribute(tag, 's');
      // Looked up by the attribute as written, as SheetJS does: s="03" is no style.
      const numFmt = style !== undefined && ctx.formats ? ctx.formats[style as unknown as number] : undefined;
      cells[at[1]] = { value, numFmt: numFmt === 'General' ? undefined : numFmt };
    }
  }

  const merges: MergeArea[] = [];
  for (const m of after.matchAll(/<mergeCell\b[^<>]*>/gu)) {
    const ref = /^<mergeCell ref=["']([A-Z0-9:]+)['"]\s*\/?>$/u.exec(m[0]) ?? notPlain();
    merges.push(range(ref[1]!));
  }
  hyperlinks(after, entry.path, ctx.parts, grid);

  const read = (cell: RawCell): CellValue => normaliseValue(cell.value, { numFmt: cell.numFmt, date1904 });
  return sheetFromGrid(grid, read, { name: entry.name, hidden: entry.hidden, merges, hiddenRows: [...hiddenRowSet].sort((x, y) => x - y), hiddenCols });
}

/** Hyperlinks on text cells: what they point at, from the sheet's relationships or their `location`. */
function hyperlinks(after: string, path: string, parts: ReadonlyMap<string, string>, grid: (RawCell | undefined)[][]): void {
  const tags = [...after.matchAll(/<hyperlink\b[^<>]*>/gu)];
  if (tags.length === 0) return;
  const rels = relationships(part(parts, path.replace(/^(.*)\/([^/]*)$/u, '$1/_rels/$2.rels')));
  for (const m of tags) {
    const a = attributes(m[0]);
    const at = address(a.get('ref') ?? notPlain()) ?? notPlain();
    const id = a.get('r:id');
    const location = a.get('location');
    const rel = id === undefined ? undefined : rels.get(id);
    if (id !== undefined && !rel) notPlain();
    if (!rel && location === undefined) notPlain();
    // As SheetJS: a relationship's target with a non-empty location after '#', or '#' and the location alone.
    const target = rel ? rel.target + (location ? `#${decodeText(location)}` : '') : `#${decodeText(location!)}`;
    const cell = grid[at[0]]?.[at[1]];
    if (cell && typeof cell.value === 'string' && target !== '') cell.value = { text: cell.value, hyperlink: target };
  }
}

/**
 * The workbook as the cell model when it has the plain shape (see above), else null: SheetJS reads it then.
 * `parts` are safe-open's inflated XML parts, byte strings by name.
 */
export function readOoxmlModel(parts: ReadonlyMap<string, string>): CellModel | null {
  // SheetJS reads a zip with an OpenDocument manifest as .ods, whatever else it holds.
  if (parts.has('META-INF/manifest.xml') || parts.has('objectdata.xml')) return null;
  try {
    const types = contentTypes(parts);
    const { sheets, date1904 } = workbookSheets(parts);
    if (sheets.length === 0) return null;
    const ctx: SheetContext = { strings: sharedStrings(part(parts, types.sharedStrings ?? '')), formats: styleFormats(part(parts, types.styles ?? '')), parts };
    return { format: 'xlsx', sheets: sheets.map((entry) => worksheet(entry, ctx, date1904)) };
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
}
