/**
 * A clerk's correction of a form field (`gongshu apply set 3 身份证号码=…`): which fields may be corrected,
 * how the value is read, and the corrected form. Errors that cannot be waived (an ID typo confirmed by
 * phone, a studio name in the wrong order) are fixed this way or by the unit's corrected form.
 */
import { readFileSync } from 'node:fs';
import type { ParsedApplication } from '../core/application.js';
import { UsageError } from '../core/errors.js';
import { checkIdNumber } from '../core/id-number.js';
import { isMonthString } from '../core/months.js';
import { labelKey, trimText } from '../core/text.js';
import { msg } from '../messages/index.js';

export type CorrectionKind = 'text' | 'month' | 'gender' | 'id';

export interface CorrectableField {
  path: string;
  names: string[];
  kind: CorrectionKind;
}

export interface Correction {
  path: string;
  /** The name the clerk sees (the first of the field's names). */
  name: string;
  value: string;
}

let table: CorrectableField[] | undefined;

export function correctableFields(): readonly CorrectableField[] {
  table ??= (JSON.parse(readFileSync(new URL('../../data/rules/corrections.json', import.meta.url), 'utf8')) as { fields: CorrectableField[] }).fields;
  return table;
}

function fieldNamed(name: string): CorrectableField | undefined {
  const key = labelKey(name);
  return correctableFields().find((f) => f.path === name || f.names.some((n) => labelKey(n) === key));
}

function readValue(field: CorrectableField, raw: string): string {
  const value = trimText(raw);
  const name = field.names[0]!;
  switch (field.kind) {
    case 'month': {
      const m = /^(\d{4})[-./年](\d{1,2})月?$/u.exec(value);
      const month = m ? `${m[1]}-${m[2]!.padStart(2, '0')}` : value;
      if (!isMonthString(month)) throw new UsageError('bad-correction', msg('records.set.badMonth', { name, value }));
      return month;
    }
    case 'gender':
      if (value !== '男' && value !== '女') throw new UsageError('bad-correction', msg('records.set.badGender', { name, value }));
      return value;
    case 'id': {
      const check = checkIdNumber(value);
      if (!check.valid) throw new UsageError('bad-correction', msg('records.set.badId', { name }));
      return check.normalized;
    }
    default:
      return value;
  }
}

/** `身份证号码=330105…` pairs as typed, checked and read; a usage error names what is wrong. */
export function parseCorrections(pairs: readonly string[]): Correction[] {
  return pairs.map((pair) => {
    const at = pair.search(/[=＝]/u);
    if (at <= 0) throw new UsageError('bad-correction', msg('records.set.badPair', { pair, fields: correctableFields().map((f) => f.names[0]).join('、') }));
    const name = pair.slice(0, at).trim();
    const field = fieldNamed(name);
    if (!field) throw new UsageError('unknown-field', msg('records.set.unknownField', { name, fields: correctableFields().map((f) => f.names[0]).join('、') }));
    return { path: field.path, name: field.names[0]!, value: readValue(field, pair.slice(at + 1)) };
  });
}

/** The form with the corrections applied; what the reader noticed about a corrected value no longer holds. */
export function applyCorrections(parsed: ParsedApplication, corrections: readonly Correction[]): ParsedApplication {
  const next = structuredClone(parsed);
  for (const c of corrections) {
    const [head, tail] = c.path.split('.') as [string, string | undefined];
    const app = next.application as unknown as Record<string, unknown>;
    if (tail === undefined) app[head] = c.value;
    else (app[head] as Record<string, string>)[tail] = c.value;
    if (c.path === 'lead.idNumber') next.facts.idStoredAsNumber = false;
    if (c.path === 'lead.birth') {
      next.facts.birthAmbiguous = false;
      next.facts.birthUnreadable = null;
    }
  }
  return next;
}
