/**
 * What importing the bureau's existing register (or a published 认定名单) does to gongshu's studio register,
 * decided before anything is written (`studios import --dry-run` prints exactly this plan). Pure.
 *
 * Each row is matched to a studio by the same rules as a 考核表 (core/studio-match.ts: plaque, then name with
 * lead, then lead with unit, then a name a character or two off). A matched studio only has its blanks filled
 * (a plaque, the certification date and so its term, the occupation, the 认定文号, the lead's ID number) and
 * takes the register's word that it was revoked or that its lead retired or left; a value that differs from
 * one already recorded is reported and left alone. A row that matches nothing is a new studio, its name kept as
 * written. Rows of the same file match each other, so a studio listed twice is added once.
 */
import { validUntil } from './calendar.js';
import { termRenewed } from './lifecycle.js';
import { checkIdNumber } from './id-number.js';
import { isMonthString } from './months.js';
import { matchStudio, plaqueKey, type RegisterStudio } from './studio-match.js';
import { nameKey } from './text.js';

/** What the register's 状态 / 备注 column says: 正常, 已撤销, or the lead has retired or left (not assessed). */
export type Standing = 'valid' | 'revoked' | 'lead-retired' | 'lead-left';

/** One row as the reader gives it (intake/forms/register-reader.ts). */
export interface RegisterLine {
  where: string;
  studioName: string;
  leadName: string;
  occupation: string;
  unitName: string;
  plaque: string;
  decisionNo: string;
  idNumber: string;
  certified: { date: string | null; month: string | null; year: number | null; raw: string; fromTitle?: boolean };
  standing: Standing;
}

export interface KnownStudio extends RegisterStudio {
  occupation: string;
  decisionNo: string;
  leadIdNumber: string;
  certifiedOn: string | null;
  /** First day of the current term (a renewal's, when renewed). */
  termStartedOn: string | null;
  selectionYear: number | null;
  status: string;
  createdFrom: string;
  leadLeft: boolean;
}

export interface NewStudio {
  name: string;
  leadName: string;
  unitName: string;
  occupation: string;
  plaque: string | null;
  decisionNo: string;
  leadIdNumber: string;
  leadBirth: string | null;
  leadGender: string | null;
  selectionYear: number | null;
  certifiedOn: string | null;
  validUntil: string | null;
  revoked: boolean;
  leadLeft: boolean;
}

export type FieldChange =
  | { field: 'plaque' | 'occupation' | 'unitName' | 'decisionNo'; to: string }
  | { field: 'leadIdNumber'; to: string; birth: string | null; gender: string | null }
  /** `validUntil` null: the 认定 date is filled in, the renewed term stays. */
  | { field: 'certifiedOn'; to: string; validUntil: string | null }
  | { field: 'selectionYear'; to: number }
  | { field: 'revoke' }
  | { field: 'leadLeft' };

export type NoteCode =
  | 'month-only'
  | 'year-only'
  | 'no-date'
  | 'bad-id'
  | 'plaque-taken'
  | 'differs'
  | 'id-differs'
  | 'near-match'
  | 'duplicate'
  | 'revoked-not-running';

export interface Note {
  code: NoteCode;
  /** Parameters of the message (field name, both values …). */
  params: Record<string, string | number>;
}

export type PlannedRow =
  | { kind: 'add'; line: RegisterLine; studio: NewStudio; notes: Note[] }
  | { kind: 'update'; line: RegisterLine; studioId: number; studioName: string; changes: FieldChange[]; notes: Note[] }
  | { kind: 'same'; line: RegisterLine; studioId: number; studioName: string; notes: Note[] }
  | { kind: 'skip'; line: RegisterLine; candidates: { id: number; name: string; plaque: string | null }[]; notes: Note[] };

/** Statuses with a term still running: the ones a register's 已撤销 can end (the life cycle's revoke move). */
const REVOCABLE: ReadonlySet<string> = new Set(['valid', 'renewed', 'assessed-pass', 'assessed-fail', 'not-assessed']);

interface Dated {
  certifiedOn: string | null;
  selectionYear: number | null;
  notes: Note[];
}

/** The certification date a term is counted from: the day, or the 1st of the month when only the month is known (said). */
function datedOf(line: RegisterLine): Dated {
  const c = line.certified;
  if (c.date) return { certifiedOn: c.date, selectionYear: c.year, notes: [] };
  if (c.month && isMonthString(c.month)) return { certifiedOn: `${c.month}-01`, selectionYear: c.year, notes: [{ code: 'month-only', params: { month: c.month, date: `${c.month}-01` } }] };
  if (c.year !== null) return { certifiedOn: null, selectionYear: c.year, notes: [{ code: 'year-only', params: { year: c.year, fromTitle: c.fromTitle ? 1 : 0 } }] };
  return { certifiedOn: null, selectionYear: null, notes: [{ code: 'no-date', params: {} }] };
}

function personOf(line: RegisterLine): { id: string; birth: string | null; gender: string | null; notes: Note[] } {
  if (line.idNumber.trim() === '') return { id: '', birth: null, gender: null, notes: [] };
  const check = checkIdNumber(line.idNumber);
  if (!check.valid) return { id: '', birth: null, gender: null, notes: [{ code: 'bad-id', params: {} }] };
  return { id: check.normalized, birth: check.birth.slice(0, 7) || null, gender: check.gender || null, notes: [] };
}

/**
 * The plan for a register's rows against the studios gongshu knows (`known`: every studio not undone or merged)
 * and the plaque numbers ever given (`usedPlaques`, so a plaque is never handed to a second studio).
 */
export function planRegisterImport(lines: readonly RegisterLine[], known: readonly KnownStudio[], usedPlaques: ReadonlySet<string>): PlannedRow[] {
  // Rows already planned take part in matching, as studios with negative ids.
  const pool: KnownStudio[] = known.map((s) => ({ ...s }));
  // Plaques compared as letters and digits (GS2019001 is GS-2019-001).
  const taken = new Set([...usedPlaques].map(plaqueKey));
  const plan: PlannedRow[] = [];
  let nextTemp = -1;
  const matchedIds = new Map<number, number>();

  lines.forEach((line, index) => {
    const match = matchStudio({ studioName: line.studioName, leadName: line.leadName, unitName: line.unitName, ...(line.plaque ? { plaque: line.plaque } : {}) }, pool);
    const notes: Note[] = [];
    if (match.kind === 'ambiguous') {
      plan.push({ kind: 'skip', line, candidates: match.candidates.map((s) => ({ id: s.id, name: s.name, plaque: s.plaque })), notes });
      return;
    }
    const dated = datedOf(line);
    const person = personOf(line);
    if (match.kind === 'none') {
      let plaque: string | null = line.plaque || null;
      if (plaque && taken.has(plaqueKey(plaque))) {
        notes.push({ code: 'plaque-taken', params: { plaque } });
        plaque = null;
      }
      if (plaque) taken.add(plaqueKey(plaque));
      const studio: NewStudio = {
        name: line.studioName,
        leadName: line.leadName,
        unitName: line.unitName,
        occupation: line.occupation,
        plaque,
        decisionNo: line.decisionNo,
        leadIdNumber: person.id,
        leadBirth: person.birth,
        leadGender: person.gender,
        selectionYear: dated.selectionYear,
        certifiedOn: dated.certifiedOn,
        validUntil: dated.certifiedOn ? validUntil(dated.certifiedOn) : null,
        revoked: line.standing === 'revoked',
        leadLeft: line.standing === 'lead-left' || line.standing === 'lead-retired',
      };
      const id = nextTemp--;
      matchedIds.set(id, index);
      pool.push({ id, name: studio.name, plaque, leadName: studio.leadName, unitName: studio.unitName, occupation: studio.occupation, decisionNo: studio.decisionNo, leadIdNumber: studio.leadIdNumber, certifiedOn: studio.certifiedOn, termStartedOn: studio.certifiedOn, selectionYear: studio.selectionYear, status: studio.revoked ? 'revoked' : 'valid', createdFrom: 'register', leadLeft: studio.leadLeft });
      plan.push({ kind: 'add', line, studio, notes: [...dated.notes, ...person.notes, ...notes] });
      return;
    }

    const studio = match.studio;
    if (match.kind === 'near') notes.push({ code: 'near-match', params: { form: line.studioName, register: studio.name, plaque: studio.plaque ?? `#${studio.id}` } });
    if (studio.id < 0) {
      // Listed twice in the same file: the first row added it.
      notes.push({ code: 'duplicate', params: { where: lines[matchedIds.get(studio.id)!]!.where } });
      plan.push({ kind: 'same', line, studioId: studio.id, studioName: studio.name, notes });
      return;
    }
    const changes: FieldChange[] = [];
    const differs = (field: string, recorded: string, register: string): void => {
      notes.push({ code: 'differs', params: { field, recorded, register } });
    };
    if (line.plaque) {
      if (!studio.plaque) {
        if (taken.has(plaqueKey(line.plaque))) notes.push({ code: 'plaque-taken', params: { plaque: line.plaque } });
        else {
          changes.push({ field: 'plaque', to: line.plaque });
          taken.add(plaqueKey(line.plaque));
          studio.plaque = line.plaque;
        }
      } else if (plaqueKey(studio.plaque) !== plaqueKey(line.plaque)) differs('plaque', studio.plaque, line.plaque);
    }
    for (const field of ['occupation', 'unitName', 'decisionNo'] as const) {
      const value = line[field].trim();
      if (value === '') continue;
      if (studio[field].trim() === '') {
        changes.push({ field, to: value });
        studio[field] = value;
      } else if (nameKey(studio[field]) !== nameKey(value) && field !== 'unitName') differs(field, studio[field], value);
    }
    if (person.id) {
      if (studio.leadIdNumber === '') {
        changes.push({ field: 'leadIdNumber', to: person.id, birth: person.birth, gender: person.gender });
        studio.leadIdNumber = person.id;
      } else if (checkIdNumber(studio.leadIdNumber).normalized !== person.id) notes.push({ code: 'id-differs', params: {} });
    } else notes.push(...person.notes);
    if (dated.certifiedOn) {
      if (!studio.certifiedOn) {
        // A term gongshu gave by certifying is never rewritten; a studio first seen on a 考核表 gets its date.
        if (studio.createdFrom !== 'certification') {
          changes.push({ field: 'certifiedOn', to: dated.certifiedOn, validUntil: termRenewed(studio) ? null : validUntil(dated.certifiedOn) });
          studio.certifiedOn = dated.certifiedOn;
          notes.push(...dated.notes);
        }
      } else if (studio.certifiedOn !== dated.certifiedOn && !(dated.notes.length > 0 && studio.certifiedOn.startsWith(dated.certifiedOn.slice(0, 7)))) {
        differs('certifiedOn', studio.certifiedOn, line.certified.raw || dated.certifiedOn);
      }
    }
    if (dated.selectionYear !== null && studio.selectionYear === null) {
      changes.push({ field: 'selectionYear', to: dated.selectionYear });
      studio.selectionYear = dated.selectionYear;
    }
    if (line.standing === 'revoked' && studio.status !== 'revoked') {
      if (REVOCABLE.has(studio.status)) {
        changes.push({ field: 'revoke' });
        studio.status = 'revoked';
      } else notes.push({ code: 'revoked-not-running', params: { status: studio.status } });
    }
    if ((line.standing === 'lead-left' || line.standing === 'lead-retired') && !studio.leadLeft) {
      changes.push({ field: 'leadLeft' });
      studio.leadLeft = true;
    }
    plan.push(
      changes.length > 0
        ? { kind: 'update', line, studioId: studio.id, studioName: studio.name, changes, notes }
        : { kind: 'same', line, studioId: studio.id, studioName: studio.name, notes },
    );
  });
  return plan;
}
