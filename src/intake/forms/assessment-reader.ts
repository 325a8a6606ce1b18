/**
 * Turns an opened 考核表 (附件2) into an Assessment, label-anchored like the application reader: basic
 * information is found by its labels (the shared label locator, with the assessment's own label data), the
 * scoring table by its header row (columns found by header text, never fixed letters), and every scoring
 * row is matched to its rubric item by 考核内容 within its 考核项目. gongshu's own template and the bureau's
 * printed layout read the same way; the template's extra columns (figures, 是否触发) are found by their labels.
 *
 * Score cells are kept raw with their `Sheet!A1` reference: the scorer decides what is a valid score.
 */
import { sheetCellRef } from '../../core/cell-address.js';
import { readFileSync } from 'node:fs';
import type { Assessment, AssessmentRow, CellValue as RawValue, FigureKey, Figures, SheetTotals } from '../../core/assessment.js';
import { emptyAssessment, FIGURE_KINDS, isFigureKey, parseCount, parseYesNo } from '../../core/assessment.js';
import type { CellMap } from '../../core/application.js';
import { readPartialDate, type DateInput } from '../../core/dates.js';
import { InputFileError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { matchItem, type Rubric, type RubricCategory, type RubricItem } from '../../core/rubric.js';
import { labelKey, removeSpaces, toHalfWidth, trimText } from '../../core/text.js';
import { msg } from '../../messages/index.js';
import { figureLabel } from '../../scoring/figure-text.js';
import type { CellValue } from '../cells/cell-value.js';
import {
  applicationLabels,
  buildGrids,
  compileDictionary,
  locateFields,
  stripHints,
  sanitizedCellFindings,
  type Dictionary,
  type GridCell,
  type LabelData,
  type LocatedField,
  type SheetGrid,
} from '../cells/label-locator.js';
import type { OpenedWorkbook } from '../open/safe-open.js';

// ---------------------------------------------------------------------------------------------------------
// Label data

export type BasicField =
  | 'unitName' | 'round' | 'plaque' | 'studioName' | 'selectionYear' | 'leadName' | 'phone' | 'subsidyDate'
  | 'occupationAtSelection' | 'skillLevelAtSelection' | 'occupationNow' | 'skillLevelNow';

export type TableColumn = 'category' | 'content' | 'criteria' | 'method' | 'max' | 'self' | 'assessor';

export interface AssessmentLabelData {
  fields: { path: BasicField; labels: string[] }[];
  signature: { filledBy: string[]; filledDate: string[] };
  columns: Record<TableColumn, string[]>;
  minHeaderColumns: number;
  veto: string[];
  vetoTriggered: string[];
  total: string[];
  figureLabels: Record<FigureKey, string[]>;
  hints: string[];
  hintPatterns: string[];
}

let cachedLabels: AssessmentLabelData | null = null;

/** The label synonyms of the assessment form (data/labels/assessment.json). */
export function assessmentLabels(): AssessmentLabelData {
  cachedLabels ??= JSON.parse(readFileSync(new URL('../../../data/labels/assessment.json', import.meta.url), 'utf8')) as AssessmentLabelData;
  return cachedLabels;
}

/** Basic-info fields whose label should be on every form; their absence is reported once. */
const EXPECTED_FIELDS: readonly BasicField[] = [
  'studioName', 'selectionYear', 'leadName', 'phone', 'subsidyDate',
  'occupationAtSelection', 'skillLevelAtSelection', 'occupationNow', 'skillLevelNow',
];

interface Vocabulary {
  data: AssessmentLabelData;
  dict: Dictionary;
  columnByKey: Map<string, TableColumn>;
  veto: Set<string>;
  vetoTriggered: Set<string>;
  total: Set<string>;
  figureByKey: Map<string, FigureKey>;
  signature: { field: 'filledBy' | 'filledDate'; re: RegExp }[];
}

/** A label as a pattern tolerant of spaces between characters, followed by an optional colon. */
function labelPattern(label: string): string {
  const chars = [...removeSpaces(toHalfWidth(label))].map((ch) => {
    if (ch === '(') return '[(（]';
    if (ch === ')') return '[)）]';
    return ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  });
  return `${chars.join('\\s*')}\\s*[:：]?`;
}

/** The assessment labels in the locator's shape: fields only, no sections and no member table. */
function locatorData(data: AssessmentLabelData): LabelData {
  const none: string[] = [];
  return {
    sections: { unit: none, lead: none, members: none },
    fields: data.fields.map((f) => ({ path: f.path, labels: f.labels })),
    memberColumns: { name: none, gender: none, age: none, education: none, occupation: none, skillLevel: none, specialty: none, experience: none },
    memberHeaderMinColumns: Number.MAX_SAFE_INTEGER,
    hints: data.hints,
    hintPatterns: data.hintPatterns,
    minApplicationFields: 0,
    assessmentLabels: [],
    minAssessmentLabels: 0,
  };
}

function vocabulary(rubric: Rubric): Vocabulary {
  const data = assessmentLabels();
  const dict = compileDictionary(locatorData(data));
  const keys = (labels: readonly string[]): Set<string> => new Set(labels.map(labelKey));
  const columnByKey = new Map<string, TableColumn>();
  for (const [column, labels] of Object.entries(data.columns) as [TableColumn, string[]][]) {
    for (const l of labels) if (!columnByKey.has(labelKey(l))) columnByKey.set(labelKey(l), column);
  }
  const figureByKey = new Map<string, FigureKey>();
  for (const [figure, labels] of Object.entries(data.figureLabels)) {
    if (!isFigureKey(figure)) continue;
    // The template writes the catalogue's label: accept it too, so a reworded label never breaks reading.
    for (const l of [...labels, figureLabel(figure)]) figureByKey.set(labelKey(l), figure);
  }
  const signature = (['filledBy', 'filledDate'] as const).flatMap((field) =>
    data.signature[field].map((l) => ({ field, re: new RegExp(labelPattern(l), 'u') })),
  );
  return {
    data,
    dict,
    columnByKey,
    veto: keys([...data.veto, rubric.veto.label]),
    vetoTriggered: keys(data.vetoTriggered),
    total: keys([...data.total, rubric.totalLabel]),
    figureByKey,
    signature,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cells


function refOf(cell: GridCell): string {
  return `${cell.sheet}!${cell.address}`;
}

/** A cell's value as the Assessment keeps it: a number, trimmed text, or null. */
function rawOf(cell: GridCell | undefined): RawValue {
  if (!cell) return null;
  const v: CellValue = cell.value;
  if (v.kind === 'empty') return null;
  if (v.kind === 'number' && v.number !== null) return v.number;
  const text = trimText(v.text);
  return text === '' ? null : text;
}

/** A value cell as input to the date reader: date parts, a bare number (serial or 201706), or text. */
function dateInputOf(cell: GridCell): DateInput {
  if (cell.value.date) return cell.value.date;
  if (cell.value.kind === 'number') return cell.value.number;
  return cell.text;
}

interface Span {
  left: number;
  right: number;
}

/** Owners covering each row (a vertically merged cell appears in every row it spans). */
function ownersByRow(grid: SheetGrid): Map<number, GridCell[]> {
  const out = new Map<number, GridCell[]>();
  for (const owner of grid.owners) {
    for (let r = owner.row; r <= owner.bottom; r++) {
      let list = out.get(r);
      if (!list) out.set(r, (list = []));
      list.push(owner);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.col - b.col);
  return out;
}

/** The owner that starts inside the column span and covers the row (a wider merge from the left is not it). */
function cellIn(owners: readonly GridCell[], span: Span | undefined, sameRow?: number): GridCell | undefined {
  if (!span) return undefined;
  return owners.find((o) => o.col >= span.left && o.col <= span.right && (sameRow === undefined || o.row === sameRow));
}

// ---------------------------------------------------------------------------------------------------------
// The scoring table

interface ScoringTable {
  grid: SheetGrid;
  headerRow: number;
  dataStart: number;
  columns: Partial<Record<TableColumn, Span>>;
}

function findScoringTable(grids: readonly SheetGrid[], vocab: Vocabulary): ScoringTable | null {
  for (const grid of grids) {
    for (const r of grid.rowNumbers) {
      const columns: ScoringTable['columns'] = {};
      let bottom = r;
      for (const owner of grid.owners) {
        if (owner.row !== r) continue;
        const column = vocab.columnByKey.get(labelKey(stripHints(owner.text, vocab.dict)));
        if (!column || columns[column]) continue;
        columns[column] = { left: owner.col, right: owner.right };
        bottom = Math.max(bottom, owner.bottom);
      }
      const found = Object.keys(columns).length;
      if (columns.content && (columns.self || columns.assessor) && found >= vocab.data.minHeaderColumns) {
        return { grid, headerRow: r, dataStart: bottom + 1, columns };
      }
    }
  }
  return null;
}

function keyOf(cell: GridCell | undefined, vocab: Vocabulary): string {
  return cell ? labelKey(stripHints(cell.text, vocab.dict)) : '';
}

/** The signature labels at the start of a cell, each with the text up to the next label. */
function signatureParts(text: string, vocab: Vocabulary): { field: 'filledBy' | 'filledDate'; value: string }[] | null {
  const hits: { field: 'filledBy' | 'filledDate'; start: number; end: number }[] = [];
  for (const { field, re } of vocab.signature) {
    if (hits.some((h) => h.field === field)) continue;
    const m = re.exec(text);
    if (m) hits.push({ field, start: m.index, end: m.index + m[0].length });
  }
  hits.sort((a, b) => a.start - b.start);
  if (hits.length === 0 || trimText(text.slice(0, hits[0]!.start)) !== '') return null;
  return hits.map((h, i) => ({ field: h.field, value: stripHints(text.slice(h.end, hits[i + 1]?.start ?? text.length), vocab.dict) }));
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export interface ReadAssessmentResult {
  assessment: Assessment;
  /** Cell-level problems met while reading (unmatched rows, unreadable figures, missing labels …). */
  problems: Finding[];
  /** 考核年度 of gongshu's template, when written there. */
  round: number | null;
}

class AssessmentReading {
  readonly assessment: Assessment = emptyAssessment();
  readonly problems: Finding[] = [];
  round: number | null = null;
  private readonly figures: Figures = {};
  private readonly figureCells: Partial<Record<FigureKey, string>> = {};

  constructor(
    private readonly rubric: Rubric,
    private readonly vocab: Vocabulary,
  ) {}

  // -- basic information ------------------------------------------------------------------------------

  readBasicInfo(grids: SheetGrid[]): void {
    const located = locateFields(grids, this.vocab.dict);
    const a = this.assessment;
    const cells: CellMap = {};
    const text = (path: BasicField): string => {
      const f = located.fields.get(path);
      if (f && f.valueCells[0]) cells[path] = refOf(f.valueCells[0]);
      return f?.text ?? '';
    };
    const unit = text('unitName');
    if (unit !== '') a.unitName = unit;
    const plaque = text('plaque');
    if (plaque !== '') a.plaque = plaque;
    a.studioName = text('studioName');
    a.leadName = text('leadName');
    a.phone = text('phone');
    a.occupationAtSelection = text('occupationAtSelection');
    a.skillLevelAtSelection = text('skillLevelAtSelection');
    a.occupationNow = text('occupationNow');
    a.skillLevelNow = text('skillLevelNow');
    text('selectionYear');
    a.selectionYear = this.readYear(located.fields.get('selectionYear'), 'selectionYear');
    text('round');
    this.round = this.readYear(located.fields.get('round'), 'round');
    const subsidy = located.fields.get('subsidyDate');
    text('subsidyDate');
    if (subsidy?.valueCells[0]) {
      const reading = readPartialDate(subsidy.inline ? subsidy.text : dateInputOf(subsidy.valueCells[0]));
      a.subsidyDate = reading.status === 'ok' ? reading.month : subsidy.text;
    }
    a.cells = cells;

    const missing = EXPECTED_FIELDS.filter((f) => !located.recognised.has(f));
    if (missing.length > 0) {
      const labels = missing.map((f) => this.vocab.data.fields.find((x) => x.path === f)!.labels[0]).join('、');
      this.problems.push({ code: 'assessment-labels-missing', severity: 'warning', message: msg('import.assessment.labelsMissing', { labels }) });
    }
  }

  private readYear(field: LocatedField | undefined, path: BasicField): number | null {
    const cell = field?.valueCells[0];
    if (!field || !cell || field.text === '') return null;
    if (!field.inline && cell.value.date) return cell.value.date.y;
    if (!field.inline && cell.value.kind === 'number' && cell.value.number !== null) {
      const n = cell.value.number;
      if (Number.isInteger(n) && n >= 1900 && n <= 2100) return n;
    } else {
      const m = /^(\d{4})(?:年度?)?$/u.exec(removeSpaces(toHalfWidth(field.text)));
      if (m) return Number(m[1]);
    }
    this.problems.push({
      code: 'assessment-year-unreadable',
      severity: 'warning',
      message: msg('import.assessment.yearUnreadable', { label: field.field.labels[0]!, raw: field.text }),
      field: path,
      cell: refOf(cell),
    });
    return null;
  }

  // -- scoring table -------------------------------------------------------------------------------

  readTable(table: ScoringTable): void {
    const { grid, columns } = table;
    const byRow = ownersByRow(grid);
    const lastRow = Math.max(0, ...grid.owners.map((o) => o.bottom));
    const firstRowOf = new Map<string, number>();
    let category = '';
    let vetoSeen = false;
    for (let r = table.dataStart; r <= lastRow; r++) {
      const owners = byRow.get(r) ?? [];
      const starting = owners.filter((o) => o.row === r);
      if (starting.length > 0 && signatureParts(starting[0]!.text, this.vocab)) break;
      if (owners.length === 0) continue;

      const categoryCell = cellIn(owners, columns.category) ?? (columns.category ? undefined : owners.find((o) => columns.content && o.col < columns.content.left));
      if (categoryCell && categoryCell.text !== '') category = categoryCell.text;
      this.readFigures(starting, table);

      const rowKey = keyOf(categoryCell, this.vocab) || keyOf(starting[0], this.vocab);
      if (this.vocab.veto.has(rowKey)) {
        this.readVeto(owners, starting, table, r);
        vetoSeen = true;
        continue;
      }
      if (this.vocab.total.has(rowKey)) {
        this.readTotals(owners, table, r);
        continue;
      }
      this.readScoringRow(owners, table, r, category, firstRowOf);
    }
    if (!vetoSeen) this.problems.push({ code: 'assessment-veto-row-missing', severity: 'warning', message: msg('import.assessment.vetoRowMissing') });
    this.reportMissingItems();
    if (Object.keys(this.figures).length > 0) this.assessment.figures = this.figures;
    if (Object.keys(this.figureCells).length > 0) this.assessment.figureCells = this.figureCells;
  }

  private scoreCells(owners: readonly GridCell[], table: ScoringTable, r: number): { self: GridCell | undefined; assessor: GridCell | undefined; selfRef: string; assessorRef: string } {
    const { columns, grid } = table;
    const self = cellIn(owners, columns.self, r);
    const assessor = cellIn(owners, columns.assessor, r);
    return {
      self,
      assessor,
      selfRef: self ? refOf(self) : columns.self ? sheetCellRef(grid.name, r, columns.self.left) : '',
      assessorRef: assessor ? refOf(assessor) : columns.assessor ? sheetCellRef(grid.name, r, columns.assessor.left) : '',
    };
  }

  private readScoringRow(owners: readonly GridCell[], table: ScoringTable, r: number, category: string, firstRowOf: Map<string, number>): void {
    const contentCell = cellIn(owners, table.columns.content, r);
    const content = contentCell?.text ?? '';
    const { self, assessor, selfRef, assessorRef } = this.scoreCells(owners, table, r);
    const selfValue = this.scoreValue(self);
    const assessorValue = this.scoreValue(assessor);
    if (content === '') {
      if (selfValue !== null || assessorValue !== null) {
        this.problems.push({ code: 'assessment-row-unmatched', severity: 'error', message: msg('import.assessment.rowWithoutContent', { row: r }), cell: sheetCellRef(table.grid.name, r, table.columns.content!.left) });
      }
      return;
    }
    const item = matchItem(this.rubric, category, content);
    if (!item) {
      this.problems.push({
        code: 'assessment-row-unmatched',
        severity: 'error',
        message: msg('import.assessment.rowUnmatched', { row: r, text: oneLine(content), category: oneLine(category) }),
        cell: refOf(contentCell!),
      });
      return;
    }
    const first = firstRowOf.get(item.key);
    if (first !== undefined) {
      this.problems.push({
        code: 'assessment-row-duplicate',
        severity: 'error',
        message: msg('import.assessment.rowDuplicate', { row: r, first, text: oneLine(content), item: item.shortName }),
        cell: refOf(contentCell!),
      });
      return;
    }
    firstRowOf.set(item.key, r);
    const row: AssessmentRow = { itemKey: item.key, self: selfValue, assessor: assessorValue };
    if (selfRef) row.selfCell = selfRef;
    if (assessorRef) row.assessorCell = assessorRef;
    this.assessment.rows.push(row);
  }

  /** A score cell's raw value; a formula without a cached result is empty, and said so. */
  private scoreValue(cell: GridCell | undefined): RawValue {
    if (cell?.value.formulaWithoutResult) {
      this.problems.push({ code: 'assessment-formula-no-result', severity: 'warning', message: msg('import.formulaNoResult', { label: refOf(cell) }), cell: refOf(cell) });
      return null;
    }
    return rawOf(cell);
  }

  /** The value right of a label cell in its row: the next owner, unless that is another label. */
  private valueRightOf(label: GridCell, starting: readonly GridCell[], isLabel: (c: GridCell) => boolean): { cell: GridCell | undefined; ref: string } {
    const next = starting.find((o) => o.col > label.right);
    if (next && !isLabel(next)) return { cell: next, ref: refOf(next) };
    return { cell: undefined, ref: sheetCellRef(label.sheet, label.row, label.right + 1) };
  }

  private isExtraLabel = (c: GridCell): boolean => {
    const key = keyOf(c, this.vocab);
    return this.vocab.figureByKey.has(key) || this.vocab.vetoTriggered.has(key);
  };

  private readFigures(starting: readonly GridCell[], table: ScoringTable): void {
    const tableRight = Math.max(...Object.values(table.columns).map((s) => s!.right));
    for (const label of starting) {
      if (label.col <= tableRight) continue;
      const figure = this.vocab.figureByKey.get(keyOf(label, this.vocab));
      if (!figure || this.figureCells[figure]) continue;
      const { cell, ref } = this.valueRightOf(label, starting, this.isExtraLabel);
      this.figureCells[figure] = ref;
      const raw = rawOf(cell);
      const kind = FIGURE_KINDS[figure];
      const parsed = kind === 'count' ? parseCount(raw) : parseYesNo(raw);
      if (parsed === undefined) {
        const key = kind === 'count' ? 'import.assessment.figureCountUnreadable' : 'import.assessment.figureYesNoUnreadable';
        this.problems.push({ code: 'assessment-figure-unreadable', severity: 'warning', message: msg(key, { label: label.text, raw: String(raw) }), field: `figures.${figure}`, cell: ref });
        continue;
      }
      if (parsed !== null) (this.figures as Record<FigureKey, number | boolean>)[figure] = parsed;
    }
  }

  private readVeto(owners: readonly GridCell[], starting: readonly GridCell[], table: ScoringTable, r: number): void {
    const a = this.assessment;
    const triggerLabel = starting.find((o) => this.vocab.vetoTriggered.has(keyOf(o, this.vocab)));
    const { assessor, assessorRef } = this.scoreCells(owners, table, r);
    // The printed form may merge the veto text across the score columns: that text is not a value.
    const content = cellIn(owners, table.columns.content, r);
    const assessorValue = assessor && assessor !== content ? rawOf(assessor) : null;
    if (triggerLabel) {
      const { cell, ref } = this.valueRightOf(triggerLabel, starting, this.isExtraLabel);
      const value = rawOf(cell);
      if (value !== null || assessorValue === null) {
        a.vetoTriggered = value;
        a.vetoCell = ref;
        return;
      }
    }
    a.vetoTriggered = assessorValue;
    if (assessorRef) a.vetoCell = assessorRef;
  }

  private readTotals(owners: readonly GridCell[], table: ScoringTable, r: number): void {
    const { self, assessor, selfRef, assessorRef } = this.scoreCells(owners, table, r);
    const totals: SheetTotals = {};
    const selfValue = rawOf(self);
    const assessorValue = rawOf(assessor);
    if (selfValue !== null) totals.self = selfValue;
    if (assessorValue !== null) totals.assessor = assessorValue;
    if (selfRef) totals.selfCell = selfRef;
    if (assessorRef) totals.assessorCell = assessorRef;
    this.assessment.sheetTotals = totals;
  }

  private reportMissingItems(): void {
    const found = new Set(this.assessment.rows.map((row) => row.itemKey));
    const missing: { item: RubricItem; category: RubricCategory }[] = [];
    for (const category of this.rubric.categories) for (const item of category.items) if (!found.has(item.key)) missing.push({ item, category });
    for (const { item, category } of missing) {
      this.problems.push({
        code: 'assessment-item-missing',
        severity: 'warning',
        message: msg('import.assessment.itemMissing', { item: oneLine(item.content), category: category.name }),
        field: `rows.${item.key}`,
      });
    }
  }

  // -- signature -------------------------------------------------------------------------------------

  readSignature(grids: readonly SheetGrid[]): void {
    const a = this.assessment;
    for (const grid of grids) {
      const byRow = ownersByRow(grid);
      for (const owner of grid.owners) {
        const parts = signatureParts(owner.text, this.vocab);
        if (!parts) continue;
        const starting = (byRow.get(owner.row) ?? []).filter((o) => o.row === owner.row);
        parts.forEach((part, i) => {
          let value = part.value;
          let dateInput: DateInput = value;
          // Only the last label of a cell can have its value in the next cell.
          if (value === '' && i === parts.length - 1) {
            const next = starting.find((o) => o.col > owner.right);
            if (next && !signatureParts(next.text, this.vocab)) {
              value = stripHints(next.text, this.vocab.dict);
              dateInput = value === '' ? '' : dateInputOf(next);
            }
          }
          if (value === '') return;
          if (part.field === 'filledBy' && a.filledBy === '') a.filledBy = value;
          if (part.field === 'filledDate' && a.filledDate === '') {
            const reading = readPartialDate(dateInput);
            a.filledDate = reading.status === 'ok' ? (reading.date ?? reading.month) : value;
          }
        });
      }
    }
  }

  isBlank(): boolean {
    const a = this.assessment;
    const texts = [a.unitName ?? '', a.studioName, a.leadName, a.phone, a.subsidyDate, a.occupationAtSelection, a.skillLevelAtSelection, a.occupationNow, a.skillLevelNow, a.filledBy, a.filledDate];
    return (
      texts.every((t) => t === '') &&
      a.selectionYear === null &&
      a.rows.every((row) => row.self === null && row.assessor === null) &&
      Object.keys(a.figures).length === 0 &&
      a.vetoTriggered === null &&
      a.sheetTotals.self === undefined &&
      a.sheetTotals.assessor === undefined
    );
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/gu, ' ');
}

/** An application form has several of its own labels; used to say "use apply import" instead. */
function looksLikeApplication(grids: SheetGrid[]): boolean {
  return locateFields(grids).recognised.size >= applicationLabels().minApplicationFields;
}

/**
 * Reads a submitted 考核表. Throws GongshuError 'not-an-assessment' when no scoring table is found and
 * 'assessment-empty' for a blank template; everything else is a finding in `problems`.
 */
export function readAssessment(opened: OpenedWorkbook, rubric: Rubric): ReadAssessmentResult {
  const file = opened.path;
  const all = buildGrids(opened.model);
  const visible = all.filter((g) => !g.hidden);
  const grids = visible.length > 0 ? visible : all;
  const vocab = vocabulary(rubric);

  const table = findScoringTable(grids, vocab);
  if (!table) {
    const key = looksLikeApplication(all) ? 'import.assessment.looksLikeApplication' : 'import.assessment.notAnAssessment';
    throw new InputFileError('not-an-assessment', msg(key), { file });
  }
  const reading = new AssessmentReading(rubric, vocab);
  reading.readBasicInfo(grids);
  reading.readTable(table);
  reading.readSignature(grids);
  if (reading.isBlank()) throw new InputFileError('assessment-empty', msg('import.assessment.empty'), { file, sheet: table.grid.name });
  reading.problems.push(...sanitizedCellFindings(grids));
  return { assessment: reading.assessment, problems: reading.problems, round: reading.round };
}
