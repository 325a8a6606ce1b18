/**
 * Reads the bureau's existing register of studios (工作室名册, an Excel workbook kept by hand) or a published
 * 认定名单 (a Word table) into plain rows. Columns are found by their header labels (data/labels/register.json)
 * wherever the header row is: a merged title above it, blank rows, a 合计 / 备注 line under the table. Every
 * visible sheet with a header row is read (one sheet per year is common). A sheet without a date column takes
 * its year from its title (“2019年度……认定名单”). Values are kept as written; nothing here knows the database.
 */
import { readFileSync } from 'node:fs';
import { arabicDateNumerals, readPartialDate } from '../../core/dates.js';
import { InputFileError } from '../../core/errors.js';
import type { RegisterLine, Standing } from '../../core/register.js';
import type { Finding } from '../../core/finding.js';
import { labelKey, removeSpaces, toHalfWidth, trimText } from '../../core/text.js';
import { msg } from '../../messages/index.js';
import { buildGrids, sanitizedCellFindings, type GridCell, type SheetGrid } from '../cells/label-locator.js';
import type { OpenedWorkbook } from '../open/safe-open.js';

export const REGISTER_COLUMNS = ['serial', 'certified', 'studioName', 'leadName', 'occupation', 'unitName', 'plaque', 'decisionNo', 'idNumber', 'status'] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export type { Standing };

export interface RegisterLabels {
  columns: Record<RegisterColumn, string[]>;
  required: RegisterColumn[];
  endLines: string[];
  status: { revoked: string[]; leadRetired: string[]; leadLeft: string[]; valid: string[] };
  titleYear: string;
}

let cached: RegisterLabels | null = null;
export function registerLabels(): RegisterLabels {
  cached ??= JSON.parse(readFileSync(new URL('../../../data/labels/register.json', import.meta.url), 'utf8')) as RegisterLabels;
  return cached;
}

/** When the studio was certified, as precisely as the register says it. */
export interface CertifiedWhen {
  /** `YYYY-MM-DD` when the register gives the day. */
  date: string | null;
  /** `YYYY-MM` when it gives at least the month. */
  month: string | null;
  year: number | null;
  /** The cell as written ('' when the year came from the title). */
  raw: string;
  /** Where the year came from when no cell gave it. */
  fromTitle?: boolean;
}

/** A line of the register (core/register.ts) with where it stands and what its 状态 cell said. */
export interface RegisterRow extends RegisterLine {
  sheet: string;
  /** 1-based row of the sheet (for Word, the row of the document's tables). */
  row: number;
  serial: string;
  certified: CertifiedWhen;
  statusText: string;
}

export interface ParsedRegister {
  rows: RegisterRow[];
  problems: Finding[];
  /** The sheets read, each with its header row. */
  tables: { sheet: string; headerRow: number; columns: RegisterColumn[] }[];
}

const labelIndex = (labels: RegisterLabels): Map<string, RegisterColumn> => {
  const index = new Map<string, RegisterColumn>();
  for (const column of REGISTER_COLUMNS) for (const label of labels.columns[column]) if (!index.has(labelKey(label))) index.set(labelKey(label), column);
  return index;
};

/** The owner covering column `col` of a row. */
function at(cells: readonly GridCell[] | undefined, col: number): GridCell | undefined {
  return cells?.find((c) => c.col <= col && col <= c.right);
}

interface Header {
  row: number;
  /** Column number of each column found (the first one, when a label repeats: 状态 and 备注 both count). */
  columns: Map<RegisterColumn, number[]>;
}

function findHeader(grid: SheetGrid, labels: RegisterLabels, index: Map<string, RegisterColumn>): Header | null {
  for (const rowNo of grid.rowNumbers) {
    const cells = grid.rows.get(rowNo)!.filter((c) => c.row === rowNo);
    const columns = new Map<RegisterColumn, number[]>();
    for (const cell of cells) {
      const column = index.get(labelKey(cell.text));
      if (column) columns.set(column, [...(columns.get(column) ?? []), cell.col]);
    }
    if (labels.required.every((c) => columns.has(c))) return { row: rowNo, columns };
  }
  return null;
}

function isEndLine(text: string, labels: RegisterLabels): boolean {
  const key = labelKey(text);
  return labels.endLines.some((word) => key.startsWith(labelKey(word)));
}

export function readStanding(text: string, labels: RegisterLabels = registerLabels()): Standing {
  return knownStanding(text, labels) ?? 'valid';
}

/** What a 状态 / 备注 text says, or null when it says none of the words known (a blank says 正常). */
export function knownStanding(text: string, labels: RegisterLabels = registerLabels()): Standing | null {
  const key = removeSpaces(toHalfWidth(text));
  if (key === '') return 'valid';
  const has = (words: string[]): boolean => words.some((w) => key.includes(removeSpaces(w)));
  if (has(labels.status.revoked)) return 'revoked';
  if (has(labels.status.leadRetired)) return 'lead-retired';
  if (has(labels.status.leadLeft)) return 'lead-left';
  if (has(labels.status.valid)) return 'valid';
  return null;
}

/** 2019, 2019年, 2019年度 (a year only). */
const YEAR_ONLY = /^((?:19|20)\d{2})\s*年?度?$/u;

export function readCertified(cell: GridCell | undefined): { when: CertifiedWhen; problem?: 'ambiguous' | 'unreadable' } {
  const empty: CertifiedWhen = { date: null, month: null, year: null, raw: '' };
  if (!cell || cell.value.kind === 'empty' || cell.text === '') return { when: empty };
  const raw = cell.text;
  // 二〇一九年六月, as an official document writes a date, read as 2019年6月.
  const written = arabicDateNumerals(toHalfWidth(raw).trim());
  const yearOnly = YEAR_ONLY.exec(written);
  if (yearOnly) return { when: { ...empty, raw, year: Number(yearOnly[1]) } };
  const input = cell.value.date ?? (cell.value.kind === 'number' && cell.value.number !== null ? cell.value.number : written);
  const reading = readPartialDate(input);
  if (reading.status === 'ok') return { when: { date: reading.date, month: reading.month, year: Number(reading.month.slice(0, 4)), raw } };
  if (reading.status === 'ambiguous') {
    // 2019.1 in a number cell: January, or October with its 0 dropped by Excel. Only the year is certain.
    return { when: { ...empty, raw, year: Number(reading.ambiguous[0].slice(0, 4)) }, problem: 'ambiguous' };
  }
  return { when: { ...empty, raw }, problem: 'unreadable' };
}

function titleYearOf(grid: SheetGrid, above: number, labels: RegisterLabels): number | null {
  const pattern = new RegExp(labels.titleYear, 'u');
  for (const cell of grid.owners) {
    if (cell.row >= above) break;
    const m = pattern.exec(arabicDateNumerals(toHalfWidth(cell.text)));
    if (m) return Number(m[1]);
  }
  return null;
}

function readSheet(grid: SheetGrid, header: Header, labels: RegisterLabels, problems: Finding[]): RegisterRow[] {
  const text = (cells: readonly GridCell[] | undefined, column: RegisterColumn): string =>
    (header.columns.get(column) ?? [])
      .map((col) => trimText(at(cells, col)?.text ?? ''))
      .filter((t) => t !== '')
      .join('；');
  const titleYear = header.columns.has('certified') ? null : titleYearOf(grid, header.row, labels);
  const rows: RegisterRow[] = [];
  for (const rowNo of grid.rowNumbers) {
    if (rowNo <= header.row) continue;
    const cells = grid.rows.get(rowNo);
    const first = cells?.find((c) => c.text !== '');
    if (!first) continue;
    if (isEndLine(first.text, labels)) {
      if (grid.hiddenRows.has(rowNo)) continue;
      break;
    }
    // A line across the table (a paragraph under a Word table, a merged sub-heading such as “2019年度”) is no studio.
    const nameCol = header.columns.get('studioName')![0]!;
    const leadCol = header.columns.get('leadName')![0]!;
    const nameCell = at(cells, nameCol);
    if (nameCell && nameCell === at(cells, leadCol)) continue;
    const studioName = text(cells, 'studioName');
    const leadName = text(cells, 'leadName');
    const where = `${grid.name}!${first.address}`;
    if (studioName === '' && leadName === '') continue;
    // A header repeated on every printed page is not a studio.
    if (labelKey(studioName) !== '' && labels.columns.studioName.some((l) => labelKey(l) === labelKey(studioName))) continue;
    if (grid.hiddenRows.has(rowNo)) {
      // Left out as the forms' hidden rows are, but said: a studio in a hidden row is still a studio.
      problems.push({ code: 'register-row-hidden', severity: 'warning', message: msg('register.read.hiddenRow', { row: rowNo, name: studioName || leadName }), cell: where });
      continue;
    }
    if (studioName === '' || leadName === '') {
      problems.push({ code: 'register-row-incomplete', severity: 'warning', message: msg('register.read.incomplete', { row: rowNo, missing: studioName === '' ? '工作室名称' : '领衔人' }), cell: where });
      continue;
    }
    const certifiedCol = header.columns.get('certified')?.[0];
    const certifiedCell = certifiedCol === undefined ? undefined : at(cells, certifiedCol);
    let { when, problem } = readCertified(certifiedCell);
    const cellRef = certifiedCell ? `${grid.name}!${certifiedCell.address}` : where;
    if (problem === 'ambiguous') problems.push({ code: 'register-date-ambiguous', severity: 'warning', message: msg('register.read.dateAmbiguous', { raw: when.raw, year: when.year ?? '' }), cell: cellRef });
    if (problem === 'unreadable') problems.push({ code: 'register-date-unreadable', severity: 'warning', message: msg('register.read.dateUnreadable', { raw: when.raw }), cell: cellRef });
    if (when.year === null && titleYear !== null && when.raw === '') when = { ...when, year: titleYear, fromTitle: true };
    const statusText = text(cells, 'status');
    const standing = knownStanding(statusText, labels);
    if (standing === null) {
      const statusCell = at(cells, header.columns.get('status')![0]!);
      problems.push({ code: 'register-status-unknown', severity: 'warning', message: msg('register.read.statusUnknown', { raw: statusText }), cell: statusCell ? `${grid.name}!${statusCell.address}` : where });
    }
    rows.push({
      sheet: grid.name,
      row: rowNo,
      where,
      serial: text(cells, 'serial'),
      studioName,
      leadName,
      occupation: text(cells, 'occupation'),
      unitName: text(cells, 'unitName'),
      plaque: removeSpaces(toHalfWidth(text(cells, 'plaque'))).toUpperCase(),
      decisionNo: text(cells, 'decisionNo'),
      idNumber: text(cells, 'idNumber'),
      certified: when,
      standing: standing ?? 'valid',
      statusText,
    });
  }
  return rows;
}

/** The rows of every table of the register; a workbook without a recognisable header row is refused, naming the labels looked for. */
export function parseRegister(opened: Pick<OpenedWorkbook, 'model' | 'fileName'>): ParsedRegister {
  const labels = registerLabels();
  const index = labelIndex(labels);
  const all = buildGrids(opened.model);
  const grids = all.filter((g) => !g.hidden);
  const problems: Finding[] = [...sanitizedCellFindings(grids)];
  for (const grid of all.filter((g) => g.hidden)) {
    // A hidden sheet is not read (as with forms), but a register in it is said.
    const header = findHeader(grid, labels, index);
    if (!header) continue;
    const count = readSheet(grid, header, labels, []).length;
    if (count > 0) problems.push({ code: 'register-sheet-hidden', severity: 'warning', message: msg('register.read.hiddenSheet', { sheet: grid.name, count }), cell: `${grid.name}!A${header.row}` });
  }
  const tables: ParsedRegister['tables'] = [];
  const rows: RegisterRow[] = [];
  for (const grid of grids) {
    const header = findHeader(grid, labels, index);
    if (!header) continue;
    tables.push({ sheet: grid.name, headerRow: header.row, columns: [...header.columns.keys()] });
    rows.push(...readSheet(grid, header, labels, problems));
  }
  if (tables.length === 0) {
    throw new InputFileError(
      'register-no-header',
      msg('register.read.noHeader', {
        file: opened.fileName,
        required: labels.required.map((c) => labels.columns[c].slice(0, 2).join('/')).join('、'),
        others: REGISTER_COLUMNS.filter((c) => !labels.required.includes(c)).map((c) => labels.columns[c][0]).join('、'),
      }),
      { file: opened.fileName },
    );
  }
  return { rows, problems, tables };
}
