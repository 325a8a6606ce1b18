/** `gongshu template review`, `gongshu review import`, `gongshu review list`. */
import { unitNameOf } from '../core/application.js';
import { UsageError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import type { ReviewMethod } from '../core/review.js';
import { buildReviewTemplate, DEFAULT_EXPERTS } from '../excel/write/review-template.js';
import { loadExcel, resolveOutputFile, writeWorkbookAtomically } from '../export/output-file.js';
import { importReviewFiles } from '../import/review-import.js';
import { msg } from '../messages/index.js';
import { officialText } from '../messages/export.js';
import { statusLabel, type ApplicationStatus } from '../core/lifecycle.js';
import { reviewMethodFor, roundReviews } from '../services/review.js';
import { listApplications } from '../store/applications.js';
import { renderTable } from '../ui/table.js';
import { runImport } from './import-command.js';
import type { CliContext } from './context.js';

/** Applications the committee reviews: passed the eligibility check (or already reviewed). */
const REVIEWABLE = new Set(['eligible', 'reviewed']);

export function parseMethod(value: unknown): ReviewMethod | undefined {
  if (value === undefined) return undefined;
  if (value === 'mean' || value === 'trimmed') return value;
  throw new UsageError('bad-method', msg('workflow.review.badMethod', { value: String(value) }));
}

function parseExperts(value: unknown): number {
  if (value === undefined) return DEFAULT_EXPERTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new UsageError('bad-experts', msg('workflow.review.badExperts', { value: String(value) }));
  return n;
}

export async function templateReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const experts = parseExperts(opts.experts);
  const names = typeof opts.names === 'string' ? opts.names.split(/[,，、]/u).map((s) => s.trim()).filter(Boolean) : [];
  const db = ctx.openDb({ mustExist: true });
  const apps = listApplications(db, ctx.round).filter((a) => REVIEWABLE.has(a.status));
  if (apps.length === 0) {
    ctx.out.warn(msg('workflow.review.noneEligible', { round: ctx.round }));
    return ExitCode.failed;
  }
  const file = resolveOutputFile(opts.output, officialText('export.file.reviewTemplate', { year: ctx.round }), Boolean(opts.force));
  const rows = apps.map((a) => ({ id: a.id, studioName: a.current.parsed.application.studioName, unitName: unitNameOf(a.current.parsed.application) }));
  const ExcelJS = await loadExcel();
  await writeWorkbookAtomically(buildReviewTemplate(ExcelJS, { year: ctx.round, rows, experts, expertNames: names }), file);
  ctx.out.success(msg('workflow.review.templateWritten', { file, count: rows.length, experts: Math.max(experts, names.length) }));
  return ExitCode.ok;
}

export async function reviewImport(ctx: CliContext, paths: string[]): Promise<number> {
  // Scores belong to imported applications: a missing database is an error, not a new empty one.
  ctx.openDb({ mustExist: true });
  // A review sheet's row id is its file's, not an application number: the table leaves it out.
  const results = await runImport(ctx, paths, importReviewFiles, (rows) => rows.map((r) => ({ ...r, id: undefined })));
  const failed = results.some((r) => r.outcome === 'failed' || r.problems.some((p) => p.severity === 'error'));
  return failed ? ExitCode.failed : ExitCode.ok;
}

export async function reviewList(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const db = ctx.openDb({ mustExist: true });
  const method = reviewMethodFor(db, ctx.round, parseMethod(opts.method));
  const reviews = roundReviews(db, ctx.round, method).filter((r) => r.entries.length > 0 || REVIEWABLE.has(r.app.status));
  if (ctx.json) {
    ctx.out.printJson(
      reviews.map((r) => ({
        id: r.app.id,
        studioName: r.app.current.parsed.application.studioName,
        status: r.app.status,
        experts: r.result?.experts ?? 0,
        aggregate: r.result?.aggregate ?? null,
        method: r.result?.method ?? method,
        min: r.result?.min ?? null,
        max: r.result?.max ?? null,
        spread: r.result?.spread ?? null,
        recommend: r.result?.recommend ?? { yes: 0, no: 0 },
        recused: r.result?.recused ?? 0,
        findings: r.result?.findings ?? [],
        entries: r.entries.map(({ expert, score, recommend, recused, cell }) => ({ expert, score, recommend, recused, cell: cell ?? null })),
      })),
    );
    return;
  }
  if (reviews.length === 0) {
    ctx.out.note(msg('workflow.review.empty', { round: ctx.round }));
    return;
  }
  const c = ctx.out.color;
  const rows = reviews.map((r) => {
    const res = r.result;
    const problems = res?.findings.filter((f) => f.severity !== 'info') ?? [];
    return [
      `#${r.app.id}`,
      r.app.current.parsed.application.studioName,
      statusLabel(r.app.status as ApplicationStatus),
      res ? res.experts : 0,
      res?.aggregate != null ? res.aggregate.toFixed(2) : c.dim(msg('workflow.review.notYet')),
      res?.spread != null ? res.spread.toFixed(2) : '',
      res ? msg('workflow.review.votes', { yes: res.recommend.yes, no: res.recommend.no }) : '',
      res?.recused ?? 0,
      problems.length ? c.yellow(problems.map((f) => f.message).join('；')) : '',
    ];
  });
  ctx.out.print(renderTable(msg('workflow.review.head').split('|'), rows));
  const note = reviews.find((r) => r.result)?.result?.methodNote;
  ctx.out.note(msg('workflow.review.methodNote', { method: method === 'trimmed' ? msg('lifecycle.review.method.trimmed') : msg('lifecycle.review.method.mean') }));
  if (note && method === 'trimmed') ctx.out.note(msg('workflow.review.trimmedNote'));
}
