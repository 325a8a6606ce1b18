/** Reading fields of an application by dotted path, and building findings that point at their cell. */
import type { Application } from '../core/application.js';
import type { Finding, Severity } from '../core/finding.js';
import { trimText } from '../core/text.js';
import type { RuleContext } from './context.js';
import { readFileSync } from 'node:fs';
import { fieldTables, materialTable } from './data.js';

/** The value at a dotted path (`lead.idNumber`, `members.2.name`) as text; '' when absent. */
export function fieldValue(app: Application, path: string): string {
  let node: unknown = app;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  return '';
}

/** Empty, white space, or only punctuation such as "/" or "—" (what people write for "nothing"). */
export function isBlank(value: string): boolean {
  return /^[\p{P}\p{Z}\s]*$/u.test(trimText(value));
}

/** A finding on `field`; its cell is the one the reader recorded for `cellField` (default the field itself). */
export function findingAt(
  ctx: RuleContext, code: string, severity: Severity, field: string, message: string, cellField: string = field,
): Finding {
  const cell = ctx.parsed.cells[cellField];
  return cell ? { code, severity, message, field, cell } : { code, severity, message, field };
}

/** The application id for commands suggested in messages. */
export function applicationRef(ctx: RuleContext): string {
  return ctx.applicationId === undefined ? 'ID' : String(ctx.applicationId);
}

/** What the clerk calls a field (传真电话, 领衔人身份证号码), from the rule tables; '' when they name none. */
export function fieldLabel(path: string): string {
  const tables = fieldTables();
  return tables.phones.find((p) => p.field === path)?.zh ?? tables.required.find((r) => r.fields[0] === path)?.zh ?? '';
}

interface FormLabels {
  fields: { path: string; section?: string; labels: string[] }[];
  memberColumns: Record<string, string[]>;
}
let formLabels: FormLabels | undefined;
const SECTION_NAMES: Record<string, string> = { unit: '单位', lead: '领衔人' };

/**
 * A field's name as the 申报表 prints it, for any path a finding or a correction names:
 * members.3.skillLevel → 成员3 职业资格等级, lead.idNumber → 领衔人身份证号码 (data/labels/application.json).
 * The path itself only when the form has no such field.
 */
export function fieldName(path: string): string {
  const own = fieldLabel(path);
  if (own) return own;
  formLabels ??= JSON.parse(readFileSync(new URL('../../data/labels/application.json', import.meta.url), 'utf8')) as FormLabels;
  const member = /^members\.(\d+)(?:\.(\w+))?$/u.exec(path);
  if (member) {
    const column = member[2] ? formLabels.memberColumns[member[2]]?.[0] : undefined;
    return `成员${Number(member[1]) + 1}${column ? ` ${column}` : ''}`;
  }
  if (path === 'members') return '工作室成员';
  // A supporting material (申报材料) is named as the notice names it: materials.id-cards → 领衔人和成员身份证.
  const material = /^materials\.(.+)$/u.exec(path);
  if (material) return materialTable().find((m) => m.key === material[1])?.zh ?? path;
  const field = formLabels.fields.find((f) => f.path === path);
  if (!field) return path;
  const label = field.labels[0]!;
  const prefix = field.section ? SECTION_NAMES[field.section] ?? '' : '';
  return prefix && !label.startsWith(prefix) ? `${prefix}${label}` : label;
}
