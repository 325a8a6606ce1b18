/** `gongshu round …`: the deadline (reference date of the retirement rule) and settings of a 申报年度. */
import { msg } from '../messages/index.js';
import { evaluateRound } from '../services/eligibility.js';
import { appendAudit } from '../store/audit.js';
import { getRound, saveRound } from '../store/rounds.js';
import type { CliContext } from './context.js';
import { parseYear } from './context.js';
import { dateOption } from './dates.js';

export async function roundSet(ctx: CliContext, [yearText]: string[], opts: Record<string, unknown>): Promise<void> {
  const year = parseYear(yearText!);
  const db = ctx.openDb();
  const before = getRound(db, year);
  const deadline = dateOption(ctx.out, opts.deadline, '--deadline', 'deadline', year) ?? before.deadline;
  db.transaction(() => {
    saveRound(db, { ...before, deadline });
    appendAudit(db, ctx.actor, 'round', year, 'set', { deadline: { from: before.deadline, to: deadline } });
  }).immediate();
  const n = evaluateRound(db, year, ctx.actor);
  ctx.out.success(msg('cli.round.saved', { year, deadline, count: n }));
}

export async function roundShow(ctx: CliContext, [yearText]: string[]): Promise<void> {
  const year = yearText ? parseYear(yearText) : ctx.round;
  const round = getRound(ctx.openDb(), year);
  if (ctx.json) ctx.out.printJson(round);
  else ctx.out.print(msg('cli.round.show', { year, deadline: round.deadline }));
}
