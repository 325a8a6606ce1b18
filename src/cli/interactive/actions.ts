/**
 * What each menu entry does. An action only asks questions and then calls the action function of the
 * matching command (`applyImport`, `exportReview`, …) on a context made for it, so the menu and the
 * commands cannot drift apart: the menu is another way of typing the command, nothing more.
 */
import { chinaDate, chinaYear } from '../../core/china-time.js';
import { maskPersonalNumbers } from '../../core/text.js';
import { withoutCommandHints } from '../../messages/command-text.js';
import { msg, type MessageKey } from '../../messages/index.js';
import { ruleTitle } from '../../rules/index.js';
import { gradeName } from '../../scoring/index.js';
import { applicationJson, type ApplicationJson } from '../../services/application-view.js';
import { scoreRound } from '../../services/scoring.js';
import { activeOverrides, listApplications } from '../../store/applications.js';
import { defaultDeadline, getRound, listRounds } from '../../store/rounds.js';
import { applyImport, applyList, applyOverride, applyShow } from '../apply.js';
import { assessImport, exportResults, score, scoreShow, templateAssessment } from '../assess.js';
import { parseYear, todayIso, type CliContext } from '../context.js';
import { exportReview } from '../export.js';
import { roundSet, roundShow } from '../round.js';
import { templateApplication } from '../template.js';
import { officialText } from '../../messages/export.js';
import { templateReview } from '../review.js';
import { exportShortlist } from '../shortlist.js';
import { exportSubsidy } from '../certification.js';
import { askDate, askOutputFile, askWorkbooks, BACK, filtered, pickApplication, validatorOf } from './questions.js';
import type { MenuSession } from './session.js';

type CommandAction = (ctx: CliContext, args: string[], opts: Record<string, unknown>) => Promise<unknown>;

/** A workbook the menu can write: a blank template or an export. Adding one is adding a row. */
export interface WorkbookEntry {
  key: string;
  label: MessageKey;
  /** The command it stands for, as recorded in the audit log. */
  command: string;
  /** The default file name, the same the command uses without -o. */
  fileName: (year: number) => string;
  /** Extra questions, answered as the command's options. */
  options?: (s: MenuSession) => Promise<Record<string, unknown>>;
  run: CommandAction;
}

export const TEMPLATES: readonly WorkbookEntry[] = [
  {
    key: 'application',
    label: 'menu.template.application',
    command: 'template application',
    fileName: (year) => msg('cli.template.applicationFile', { year }),
    run: templateApplication,
  },
  {
    key: 'assessment',
    label: 'menu.template.assessment',
    command: 'template assessment',
    fileName: (year) => msg('cli.template.assessmentFile', { year }),
    run: templateAssessment,
  },
  {
    key: 'review',
    label: 'menu.template.review',
    command: 'template review',
    fileName: (year) => officialText('export.file.reviewTemplate', { year }),
    run: templateReview,
  },
];

export const EXPORTS: readonly WorkbookEntry[] = [
  {
    key: 'review',
    label: 'menu.export.review',
    command: 'export review',
    fileName: (year) => officialText('export.file.eligibilitySummary', { year }),
    options: async (s) => ({ full: await s.prompts.confirm({ message: msg('menu.export.fullIds'), default: false }) }),
    run: exportReview,
  },
  {
    key: 'results',
    label: 'menu.export.results',
    command: 'export results',
    fileName: (year) => officialText('export.file.assessmentResults', { year }),
    run: exportResults,
  },
  {
    key: 'shortlist',
    label: 'menu.export.shortlist',
    command: 'export shortlist',
    fileName: (year) => officialText('export.file.shortlist', { year }),
    run: exportShortlist,
  },
  {
    key: 'shortlist-internal',
    label: 'menu.export.shortlistInternal',
    command: 'export shortlist',
    fileName: (year) => officialText('export.file.shortlistInternal', { year }),
    options: async () => ({ internal: true }),
    run: exportShortlist,
  },
  {
    key: 'subsidy',
    label: 'menu.export.subsidy',
    command: 'export subsidy',
    fileName: (year) => officialText('export.file.subsidy', { year }),
    run: exportSubsidy,
  },
  {
    key: 'notice',
    label: 'menu.export.notice',
    command: 'export notice',
    fileName: (year) => officialText('export.file.notice', { year }),
    run: async (ctx, args, opts) => (await import('../notice.js')).exportNotice(ctx, args, opts),
  },
];

async function writeWorkbook(s: MenuSession, message: string, entries: readonly WorkbookEntry[]): Promise<void> {
  const entry = await s.prompts.select({ message, choices: entries.map((e) => ({ name: msg(e.label), value: e })) });
  const options = entry.options ? await entry.options(s) : {};
  const target = await askOutputFile(s, entry.fileName(s.round));
  await entry.run(s.context(entry.command), [], { ...options, output: target.file, force: target.force });
}

export async function chooseRound(s: MenuSession): Promise<void> {
  const db = s.existingDb();
  const deadlineOf = (year: number): string => (db ? getRound(db, year).deadline : defaultDeadline(year));
  const years = [...new Set([s.round, chinaYear(), ...(db ? listRounds(db).map((r) => r.year) : [])])].sort((a, b) => b - a);
  const OTHER = -1;
  const picked = await s.prompts.select<number>({
    message: msg('menu.round.pick'),
    choices: [...years.map((year) => ({ name: msg('menu.round.year', { year, deadline: deadlineOf(year) }), value: year })), { name: msg('menu.round.other'), value: OTHER }],
    default: s.round,
  });
  const year = picked === OTHER ? parseYear(await s.prompts.input({ message: msg('menu.round.type'), validate: validatorOf(parseYear) })) : picked;
  s.round = year;
  s.out.success(msg('menu.round.chosen', { year }));
  if (db) await roundShow(s.context('round show'), [String(year)]);
  if (!(await s.prompts.confirm({ message: msg('menu.round.changeDeadline', { year }), default: false }))) return;
  const deadline = await askDate(s, msg('menu.round.deadline'), 'deadline', deadlineOf(year));
  await roundSet(s.context('round set'), [String(year)], { deadline });
}

export function writeTemplate(s: MenuSession): Promise<void> {
  return writeWorkbook(s, msg('menu.template.kind'), TEMPLATES);
}

export function exportWorkbook(s: MenuSession): Promise<void> {
  return writeWorkbook(s, msg('menu.export.kind'), EXPORTS);
}

export async function importApplications(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.applications'));
  if (!files) return;
  const received = await askDate(s, msg('menu.import.received'), 'received', todayIso());
  await applyImport(s.context('apply import'), files, { received });
}

export async function importAssessments(s: MenuSession): Promise<void> {
  const files = await askWorkbooks(s, msg('menu.path.assessments'));
  if (!files) return;
  await assessImport(s.context('assess import'), files, {});
}

function roundApplications(s: MenuSession): ApplicationJson[] {
  const db = s.existingDb();
  return db ? listApplications(db, s.round).map((a) => applicationJson(db, a)) : [];
}

export async function viewApplications(s: MenuSession): Promise<void> {
  await applyList(s.context('apply list'));
  const apps = roundApplications(s);
  if (apps.length === 0) return;
  for (;;) {
    const id = await pickApplication(s, apps, msg('menu.view.pick'));
    if (id === BACK) return;
    await applyShow(s.context('apply show'), [String(id)], {});
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

const standingErrors = (a: ApplicationJson) => a.findings.filter((f) => f.severity === 'error' && !f.overridden);

async function addOverride(s: MenuSession): Promise<void> {
  const candidates = roundApplications(s).filter((a) => standingErrors(a).length > 0);
  if (candidates.length === 0) {
    s.out.note(msg('menu.override.nothing', { round: s.round }));
    return;
  }
  const id = await pickApplication(s, candidates, msg('menu.override.pickApp'));
  if (id === BACK) return;
  const app = candidates.find((a) => a.id === id)!;
  const errors = standingErrors(app);
  const codes = [...new Set(errors.map((f) => f.code))];
  const code = await s.prompts.select({
    message: msg('menu.override.pickCode'),
    choices: codes.map((c) => ({
      name: msg('menu.override.code', { title: ruleTitle(c), code: c }),
      value: c,
      description: maskPersonalNumbers(errors.filter((f) => f.code === c).map((f) => withoutCommandHints(f.message)).join('；')),
    })),
  });
  const reason = (await s.prompts.input({ message: msg('menu.override.reason'), validate: (v) => (v.trim() ? true : msg('menu.override.reasonMissing')) })).trim();
  const remaining = codes.filter((c) => c !== code).map((c) => ruleTitle(c));
  s.out.print(
    msg('menu.override.previewAdd', {
      id,
      studio: app.studioName,
      title: ruleTitle(code),
      code,
      message: maskPersonalNumbers(errors.filter((f) => f.code === code).map((f) => withoutCommandHints(f.message)).join('；')),
      reason,
      remaining: remaining.join('、') || msg('menu.override.none'),
    }),
  );
  if (!(await s.prompts.confirm({ message: msg('menu.override.confirm'), default: false }))) {
    s.out.note(msg('menu.cancelled'));
    return;
  }
  await applyOverride(s.context('apply override'), [String(id), code], { reason });
}

async function undoOverride(s: MenuSession): Promise<void> {
  const db = s.existingDb();
  const candidates = roundApplications(s)
    .map((app) => ({ app, overrides: activeOverrides(db!, app.id) }))
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
      name: msg('menu.override.code', { title: ruleTitle(o.code), code: o.code }),
      value: o,
      description: msg('menu.override.given', { reason: o.reason, by: o.createdBy, at: chinaDate(o.createdAt) }),
    })),
  });
  const reason = (await s.prompts.input({ message: msg('menu.override.undoReason') })).trim();
  s.out.print(msg('menu.override.previewUndo', { id, studio: app.studioName, title: ruleTitle(chosen.code), code: chosen.code, given: chosen.reason }));
  if (!(await s.prompts.confirm({ message: msg('menu.override.confirm'), default: false }))) {
    s.out.note(msg('menu.cancelled'));
    return;
  }
  await applyOverride(s.context('apply override'), [String(id), chosen.code], { undo: true, reason });
}

export async function showScores(s: MenuSession): Promise<void> {
  await score(s.context('score'), [], {});
  const db = s.existingDb();
  const { scored } = scoreRound(db!, s.round);
  if (scored.length === 0) return;
  for (;;) {
    const id = await s.prompts.search({
      message: msg('menu.score.pick'),
      source: filtered(
        scored,
        (x) => [x.stored.studio.name, x.stored.studio.leadName, x.stored.studio.unitName].join(' '),
        (x) => msg('menu.score.choice', { id: x.id, studio: x.stored.studio.name, lead: x.stored.studio.leadName, total: x.result.total, grade: gradeName(x.result.grade) }),
      ),
    });
    if (id === BACK) return;
    await scoreShow(s.context('score show'), [String(id)], {});
  }
}
