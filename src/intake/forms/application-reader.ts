/**
 * Turns an opened workbook into a ParsedApplication: located label values → typed, normalised fields,
 * with the cell each came from and the facts rules need (ID stored as a number, ambiguous birth month).
 */
import { readFileSync } from 'node:fs';
import {
  emptyApplication,
  emptyFacts,
  type Application,
  type CellMap,
  type Member,
  type ParsedApplication,
  type ReadFacts,
} from '../../core/application.js';
import { readPartialDate, resolveAmbiguous, PLAUSIBLE_SERIAL_MAX, PLAUSIBLE_SERIAL_MIN } from '../../core/dates.js';
import { InputFileError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { labelKey, maskIdNumber, nameKey, removeSpaces, toHalfWidth, trimText } from '../../core/text.js';
import { msg } from '../../messages/index.js';
import {
  applicationDictionary,
  buildGrids,
  locateFields,
  MEMBER_COLUMNS,
  ref,
  sanitizedCellFindings,
  type Dictionary,
  type GridCell,
  type Located,
  type LocatedField,
  type MemberRow,
} from '../cells/label-locator.js';
import type { OpenedWorkbook } from '../open/safe-open.js';

export interface ReadApplicationResult {
  parsed: ParsedApplication;
  /** Cell-level warnings met while reading (formula without result, unreadable date, …). */
  problems: Finding[];
}

/** Fields a rule requires on their own (data/rules/fields.json): 无 there is a missing value, said as such. */
let requiredAlone: Set<string> | undefined;
function isRequiredAlone(path: string): boolean {
  requiredAlone ??= new Set(
    (JSON.parse(readFileSync(new URL('../../../data/rules/fields.json', import.meta.url), 'utf8')) as { required: { fields: string[] }[] }).required
      .filter((r) => r.fields.length === 1)
      .map((r) => r.fields[0]!),
  );
  return requiredAlone.has(path);
}

/**
 * An ID number as typed, cleaned before any check: a leading apostrophe (Excel's "store as text" typed into
 * WPS or copied from elsewhere), spaces, full-width digits and a lower-case x.
 */
export function cleanIdNumber(raw: string): string {
  return removeSpaces(toHalfWidth(raw)).replace(/^['‘’`´]+/u, '').replace(/x$/u, 'X');
}

/** Fields whose absence is normal enough not to mention (opinions are written after submission). */
const OPTIONAL_LABELS = new Set(['opinions.unit', 'opinions.expert', 'opinions.bureau', 'coverUnit', 'unit.fax', 'lead.otherSkills']);

/** 男 / 女 from the ways people write them; anything else stays as written (and is reported). */
export function normaliseGender(raw: string): string | null {
  const s = removeSpaces(toHalfWidth(raw));
  if (s === '男' || s === '男性') return '男';
  if (s === '女' || s === '女性') return '女';
  return null;
}

/** `45`, `45岁`, `45 周岁`, 45 → 45; null when it is not an age. */
export function parseAge(raw: string, number: number | null): number | null {
  if (number !== null) return Number.isInteger(number) && number > 0 && number < 130 ? number : null;
  const m = /^(\d{1,3})(?:\.0+)?(?:周?岁)?$/u.exec(removeSpaces(toHalfWidth(raw)));
  if (!m) return null;
  const age = Number(m[1]);
  return age > 0 && age < 130 ? age : null;
}

/**
 * Birth month (`YYYY-MM`) from an ID number's 7th–12th characters: `yyyymm` in an 18-digit number,
 * `yymm…` (19yy) in an old 15-digit one. Digits only; validity is id-number's business.
 */
export function birthMonthFromId(id: string): string | null {
  const s = removeSpaces(toHalfWidth(id));
  let y: number;
  let m: number;
  if (/^\d{17}[\dXx]$/u.test(s) || /^\d{18}$/u.test(s)) {
    y = Number(s.slice(6, 10));
    m = Number(s.slice(10, 12));
  } else if (/^\d{15}$/u.test(s)) {
    y = 1900 + Number(s.slice(6, 8));
    m = Number(s.slice(8, 10));
  } else {
    return null;
  }
  if (m < 1 || m > 12 || y < 1900) return null;
  return `${y}-${String(m).padStart(2, '0')}`;
}

function setPath(app: Application, path: string, value: string): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const target = app as unknown as Record<string, unknown>;
  if (tail === undefined) target[head] = value;
  else (target[head] as Record<string, unknown>)[tail] = value;
}

function labelOf(path: string, dict: Dictionary): string {
  return dict.data.fields.find((f) => f.path === path)?.labels[0] ?? path;
}

class ApplicationReader {
  readonly app = emptyApplication();
  readonly cells: CellMap = {};
  readonly facts: ReadFacts = emptyFacts();
  readonly problems: Finding[] = [];

  constructor(
    private readonly located: Located,
    private readonly dict: Dictionary,
  ) {}

  private warn(code: string, message: string, field: string, cell?: GridCell | string, severity: Finding['severity'] = 'warning'): void {
    const where = typeof cell === 'string' ? cell : cell ? ref(cell) : this.cells[field];
    this.problems.push({ code, severity, message, field, ...(where ? { cell: where } : {}) });
  }

  read(): void {
    const none = new Set((this.dict.data.noneWords ?? []).map(labelKey));
    for (const [path, located] of this.located.fields) {
      this.cells[path] = ref(located.valueCells[0] ?? located.label);
      this.checkCell(path, located);
      // 传真：无 — nothing to say is an empty field, not an invalid fax number.
      const nothing = none.has(labelKey(located.text)) && !isRequiredAlone(path);
      setPath(this.app, path, nothing ? '' : located.text);
    }
    this.readUnitName();
    this.readEmail();
    this.readIdNumber();
    this.readBirth();
    this.readGender();
    this.readYearsInTrade();
    this.readMembers();
    this.reportMissing();
  }

  private checkCell(path: string, located: LocatedField): void {
    for (const cell of located.valueCells) {
      const label = labelOf(path, this.dict);
      if (cell.value.formulaWithoutResult) this.warn('formula-no-result', msg('import.formulaNoResult', { label }), path, cell);
      else if (cell.value.kind === 'error') this.warn('cell-error', msg('import.cellError', { label, error: cell.value.text }), path, cell);
    }
  }

  private valueCell(path: string): GridCell | null {
    const located = this.located.fields.get(path);
    if (!located || located.inline) return null;
    return located.valueCells[0] ?? null;
  }

  private readEmail(): void {
    const cell = this.valueCell('unit.email');
    let email = this.app.unit.email.replace(/^mailto:/iu, '');
    // A link shown as "点击发邮件": the address is in the link.
    if (!email.includes('@') && cell?.value.hyperlink?.toLowerCase().startsWith('mailto:')) {
      email = cell.value.hyperlink.slice('mailto:'.length).split('?')[0]!;
    }
    this.app.unit.email = trimText(email);
  }

  /**
   * A form without 单位全称 that names the unit under 申报单位 (the cover's label, used by units' own layouts
   * in the unit section): that is the unit's name, so unitNameOf and the missing-field rule agree.
   */
  private readUnitName(): void {
    if (this.located.recognised.has('unit.name') || this.app.coverUnit === '') return;
    this.app.unit.name = this.app.coverUnit;
    if (this.cells.coverUnit) this.cells['unit.name'] = this.cells.coverUnit;
  }

  private readIdNumber(): void {
    this.app.lead.idNumber = cleanIdNumber(this.app.lead.idNumber);
    const cell = this.valueCell('lead.idNumber');
    if (cell && cell.value.kind === 'number') {
      this.facts.idStoredAsNumber = true;
      this.warn('id-stored-as-number', msg('import.idStoredAsNumber', { value: maskIdNumber(this.app.lead.idNumber) }), 'lead.idNumber', cell);
    }
  }

  private readBirth(): void {
    const located = this.located.fields.get('lead.birth');
    if (!located || located.text === '') {
      this.app.lead.birth = '';
      return;
    }
    const cell = this.valueCell('lead.birth');
    const v = cell?.value;
    const input = v?.kind === 'date' && v.date ? v.date : v?.kind === 'number' && v.number !== null ? v.number : located.text;
    const reading = readPartialDate(input, { numFmt: v?.numFmt });
    const raw = located.text;
    switch (reading.status) {
      case 'ok':
        this.app.lead.birth = reading.month;
        return;
      case 'ambiguous': {
        const fromId = birthMonthFromId(this.app.lead.idNumber);
        const resolved = resolveAmbiguous(reading.ambiguous, fromId);
        if (resolved) {
          this.app.lead.birth = resolved;
          this.warn('birth-resolved-by-id', msg('import.birthResolvedById', { raw, month: resolved }), 'lead.birth', cell ?? undefined, 'info');
        } else {
          this.app.lead.birth = '';
          this.facts.birthAmbiguous = true;
          const [first, second] = reading.ambiguous;
          this.warn('birth-ambiguous', msg('import.birthAmbiguous', { raw, first, second }), 'lead.birth', cell ?? undefined);
        }
        return;
      }
      case 'unreadable':
        this.app.lead.birth = '';
        this.facts.birthUnreadable = raw;
        this.warn('birth-unreadable', msg('import.birthUnreadable', { raw }), 'lead.birth', cell ?? undefined);
        return;
      case 'empty':
        this.app.lead.birth = '';
        return;
    }
  }

  private readGender(): void {
    const raw = this.app.lead.gender;
    if (raw === '') return;
    const gender = normaliseGender(raw);
    if (gender) this.app.lead.gender = gender;
    else this.warn('gender-unreadable', msg('import.genderUnreadable', { value: raw }), 'lead.gender');
  }

  /** 从业时间 typed as a date in a Chinese date format arrives as a bare serial number; show it as a month. */
  private readYearsInTrade(): void {
    const cell = this.valueCell('lead.yearsInTrade');
    const v = cell?.value;
    if (!v) return;
    if (v.kind === 'date' && v.date) {
      this.app.lead.yearsInTrade = `${v.date.y}-${String(v.date.m).padStart(2, '0')}`;
      return;
    }
    if (v.kind === 'number' && v.number !== null && Number.isInteger(v.number) && v.number >= PLAUSIBLE_SERIAL_MIN && v.number <= PLAUSIBLE_SERIAL_MAX) {
      const reading = readPartialDate(v.number, { numFmt: v.numFmt });
      if (reading.status === 'ok') {
        this.app.lead.yearsInTrade = reading.month;
        this.warn('years-in-trade-serial', msg('import.yearsInTradeSerial', { value: reading.month }), 'lead.yearsInTrade', cell!, 'info');
      }
    }
  }

  private readMembers(): void {
    const table = this.located.members;
    if (!table) {
      this.warn('members-table-missing', msg('import.membersTableMissing'), 'members');
      return;
    }
    const leadKey = nameKey(this.app.lead.name);
    for (const row of table.rows) {
      const member = this.member(row);
      if (leadKey !== '' && nameKey(member.name) === leadKey) {
        this.facts.leadRepeatedInMembers += 1;
        this.warn('lead-repeated-in-members', msg('import.leadRepeatedInMembers', { name: member.name }), 'members', `${row.sheet}!A${row.row}`, 'info');
        continue;
      }
      const index = this.app.members.length;
      this.app.members.push(member);
      for (const column of MEMBER_COLUMNS) {
        const cell = row.columns[column].cell;
        const path = `members.${index}.${column}`;
        if (cell) this.cells[path] = ref(cell);
        if (cell?.value.formulaWithoutResult) this.warn('formula-no-result', msg('import.formulaNoResult', { label: `成员${index + 1} ${this.dict.data.memberColumns[column][0]}` }), path, cell);
      }
      const ageCell = row.columns.age;
      if (member.age === null && ageCell.text !== '') {
        this.warn('age-unreadable', msg('import.ageUnreadable', { name: member.name, value: ageCell.text }), `members.${index}.age`, ageCell.cell ?? undefined);
      }
      if (member.gender !== '' && normaliseGender(member.gender) === null) {
        this.warn('gender-unreadable', msg('import.genderUnreadable', { value: member.gender }), `members.${index}.gender`, row.columns.gender.cell ?? undefined);
      }
    }
  }

  private member(row: MemberRow): Member {
    const text = (c: keyof MemberRow['columns']): string => trimText(row.columns[c].text);
    const ageCell = row.columns.age;
    const ageNumber = ageCell.cell && ageCell.cell.value.kind === 'number' ? ageCell.cell.value.number : null;
    const gender = text('gender');
    return {
      name: text('name'),
      gender: normaliseGender(gender) ?? gender,
      age: parseAge(ageCell.text, ageNumber),
      education: text('education'),
      occupation: text('occupation'),
      skillLevel: text('skillLevel'),
      specialty: text('specialty'),
      experience: text('experience'),
    };
  }

  private reportMissing(): void {
    const missing = this.dict.data.fields
      .filter((f) => !this.located.recognised.has(f.path) && !OPTIONAL_LABELS.has(f.path))
      .map((f) => f.labels[0]!);
    if (missing.length > 0) this.warn('labels-missing', msg('import.labelsMissing', { labels: missing.join('、') }), 'application', undefined, 'info');
  }
}

const strings = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : []));

/** Nothing but the cover (申报单位, 工作室名称) is filled in: the form itself is blank. */
function isFormBlank(app: Application): boolean {
  return app.workPlan === '' && app.members.length === 0 && [...strings(app.unit), ...strings(app.lead)].every((s) => s === '');
}

function isBlank(app: Application): boolean {
  return app.studioName === '' && app.coverUnit === '' && isFormBlank(app);
}

/**
 * Reads an application form. Throws GongshuError 'not-an-application' when the workbook has no
 * application labels (mentioning `gongshu assess import` when it looks like a 考核表) and
 * 'application-empty' for a blank template.
 */
export function readApplication(opened: OpenedWorkbook, dict: Dictionary = applicationDictionary()): ReadApplicationResult {
  const grids = buildGrids(opened.model);
  const located = locateFields(grids, dict);
  const file = opened.path;
  if (located.recognised.size < dict.data.minApplicationFields) {
    if (located.assessmentLabels >= dict.data.minAssessmentLabels) {
      throw new InputFileError('not-an-application', msg('import.looksLikeAssessment'), { file });
    }
    throw new InputFileError('not-an-application', msg('import.notAnApplication'), { file });
  }
  const reader = new ApplicationReader(located, dict);
  reader.read();
  if (isBlank(reader.app)) throw new InputFileError('application-empty', msg('import.applicationEmpty'), { file, sheet: located.sheetsUsed[0] });
  // An application without a unit or a lead cannot be identified or checked; it would only add a blank row.
  if (isFormBlank(reader.app)) throw new InputFileError('application-cover-only', msg('import.applicationCoverOnly'), { file, sheet: located.sheetsUsed[0] });
  reader.problems.push(...sanitizedCellFindings(grids));

  const main =
    [located.fields.get('lead.name'), located.fields.get('unit.name')].find(Boolean)?.label.sheet ??
    located.sheetsUsed[0] ??
    opened.model.sheets[0]?.name ??
    '';
  return {
    parsed: { application: reader.app, cells: reader.cells, facts: reader.facts, sheet: main },
    problems: reader.problems,
  };
}
