/** `gongshu db purge`: deletes a past round's personal data, after asking. */
import { UsageError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { automaticBackups, deleteExportFiles, finishPurge, planPurge, purge, purgeableRound, purgeHasWork, roundExportFiles, vacuumDue, type RoundCounts } from '../services/database.js';
import type { Workspace } from '../services/context.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';

/** How a destructive command asks the clerk; the tests give their own. */
export interface Confirmer {
  interactive(): boolean;
  confirm(message: string): Promise<boolean>;
}

export const terminalConfirmer: Confirmer = {
  interactive: () => Boolean(process.stdin.isTTY && process.stdout.isTTY),
  async confirm(message) {
    // Every prompt goes through the menu's prompts module, the only one that loads inquirer.
    const { createPrompts, MenuExit } = await import('./interactive/prompts.js');
    const { Chalk } = await import('chalk');
    const prompts = await createPrompts({ color: new Chalk() });
    try {
      return await prompts.confirm({ message, default: false });
    } catch (e) {
      if (e instanceof MenuExit) return false;
      throw e;
    }
  },
};

function countsText(c: RoundCounts): string {
  return msg('purge.counts', { total: c.applications, eligible: c.eligible, pending: c.pending, ineligible: c.ineligible });
}

export function makeDbPurge(confirmer: Confirmer) {
  return async function dbPurge(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
    const round = purgeableRound(ctx.roundGiven ? ctx.round : undefined);
    const ws = ctx.workspace({ mustExist: true });
    const plan = planPurge(ws, round);
    if (!purgeHasWork(plan)) {
      ctx.out.note(msg('purge.nothing', { round: plan.round }));
      // An earlier purge's VACUUM may have been cut off: its freed pages go now.
      if (vacuumDue(ws)) {
        finishPurge(ws);
        ctx.out.note(msg('purge.vacuumed', { file: ws.dbFile }));
      }
      await offerExports(ctx, ws, plan.round, opts, confirmer);
      return ExitCode.ok;
    }
    ctx.out.note(msg('purge.plan', { ...plan }));
    if (!opts.yes) {
      if (!confirmer.interactive()) throw new UsageError('purge-needs-yes', msg('purge.needYes', { round: plan.round }));
      if (!(await confirmer.confirm(msg('purge.confirm', { round: plan.round })))) {
        ctx.out.note(msg('purge.cancelled'));
        return ExitCode.ok;
      }
    }
    const result = purge(ws, plan.round);
    ctx.out.success(msg('purge.done', { round: plan.round, applications: result.applications, assessments: result.assessments, counts: countsText(result.counts) }));
    const backups = automaticBackups(ws);
    if (backups.length > 0) ctx.out.warn(msg('purge.backupsRemain', { files: backups.join('、') }));
    await offerExports(ctx, ws, plan.round, opts, confirmer);
    return ExitCode.ok;
  };
}

/**
 * The files gongshu exported for the round that are still where it wrote them: listed, and deleted only on
 * the clerk's word, given at the terminal (a second question, No by default) or as --delete-exports. --yes
 * answers the purge's question, not this one: a script deletes files only when told so by name.
 */
async function offerExports(ctx: CliContext, ws: Workspace, round: number, opts: Record<string, unknown>, confirmer: Confirmer): Promise<void> {
  const files = roundExportFiles(ws, round);
  if (files.length === 0) return;
  ctx.out.warn(msg('purge.exportsRemain', { round, count: files.length, files: files.map((f) => `  ${f}`).join('\n') }));
  const remove = opts.deleteExports ? true : !opts.yes && confirmer.interactive() ? await confirmer.confirm(msg('purge.exportsConfirm', { count: files.length })) : false;
  if (remove) ctx.out.success(msg('purge.exportsDeleted', { count: deleteExportFiles(ws, round, files).length }));
  else ctx.out.note(msg('purge.exportsKept', { round }));
}

export const dbPurge = makeDbPurge(terminalConfirmer);
