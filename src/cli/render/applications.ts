/**
 * How applications and imports look on screen, for the commands and the menu alike: the import table, the
 * list of a round, one application with its findings, its versions.
 */
import path from 'node:path';
import { chinaDateTime } from '../../core/china-time.js';
import type { FieldCorrection, Finding } from '../../core/finding.js';
import { statusName } from '../../core/lifecycle.js';
import { maskIdNumber, maskPhone } from '../../core/text.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { outcomeLabel, type FileResult } from '../../intake/file-result.js';
import { msg } from '../../messages/index.js';
import { allMaterials } from '../../rules/materials.js';
import { ruleTitle } from '../../rules/index.js';
import { eligibilityName as eligibilityText, type ApplicationHistory, type ApplicationJson, type ApplicationRow, type Eligibility, type FindingView } from '../../services/application-view.js';
import { clean, type Output } from '../../ui/output.js';
import { severityText } from '../../ui/severity.js';
import { renderTable } from '../../ui/table.js';
import { forFace } from '../../messages/command-text.js';
import { waiverWhy } from '../../messages/export.js';

export { eligibilityText };

/** 错误 n，提醒 m: errors not waived, warnings not acknowledged. */
export function countText(findings: readonly FindingView[]): string {
  const errors = findings.filter((f) => f.severity === 'error' && !f.overridden).length;
  const warnings = findings.filter((f) => f.severity === 'warning' && !f.overridden).length;
  return msg('cli.list.counts', { errors, warnings });
}

export interface ImportSummary {
  round: number;
  dbPath: string;
}

export function renderImportResults(out: Output, results: readonly FileResult[], summary: ImportSummary): void {
  const c = out.color;
  // File names come from whoever named the file: no escape sequence of theirs may survive, colour or not.
  const rows = results.map((r) => [
    clean(r.file),
    r.keptForRecord ? c.dim(msg('cli.outcome.keptForRecord')) : r.outcome === 'failed' ? c.red(outcomeLabel(r.outcome)) : r.outcome === 'skipped' ? c.dim(outcomeLabel(r.outcome)) : r.outcome === 'pending' || r.outcome === 'not-imported' ? c.yellow(outcomeLabel(r.outcome)) : c.green(outcomeLabel(r.outcome)),
    r.id ? `#${r.id}${r.version && r.version > 1 ? ` (v${r.version})` : ''}` : '',
    clean(r.error ? [r.error.sheet, r.error.cell].filter(Boolean).join('!') + (r.error.sheet || r.error.cell ? ' ' : '') + r.error.message : r.title ?? ''),
    r.outcome === 'failed' || r.outcome === 'skipped' || r.outcome === 'not-imported' ? '' : `${r.errors} / ${r.warnings}`,
  ]);
  out.print(renderTable(msg('cli.import.head').split('|'), rows));
  printProblemLines(out, results);
  const count = (o: FileResult['outcome']): number => results.filter((r) => r.outcome === o).length;
  out.note(
    msg('cli.import.summary', {
      total: results.length,
      imported: count('imported'),
      versions: count('new-version'),
      pending: count('pending'),
      skipped: count('skipped'),
      failed: count('failed'),
      notImported: count('not-imported'),
      round: summary.round,
      db: summary.dbPath,
    }),
  );
}

const PROBLEM_LINES_PER_FILE = 5;

/**
 * The cells the reader stumbled on (a formula without a result, a cut text, a score written 八分), and what a
 * held version means, each with its file and cell, so a clerk sees at once what to check. (Output masks the
 * personal numbers they quote.)
 */
function printProblemLines(out: Output, results: readonly FileResult[]): void {
  const lines: string[] = [];
  for (const r of results) {
    const shown = r.problems.filter((p) => p.severity !== 'info');
    const file = clean(r.file);
    for (const p of shown.slice(0, PROBLEM_LINES_PER_FILE)) {
      const message = clean(p.message);
      lines.push(p.cell ? msg('safety.import.problem', { file, cell: clean(p.cell), message }) : msg('safety.import.problemNoCell', { file, message }));
    }
    if (shown.length > PROBLEM_LINES_PER_FILE) lines.push(msg('safety.import.moreProblems', { file, count: shown.length - PROBLEM_LINES_PER_FILE }));
  }
  if (lines.length === 0) return;
  out.print(msg('safety.import.problemsHead'));
  out.print(lines.join('\n'));
}

/** A round without applications: say so, and which rounds have some and how to switch to them. */
export function emptyRoundText(others: readonly { round: number; count: number }[], round: number): string {
  const empty = msg('cli.list.empty', { round });
  if (others.length === 0) return empty;
  const rounds = others.map((r) => msg('cli.list.roundCount', { year: r.round, count: r.count })).join(msg('cli.list.roundSeparator'));
  return `${empty}\n${msg('cli.list.otherRounds', { rounds, year: others[0]!.round })}`;
}

export function renderApplicationList(out: Output, rows: readonly ApplicationRow[], round: number): void {
  const c = out.color;
  const colour = (e: Eligibility, text: string): string => (e === 'ineligible' ? c.red(text) : e === 'pending' ? c.yellow(text) : e === 'eligible' ? c.green(text) : text);
  const table = rows.map((a) => [
    `#${a.id}`,
    a.studioName,
    a.unitName,
    a.leadName,
    colour(a.eligibility, eligibilityText(a.eligibility)),
    statusName(a.status) + (a.pendingVersions > 0 ? c.yellow(msg(a.status === 'certified' ? 'records.list.notUsed' : 'records.list.pending', { count: a.pendingVersions })) : ''),
    msg('cli.list.counts', { errors: a.errors, warnings: a.warnings }),
  ]);
  out.print(renderTable(msg('cli.list.head').split('|'), table));
  const by = (e: Eligibility): number => rows.filter((a) => a.eligibility === e).length;
  out.note(msg('cli.list.summary', { round, total: rows.length, eligible: by('eligible'), pending: by('pending'), ineligible: by('ineligible') }));
}

/**
 * A findings table: severity (已豁免 / 已确认 with the waiver's reason and day), code, cell, what it says;
 * then each field the clerk corrected, as 已更正 with old → new, reason and day.
 */
export function renderFindings(out: Output, findings: readonly (FindingView | Finding)[], corrections: readonly FieldCorrection[] = []): void {
  const head = msg('cli.show.findingsHead').split('|');
  const rows: string[][] = [
    ...findings.map((f) => {
      const v = f as Partial<FindingView>;
      const note = v.overridden ? msg('records.findings.waiverNote', { why: waiverWhy(v) }) : '';
      // A finding of the import or the assessment has no title: its message says it all, its code is for --json.
      const title = ruleTitle(f.code);
      return [severityText(f, out.color), title === f.code ? '' : title, f.cell ?? '', maskPersonalNumbers(forFace(f.message)) + note];
    }),
    ...corrections.map((c) => [
      msg('records.severity.corrected'),
      '',
      '',
      maskPersonalNumbers(msg('records.findings.corrected', { field: c.field, from: c.from || msg('records.findings.empty'), to: c.to || msg('records.findings.empty'), reason: c.reason, date: c.date })),
    ]),
  ];
  // Findings of an import or an assessment have no rule title (their message says it all): a 问题 column
  // blank on every row is left out rather than shown empty.
  const untitled = rows.every((r) => r[1] === '');
  const keep = <T,>(cells: readonly T[]): T[] => (untitled ? cells.filter((_, i) => i !== 1) : [...cells]);
  out.print(renderTable(keep(head), rows.map(keep)));
}

export function renderApplication(out: Output, a: ApplicationJson): void {
  const field = (label: string, value: string): string[] => [label, value];
  const rows = [
    field(msg('cli.field.id'), msg('cli.show.idLine', { id: a.id, round: a.round, version: a.version })),
    field(msg('cli.field.studioName'), a.studioName),
    field(msg('cli.field.unit'), a.unitName),
    field(msg('cli.field.legalRepresentative'), a.unit.legalRepresentative),
    // A fixed line is the unit's office number and stays readable (as the README says); a mobile number
    // typed into its column is still found and masked. The mobile column is masked as a mobile, always.
    // Each says what it is (固定电话 / 手机): the words also keep the two numbers' digits apart.
    field(msg('cli.field.contact'), [a.unit.contact, a.unit.phone && msg('cli.show.phone', { phone: maskPersonalNumbers(a.unit.phone) }), a.unit.mobile && msg('cli.show.mobile', { mobile: maskPhone(a.unit.mobile) })].filter(Boolean).join('  ')),
    field(msg('cli.field.lead'), [a.lead.name, a.lead.gender, a.lead.birth].filter(Boolean).join('  ')),
    field(msg('cli.field.idNumber'), maskIdNumber(a.lead.idNumber)),
    field(msg('cli.field.occupation'), a.lead.occupation),
    field(msg('cli.field.skillLevel'), a.lead.skillLevel),
    field(msg('cli.field.members'), msg('cli.show.members', { names: a.members.map((m) => m.name).join('、'), count: a.members.length })),
    field(msg('cli.field.eligibility'), eligibilityText(a.eligibility)),
    field(msg('cli.field.status'), statusName(a.status)),
    field(msg('cli.field.source'), msg('cli.show.source', { file: a.source.file, sheet: a.source.sheet })),
    ...(a.mail ? [field(msg('cli.field.mail'), mailLine(a.mail))] : []),
  ];
  out.print(renderTable(msg('cli.show.head').split('|'), rows));
  const findings = [...a.problems, ...a.findings];
  if (findings.length === 0 && a.corrections.length === 0) out.print(out.color.green(msg('cli.show.noFindings')));
  else renderFindings(out, findings, a.corrections);
  if (a.pendingVersions.length > 0) {
    out.warn(msg(a.status === 'certified' ? 'records.show.notUsed' : 'records.show.pending', { id: a.id, versions: a.pendingVersions.map((v) => `v${v}`).join('、'), current: a.version }));
  }
}

/** A form's mail on one line: sender, the Date in China, subject. */
export function mailLine(mail: NonNullable<ApplicationJson['mail']>): string {
  return msg('cli.show.mail', { from: mail.from, date: mail.date ? chinaDateTime(mail.date) : msg('cli.show.mailNoDate'), subject: mail.subject });
}

export function renderVersions(out: Output, history: ApplicationHistory): void {
  const state = (s: ApplicationHistory['versions'][number]['state']): string => msg(`records.version.${s}`);
  out.print(
    renderTable(
      msg('cli.show.historyHead').split('|'),
      history.versions.map((v) => [`v${v.version}`, state(v.state), v.file, chinaDateTime(v.importedAt), v.importedBy, v.sha256.slice(0, 12)]),
    ),
  );
}

export function renderMaterials(out: Output, received: readonly string[], reportStudioName: string | null): void {
  const have = new Set(received);
  const rows = allMaterials().map((m) => [
    m.zh,
    m.required ? msg('cli.materials.required') : msg('cli.materials.optional'),
    have.has(m.key) ? out.color.green(msg('cli.materials.received')) : m.required ? out.color.yellow(msg('cli.materials.notReceived')) : msg('cli.materials.notReceived'),
  ]);
  out.print(renderTable(msg('cli.materials.head').split('|'), rows));
  if (reportStudioName) out.note(msg('cli.materials.reportName', { name: reportStudioName }));
}

/** The progress line of an import, by file name. */
export function importProgress(out: Output): (done: number, total: number, file: string) => void {
  return (done, total, file) => out.progress(msg('cli.import.progress', { done, total, file: path.basename(file) }));
}
