/**
 * `gongshu export …` and `gongshu template …`: which file (the default name in the current folder or in the
 * folder given; never the database, a backup or a special file; replacing only an earlier file of the same
 * kind, with --force), then the export service, then one line saying what was written.
 */
import { defaultFileName, resolveOutputFile, type OutputKind, type OutputTarget } from '../documents/output-file.js';
import { msg } from '../messages/index.js';
import {
  exportEligibilitySummary,
  exportNotice as writeNotice,
  exportReport as writeReport,
  exportResults as writeResults,
  exportShortlist as writeShortlist,
  exportSubsidy as writeSubsidy,
  writeApplicationTemplate,
  writeAssessmentTemplate,
  writeReviewTemplate,
} from '../services/exports.js';
import type { CliContext } from './context.js';
import { parseExpertNames, parseExperts, parseYear } from './parse.js';
import { renderWritten } from './render/exports.js';

function target(ctx: CliContext, opts: Record<string, unknown>, kind: Exclude<OutputKind, 'backup'>): OutputTarget {
  return resolveOutputFile(opts.output, defaultFileName(kind, ctx.round), Boolean(opts.force), { kind, database: ctx.dbPath });
}

export async function exportReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const to = target(ctx, opts, 'export-review');
  await exportEligibilitySummary(ctx.workspace({ mustExist: true }), ctx.round, to, { full: Boolean(opts.full) });
  ctx.out.success(msg('cli.wrote', { file: to.file }));
  return to.file;
}

export async function exportShortlist(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const internal = Boolean(opts.internal);
  const to = target(ctx, opts, internal ? 'export-shortlist-internal' : 'export-shortlist');
  const ws = ctx.workspace({ mustExist: true });
  renderWritten(ctx.out, 'shortlist', await writeShortlist(ws, ctx.round, to, { internal }));
  return to.file;
}

export async function exportSubsidy(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const to = target(ctx, opts, 'export-subsidy');
  const ws = ctx.workspace({ mustExist: true });
  renderWritten(ctx.out, 'subsidy', await writeSubsidy(ws, ctx.round, to));
  return to.file;
}

export async function exportNotice(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const to = target(ctx, opts, 'export-notice');
  const ws = ctx.workspace({ mustExist: true });
  renderWritten(ctx.out, 'notice', await writeNotice(ws, ctx.round, to));
  return to.file;
}

export async function exportResults(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const to = target(ctx, opts, 'export-results');
  await writeResults(ctx.workspace({ mustExist: true }), ctx.round, to);
  ctx.out.success(msg('cli.wrote', { file: to.file }));
  return to.file;
}

export async function templateApplication(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  // -o 申报表.docx writes the Word form without --docx; the name's extension decides.
  const to = target(ctx, opts, opts.docx ? 'template-application-docx' : 'template-application');
  await writeApplicationTemplate(to, ctx.round, to.kind === 'template-application-docx' ? 'docx' : 'xlsx');
  ctx.out.success(msg('cli.wrote', { file: to.file }));
}

export async function templateAssessment(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const to = target(ctx, opts, 'template-assessment');
  await writeAssessmentTemplate(to, ctx.round);
  ctx.out.success(msg('cli.wrote', { file: to.file }));
}

export async function templateReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const experts = { count: parseExperts(opts.experts), names: parseExpertNames(opts.names) };
  const to = target(ctx, opts, 'template-review');
  const ws = ctx.workspace({ mustExist: true });
  const written = await writeReviewTemplate(ws, ctx.round, to, experts);
  renderWritten(ctx.out, 'review-template', { ...written, experts: Math.max(experts.count, experts.names.length) });
}

/** `export report [--year YYYY]`: the year's report (default: the --round given, else this year). */
export async function exportReport(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const year = typeof opts.year === 'string' ? parseYear(opts.year) : ctx.round;
  const ws = ctx.workspace({ mustExist: true });
  const to = resolveOutputFile(opts.output, defaultFileName('export-report', year), Boolean(opts.force), { kind: 'export-report', database: ctx.dbPath });
  renderWritten(ctx.out, 'report', await writeReport(ws, year, to));
  return to.file;
}
