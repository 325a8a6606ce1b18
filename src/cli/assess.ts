/** `gongshu assess …`, `gongshu score`, `gongshu export results`, `gongshu template assessment`. */
import { msg } from '../messages/index.js';
import { importAssessments, scoredAssessment, scoreRound, setLeadFacts, withdrawAssessment } from '../services/assessments.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { parseGender, parseId, reasonOption } from './parse.js';
import { monthOption } from './dates.js';
import { renderOutcomeUndone, renderScoreDetail, renderScoreNotes, renderScores, scoreJson } from './render/scores.js';

export async function assessImport(ctx: CliContext, paths: string[], opts: Record<string, unknown>): Promise<number> {
  const newStudios = Boolean(opts.newStudios);
  // The folder walk and the import table: `assess import` only, not `score`.
  const { runImport } = await import('./import-command.js');
  const results = await runImport(ctx, paths, (ws, files, onProgress, stopRequested) =>
    importAssessments(ws, files, { round: ctx.round, newStudios, onProgress, stopRequested }),
  );
  return results.some((r) => r.outcome === 'failed' || r.error?.code === 'interrupted') ? ExitCode.failed : ExitCode.ok;
}

export async function assessSet(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const birth = monthOption(ctx.out, opts.leadBirth, '--lead-birth', 'birth');
  const gender = typeof opts.leadGender === 'string' ? parseGender(opts.leadGender) : undefined;
  const studio = setLeadFacts(ctx.workspace({ mustExist: true }), id, {
    ...(opts.leadLeft === undefined ? {} : { leadLeft: Boolean(opts.leadLeft) }),
    ...(birth === undefined ? {} : { leadBirth: birth }),
    ...(gender === undefined ? {} : { leadGender: gender }),
    ...(opts.femaleGroup === undefined ? {} : { femaleGroup: opts.femaleGroup as 'worker' | 'cadre' }),
  });
  ctx.out.success(msg('cli.assess.setDone', { name: studio.name }));
}

export async function assessWithdraw(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const undo = Boolean(opts.undo);
  const { stored, statusUndone } = withdrawAssessment(ctx.workspace({ mustExist: true }), id, reasonOption(opts, true), undo);
  ctx.out.success(msg(undo ? 'records.assess.restored' : 'records.assess.withdrawn', { id, name: stored.studio.name }));
  if (statusUndone) renderOutcomeUndone(ctx.out, stored, statusUndone);
}

export async function score(ctx: CliContext): Promise<void> {
  const { rubric, settings, scored } = scoreRound(ctx.workspace({ mustExist: true }), ctx.round);
  renderScoreNotes(ctx.out, rubric, settings);
  if (ctx.json) {
    ctx.out.printJson(scored.map(scoreJson));
    return;
  }
  if (scored.length === 0) {
    ctx.out.note(msg('cli.score.empty', { round: ctx.round }));
    return;
  }
  renderScores(ctx.out, scored);
}

export async function scoreShow(ctx: CliContext, [idText]: string[]): Promise<void> {
  const { rubric, settings, one } = scoredAssessment(ctx.workspace({ mustExist: true }), parseId(idText!));
  if (ctx.json) {
    ctx.out.printJson({ ...scoreJson(one), explanation: one.result.items.map((i) => ({ key: i.key, explanation: i.explanation, arithmetic: i.arithmetic })) });
    return;
  }
  renderScoreNotes(ctx.out, rubric, settings);
  renderScoreDetail(ctx.out, one);
}
