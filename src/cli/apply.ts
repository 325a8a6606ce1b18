/** `gongshu apply …`: import, list and show applications. Parses options, calls the core, renders. */
import { UsageError, RefusedError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import type { Finding } from '../core/finding.js';
import { maskIdNumber, maskPersonalNumbers, maskPhone } from '../core/text.js';
import { statusName } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { applicationJson, eligibilityFromVerdict, eligibilityOf, type ApplicationJson, type Eligibility } from '../services/application-view.js';
import { allMaterials, parseMaterialList } from '../rules/materials.js';
import { eligibilityText as ruleEligibilityText } from '../rules/verdict.js';
import {
  activeOverrides,
  addOverride,
  getApplication,
  listApplicationSummaries,
  listApplications,
  listVersions,
  receivedMaterials,
  reportStudioName,
  setFemaleGroup,
  setMaterial,
  setReportStudioName,
  undoOverride,
  type FemaleGroup,
} from '../store/applications.js';
import { appendAudit, auditFor } from '../store/audit.js';
import type { Db } from '../store/open.js';
import { applicationCounts } from '../store/rounds.js';
import { severityText } from '../ui/severity.js';
import { renderTable } from '../ui/table.js';
import { forFace } from '../messages/command-text.js';
import type { CliContext } from './context.js';
import { parseId, reasonOption, todayIso } from './context.js';
import { dateOption } from './dates.js';
import { runImport } from './import-command.js';

// Loaded by the commands that change applications only: `apply list` and `apply show` need neither the
// import machinery nor the rules.
const importer = () => import('../import/application-import.js');
const eligibility = () => import('../services/eligibility.js');

export async function applyImport(ctx: CliContext, paths: string[], opts: Record<string, unknown>): Promise<number> {
  const received = dateOption(ctx.out, opts.received, '--received', 'received') ?? todayIso();
  const results = await runImport(ctx, paths, async (db, files, batch) => (await importer()).importApplicationFiles(db, files, { ...batch, receivedDate: received }));
  return results.some((r) => r.outcome === 'failed') ? ExitCode.failed : ExitCode.ok;
}

export function eligibilityText(e: Eligibility): string {
  return e === 'unchecked' ? msg('cli.eligibility.unchecked') : ruleEligibilityText(e);
}

export async function applyList(ctx: CliContext): Promise<void> {
  const db = ctx.openDb();
  if (ctx.json) {
    ctx.out.printJson(listApplications(db, ctx.round).map((a) => applicationJson(db, a)));
    return;
  }
  // The table needs a few fields of each form: read those, not every stored form in full.
  const apps = listApplicationSummaries(db, ctx.round).map((a) => ({ ...a, eligibility: eligibilityFromVerdict(a.eligible, a.warnings > 0) }));
  if (apps.length === 0) {
    ctx.out.note(emptyRoundText(db, ctx.round));
    return;
  }
  const c = ctx.out.color;
  const colour = (e: Eligibility, text: string): string => (e === 'ineligible' ? c.red(text) : e === 'pending' ? c.yellow(text) : e === 'eligible' ? c.green(text) : text);
  const rows = apps.map((a) => [
    `#${a.id}`,
    a.studioName,
    a.unitName,
    a.leadName,
    colour(a.eligibility, eligibilityText(a.eligibility)),
    statusName(a.status),
    msg('cli.list.counts', { errors: a.errors, warnings: a.warnings }),
  ]);
  ctx.out.print(renderTable(msg('cli.list.head').split('|'), rows));
  const by = (e: Eligibility): number => apps.filter((a) => a.eligibility === e).length;
  ctx.out.note(msg('cli.list.summary', { round: ctx.round, total: apps.length, eligible: by('eligible'), pending: by('pending'), ineligible: by('ineligible') }));
}

/** A round without applications: say so, and which rounds have some and how to switch to them. */
export function emptyRoundText(db: Db, round: number): string {
  const others = applicationCounts(db).filter((r) => r.year !== round);
  const empty = msg('cli.list.empty', { round });
  if (others.length === 0) return empty;
  const rounds = others.map((r) => msg('cli.list.roundCount', r)).join(msg('cli.list.roundSeparator'));
  return `${empty}\n${msg('cli.list.otherRounds', { rounds, year: others[0]!.year })}`;
}

export function countText(findings: ApplicationJson['findings']): string {
  const errors = findings.filter((f) => f.severity === 'error' && !f.overridden).length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return msg('cli.list.counts', { errors, warnings });
}

function requireApplication(ctx: CliContext, idText: string) {
  const id = parseId(idText);
  const db = ctx.openDb({ mustExist: true });
  const app = getApplication(db, id);
  if (!app) throw new RefusedError('application-not-found', msg('cli.notFound', { id }));
  return { db, app };
}

export async function applyShow(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const { db, app } = requireApplication(ctx, idText!);
  const view = applicationJson(db, app);
  const versions = opts.history ? listVersions(db, app.id) : [];
  if (ctx.json) {
    ctx.out.printJson(
      opts.history
        ? { ...view, history: versions.map((v) => ({ version: v.version, file: v.file, sha256: v.sha256, importedAt: v.importedAt, importedBy: v.importedBy })), audit: auditFor(db, 'application', app.id) }
        : view,
    );
    return;
  }
  const a = view;
  const field = (label: string, value: string): string[] => [label, value];
  const rows = [
    field(msg('cli.field.id'), msg('cli.show.idLine', { id: a.id, round: a.round, version: a.version })),
    field(msg('cli.field.studioName'), a.studioName),
    field(msg('cli.field.unit'), a.unit.name),
    field(msg('cli.field.legalRepresentative'), a.unit.legalRepresentative),
    field(msg('cli.field.contact'), [a.unit.contact, maskPhone(a.unit.phone), maskPhone(a.unit.mobile)].filter(Boolean).join('  ')),
    field(msg('cli.field.lead'), [a.lead.name, a.lead.gender, a.lead.birth].filter(Boolean).join('  ')),
    field(msg('cli.field.idNumber'), maskIdNumber(a.lead.idNumber)),
    field(msg('cli.field.occupation'), a.lead.occupation),
    field(msg('cli.field.skillLevel'), a.lead.skillLevel),
    field(msg('cli.field.members'), msg('cli.show.members', { names: a.members.map((m) => m.name).join('、'), count: a.members.length })),
    field(msg('cli.field.eligibility'), eligibilityText(a.eligibility)),
    field(msg('cli.field.status'), statusName(a.status)),
    field(msg('cli.field.source'), msg('cli.show.source', { file: a.source.file, sheet: a.source.sheet })),
  ];
  ctx.out.print(renderTable(msg('cli.show.head').split('|'), rows));
  const findings: (Finding & { overridden?: boolean })[] = [...a.problems, ...a.findings];
  if (findings.length === 0) ctx.out.print(ctx.out.color.green(msg('cli.show.noFindings')));
  else {
    ctx.out.print(
      renderTable(
        msg('cli.show.findingsHead').split('|'),
        findings.map((f) => [
          severityText(f, ctx.out.color),
          f.code,
          f.cell ?? '',
          maskPersonalNumbers(forFace(f.message)),
        ]),
      ),
    );
  }
  if (opts.history) {
    ctx.out.print(
      renderTable(
        msg('cli.show.historyHead').split('|'),
        versions.map((v) => [`v${v.version}`, v.file, v.importedAt.replace('T', ' ').slice(0, 19), v.importedBy, v.sha256.slice(0, 12)]),
      ),
    );
  }
}

export async function applyValidate(ctx: CliContext): Promise<void> {
  const { evaluateRound } = await eligibility();
  const db = ctx.openDb({ mustExist: true });
  const n = evaluateRound(db, ctx.round, ctx.actor);
  ctx.out.success(msg('cli.validate.done', { count: n, round: ctx.round }));
  await applyList(ctx);
}

export async function applyOverride(ctx: CliContext, [idText, code]: string[], opts: Record<string, unknown>): Promise<void> {
  const { evaluateApplication } = await eligibility();
  const { db, app } = requireApplication(ctx, idText!);
  const reason = reasonOption(opts);
  if (opts.undo) {
    const active = activeOverrides(db, app.id).filter((o) => o.code === code);
    const last = active[active.length - 1];
    if (!last) throw new RefusedError('override-not-found', msg('cli.override.noneToUndo', { id: app.id, code: code! }));
    db.transaction(() => {
      undoOverride(db, last.id);
      appendAudit(db, ctx.actor, 'application', app.id, 'override-undo', { code, overrideId: last.id, reason });
      evaluateApplication(db, app.id, ctx.actor);
    }).immediate();
    ctx.out.success(msg('cli.override.undone', { id: app.id, code: code! }));
    return;
  }
  if (!reason) throw new UsageError('override-reason-missing', msg('cli.override.reasonMissing'));
  const standing = app.findings.filter((f) => f.code === code && f.severity === 'error');
  if (standing.length === 0) {
    const codes = [...new Set(app.findings.filter((f) => f.severity === 'error').map((f) => f.code))].join('、') || msg('cli.override.noErrors');
    throw new RefusedError('override-no-such-error', msg('cli.override.noSuchError', { id: app.id, code: code!, codes }));
  }
  if (activeOverrides(db, app.id).some((o) => o.code === code)) {
    ctx.out.note(msg('cli.override.already', { id: app.id, code: code! }));
    return;
  }
  const evaluation = db.transaction(() => {
    const overrideId = addOverride(db, app.id, code!, reason, ctx.actor);
    appendAudit(db, ctx.actor, 'application', app.id, 'override', { code, reason, overrideId });
    return evaluateApplication(db, app.id, ctx.actor);
  }).immediate();
  ctx.out.success(msg('cli.override.done', { id: app.id, code: code!, status: eligibilityText(eligibilityOf(evaluation.eligible, evaluation.findings)) }));
}

export async function applySet(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const { evaluateApplication } = await eligibility();
  const { db, app } = requireApplication(ctx, idText!);
  const group = opts.femaleGroup as FemaleGroup | undefined;
  if (!group) throw new UsageError('nothing-to-set', msg('cli.set.nothing'));
  db.transaction(() => {
    setFemaleGroup(db, app.id, group);
    appendAudit(db, ctx.actor, 'application', app.id, 'set', { femaleGroup: { from: app.femaleGroup, to: group } });
    evaluateApplication(db, app.id, ctx.actor);
  }).immediate();
  ctx.out.success(msg('cli.set.done', { id: app.id, group: msg(group === 'cadre' ? 'cli.check.group.female-cadre' : 'cli.check.group.female-worker') }));
}

export async function applyMaterials(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const { evaluateApplication } = await eligibility();
  const { db, app } = requireApplication(ctx, idText!);
  const received = typeof opts.received === 'string' ? parseMaterialList(opts.received) : { keys: [], unknown: [] };
  const missing = typeof opts.missing === 'string' ? parseMaterialList(opts.missing) : { keys: [], unknown: [] };
  const unknown = [...received.unknown, ...missing.unknown];
  if (unknown.length) {
    throw new UsageError('unknown-material', msg('cli.materials.unknown', { names: unknown.join('、'), known: allMaterials().map((m) => m.zh).join('、') }));
  }
  const reportName = typeof opts.reportName === 'string' ? opts.reportName.trim() : undefined;
  const changes = received.keys.length + missing.keys.length + (reportName === undefined ? 0 : 1);
  if (changes > 0) {
    db.transaction(() => {
      for (const key of received.keys) setMaterial(db, app.id, key, true);
      for (const key of missing.keys) setMaterial(db, app.id, key, false);
      if (reportName !== undefined) setReportStudioName(db, app.id, reportName || null);
      appendAudit(db, ctx.actor, 'application', app.id, 'materials', { received: received.keys, missing: missing.keys, reportStudioName: reportName });
      evaluateApplication(db, app.id, ctx.actor);
    }).immediate();
  }
  const have = new Set(receivedMaterials(db, app.id));
  const rows = allMaterials().map((m) => [
    m.zh,
    m.required ? msg('cli.materials.required') : msg('cli.materials.optional'),
    have.has(m.key) ? ctx.out.color.green(msg('cli.materials.received')) : m.required ? ctx.out.color.yellow(msg('cli.materials.notReceived')) : msg('cli.materials.notReceived'),
  ]);
  if (ctx.json) {
    ctx.out.printJson({ id: app.id, received: [...have], reportStudioName: reportStudioName(db, app.id) });
    return;
  }
  ctx.out.print(renderTable(msg('cli.materials.head').split('|'), rows));
  const report = reportStudioName(db, app.id);
  if (report) ctx.out.note(msg('cli.materials.reportName', { name: report }));
}
