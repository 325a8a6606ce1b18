/**
 * A Word application form (附件1 as a Word table) into the cell model, so the label locator reads it exactly
 * as it reads a workbook. The body becomes one sheet: each table row is a row, each cell sits in the columns
 * of the table grid it covers (w:gridBefore, w:gridSpan), cells merged down (w:vMerge) are one merged area,
 * and each paragraph outside a table is a row of its own (the work plan written after the table). Rows Word
 * hides (w:trPr/w:hidden) are hidden rows; deleted text (tracked changes), hidden text and field codes are
 * not text. Nested tables are read as text of their cell. The XML is walked as a DOM (xmldom, which never
 * expands entities); no regular expression looks at it.
 */
import { createRequire } from 'node:module';
import type { Element, Node } from '@xmldom/xmldom';
import { normaliseValue } from '../cells/cell-value.js';
import type { CellModel, MergeArea, ModelCell } from '../cells/cell-model.js';
import { refuse, unreadable } from '../read-errors.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** The sheet name a Word form's cells are reported under (`正文!B7`). */
export const DOCX_SHEET = '正文';

function children(el: Element): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

function isW(el: Element, local: string): boolean {
  return el.namespaceURI === W && el.localName === local;
}

function child(el: Element, local: string): Element | undefined {
  return children(el).find((c) => isW(c, local));
}

function wVal(el: Element | undefined): string | null {
  return el ? el.getAttributeNS(W, 'val') || el.getAttribute('w:val') : null;
}

function intVal(el: Element | undefined, fallback: number): number {
  const v = Number(wVal(el));
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** A run's text: w:t, tabs and breaks; deleted text and field instructions are not text, hidden runs neither. */
function runText(run: Element): string {
  const props = child(run, 'rPr');
  if (props && child(props, 'vanish') && wVal(child(props, 'vanish')) !== '0' && wVal(child(props, 'vanish')) !== 'false') return '';
  let out = '';
  for (const c of children(run)) {
    if (c.namespaceURI !== W) continue;
    if (c.localName === 't') out += c.textContent ?? '';
    else if (c.localName === 'tab' || c.localName === 'ptab') out += ' ';
    else if (c.localName === 'br' || c.localName === 'cr') out += '\n';
    else if (c.localName === 'noBreakHyphen') out += '-';
  }
  return out;
}

/** Text of a paragraph or any inline container (hyperlinks, insertions, content controls, smart tags). */
function inlineText(el: Element): string {
  let out = '';
  for (const c of children(el)) {
    if (c.namespaceURI !== W) {
      // mc:AlternateContent and friends: read what they hold.
      out += inlineText(c);
      continue;
    }
    if (c.localName === 'r') out += runText(c);
    else if (c.localName === 'del' || c.localName === 'pPr' || c.localName === 'rPr' || c.localName === 'instrText') continue;
    else out += inlineText(c);
  }
  return out;
}

/** The text of a table cell or a content block: its paragraphs, one per line; a nested table row per line. */
function blockText(el: Element): string {
  const lines: string[] = [];
  for (const c of children(el)) {
    if (isW(c, 'p')) lines.push(inlineText(c));
    else if (isW(c, 'tbl')) {
      for (const tr of rowsOf(c)) lines.push(cellsOf(tr).map((tc) => blockText(tc).replace(/\n/gu, ' ')).join(' '));
    } else if (isW(c, 'sdt') || isW(c, 'customXml')) {
      const content = child(c, 'sdtContent') ?? c;
      lines.push(blockText(content));
    }
  }
  return lines.join('\n');
}

/** The `w:<local>` children of a table or row, looking through content controls and custom XML that may wrap them. */
function partsOf(el: Element, local: 'tr' | 'tc'): Element[] {
  const out: Element[] = [];
  for (const c of children(el)) {
    if (isW(c, local)) out.push(c);
    else if (isW(c, 'sdt') || isW(c, 'customXml')) out.push(...partsOf(child(c, 'sdtContent') ?? c, local));
  }
  return out;
}

const rowsOf = (tbl: Element): Element[] => partsOf(tbl, 'tr');
const cellsOf = (tr: Element): Element[] => partsOf(tr, 'tc');

class Builder {
  readonly cells: ModelCell[] = [];
  readonly merges: MergeArea[] = [];
  readonly hiddenRows: number[] = [];
  row = 0;
  width = 1;

  text(row: number, col: number, text: string): ModelCell | null {
    const value = normaliseValue(text);
    if (value.kind === 'empty') return null;
    const cell = { row, col, value };
    this.cells.push(cell);
    return cell;
  }

  paragraph(p: Element): void {
    const text = inlineText(p);
    this.row += 1;
    if (this.text(this.row, 1, text) && this.width > 1) this.merges.push({ top: this.row, left: 1, bottom: this.row, right: this.width });
  }

  table(tbl: Element): void {
    const grid = child(tbl, 'tblGrid');
    const gridCols = grid ? children(grid).filter((c) => isW(c, 'gridCol')).length : 0;
    this.width = Math.max(this.width, gridCols, 1);
    /** Vertical merges still open, by their first grid column. */
    const open = new Map<number, MergeArea>();
    for (const tr of rowsOf(tbl)) {
      this.row += 1;
      const props = child(tr, 'trPr');
      if (props && child(props, 'hidden')) this.hiddenRows.push(this.row);
      let col = 1 + (props ? intVal(child(props, 'gridBefore'), 0) : 0);
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = intVal(tcPr && child(tcPr, 'gridSpan'), 1);
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const right = col + span - 1;
        this.width = Math.max(this.width, right);
        const continues = vMerge !== undefined && wVal(vMerge) !== 'restart';
        const above = open.get(col);
        if (continues && above && above.right === right) {
          above.bottom = this.row;
        } else {
          open.delete(col);
          const text = blockText(tc);
          const area = { top: this.row, left: col, bottom: this.row, right };
          if (vMerge !== undefined) open.set(col, area);
          if (this.text(this.row, col, text) && (span > 1 || vMerge !== undefined)) this.merges.push(area);
        }
        col = right + 1;
      }
    }
    // Single-cell areas are not merges.
    for (let i = this.merges.length - 1; i >= 0; i--) {
      const m = this.merges[i]!;
      if (m.top === m.bottom && m.left === m.right) this.merges.splice(i, 1);
    }
  }

  body(el: Element): void {
    for (const c of children(el)) {
      if (isW(c, 'p')) this.paragraph(c);
      else if (isW(c, 'tbl')) this.table(c);
      else if (isW(c, 'sdt')) this.body(child(c, 'sdtContent') ?? c);
      else if (isW(c, 'customXml')) this.body(c);
    }
  }
}

/** Reads word/document.xml (already unpacked and bounded by safe-open) into the cell model. */
export function readDocxModel(documentXml: Buffer, file: string): CellModel {
  let fatal: string | null = null;
  // Loaded here: a batch without Word forms never pays for it.
  const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as typeof import('@xmldom/xmldom');
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError') fatal = message;
    },
  }).parseFromString(documentXml.toString('utf8'), 'text/xml');
  const root = doc.documentElement;
  if (fatal !== null || !root || !isW(root as unknown as Element, 'document')) throw unreadable('file-unreadable', 'import.docxUnreadable', file, fatal);
  const body = child(root as unknown as Element, 'body');
  if (!body) throw refuse('file-unreadable', 'import.docxUnreadable', file);
  const builder = new Builder();
  builder.body(body);
  const cells = builder.cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { format: 'docx', sheets: [{ name: DOCX_SHEET, hidden: false, cells, merges: builder.merges, hiddenRows: builder.hiddenRows, hiddenCols: [] }] };
}

/** How many table cells a Word body holds (python-docx, Word, WPS and LibreOffice all write the `w:` prefix). */
export function countWordCells(documentXml: Buffer): number {
  let n = 0;
  for (const tag of ['<w:tc>', '<w:tc ']) {
    const needle = Buffer.from(tag);
    for (let i = documentXml.indexOf(needle); i >= 0; i = documentXml.indexOf(needle, i + needle.length)) n += 1;
  }
  return n;
}
