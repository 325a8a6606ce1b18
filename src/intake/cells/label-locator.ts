/**
 * Finds the fields of a form by their LABELS, never by fixed addresses, so gongshu's own template and any
 * layout a unit made in Excel, WPS or LibreOffice read the same way (issue 2, item 4).
 *
 * The workbook is first flattened into grids of "owners" (the master cell of a merged range, or a plain
 * cell) with their normalised values. Every owner is then classified once: a section heading, a label, a
 * label with its value after a colon in the same cell ("inline"), a member-table header, or plain content.
 * Fields are assigned to label occurrences (sections decide between duplicated labels such as 固定电话),
 * and each value is read to the right of the label, or for block fields below it.
 */
import { readFileSync } from 'node:fs';
import type { Finding } from '../../core/finding.js';
import { labelKey, trimText } from '../../core/text.js';
import { msg } from '../../messages/index.js';
import { cellRef } from '../../core/cell-address.js';
import type { CellValue } from './cell-value.js';
import type { CellModel, MergeArea, ModelSheet } from './cell-model.js';

export type SectionName = 'unit' | 'lead' | 'members';
export type MemberColumn = 'name' | 'gender' | 'age' | 'education' | 'occupation' | 'skillLevel' | 'specialty' | 'experience';
export const MEMBER_COLUMNS: readonly MemberColumn[] = ['name', 'gender', 'age', 'education', 'occupation', 'skillLevel', 'specialty', 'experience'];

export interface FieldSpec {
  /** Field path in Application, e.g. `unit.name`. */
  path: string;
  labels: string[];
  /** The section the field belongs to; decides between duplicated labels. */
  section?: 'unit' | 'lead';
  /** Free text that may sit below the label or after its colon (简介, 简历, 计划, 意见). */
  block?: boolean;
  /** The cover writes `申报单位  某某公司`: the value may follow the label after spaces in the same cell. */
  inlineBySpace?: boolean;
}

export interface LabelData {
  sections: Record<SectionName, string[]>;
  fields: FieldSpec[];
  memberColumns: Record<MemberColumn, string[]>;
  memberHeaderMinColumns: number;
  /** A member table ends at a row starting with one of these (合计, 小计 …). */
  memberTableEnd?: string[];
  /** A row holding one of these alone in a cell or in brackets is an example, not a member. */
  exampleMarkers?: string[];
  /** Words meaning "nothing" (无, —), read as empty in fields not required on their own. */
  noneWords?: string[];
  /** Line values may be written under a row of labels (the application form; the 考核表 is printed beside). */
  valuesBelow?: boolean;
  hints: string[];
  /** A character class every hint contains (a cheap first test); without it every pattern is tried. */
  hintMark?: string;
  hintPatterns: string[];
  minApplicationFields: number;
  assessmentLabels: string[];
  minAssessmentLabels: number;
}

let cachedLabels: LabelData | null = null;

/** The label synonyms of the application form (data/labels/application.json). */
export function applicationLabels(): LabelData {
  cachedLabels ??= JSON.parse(readFileSync(new URL('../../../data/labels/application.json', import.meta.url), 'utf8')) as LabelData;
  return cachedLabels;
}

// ---------------------------------------------------------------------------------------------------------
// Grids

export interface GridCell {
  sheet: string;
  sheetIndex: number;
  /** Top-left of the merged range (or the cell itself). */
  row: number;
  col: number;
  bottom: number;
  right: number;
  address: string;
  value: CellValue;
  /** Trimmed text of the value. */
  text: string;
  /** The cell's row or column is hidden. */
  hidden?: boolean;
}

export interface SheetGrid {
  name: string;
  index: number;
  hidden: boolean;
  /** Owners with a value, in reading order (row, then column). */
  owners: GridCell[];
  /** Per row, the distinct owners covering a position of that row, left to right. */
  rows: Map<number, GridCell[]>;
  /** Row numbers that have owners, ascending. */
  rowNumbers: number[];
  /** Rows hidden by whoever made the form (an example row, a row left over). */
  hiddenRows: ReadonlySet<number>;
}

export function ref(cell: GridCell): string {
  return `${cell.sheet}!${cell.address}`;
}

/**
 * A sheet of the cell model as a grid of owners. Every format arrives here the same way (cell-model.ts), so
 * nothing below knows which program wrote the form.
 */
export function buildGrid(sheet: ModelSheet, index: number): SheetGrid {
  const merges = new Map<string, MergeArea>();
  for (const m of sheet.merges) merges.set(`${m.top},${m.left}`, m);
  const hiddenRows = new Set(sheet.hiddenRows);
  const hiddenCols = new Set(sheet.hiddenCols);
  const owners: GridCell[] = [];
  const rows = new Map<number, GridCell[]>();
  for (const { row, col, value } of sheet.cells) {
    const range = merges.get(`${row},${col}`);
    const owner: GridCell = {
      sheet: sheet.name,
      sheetIndex: index,
      row,
      col,
      bottom: range ? range.bottom : row,
      right: range ? range.right : col,
      address: cellRef(row, col),
      value,
      text: trimText(value.text),
    };
    if (hiddenRows.has(row) || hiddenCols.has(col)) owner.hidden = true;
    owners.push(owner);
    // A merged owner covers every row of its area.
    for (let r = row; r <= owner.bottom; r++) {
      const list = rows.get(r);
      if (list) list.push(owner);
      else rows.set(r, [owner]);
    }
  }
  for (const list of rows.values()) list.sort((a, b) => a.col - b.col);
  return { name: sheet.name, index, hidden: sheet.hidden, owners, rows, rowNumbers: [...rows.keys()].sort((a, b) => a - b), hiddenRows };
}

/** Cells whose text was cut to Excel's cell limit (see MAX_CELL_CHARS) or cleaned of control characters. */
export function sanitizedCells(grids: readonly SheetGrid[]): { truncated: GridCell[]; controlRemoved: GridCell[] } {
  const truncated: GridCell[] = [];
  const controlRemoved: GridCell[] = [];
  for (const g of grids) {
    for (const o of g.owners) {
      if (o.value.truncatedFrom !== undefined) truncated.push(o);
      if (o.value.controlRemoved) controlRemoved.push(o);
    }
  }
  return { truncated, controlRemoved };
}

/** The warnings a reader gives for sanitizedCells, each with its `Sheet!A1`. */
export function sanitizedCellFindings(grids: readonly SheetGrid[]): Finding[] {
  const { truncated, controlRemoved } = sanitizedCells(grids);
  return [
    ...truncated.map((c): Finding => ({ code: 'cell-truncated', severity: 'warning', message: msg('import.cellTruncated', { length: c.value.truncatedFrom! }), cell: ref(c) })),
    ...controlRemoved.map((c): Finding => ({ code: 'control-chars-removed', severity: 'warning', message: msg('import.controlCharsRemoved'), cell: ref(c) })),
  ];
}

export function buildGrids(model: CellModel): SheetGrid[] {
  return model.sheets.map((sheet, i) => buildGrid(sheet, i));
}

// ---------------------------------------------------------------------------------------------------------
// Hints and label keys

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A literal hint as a pattern tolerant of spaces and bracket width. */
function hintToPattern(hint: string): string {
  let out = '';
  for (const ch of hint) {
    if (/\s/u.test(ch)) continue;
    if (ch === '（' || ch === '(') out += '[(（]';
    else if (ch === '）' || ch === ')') out += '[)）]';
    else out += escapeRe(ch);
    out += '\\s*';
  }
  return out;
}

export interface Dictionary {
  data: LabelData;
  fieldsByKey: Map<string, FieldSpec[]>;
  sectionByKey: Map<string, SectionName>;
  memberColumnByKey: Map<string, MemberColumn>;
  assessmentKeys: Set<string>;
  hintPatterns: RegExp[];
  hintMark: RegExp | null;
  /** The label keys of each field, computed once: grouping fields asks for them for every form read. */
  fieldKeys: Map<FieldSpec, Set<string>>;
  memberTableEnd: string[];
  /** Matches a cell that marks its row as the template's example. */
  exampleMark: RegExp | null;
}

let cachedDictionary: Dictionary | null = null;

export function compileDictionary(data: LabelData): Dictionary {
  const fieldsByKey = new Map<string, FieldSpec[]>();
  const fieldKeys = new Map<FieldSpec, Set<string>>();
  for (const field of data.fields) {
    fieldKeys.set(field, new Set(field.labels.map(labelKey)));
    for (const label of field.labels) {
      const key = labelKey(label);
      const list = fieldsByKey.get(key) ?? [];
      if (!list.includes(field)) list.push(field);
      fieldsByKey.set(key, list);
    }
  }
  const sectionByKey = new Map<string, SectionName>();
  for (const [section, labels] of Object.entries(data.sections) as Array<[SectionName, string[]]>) {
    for (const label of labels) sectionByKey.set(labelKey(label), section);
  }
  const memberColumnByKey = new Map<string, MemberColumn>();
  for (const [column, labels] of Object.entries(data.memberColumns) as Array<[MemberColumn, string[]]>) {
    for (const label of labels) memberColumnByKey.set(labelKey(label), column);
  }
  const hintPatterns = [...data.hints.map(hintToPattern), ...data.hintPatterns].map((p) => new RegExp(p, 'gu'));
  return {
    data,
    fieldsByKey,
    sectionByKey,
    memberColumnByKey,
    assessmentKeys: new Set(data.assessmentLabels.map(labelKey)),
    hintPatterns,
    hintMark: data.hintMark ? new RegExp(data.hintMark, 'u') : null,
    fieldKeys,
    memberTableEnd: (data.memberTableEnd ?? []).map(labelKey),
    exampleMark: exampleMarkPattern(data.exampleMarkers ?? []),
  };
}

/** `示例` alone in a cell, `示例：…` at its start, or `（示例）` / `[example]` anywhere in it. */
function exampleMarkPattern(markers: readonly string[]): RegExp | null {
  if (markers.length === 0) return null;
  const words = markers.map((m) => escapeRe(m)).join('|');
  return new RegExp(`^\\s*(?:${words})\\s*(?:[:：]|$)|[(（【\\[]\\s*(?:${words})\\s*[)）】\\]]`, 'iu');
}

export function applicationDictionary(): Dictionary {
  cachedDictionary ??= compileDictionary(applicationLabels());
  return cachedDictionary;
}

/**
 * Results by cell text, per dictionary: every form repeats the same labels (a form has ~150 owners, nearly all
 * of them the template's labels), so a batch computes each label's hints, key and class once instead of once
 * per form. Only short texts are kept (labels are short; a value's long text is seldom seen twice), as copies of
 * their own (see `own`), and a memo that grows past MEMO_LIMIT entries starts again, so memory stays bounded
 * (a few MB at most) whatever the files hold.
 */
interface Memo {
  stripped: Map<string, string>;
  classified: Map<string, Classification>;
  keys: Map<string, string>;
}
const MEMO_TEXT_MAX = 64;
const MEMO_LIMIT = 5_000;
const memos = new WeakMap<Dictionary, Memo>();

/**
 * A copy of a short string that keeps no larger one alive: a cell's text may be a slice of a whole worksheet's or
 * shared-strings part's text, which a remembered slice would keep in memory for the rest of the batch.
 */
const own = (s: string): string => (' ' + s).slice(1);

function ownClass(c: Classification): Classification {
  if (c === null || !('key' in c)) return c;
  return c.type === 'inline' ? { ...c, key: own(c.key), rest: own(c.rest) } : { ...c, key: own(c.key) };
}

function memoOf(dict: Dictionary): Memo {
  let memo = memos.get(dict);
  if (!memo) {
    memo = { stripped: new Map(), classified: new Map(), keys: new Map() };
    memos.set(dict, memo);
  }
  return memo;
}

function remember<V>(map: Map<string, V>, text: string, compute: (text: string) => V, keep: (value: V) => V): V {
  if (text.length > MEMO_TEXT_MAX) return compute(text);
  const hit = map.get(text);
  if (hit !== undefined || map.has(text)) return hit as V;
  const value = keep(compute(text));
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(own(text), value);
  return value;
}

/** Removes template hints (（签章）, （1000字以内）, 年  月  日, ____) from a cell text. */
export function stripHints(text: string, dict: Dictionary = applicationDictionary()): string {
  return remember(memoOf(dict).stripped, text, (t) => stripHintsOnce(t, dict), own);
}

/** The label key of a cell's text with its hints removed: `labelKey(stripHints(text))`, remembered. */
export function hintlessKey(text: string, dict: Dictionary = applicationDictionary()): string {
  return remember(memoOf(dict).keys, text, (t) => labelKey(stripHints(t, dict)), own);
}

function stripHintsOnce(text: string, dict: Dictionary): string {
  let out = text;
  // Every hint has a bracket, 年 or an underscore run; most cells have none and skip the patterns.
  if (!dict.hintMark || dict.hintMark.test(out)) for (const re of dict.hintPatterns) out = out.replace(re, ' ');
  if (!/\s/u.test(out)) return out;
  return trimText(out.replace(/[ \t\u3000]*\n[ \t\u3000]*/gu, '\n').replace(/\n{2,}/gu, '\n').replace(/[ \t\u3000]{2,}/gu, ' '));
}

/** Numbering in front of a section heading: 一、 1. （一） 第一部分. */
const HEADING_NUMBER = /^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十\d]+部分)\s*/u;

// ---------------------------------------------------------------------------------------------------------
// Classification

export type Classification =
  | { type: 'heading'; section: SectionName }
  | { type: 'label'; key: string; fields: FieldSpec[] }
  | { type: 'inline'; key: string; fields: FieldSpec[]; rest: string }
  | { type: 'assessment' }
  | null;

/**
 * What one cell is, judged from its text alone. The result is shared between cells of the same text (see
 * Memo): never changed by its users.
 */
export function classifyText(text: string, dict: Dictionary): Classification {
  if (text === '') return null;
  return remember(memoOf(dict).classified, text, (t) => classifyOnce(t, dict), ownClass);
}

function classifyOnce(text: string, dict: Dictionary): Classification {
  const stripped = stripHints(text, dict);
  const key = labelKey(stripped);
  if (key === '') return null;
  const section = dict.sectionByKey.get(key) ?? dict.sectionByKey.get(labelKey(stripped.replace(HEADING_NUMBER, '')));
  if (section) return { type: 'heading', section };
  const fields = dict.fieldsByKey.get(key);
  if (fields) return { type: 'label', key, fields };
  // `工作室下一步工作计划：……` — label, colon, then the value in the same cell.
  const colon = /[:：]/u.exec(text);
  if (colon) {
    const headKey = labelKey(stripHints(text.slice(0, colon.index), dict));
    const headFields = dict.fieldsByKey.get(headKey);
    if (headFields) {
      const rest = stripHints(text.slice(colon.index + 1), dict);
      return rest === '' ? { type: 'label', key: headKey, fields: headFields } : { type: 'inline', key: headKey, fields: headFields, rest };
    }
  }
  // `申报单位  杭州某某有限公司  （盖章）` on a cover.
  const space = /^(\S+?)[\s\u3000]+(\S[\s\S]*)$/u.exec(stripped);
  if (space) {
    const headKey = labelKey(space[1]!);
    const headFields = dict.fieldsByKey.get(headKey)?.filter((f) => f.inlineBySpace);
    if (headFields && headFields.length > 0) return { type: 'inline', key: headKey, fields: headFields, rest: trimText(space[2]!) };
  }
  if (dict.assessmentKeys.has(key)) return { type: 'assessment' };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Member table

export interface MemberCell {
  text: string;
  cell: GridCell | null;
}

export interface MemberRow {
  sheet: string;
  row: number;
  columns: Record<MemberColumn, MemberCell>;
}

export interface MemberTable {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<MemberColumn, { left: number; right: number; cell: GridCell }>>;
  rows: MemberRow[];
  /** Owners inside the table (header and data), which are never labels. */
  cells: Set<GridCell>;
}

const ROW_NUMBER_HEADERS = new Set(['序号', '编号', 'no', 'no.']);

type HeaderCandidate = { row: number; dataStart: number; columns: MemberTable['columns']; cells: GridCell[] };

/** The section each row lies in, from the headings above it (申报单位基本情况, 领衔人基本情况, 工作室成员情况). */
function sectionsByRow(grid: SheetGrid, classify: (c: GridCell) => Classification): Map<number, SectionName> {
  const out = new Map<number, SectionName>();
  let section: SectionName | null = null;
  for (const r of grid.rowNumbers) {
    for (const o of grid.rows.get(r)!) {
      if (o.row !== r) continue;
      const c = classify(o);
      if (c?.type === 'heading') section = c.section;
    }
    if (section) out.set(r, section);
  }
  return out;
}

/**
 * The member table's header row. A row of the lead's labels with the values written below them (姓名 性别 学历
 * 职业 …) looks like one too: a header under 工作室成员情况 wins, then one with an 年龄 column (the lead's
 * section asks for 出生年月), and a candidate inside the unit's or the lead's section is never the member table.
 */
function findMemberHeader(grid: SheetGrid, dict: Dictionary, classify: (c: GridCell) => Classification): HeaderCandidate | null {
  const nameKeys = new Set([...dict.memberColumnByKey].filter(([, c]) => c === 'name').map(([k]) => k));
  const sections = sectionsByRow(grid, classify);
  let best: { candidate: HeaderCandidate; score: number } | null = null;
  for (const r of grid.rowNumbers) {
    // Cheap first look: a header row has a 姓名 cell.
    if (!grid.rows.get(r)!.some((o) => o.row === r && o.text.length <= 24 && nameKeys.has(hintlessKey(o.text, dict)))) continue;
    const columns: MemberTable['columns'] = {};
    const cells: GridCell[] = [];
    let others = 0;
    for (const owner of grid.rows.get(r)!) {
      if (owner.row !== r) continue;
      const key = hintlessKey(owner.text, dict);
      const column = dict.memberColumnByKey.get(key);
      if (column && !columns[column]) {
        columns[column] = { left: owner.col, right: owner.right, cell: owner };
        cells.push(owner);
      } else if (key !== '' && !ROW_NUMBER_HEADERS.has(key) && classifyText(owner.text, dict)?.type !== 'heading') {
        others += 1;
      }
    }
    // A header row holds column names only; a lead row "姓名 张三 性别 男 年龄 45 学历 …" holds values too.
    if (!columns.name || Object.keys(columns).length < dict.data.memberHeaderMinColumns || others > 1) continue;
    const section = sections.get(r);
    const score = section === 'members' ? 3 : columns.age ? 2 : section === undefined ? 1 : 0;
    if (score === 0) continue;
    if (!best || score > best.score) best = { candidate: { row: r, dataStart: Math.max(...cells.map((c) => c.bottom)) + 1, columns, cells }, score };
    if (score === 3) break;
  }
  return best?.candidate ?? null;
}

function readMemberTable(grid: SheetGrid, dict: Dictionary, classify: (c: GridCell) => Classification): MemberTable | null {
  const header = findMemberHeader(grid, dict, classify);
  if (!header) return null;
  const table: MemberTable = { sheet: grid.name, headerRow: header.row, columns: header.columns, rows: [], cells: new Set(header.cells) };
  for (const r of grid.rowNumbers) {
    if (r < header.dataStart) continue;
    const owners = grid.rows.get(r)!;
    // The table ends at the next section or labelled block: judged by the row's first cell (a member's
    // experience text may well start with "从业时间：…"), or any heading starting in the row. Cells merged
    // down from above (a vertical "工作室成员情况" beside the table) do not end it.
    const starting = owners.filter((o) => o.row === r);
    const first = starting.find((o) => o.text !== '');
    // `合 计 3人`: the end of the table, whatever follows.
    if (first && dict.memberTableEnd.some((end) => labelKey(first.text).startsWith(end))) break;
    const firstKind = first ? classify(first) : null;
    if ((firstKind && firstKind.type !== 'assessment') || starting.some((o) => classify(o)?.type === 'heading')) break;
    // A row hidden by whoever filled the form, or the template's example row (张三（示例）), is no member;
    // its cells still belong to the table (they are not labels).
    const example = dict.exampleMark;
    if (grid.hiddenRows.has(r) || (example && starting.some((o) => example.test(o.text)))) {
      for (const owner of starting) table.cells.add(owner);
      continue;
    }
    const columns = {} as Record<MemberColumn, MemberCell>;
    let any = false;
    for (const column of MEMBER_COLUMNS) {
      const span = header.columns[column];
      const texts: string[] = [];
      let cell: GridCell | null = null;
      if (span) {
        for (const owner of owners) {
          if (owner.right < span.left || owner.col > span.right) continue;
          const text = stripHints(owner.text, dict);
          if (owner.value.formulaWithoutResult || owner.value.kind === 'error') cell ??= owner;
          if (text === '' || owner.value.kind === 'error') continue;
          cell ??= owner;
          if (!texts.includes(text)) texts.push(text);
        }
      }
      columns[column] = { text: texts.join(' '), cell };
      if (texts.length > 0) any = true;
    }
    for (const owner of owners) if (owner.row === r) table.cells.add(owner);
    if (any) table.rows.push({ sheet: grid.name, row: r, columns });
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------
// Fields

export interface LocatedField {
  field: FieldSpec;
  /** The label's cell. */
  label: GridCell;
  /** Cells the value was read from (empty when the value is empty). */
  valueCells: GridCell[];
  /** The value text, hints removed, trimmed; block lines joined with '\n'. */
  text: string;
  /** The value came after the label's colon in the label's own cell. */
  inline: boolean;
}

export interface Located {
  fields: Map<string, LocatedField>;
  members: MemberTable | null;
  /** Paths of fields whose label was found. */
  recognised: Set<string>;
  assessmentLabels: number;
  sheetsUsed: string[];
}

/** The groups of all a dictionary's fields with their label keys (Locator.groupsWithKeys). */
const allGroups = new WeakMap<Dictionary, { group: FieldSpec[]; keys: string[] }[]>();

interface Occurrence {
  cell: GridCell;
  cls: Exclude<Classification, null | { type: 'heading' } | { type: 'assessment' }>;
  section: SectionName | null;
  order: number;
}

class Locator {
  private readonly cls = new Map<GridCell, Classification>();
  private memberCells = new Set<GridCell>();

  constructor(
    private readonly grids: SheetGrid[],
    private readonly dict: Dictionary,
  ) {}

  classify = (cell: GridCell): Classification => {
    if (!this.cls.has(cell)) this.cls.set(cell, classifyText(cell.text, this.dict));
    return this.cls.get(cell)!;
  };

  /** Fields that have a plain label somewhere: a "学历：…" cell is then free text, not a second 学历. */
  private placedByLabel = new Set<string>();

  private isInlineLabel(c: Classification): boolean {
    return c !== null && c.type === 'inline' && c.fields.some((f) => !this.placedByLabel.has(f.path));
  }

  private isStop(cell: GridCell): boolean {
    if (this.memberCells.has(cell)) return false;
    const c = this.classify(cell);
    if (c === null || c.type === 'assessment') return false;
    return c.type !== 'inline' || this.isInlineLabel(c);
  }

  run(): Located {
    let members: MemberTable | null = null;
    for (const grid of this.grids) {
      members = readMemberTable(grid, this.dict, this.classify);
      if (members) break;
    }
    if (members) this.memberCells = members.cells;

    const occurrences: Occurrence[] = [];
    let section: SectionName | null = null;
    let assessment = 0;
    let order = 0;
    for (const grid of this.grids) {
      for (const cell of grid.owners) {
        if (this.memberCells.has(cell)) continue;
        const c = this.classify(cell);
        if (!c) continue;
        if (c.type === 'heading') section = c.section;
        else if (c.type === 'assessment') assessment += 1;
        else occurrences.push({ cell, cls: c, section, order: order++ });
      }
    }

    for (const o of occurrences) if (o.cls.type === 'label') for (const f of o.cls.fields) this.placedByLabel.add(f.path);

    const fields = new Map<string, LocatedField>();
    const consumed = new Set<GridCell>();
    const recognised = new Set<string>();
    for (const o of occurrences) for (const f of o.cls.fields) recognised.add(f.path);

    // Pass 1: plain labels. Pass 2: labels with their value after a colon in the same cell, for fields
    // still unplaced, skipping cells already read as another field's value (free text may contain "学历：").
    this.assign(occurrences.filter((o) => o.cls.type === 'label'), fields, consumed);
    this.assign(
      occurrences.filter((o) => o.cls.type === 'inline' && !consumed.has(o.cell)),
      fields,
      consumed,
    );

    const sheetsUsed: string[] = [];
    const note = (s: string): void => {
      if (!sheetsUsed.includes(s)) sheetsUsed.push(s);
    };
    for (const f of fields.values()) note(f.label.sheet);
    if (members) note(members.sheet);
    return { fields, members, recognised, assessmentLabels: assessment, sheetsUsed };
  }

  /** Groups fields that share a label (固定电话: unit.phone and lead.phone) and places each group. */
  private assign(occurrences: Occurrence[], out: Map<string, LocatedField>, consumed: Set<GridCell>): void {
    const pending = this.dict.data.fields.filter((f) => !out.has(f.path));
    const byKey = new Map<string, Occurrence[]>();
    for (const o of occurrences) {
      const list = byKey.get(o.cls.key);
      if (list) list.push(o);
      else byKey.set(o.cls.key, [o]);
    }
    for (const { group, keys } of this.groupsWithKeys(pending)) {
      const occs = keys.flatMap((k) => byKey.get(k) ?? []).sort((a, b) => a.order - b.order);
      if (occs.length === 0) continue;
      const used = new Set<Occurrence>();
      const take = (f: FieldSpec, o: Occurrence): void => {
        used.add(o);
        const located = this.readValue(f, o);
        out.set(f.path, located);
        for (const c of located.valueCells) consumed.add(c);
      };
      const matches = (f: FieldSpec, o: Occurrence): boolean => !used.has(o) && o.cls.fields.includes(f);
      const pick = (f: FieldSpec, candidates: Occurrence[]): Occurrence | undefined => {
        if (candidates.length <= 1 || group.length > 1) return candidates[0];
        // A single-owner label that occurs twice (工作室名称 on the cover and in the form): the filled one.
        return candidates.find((o) => this.readValue(f, o).text !== '') ?? candidates[0];
      };
      // In its own section first (申报单位基本情况 / 领衔人基本情况) …
      for (const f of group) {
        if (!f.section) continue;
        const o = pick(f, occs.filter((x) => matches(f, x) && x.section === f.section));
        if (o) take(f, o);
      }
      // … then, for layouts without those headings, in reading order (first = unit, second = lead).
      for (const f of group) {
        if (out.has(f.path)) continue;
        const o = pick(f, occs.filter((x) => matches(f, x)));
        if (o) take(f, o);
      }
    }
  }

  private keysOf(field: FieldSpec): Set<string> {
    return this.dict.fieldKeys.get(field) ?? new Set(field.labels.map(labelKey));
  }

  /**
   * The pending fields grouped by shared labels (directly or through another field), each group in the data
   * file's order, which decides who gets the first occurrence when there are no sections; groups in the order
   * of their first field.
   */
  private groupsWithKeys(pending: FieldSpec[]): { group: FieldSpec[]; keys: string[] }[] {
    const all = pending.length === this.dict.data.fields.length;
    // Nothing placed yet (the first pass over every form): the groups are the dictionary's own, made once.
    const cached = all ? allGroups.get(this.dict) : undefined;
    if (cached) return cached;
    const out = this.groups(pending).map((group) => ({ group, keys: [...new Set(group.flatMap((f) => [...this.keysOf(f)]))] }));
    if (all) allGroups.set(this.dict, out);
    return out;
  }

  private groups(pending: FieldSpec[]): FieldSpec[][] {
    const byKey = new Map<string, FieldSpec[]>();
    for (const f of pending) {
      for (const k of this.keysOf(f)) {
        const list = byKey.get(k);
        if (list) list.push(f);
        else byKey.set(k, [f]);
      }
    }
    const placed = new Set<FieldSpec>();
    const groups: FieldSpec[][] = [];
    for (const field of pending) {
      if (placed.has(field)) continue;
      const members = new Set([field]);
      const stack = [field];
      while (stack.length > 0) {
        for (const k of this.keysOf(stack.pop()!)) {
          for (const other of byKey.get(k) ?? []) {
            if (!members.has(other)) {
              members.add(other);
              stack.push(other);
            }
          }
        }
      }
      const group = pending.filter((f) => members.has(f));
      for (const f of group) placed.add(f);
      groups.push(group);
    }
    return groups;
  }

  private readonly valueCache = new Map<string, LocatedField>();

  private readValue(field: FieldSpec, o: Occurrence): LocatedField {
    const cacheKey = `${field.path}@${ref(o.cell)}`;
    const cached = this.valueCache.get(cacheKey);
    if (cached) return cached;
    const result = this.computeValue(field, o);
    this.valueCache.set(cacheKey, result);
    return result;
  }

  private computeValue(field: FieldSpec, o: Occurrence): LocatedField {
    const base = { field, label: o.cell };
    if (o.cls.type === 'inline') return { ...base, valueCells: [o.cell], text: o.cls.rest, inline: true };
    const grid = this.grids.find((g) => g.index === o.cell.sheetIndex)!;
    const right = this.scanRight(grid, o.cell, field.block === true);
    if (right.cells.length > 0 && (right.text !== '' || !field.block)) return { ...base, valueCells: right.cells, text: right.text, inline: false };
    if (field.block) {
      const below = this.scanBelow(grid, o.cell);
      if (below.cells.length > 0) return { ...base, valueCells: below.cells, text: below.text, inline: false };
    } else if (right.cells.length === 0 && this.dict.data.valuesBelow) {
      const below = this.valueBelow(grid, o.cell);
      if (below) return { ...base, valueCells: [below], text: stripHints(below.text, this.dict), inline: false };
    }
    // Only formula-without-result or error cells beside a block label: empty, but still where it was read.
    return { ...base, valueCells: right.cells, text: '', inline: false };
  }

  /**
   * The value right of the label's merged range, stopping at the next label on that row. A line field takes
   * the first non-empty cell; a block field joins every non-empty cell in the rows the label spans.
   */
  private scanRight(grid: SheetGrid, label: GridCell, block: boolean): { cells: GridCell[]; text: string } {
    const cells: GridCell[] = [];
    const seen = new Set<GridCell>();
    const texts: string[] = [];
    for (let r = label.row; r <= label.bottom; r++) {
      for (const owner of grid.rows.get(r) ?? []) {
        if (owner.col <= label.right || owner === label) continue;
        if (this.isStop(owner)) break;
        if (seen.has(owner)) continue;
        seen.add(owner);
        // A formula without a cached result or an error value is the value cell (empty), flagged by the reader;
        // a block keeps it too, so that 简历 or 获奖情况 written as a formula is not silently read as empty.
        if (owner.value.formulaWithoutResult || owner.value.kind === 'error') {
          if (!block) return { cells: [owner], text: '' };
          cells.push(owner);
          continue;
        }
        const text = stripHints(owner.text, this.dict);
        if (text === '') continue;
        cells.push(owner);
        texts.push(text);
        if (!block) return { cells, text };
        break; // a block takes the first filled cell of each row
      }
    }
    return { cells, text: texts.join('\n') };
  }

  /**
   * A line field's value written under its label (a row of labels, then a row of values): the cell starting
   * in the label's columns on the very next row, when the label's row holds other labels and the next row
   * values only. A next row with labels of its own is the next line of a form whose value here was left
   * empty; a lone label over free text is a cover (工作室名称 over 拱墅区人力资源和社会保障局), not this layout.
   */
  private valueBelow(grid: SheetGrid, label: GridCell): GridCell | null {
    const labelsInRow = (grid.rows.get(label.row) ?? []).filter((o) => o.row === label.row && o !== label && this.isStop(o));
    if (labelsInRow.length === 0) return null;
    const r = label.bottom + 1;
    const starting = (grid.rows.get(r) ?? []).filter((o) => o.row === r);
    if (starting.some((o) => this.memberCells.has(o) || this.isStop(o))) return null;
    const cell = starting.find((o) => o.col >= label.col && o.col <= label.right);
    if (!cell || (cell.text === '' && !cell.value.formulaWithoutResult && cell.value.kind !== 'error')) return null;
    return cell;
  }

  /** Block text in the rows below the label, up to the next labelled row, a heading, the member table or the sheet end. */
  private scanBelow(grid: SheetGrid, label: GridCell): { cells: GridCell[]; text: string } {
    const cells: GridCell[] = [];
    const texts: string[] = [];
    for (const r of grid.rowNumbers) {
      if (r <= label.bottom) continue;
      const owners = (grid.rows.get(r) ?? []).filter((o) => o.right >= label.col);
      const stop = owners.some((o) => {
        if (o.row !== r) return false;
        if (this.memberCells.has(o)) return true;
        const c = this.classify(o);
        if (!c || c.type === 'assessment') return false;
        // A "学历：本科" line inside free text is not a new block unless it starts at or left of our label.
        return c.type !== 'inline' || (this.isInlineLabel(c) && o.col <= label.col);
      });
      if (stop) break;
      for (const owner of owners) {
        // Owners merged down from an earlier row were read on that row.
        if (owner.row !== r) continue;
        const text = stripHints(owner.text, this.dict);
        if (text === '') continue;
        cells.push(owner);
        texts.push(text);
      }
    }
    return { cells, text: texts.join('\n') };
  }
}

/**
 * Locates every application field and the member table in the workbook's grids. Visible sheets are read;
 * hidden sheets (drop-down lists) only when the visible ones hold no labels at all.
 */
export function locateFields(grids: SheetGrid[], dict: Dictionary = applicationDictionary()): Located {
  const visible = grids.filter((g) => !g.hidden);
  const located = new Locator(visible, dict).run();
  if (located.recognised.size > 0 || visible.length === grids.length) return located;
  return new Locator(grids, dict).run();
}
