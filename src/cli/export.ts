/**
 * `gongshu export …` and `gongshu template …`: which file (the default name in the current folder, never
 * overwriting without --force), then the export service, then one line saying what was written.
 */
import { resolveOutputFile } from '../export/output-file.js';
import { officialText } from '../messages/export.js';
import { msg } from '../messages/index.js';
import {
  exportEligibilitySummary,
  exportNotice as writeNotice,
  exportResults as writeResults,
  exportShortlist as writeShortlist,
  exportSubsidy as writeSubsidy,
  writeApplicationTemplate,
  writeAssessmentTemplate,
  writeReviewTemplate,
} from '../services/exports.js';
import type { CliContext } from './context.js';
import { parseExpertNames, parseExperts } from './parse.js';
import { renderWritten } from './render/exports.js';

function target(opts: Record<string, unknown>, defaultName: string): string {
  return resolveOutputFile(opts.output, defaultName, Boolean(opts.force));
}

export async function exportReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const file = target(opts, officialText('export.file.eligibilitySummary', { year: ctx.round }));
  await exportEligibilitySummary(ctx.workspace({ mustExist: true }), ctx.round, file, { full: Boolean(opts.full) });
  ctx.out.success(msg('cli.wrote', { file }));
  return file;
}

export async function exportShortlist(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const internal = Boolean(opts.internal);
  const ws = ctx.workspace({ mustExist: true });
  const file = target(opts, officialText(internal ? 'export.file.shortlistInternal' : 'export.file.shortlist', { year: ctx.round }));
  renderWritten(ctx.out, 'shortlist', await writeShortlist(ws, ctx.round, file, { internal }));
  return file;
}

export async function exportSubsidy(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const ws = ctx.workspace({ mustExist: true });
  const file = target(opts, officialText('export.file.subsidy', { year: ctx.round }));
  renderWritten(ctx.out, 'subsidy', await writeSubsidy(ws, ctx.round, file));
  return file;
}

export async function exportNotice(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const ws = ctx.workspace({ mustExist: true });
  const file = target(opts, officialText('export.file.notice', { year: ctx.round }));
  renderWritten(ctx.out, 'notice', await writeNotice(ws, ctx.round, file));
  return file;
}

export async function exportResults(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const file = target(opts, officialText('export.file.assessmentResults', { year: ctx.round }));
  await writeResults(ctx.workspace({ mustExist: true }), ctx.round, file);
  ctx.out.success(msg('cli.wrote', { file }));
  return file;
}

export async function templateApplication(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const docx = Boolean(opts.docx);
  const file = target(opts, msg(docx ? 'cli.template.applicationDocxFile' : 'cli.template.applicationFile', { year: ctx.round }));
  await writeApplicationTemplate(file, ctx.round, docx ? 'docx' : 'xlsx');
  ctx.out.success(msg('cli.wrote', { file }));
}

export async function templateAssessment(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const file = target(opts, msg('cli.template.assessmentFile', { year: ctx.round }));
  await writeAssessmentTemplate(file, ctx.round);
  ctx.out.success(msg('cli.wrote', { file }));
}

export async function templateReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const experts = { count: parseExperts(opts.experts), names: parseExpertNames(opts.names) };
  const ws = ctx.workspace({ mustExist: true });
  const file = target(opts, officialText('export.file.reviewTemplate', { year: ctx.round }));
  const written = await writeReviewTemplate(ws, ctx.round, file, experts);
  renderWritten(ctx.out, 'review-template', { ...written, experts: Math.max(experts.count, experts.names.length) });
}
