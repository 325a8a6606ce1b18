/** `gongshu template review`, `gongshu review import`, `gongshu review list`. */
import { msg } from '../messages/index.js';
import { importReviews } from '../services/import-reviews.js';
import { reviewList as listReviews, reviewMethodFor } from '../services/review.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { parseMethod } from './parse.js';
import { runImport } from './import-command.js';
import { renderReviews, reviewJson } from './render/workflow.js';

export async function reviewImport(ctx: CliContext, paths: string[]): Promise<number> {
  // Scores belong to imported applications: a missing database is an error, not a new empty one.
  ctx.workspace({ mustExist: true });
  // A review sheet's row id is its file's, not an application number: the table leaves it out.
  const results = await runImport(ctx, paths, (ws, files, onProgress, stopRequested) => importReviews(ws, files, { round: ctx.round, onProgress, stopRequested }), (rows) => rows.map((r) => ({ ...r, id: undefined })));
  const failed = results.some((r) => r.outcome === 'failed' || r.problems.some((p) => p.severity === 'error'));
  return failed ? ExitCode.failed : ExitCode.ok;
}

export async function reviewList(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = ctx.workspace({ mustExist: true });
  const method = reviewMethodFor(ws, ctx.round, parseMethod(opts.method));
  const reviews = listReviews(ws, ctx.round, method);
  if (ctx.json) {
    ctx.out.printJson(reviews.map((r) => reviewJson(r, method)));
    return;
  }
  if (reviews.length === 0) {
    ctx.out.note(msg('workflow.review.empty', { round: ctx.round }));
    return;
  }
  renderReviews(ctx.out, reviews, method);
}
