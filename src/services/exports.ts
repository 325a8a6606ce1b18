/**
 * The documents that leave the office, as use cases: what each shows, read from the records; the workbook
 * built by its writer (src/documents/workbooks) and written to a temporary file renamed onto the target; and the
 * audit entry of an export that carries personal numbers or internal scores. The command line and the menu
 * both call these; they only choose the file and say what was written.
 */
import type ExcelJS from 'exceljs';
import { unitNameOf } from '../core/application.js';
import type { FieldCorrection } from '../core/finding.js';
import { chinaDate } from '../core/china-time.js';
import { RefusedError } from '../core/errors.js';
import { rubricNote } from '../core/rubric.js';
import { maskMailSender } from '../core/mailbox.js';
import { maskPersonalNumbers } from '../core/personal-numbers.js';
import { kindMarker, loadExcel, maskWorkbook, outputProperties, writeBytesAtomically, writeWorkbookAtomically, type Issued, type OutputKind, type OutputTarget } from '../documents/output-file.js';
import { buildApplicationTemplate } from '../documents/workbooks/application-template.js';
import { buildAssessmentTemplate } from '../documents/workbooks/assessment-template.js';
import { buildEligibilitySummary } from '../documents/workbooks/eligibility-summary.js';
import { buildResultsWorkbook } from '../documents/workbooks/results.js';
import { buildReviewTemplate } from '../documents/workbooks/review-template.js';
import { buildShortlistWorkbook } from '../documents/workbooks/shortlist.js';
import { buildSubsidyWorkbook, subsidyTotal } from '../documents/workbooks/subsidy.js';
import { msg } from '../messages/index.js';
import { correctionLine, waiverWhy } from '../messages/export.js';
import { noticeSettings } from '../rules/notice-data.js';
import { summaryColumns } from '../rules/summary-groups.js';
import type { SignOff } from '../documents/print.js';
import { auditHead, headText } from '../store/audit.js';
import { readTransaction } from '../store/open.js';
import { getRound } from '../store/rounds.js';
import { thresholdsNote } from '../scoring/index.js';
import { heldVersionsOfRound, listApplications, type HeldVersion, type VersionMail } from '../store/applications.js';
import { activeShortlistChanges } from '../store/shortlist.js';
import { applicationJson, eligibilityName, type Eligibility, type FindingView } from './application-view.js';
import { scoreRound } from './assessments.js';
import { yearReport, type YearReport } from './report.js';
import { noticePeriod, subsidyStudios } from './certification.js';
import { getNotice } from '../store/notice.js';
import { inTransaction, type Workspace } from './context.js';
import { recordDisclosure, recordExport } from './disclosure.js';
import { reviewableApplications } from './review.js';
import { LISTED_STATUSES, rankedByReview } from './shortlist.js';

export interface Written {
  file: string;
  /** Rows of the list (applications, studios …). */
  count: number;
}

// ---- blank forms ----

/** 附件1 for units to fill: a workbook, or (`docx`) a Word table for units that fill the form in Word or WPS; gongshu reads both back. */
export async function writeApplicationTemplate(target: OutputTarget, year: number, format: 'xlsx' | 'docx' = 'xlsx'): Promise<Written> {
  if (format === 'docx') {
    const { buildApplicationDocx } = await import('../documents/word/application-docx.js');
    await writeBytesAtomically(await buildApplicationDocx({ year, properties: outputProperties(target, templateIssuer(year)) }), target);
    return { file: target.file, count: 1 };
  }
  const ExcelJS = await loadExcel();
  await writeWorkbookAtomically(buildApplicationTemplate(ExcelJS, { year }), target, templateIssuer(year));
  return { file: target.file, count: 1 };
}

export async function writeAssessmentTemplate(target: OutputTarget, year: number): Promise<Written> {
  const ExcelJS = await loadExcel();
  await writeWorkbookAtomically(buildAssessmentTemplate(ExcelJS, { year }), target, templateIssuer(year));
  return { file: target.file, count: 1 };
}

/**
 * Every workbook with records in it leaves the office masked, cell by cell, whatever its writer did: an ID
 * or mobile number a unit typed anywhere (in a unit name, a finding, a number cell) is masked however it
 * was spelt. Only `export review --full` skips this, and is logged.
 */
async function writeMasked(workbook: ExcelJS.Workbook, target: OutputTarget, issued: Issued): Promise<void> {
  maskWorkbook(workbook);
  await writeWorkbookAtomically(workbook, target, issued);
}

/** 评审打分表: one row per application up for review; none is a refusal, not an empty sheet. */
export async function writeReviewTemplate(ws: Workspace, round: number, target: OutputTarget, experts: { count: number; names: string[] }): Promise<Written> {
  const apps = reviewableApplications(ws, round);
  if (apps.length === 0) throw new RefusedError('nothing-to-review', msg('workflow.review.noneEligible', { round }));
  const rows = apps.map((a) => ({ id: a.id, studioName: a.current.parsed.application.studioName, unitName: unitNameOf(a.current.parsed.application) }));
  const ExcelJS = await loadExcel();
  await writeMasked(buildReviewTemplate(ExcelJS, { year: round, rows, experts: experts.count, expertNames: experts.names }), target, issuedBy(ws, round));
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: rows.length };
}

// ---- 形式审查汇总表 ----

export interface EligibilityRow {
  id: number;
  studioName: string;
  unitName: string;
  leadName: string;
  idNumber: string;
  eligibility: Eligibility;
  /** Reader notes and rule findings, each with its waiver when one covers it. */
  findings: FindingView[];
  corrections: FieldCorrection[];
  /** The mail the form in effect came in. */
  mail: VersionMail | null;
}

export function eligibilityRows(ws: Workspace, round: number): EligibilityRow[] {
  return listApplications(ws.db, round).map((app) => {
    const view = applicationJson(ws.db, app);
    return {
      id: app.id,
      studioName: view.studioName,
      unitName: view.unitName,
      leadName: view.lead.name,
      idNumber: view.lead.idNumber,
      eligibility: view.eligibility,
      findings: [...view.problems.map((p) => ({ ...p, waiver: 'acknowledge' as const })), ...view.findings],
      corrections: view.corrections,
      mail: view.mail,
    };
  });
}

/** 来件：sender (its address masked unless full), the Date in China, subject. */
function summaryMailLine(mail: VersionMail, full: boolean): string {
  return msg('cli.export.review.mail', {
    from: full ? mail.from : maskMailSender(mail.from),
    date: mail.date ? chinaDate(mail.date) : msg('cli.show.mailNoDate'),
    subject: mail.subject,
  });
}

/** `export review`: ID numbers masked unless `full`, which is logged and written readable by its owner only (0600). */
export async function exportEligibilitySummary(ws: Workspace, round: number, target: OutputTarget, options: { full: boolean }): Promise<Written> {
  // Read, and logged when full, in one transaction with the log's head: the file shows one moment.
  const { rows, signOff, witness } = forDocument(ws, options.full, () => {
    const held = heldVersionsOfRound(ws.db, round);
    const rows = eligibilityRows(ws, round).map(({ mail, ...r }) => ({
      ...r,
      eligibility: eligibilityName(r.eligibility),
      corrections: [...heldLines(r.id, held), ...r.corrections.map(correctionLine)],
      ...(mail ? { mailLine: summaryMailLine(mail, options.full) } : {}),
    }));
    // An empty list would say "已生成" about nothing: refused with what to do first.
    if (rows.length === 0) throw new RefusedError('nothing-to-export', msg('workflow.export.noApplications', { round }));
    // Logged before the file exists: a full export is never written without its record.
    if (options.full) recordDisclosure(ws, { action: 'export-full', round, file: target.file, what: 'review', value: rows.map((r) => r.idNumber) });
    return { rows, signOff: signOffFor(ws, round) };
  });
  const ExcelJS = await loadExcel();
  const workbook = buildEligibilitySummary(ExcelJS, rows, {
    sheetName: msg('cli.export.review.sheet'),
    title: msg('cli.export.review.title', { year: round }),
    checkColumns: summaryColumns(),
    headers: {
      id: msg('cli.field.id'),
      studio: msg('cli.export.review.studioAndUnit'),
      lead: msg('cli.export.review.leadAndId'),
      eligibility: msg('cli.field.eligibility'),
      messages: msg('cli.export.review.messages'),
    },
    marks: {
      pass: msg('cli.export.mark.pass'),
      fail: msg('cli.export.mark.fail'),
      warning: msg('cli.export.mark.warning'),
      waived: msg('cli.export.mark.waived'),
    },
    labels: {
      error: msg('cli.export.review.error'),
      warning: msg('cli.export.review.warning'),
      waived: (f) => msg('cli.export.review.waived', { why: waiverWhy(f) }),
      acknowledged: (f) => msg('cli.export.review.acknowledged', { why: waiverWhy(f) }),
    },
    full: options.full,
    generatedNote: msg(options.full ? 'cli.export.review.noteFull' : 'cli.export.review.note', { count: rows.length, date: chinaDate() }),
    signOff,
    witness,
  });
  workbook.description = witness;
  if (options.full) {
    await writeWorkbookAtomically(workbook, target, { year: round, bureau: signOff.bureau }, { private: true });
  } else await writeMasked(workbook, target, { year: round, bureau: signOff.bureau });
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: rows.length };
}

// ---- 拟认定名单 ----

export interface ShortlistRow {
  studioName: string;
  leadName: string;
  occupation: string;
  unitName: string;
  /** Internal list only: the review score, the findings (with waivers) and the committee's addition. */
  score: number | null;
  findings: FindingView[];
  corrections: FieldCorrection[];
  committee: { change: 'add' | 'remove'; reason: string } | null;
  /** Internal list only: 有待处理的新版本 lines (a version stored after the one in effect, not accepted). */
  held: string[];
}

/** 有待处理的新版本 line of an application that has held versions (none otherwise), as the internal lists say it. */
function heldLines(id: number, held: ReadonlyMap<number, HeldVersion[]>): string[] {
  const versions = held.get(id);
  if (!versions || versions.length === 0) return [];
  const key = versions[0]!.status === 'certified' ? 'records.held.certifiedLine' : 'records.held.line';
  return [msg(key, { id, versions: versions.map((v) => v.version).join('、'), current: versions[0]!.current, date: chinaDate(versions.at(-1)!.importedAt) })];
}

/** The listed applications (拟认定, 公示中, 已认定) in ranking order. */
export function shortlistRows(ws: Workspace, round: number): ShortlistRow[] {
  const ranked = rankedByReview(ws, round, LISTED_STATUSES);
  if (ranked.length === 0) throw new RefusedError('shortlist-empty', msg('workflow.shortlist.nothingToExport', { round }));
  const added = new Map(activeShortlistChanges(ws.db, round).add.map((c) => [c.id, c.reason]));
  const held = heldVersionsOfRound(ws.db, round);
  return ranked.map((r) => {
    const a = r.app.current.parsed.application;
    const reason = added.get(r.app.id);
    return {
      studioName: a.studioName,
      leadName: a.lead.name,
      occupation: a.lead.occupation,
      unitName: unitNameOf(a),
      score: r.result?.aggregate ?? null,
      ...(({ findings, corrections }) => ({ findings: findings.filter((f) => f.severity !== 'info'), corrections }))(applicationJson(ws.db, r.app)),
      committee: reason === undefined ? null : { change: 'add', reason },
      held: heldLines(r.app.id, held),
    };
  });
}

/** `export shortlist`: the public list (no personal numbers, no scores), or `internal` with scores and findings (logged). */
export async function exportShortlist(ws: Workspace, round: number, target: OutputTarget, options: { internal: boolean }): Promise<Written> {
  const { rows, signOff, witness } = forDocument(ws, options.internal, () => {
    const rows = shortlistRows(ws, round);
    if (options.internal) recordDisclosure(ws, { action: 'export-internal', round, file: target.file, what: 'shortlist' });
    return { rows, signOff: signOffFor(ws, round) };
  });
  const base = rows.map((r) => ({ studioName: r.studioName, leadName: r.leadName, occupation: r.occupation, unitName: r.unitName }));
  const ExcelJS = await loadExcel();
  const workbook = options.internal
    ? buildShortlistWorkbook(ExcelJS, {
        year: round,
        internal: true,
        note: msg('lifecycle.shortlist.rule'),
        signOff,
        witness,
        rows: rows.map((r, i) => ({ ...base[i]!, score: r.score, findings: r.findings, corrections: r.corrections, notes: r.held, ...(r.committee?.change === 'add' ? { addedBy: r.committee.reason } : {}) })),
      })
    : buildShortlistWorkbook(ExcelJS, { year: round, rows: base, signOff });
  workbook.description = witness;
  await writeMasked(workbook, target, { year: round, bureau: signOff.bureau });
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: rows.length };
}

// ---- 公示 ----

function requireNotice(ws: Workspace, round: number): NonNullable<ReturnType<typeof getNotice>> {
  const notice = getNotice(ws.db, round);
  if (!notice) throw new RefusedError('no-notice', msg('workflow.notice.notStarted', { round }));
  return notice;
}

/**
 * The refusal an export of this kind would give for having nothing to list, checked before the menu asks
 * where to save it (the export checks again when it writes). Kinds without a cheap check pass.
 */
export function checkExportable(ws: Workspace, round: number, kind: OutputKind): void {
  if (kind === 'export-notice') {
    requireNotice(ws, round);
    shortlistRows(ws, round);
  } else if (kind === 'export-shortlist' || kind === 'export-shortlist-internal') shortlistRows(ws, round);
  else if (kind === 'export-subsidy' && subsidyStudios(ws, round).length === 0) throw new RefusedError('no-studios', msg('workflow.subsidy.nothingToExport', { round }));
  else if (kind === 'export-review' && eligibilityRows(ws, round).length === 0) throw new RefusedError('nothing-to-export', msg('workflow.export.noApplications', { round }));
  else if (kind === 'export-results' && scoreRound(ws, round).scored.length === 0) throw new RefusedError('nothing-to-export', msg('workflow.export.noAssessments', { round }));
  else if (kind === 'export-report') refuseFutureReport(round);
  else if (kind === 'template-review' && reviewableApplications(ws, round).length === 0) throw new RefusedError('nothing-to-review', msg('workflow.review.noneEligible', { round }));
}

/** `export notice`: the 公示 as the bureau publishes it (.docx), its period as recorded, the listed studios attached. */
export async function exportNotice(ws: Workspace, round: number, target: OutputTarget): Promise<Written & { from: string; to: string; uncountedYears: number[] }> {
  const { notice, rows, settings, witness } = forDocument(ws, false, () => {
    const notice = requireNotice(ws, round);
    // Published on the bureau's site: a number a unit typed into its name is masked like in every list.
    const rows = shortlistRows(ws, round).map((r) => ({
      studioName: maskPersonalNumbers(r.studioName),
      leadName: maskPersonalNumbers(r.leadName),
      occupation: maskPersonalNumbers(r.occupation),
      unitName: maskPersonalNumbers(r.unitName),
    }));
    return { notice, rows, settings: noticeSettings(getRound(ws.db, round).settings) };
  });
  // The working days are counted by the same calendar as at 公示, an end given by hand included.
  const period = noticePeriod(notice.startsOn, notice.endsOn);
  // docx is loaded only here: no other export pays for it.
  const { buildNoticeDocx } = await import('../documents/word/notice.js');
  const bytes = await buildNoticeDocx({
    year: round,
    // Into a year without a holiday schedule the count is not known: the notice gives its dates only.
    period: { from: period.from, to: period.to, workingDays: period.unchecked.length > 0 ? null : period.workingDays },
    rows,
    settings,
    keywords: kindMarker(target.kind),
    witness,
  });
  await writeBytesAtomically(Buffer.from(bytes), target);
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: rows.length, from: period.from, to: period.to, uncountedYears: period.unchecked };
}

// ---- 年度工作情况 ----

/** A year still to come has no figures yet: a report of it would state a future as done. */
function refuseFutureReport(year: number): void {
  const current = Number(chinaDate().slice(0, 4));
  if (year > current) throw new RefusedError('report-future-year', msg('report.futureYear', { year, current }));
}

/** `export report`: the year's figures (services/report.ts) as the 公示-styled Word document with its charts. */
export async function exportReport(ws: Workspace, year: number, target: OutputTarget): Promise<Written & { report: YearReport; charts: number }> {
  refuseFutureReport(year);
  const report = yearReport(ws, year);
  // docx, ECharts and resvg are loaded only here.
  const { buildReportDocx } = await import('../documents/word/report.js');
  const { bytes, charts } = await buildReportDocx({ report, settings: noticeSettings(getRound(ws.db, year).settings), keywords: kindMarker(target.kind) });
  await writeBytesAtomically(bytes, target);
  recordExport(ws, year, target.kind, target.file);
  return { file: target.file, count: report.active.length, report, charts: Object.values(charts).filter((c) => c !== null).length };
}

// ---- 补助发放名单, 考核结果 ----

export async function exportSubsidy(ws: Workspace, round: number, target: OutputTarget): Promise<Written & { total: number }> {
  const { studios, signOff, witness } = forDocument(ws, false, () => ({ studios: subsidyStudios(ws, round), signOff: signOffFor(ws, round) }));
  if (studios.length === 0) throw new RefusedError('no-studios', msg('workflow.subsidy.nothingToExport', { round }));
  const rows = studios.map((s) => ({ plaque: s.plaque, studioName: s.name, unitName: s.unitName, leadName: s.leadName, amount: s.subsidyYuan!, paidOn: s.subsidyPaidOn }));
  const ExcelJS = await loadExcel();
  const workbook = buildSubsidyWorkbook(ExcelJS, { year: round, rows, signOff, witness });
  workbook.description = witness;
  await writeMasked(workbook, target, { year: round, bureau: signOff.bureau });
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: rows.length, total: subsidyTotal(rows) };
}

/** `export results`: the round's sheets, scored with the round's rubric and thresholds, like `score`. */
export async function exportResults(ws: Workspace, round: number, target: OutputTarget): Promise<Written> {
  const { rubric, settings, scored, signOff, witness } = forDocument(ws, false, () => ({ ...scoreRound(ws, round), signOff: signOffFor(ws, round) }));
  if (scored.length === 0) throw new RefusedError('nothing-to-export', msg('workflow.export.noAssessments', { round }));
  const ExcelJS = await loadExcel();
  const workbook = buildResultsWorkbook(
    ExcelJS,
    scored.map((s) => ({ id: s.id, studioName: s.stored.studio.name, unitName: s.stored.studio.unitName, leadName: s.stored.studio.leadName, result: s.result })),
    { year: round, rubricNote: rubricNote(rubric), thresholdsNote: thresholdsNote(settings), generatedOn: chinaDate(), settings, signOff },
  );
  workbook.description = witness;
  await writeMasked(workbook, target, { year: round, bureau: signOff.bureau });
  recordExport(ws, round, target.kind, target.file);
  return { file: target.file, count: scored.length };
}

/**
 * What a document shows, read in one transaction together with the audit log's head (`操作记录校验：…`, for
 * its properties and, on the internal lists, its footer): a gongshu writing meanwhile never makes a list that
 * mixes two states, and the head is that of the state listed. An export that logs a disclosure takes the
 * write lock first, so its own entry is in the head.
 */
function forDocument<T extends object>(ws: Workspace, logs: boolean, read: () => T): T & { witness: string } {
  const run = (): T & { witness: string } => ({ ...read(), witness: headText(auditHead(ws.db)) });
  return logs ? inTransaction(ws, run) : readTransaction(ws.db, run);
}

/** Who issues a round's document: its year and bureau (the round's setting or the notice's). */
function issuedBy(ws: Workspace, round: number): Issued {
  return { year: round, bureau: noticeSettings(getRound(ws.db, round).settings).bureauName };
}

/** A blank form goes to units before any round may be set up: the notice's bureau. */
function templateIssuer(year: number): Issued {
  return { year, bureau: noticeSettings().bureauName };
}

/** The 落款 of every list: the issuing bureau (the round's setting or the notice's) and today's date. */
function signOffFor(ws: Workspace, round: number): SignOff {
  return { bureau: noticeSettings(getRound(ws.db, round).settings).bureauName, date: chinaDate() };
}
