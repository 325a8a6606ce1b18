/**
 * What each menu entry does, from choosing the round to the applications' findings. An action asks its
 * questions, shows what a change will do and asks to confirm, then calls the same service the command
 * calls and shows the result with the same renderer: the menu is another way of typing the command.
 */
import { chinaDate, chinaYear } from '../../core/china-time.js';
import { statusName } from '../../core/lifecycle.js';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { withoutCommandHints } from '../../messages/command-text.js';
import { msg, type MessageKey } from '../../messages/index.js';
import { correctableFields, parseCorrections } from '../../rules/corrections.js';
import { fieldName } from '../../rules/fields.js';
import { ruleTitle } from '../../rules/index.js';
import { overrideText } from '../../rules/waivers.js';
import { gradeName } from '../../scoring/index.js';
import { activeWaivers, applicationRows, applicationView, applicationViews, otherRounds, type ApplicationJson, type FindingView } from '../../services/application-view.js';
import { acceptVersion, correctApplication, leaveSelection, undoWaiver, waiveFinding } from '../../services/applications.js';
import { importAssessments as importAssessmentFiles, scoredAssessment, scoreRound } from '../../services/assessments.js';
import { defaultFileName, type OutputKind, type OutputTarget } from '../../documents/output-file.js';
import { checkExportable, exportEligibilitySummary, exportNotice, exportReport, exportResults, exportShortlist, exportSubsidy, writeApplicationTemplate, writeAssessmentTemplate, writeReviewTemplate, type Written } from '../../services/exports.js';
import { checkReceivedDate, importApplications as importApplicationFiles } from '../../services/import-applications.js';
import { importRegister } from '../../services/register.js';
import { rounds, roundView, setRound } from '../../services/rounds.js';
import { defaultDeadline } from '../../rules/context.js';
import { parseExperts, parseYear, todayIso } from '../parse.js';
import { eligibilityText, emptyRoundText, importProgress, renderApplication, renderApplicationList, renderImportResults } from '../render/applications.js';
import { renderWritten, type WrittenKind } from '../render/exports.js';
import { renderRegisterImport } from '../render/register.js';
import { renderRound } from '../render/rounds.js';
import { renderScoreDetail, renderScoreNotes, renderScores } from '../render/scores.js';
import { askDate, askOutputFile, askReason, askWorkbooks, BACK, confirmed, filtered, pickApplication, validatorOf } from './questions.js';
import type { MenuSession } from './session.js';

/** Lists and exports read what is there: a missing database is said, not created. */
const READS = { mustExist: true };

/** A workbook the menu can write: a blank template or an export. Adding one is adding a row. */
export interface WorkbookEntry {
  key: string;
  label: MessageKey;
  /** The command it stands for, as recorded in the audit log. */
  command: string;
  kind: WrittenKind;
  /** What the file is: its default name (the command's without -o) and the checks on where it goes. */
  output: Exclude<OutputKind, 'backup'>;
  /** Questions asked before where to save, answered as the command's options. */
  options?: (s: MenuSession) => Promise<{ full?: boolean }>;
  write(s: MenuSession, target: OutputTarget, options: { full?: boolean }): Promise<Written>;
}

export const TEMPLATES: readonly WorkbookEntry[] = [
  {
    key: 'application',
    label: 'menu.template.application',
    command: 'template application',
    kind: 'workbook',
    output: 'template-application',
    write: (s, target) => writeApplicationTemplate(target, s.round, target.kind === 'template-application-docx' ? 'docx' : 'xlsx'),
  },
  {
    key: 'application-docx',
    label: 'menu.template.applicationDocx',
    command: 'template application --docx',
    kind: 'workbook',
    output: 'template-application-docx',
    // A name ending in .xlsx gets the workbook: the name says what the file is.
    write: (s, target) => writeApplicationTemplate(target, s.round, target.kind === 'template-application-docx' ? 'docx' : 'xlsx'),
  },
  {
    key: 'assessment',
    label: 'menu.template.assessment',
    command: 'template assessment',
    kind: 'workbook',
    output: 'template-assessment',
    write: (s, target) => writeAssessmentTemplate(target, s.round),
  },
  {
    key: 'review',
    label: 'menu.template.review',
    command: 'template review',
    kind: 'review-template',
    output: 'template-review',
    write: async (s, target) => ({ ...(await writeReviewTemplate(s.workspace('template review', READS), s.round, target, { count: parseExperts(undefined), names: [] })), experts: parseExperts(undefined) }),
  },
];

export const EXPORTS: readonly WorkbookEntry[] = [
  {
    key: 'review',
    label: 'menu.export.review',
    command: 'export review',
    kind: 'workbook',
    options: async (s) => ({ full: await s.prompts.confirm({ message: msg('menu.export.fullIds'), default: false }) }),
    output: 'export-review',
    write: (s, target, options) => exportEligibilitySummary(s.workspace('export review', READS), s.round, target, { full: Boolean(options.full) }),
  },
  {
    key: 'results',
    label: 'menu.export.results',
    command: 'export results',
    kind: 'workbook',
    output: 'export-results',
    write: (s, target) => exportResults(s.workspace('export results', READS), s.round, target),
  },
  {
    key: 'shortlist',
    label: 'menu.export.shortlist',
    command: 'export shortlist',
    kind: 'shortlist',
    output: 'export-shortlist',
    write: (s, target) => exportShortlist(s.workspace('export shortlist', READS), s.round, target, { internal: false }),
  },
  {
    key: 'shortlist-internal',
    label: 'menu.export.shortlistInternal',
    command: 'export shortlist',
    kind: 'shortlist',
    output: 'export-shortlist-internal',
    write: (s, target) => exportShortlist(s.workspace('export shortlist', READS), s.round, target, { internal: true }),
  },
  {
    key: 'subsidy',
    label: 'menu.export.subsidy',
    command: 'export subsidy',
    kind: 'subsidy',
    output: 'export-subsidy',
    write: (s, target) => exportSubsidy(s.workspace('export subsidy', READS), s.round, target),
  },
  {
    key: 'notice',
    label: 'menu.export.notice',
    command: 'export notice',
    kind: 'notice',
    output: 'export-notice',
    write: (s, target) => exportNotice(s.workspace('export notice', READS), s.round, target),
  },
  {
    key: 'report',
    label: 'report.menu.export',
    command: 'export report',
    kind: 'report',
    output: 'export-report',
    write: (s, target) => exportReport(s.workspace('export report', READS), s.round, target),
  },
];

async function writeWorkbook(s: MenuSession, message: string, entries: readonly WorkbookEntry[]): Promise<void> {
  const entry = await s.prompts.select({ message, choices: entries.map((e) => ({ name: msg(e.label), value: e })) });
  // Nothing to list is said before anything is asked (where to save a 公示 that was never started).
  if (entry.output.startsWith('export-') || entry.output === 'template-review') checkExportable(s.workspace(entry.command, READS), s.round, entry.output);
  const options = entry.options ? await entry.options(s) : {};
  const target = await askOutputFile(s, defaultFileName(entry.output, s.round), entry.output);
  renderWritten(s.out, entry.kind, await entry.write(s, target, options));
}

export function writeTemplate(s: MenuSession): Promise<void> {
  return writeWorkbook(s, msg('menu.template.kind'), TEMPLATES);
}

export function exportWorkbook(s: MenuSession): Promise<void> {
  return writeWorkbook(s, msg('menu.export.kind'), EXPORTS);
}

export async function chooseRound(s: MenuSession): Promise<void> {
  const ws = s.existing('round show');
  const known = ws ? rounds(ws) : [];
  const deadlineOf = (year: number): string => known.find((r) => r.year === year)?.deadline ?? defaultDeadline(year);
  const years = [...new Set([s.round, chinaYear(), ...known.map((r) => r.year)])].sort((a, b) => b - a);
  const OTHER = -1;
  const picked = await s.prompts.select<number>({
    message: msg('menu.round.pick'),
    choices: [...years.map((year) => ({ name: msg('menu.round.year', { year, deadline: deadlineOf(year) }), value: year })), { name: msg('menu.round.other'), value: OTHER }],
    default: s.round,
  });
  const year = picked === OTHER ? parseYear(await s.prompts.input({ message: msg('menu.round.type'), validate: validatorOf(parseYear) })) : picked;
  s.round = year;
  s.out.success(msg('menu.round.chosen', { year }));
  if (ws) renderRound(s.out, roundView(ws, year));
  if (!(await s.prompts.confirm({ message: msg('menu.round.changeDeadline', { year }), default: false }))) return;
  const deadline = await askDate(s, msg('menu.round.deadline'), 'deadline', deadlineOf(year), year);
  const result = setRound(s.workspace('round set'), year, { deadline });
  s.out.success(msg('cli.round.saved', { year, deadline, count: result.rechecked }));
}

export async function importApplications(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.applications'));
  if (!files) return;
  const receivedDate = await askDate(s, msg('menu.import.received'), 'received', todayIso(), s.round, (d) => checkReceivedDate(d));
  const results = await importApplicationFiles(s.workspace('apply import'), files, { round: s.round, receivedDate, mailDates: true, onProgress: importProgress(s.out) });
  s.out.endProgress();
  renderImportResults(s.out, results, { round: s.round, dbPath: s.dbPath });
}

export async function importAssessments(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.assessments'));
  if (!files) return;
  const results = await importAssessmentFiles(s.workspace('assess import'), files, { round: s.round, newStudios: false, onProgress: importProgress(s.out) });
  s.out.endProgress();
  renderImportResults(s.out, results, { round: s.round, dbPath: s.dbPath });
  // Whether to create studios is asked only once the files are read and some sheet matches no studio.
  const unmatched = results.flatMap((r, i) => (r.error?.code === 'assessment-no-studio' ? [i] : []));
  if (unmatched.length === 0) return;
  if (!(await s.prompts.confirm({ message: msg('menu.assess.newStudiosAfter', { count: unmatched.length }), default: false }))) return;
  // One result per file given (a folder was expanded into files before): the unmatched ones are imported again.
  const again = results.length === files.length ? unmatched.map((i) => files[i]!) : files;
  const created = await importAssessmentFiles(s.workspace('assess import'), again, { round: s.round, newStudios: true, onProgress: importProgress(s.out) });
  s.out.endProgress();
  renderImportResults(s.out, created, { round: s.round, dbPath: s.dbPath });
}

function roundApplications(s: MenuSession): ApplicationJson[] {
  const ws = s.existing();
  return ws ? applicationViews(ws, s.round) : [];
}

export async function viewApplications(s: MenuSession): Promise<void> {
  const ws = s.existing('apply list');
  const rows = ws ? applicationRows(ws, s.round) : [];
  if (rows.length === 0) {
    s.out.note(emptyRoundText(ws ? otherRounds(ws, s.round) : [], s.round));
    return;
  }
  renderApplicationList(s.out, rows, s.round);
  const apps = roundApplications(s);
  for (;;) {
    const id = await pickApplication(s, apps, msg('menu.view.pick'));
    if (id === BACK) return;
    renderApplication(s.out, applicationView(ws!, id));
  }
}

export async function overrideFinding(s: MenuSession): Promise<void> {
  const mode = await s.prompts.select<'add' | 'undo'>({
    message: msg('menu.override.mode'),
    choices: [
      { name: msg('menu.override.add'), value: 'add' },
      { name: msg('menu.override.undo'), value: 'undo' },
    ],
  });
  if (mode === 'add') await addOverride(s);
  else await undoOverride(s);
}

/** Findings the clerk may waive (errors the notice leaves to judgement) or acknowledge (warnings), not yet covered. */
const waivable = (a: ApplicationJson): FindingView[] => a.findings.filter((f) => !f.overridden && f.waiver !== 'fix' && f.severity !== 'info');
const standingErrors = (a: ApplicationJson): FindingView[] => a.findings.filter((f) => f.severity === 'error' && !f.overridden);

function findingChoice(f: FindingView): string {
  const where = [f.field ? fieldName(f.field) : '', f.cell ?? ''].filter(Boolean).join(' ');
  return msg(f.waiver === 'waive' ? 'menu.override.choiceWaive' : 'menu.override.choiceAcknowledge', { title: ruleTitle(f.code), code: f.code, where });
}

async function addOverride(s: MenuSession): Promise<void> {
  const candidates = roundApplications(s).filter((a) => waivable(a).length > 0);
  if (candidates.length === 0) {
    s.out.note(msg('menu.override.nothing', { round: s.round }));
    return;
  }
  const id = await pickApplication(s, candidates, msg('menu.override.pickApp'));
  if (id === BACK) return;
  const app = candidates.find((a) => a.id === id)!;
  const fixOnly = standingErrors(app).filter((f) => f.waiver === 'fix');
  if (fixOnly.length > 0) s.out.note(msg('menu.override.fixOnly', { titles: [...new Set(fixOnly.map((f) => ruleTitle(f.code)))].join('、') }));
  const finding = await s.prompts.select({
    message: msg('menu.override.pickCode'),
    choices: waivable(app).map((f) => ({ name: findingChoice(f), value: f, description: maskPersonalNumbers(withoutCommandHints(f.message)) })),
  });
  const acknowledge = finding.severity !== 'error';
  const reason = await askReason(s, msg(acknowledge ? 'menu.override.ackReason' : 'menu.override.reason'), msg('menu.override.reasonMissing'));
  const remaining = standingErrors(app).filter((f) => f !== finding).map((f) => ruleTitle(f.code));
  const where = [finding.field ? fieldName(finding.field) : '', finding.cell ?? ''].filter(Boolean).join(' ');
  s.out.print(
    msg(acknowledge ? 'menu.override.previewAcknowledge' : 'menu.override.previewAdd', {
      where,
      id,
      studio: app.studioName,
      title: ruleTitle(finding.code),
      code: finding.code,
      message: maskPersonalNumbers(withoutCommandHints(finding.message)),
      reason,
      remaining: remaining.join('、') || msg('menu.override.none'),
    }),
  );
  if (!(await confirmed(s, msg('menu.override.confirm')))) return;
  const result = waiveFinding(s.workspace('apply override'), id, finding.code, finding.field ?? '', reason);
  const status = eligibilityText(applicationView(s.existing()!, id).eligibility);
  s.out.success(result.kind === 'waive' ? msg('cli.override.done', { id, title: ruleTitle(finding.code), status }) : msg(where ? 'records.waive.acknowledged' : 'records.waive.acknowledgedNoPlace', { id, title: ruleTitle(finding.code), where }));
}

async function undoOverride(s: MenuSession): Promise<void> {
  const ws = s.existing();
  const candidates = roundApplications(s)
    .map((app) => ({ app, overrides: activeWaivers(ws!, app.id) }))
    .filter((x) => x.overrides.length > 0);
  if (candidates.length === 0) {
    s.out.note(msg('menu.override.nothingToUndo', { round: s.round }));
    return;
  }
  const id = await pickApplication(
    s,
    candidates.map((x) => x.app),
    msg('menu.override.pickApp'),
  );
  if (id === BACK) return;
  const { app, overrides } = candidates.find((x) => x.app.id === id)!;
  const chosen = await s.prompts.select({
    message: msg('menu.override.pickUndo'),
    choices: overrides.map((o) => ({
      name: msg('menu.override.code', { title: ruleTitle(o.code), code: o.code }) + (o.field ? ` · ${fieldName(o.field)}` : ''),
      value: o,
      description: msg('menu.override.given', { reason: o.reason, by: o.createdBy, at: chinaDate(o.createdAt) }),
    })),
  });
  const reason = (await s.prompts.input({ message: msg('menu.override.undoReason') })).trim();
  s.out.print(msg('menu.override.previewUndo', { id, studio: app.studioName, title: ruleTitle(chosen.code), code: chosen.code, given: chosen.reason }));
  if (!(await confirmed(s, msg('menu.override.confirm')))) return;
  const undone = undoWaiver(s.workspace('apply override'), id, chosen.code, chosen.field ?? undefined, reason);
  s.out.success(msg(undone.kind === 'acknowledge' ? 'cli.override.undoneAcknowledged' : 'cli.override.undone', { id, title: ruleTitle(chosen.code) }));
}

type ApplicationStep = 'withdraw' | 'reject' | 'accept' | 'correct';

const STEP_STATUSES: Record<ApplicationStep, ReadonlySet<string>> = {
  withdraw: new Set(['submitted', 'eligible', 'ineligible', 'reviewed', 'shortlisted', 'publicized']),
  reject: new Set(['reviewed', 'shortlisted', 'publicized']),
  accept: new Set(['submitted', 'eligible', 'ineligible', 'reviewed', 'shortlisted', 'publicized']),
  correct: new Set(['submitted', 'eligible', 'ineligible']),
};

/** 申报处理: withdraw, reject, take a held version into effect, correct a field the unit confirmed. */
export async function handleApplication(s: MenuSession): Promise<void> {
  const step = await s.prompts.select<ApplicationStep>({
    message: msg('menu.apply.mode'),
    choices: (['correct', 'accept', 'withdraw', 'reject'] as const).map((value) => ({ name: msg(`menu.apply.${value}`), value })),
  });
  const apps = roundApplications(s).filter((a) => STEP_STATUSES[step].has(a.status) && (step !== 'accept' || a.pendingVersions.length > 0));
  if (apps.length === 0) {
    s.out.note(msg('menu.apply.none', { round: s.round }));
    return;
  }
  const id = await pickApplication(s, apps, msg('menu.override.pickApp'));
  if (id === BACK) return;
  const app = apps.find((a) => a.id === id)!;
  if (step === 'correct') return correctStep(s, app);
  const reason = await askReason(s, msg('menu.flow.reason'));
  if (step === 'accept') {
    s.out.print(msg('menu.apply.previewAccept', { id, studio: app.studioName, version: app.pendingVersions.at(-1)!, current: app.version }));
    if (!(await confirmed(s, msg('menu.override.confirm')))) return;
    const r = acceptVersion(s.workspace('apply accept-version'), id, reason);
    s.out.success(msg('records.accept.done', { id, from: r.from, to: r.to, status: statusName(applicationView(s.existing()!, id).status) }));
    return;
  }
  s.out.print(msg(step === 'withdraw' ? 'menu.apply.previewWithdraw' : 'menu.apply.previewReject', { id, studio: app.studioName }));
  if (!(await confirmed(s, msg('menu.override.confirm')))) return;
  const result = leaveSelection(s.workspace(`apply ${step}`), id, step, reason);
  s.out.success(msg('workflow.moved', { id, name: app.studioName, status: statusName(result.status) }));
  if (result.rechecked.length > 0) s.out.note(msg('records.leave.rechecked', { ids: result.rechecked.map((x) => `#${x}`).join('、') }));
}

async function correctStep(s: MenuSession, app: ApplicationJson): Promise<void> {
  const field = await s.prompts.select({
    message: msg('menu.apply.pickField'),
    choices: correctableFields().map((f) => ({ name: f.names[0]!, value: f })),
  });
  const name = field.names[0]!;
  const value = await s.prompts.input({ message: msg('menu.apply.newValue', { name }), validate: validatorOf((v) => parseCorrections([`${field.path}=${v}`])) });
  const corrections = parseCorrections([`${field.path}=${value}`]).map((c) => ({ ...c, name }));
  const reason = await askReason(s, msg('menu.flow.reason'));
  s.out.print(msg('menu.apply.previewCorrect', { id: app.id, studio: app.studioName, name, value: maskPersonalNumbers(corrections[0]!.value) }));
  if (!(await confirmed(s, msg('menu.override.confirm')))) return;
  const r = correctApplication(s.workspace('apply set'), app.id, corrections, reason);
  s.out.success(msg('records.set.done', { id: app.id, fields: name, version: r.version, status: eligibilityText(applicationView(s.existing()!, app.id).eligibility) }));
  if (r.withdrawn.length > 0) s.out.warn(msg('records.set.waiversWithdrawn', { items: r.withdrawn.map(overrideText).join('、') }));
}

export async function showScores(s: MenuSession): Promise<void> {
  const ws = s.workspace('score', READS);
  const round = scoreRound(ws, s.round);
  if (round.scored.length === 0) {
    s.out.note(msg('cli.score.empty', { round: s.round }));
    return;
  }
  renderScoreNotes(s.out, round.rubric, round.settings);
  renderScores(s.out, round.scored);
  for (;;) {
    const id = await s.prompts.search({
      message: msg('menu.score.pick'),
      source: filtered(
        round.scored,
        (x) => [x.stored.studio.name, x.stored.studio.leadName, x.stored.studio.unitName].join(' '),
        (x) => msg('menu.score.choice', { id: x.id, studio: x.stored.studio.name, lead: x.stored.studio.leadName, total: x.result.total, grade: gradeName(x.result.grade) }),
      ),
    });
    if (id === BACK) return;
    renderScoreDetail(s.out, scoredAssessment(ws, id).one);
  }
}


/** 导入原有工作室名册: the plan first (as `studios import --dry-run`), then, confirmed, the import itself. */
export async function importRegisterEntry(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('register.menu.path'));
  if (!files) return;
  for (const file of files) {
    const plan = await importRegister(s.existing('studios import') ?? null, file, { dryRun: true, reason: msg('register.reason') });
    renderRegisterImport(s.out, plan);
    if (plan.counts.added + plan.counts.updated === 0) continue;
    if (!(await confirmed(s, msg('register.menu.confirm', { added: plan.counts.added, updated: plan.counts.updated })))) {
      s.out.note(msg('register.menu.cancelled'));
      continue;
    }
    renderRegisterImport(s.out, await importRegister(s.workspace('studios import'), file, { dryRun: false, reason: msg('register.reason') }));
  }
}
