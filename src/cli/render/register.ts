/** What `studios import` shows, for the command and the menu alike: one line per row of the register, then the counts. */
import type { FieldChange, Note, PlannedRow } from '../../core/register.js';
import { msg, type MessageKey } from '../../messages/index.js';
import type { RegisterImport } from '../../services/register.js';
import type { Output } from '../../ui/output.js';
import { renderTable } from '../../ui/table.js';
import { renderFindings } from './applications.js';

function changeText(c: FieldChange): string {
  switch (c.field) {
    case 'certifiedOn':
      return c.validUntil === null ? msg('register.change.certifiedOnRenewed', { to: c.to }) : msg('register.change.certifiedOn', { to: c.to, until: c.validUntil });
    case 'revoke':
    case 'leadLeft':
    case 'leadIdNumber':
      return msg(`register.change.${c.field}`);
    default:
      return msg(`register.change.${c.field}` as MessageKey, { to: c.to });
  }
}

export function noteText(n: Note): string {
  const params = { ...n.params };
  if (n.code === 'differs') params.field = msg(`register.field.${String(n.params.field)}` as MessageKey);
  return msg(`register.note.${n.code}` as MessageKey, params);
}

function kindText(p: PlannedRow, dryRun: boolean): string {
  if (dryRun && (p.kind === 'add' || p.kind === 'update')) return msg(p.kind === 'add' ? 'register.kind.addDry' : 'register.kind.updateDry');
  return msg(`register.kind.${p.kind}`);
}

function notesOf(p: PlannedRow): string[] {
  const lines: string[] = [];
  if (p.line.standing !== 'valid' && p.kind === 'add') lines.push(msg(`register.standing.${p.line.standing}`));
  if (p.kind === 'update') lines.push(msg('register.changes', { changes: p.changes.map(changeText).join('；') }));
  if (p.kind === 'skip') lines.push(msg('register.skip.ambiguous', { candidates: p.candidates.map((c) => `${c.plaque ?? `#${c.id}`} ${c.name}`).join('、') }));
  return [...lines, ...p.notes.map(noteText)];
}

function certifiedText(p: PlannedRow): string {
  if (p.kind === 'add') return p.studio.certifiedOn ?? (p.studio.selectionYear !== null ? String(p.studio.selectionYear) : '');
  return p.line.certified.date ?? p.line.certified.month ?? (p.line.certified.year !== null ? String(p.line.certified.year) : '');
}

export function renderRegisterImport(out: Output, r: RegisterImport): void {
  out.note(msg('register.tables', { tables: r.tables.map((t) => msg('register.table', { sheet: t.sheet, row: t.headerRow })).join('、') }));
  out.print(
    renderTable(
      msg('register.head').split('|'),
      r.plan.map((p) => [
        p.line.where,
        kindText(p, r.dryRun),
        p.kind === 'add' ? p.studio.name : p.line.studioName,
        p.line.leadName,
        certifiedText(p),
        p.kind === 'add' ? (p.studio.plaque ?? '') : p.line.plaque,
        notesOf(p).join('\n'),
      ]),
    ),
  );
  if (r.problems.length > 0) renderFindings(out, r.problems);
  const params = { rows: r.plan.length, ...r.counts, file: r.file };
  if (r.dryRun) out.note(msg('register.summaryDry', params));
  else out.success(msg('register.summary', params));
  if (!r.dryRun && r.counts.added + r.counts.updated === 0) out.note(msg('register.nothingToWrite'));
  if (r.backup) out.note(msg('workflow.backupMade', { file: r.backup }));
}

/** The plan as data (`--json`): the ID numbers are not in it, only whether one was given. */
export function registerJson(r: RegisterImport) {
  return {
    file: r.file,
    dryRun: r.dryRun,
    counts: r.counts,
    backup: r.backup,
    rows: r.plan.map((p) => ({
      where: p.line.where,
      result: p.kind,
      studio: p.kind === 'add' ? p.studio.name : p.line.studioName,
      lead: p.line.leadName,
      ...(p.kind === 'update' || p.kind === 'same' ? { studioId: p.studioId } : {}),
      ...(p.kind === 'update' ? { changes: p.changes.map((c) => c.field) } : {}),
      notes: notesOf(p),
    })),
    problems: r.problems,
  };
}
