/** `gongshu db …`: upkeep of the database file. `db purge` deletes a past round's personal data. */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, RefusedError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import { msg } from '../messages/index.js';
import { purgePlan, purgeRound, type RoundCounts } from '../store/purge.js';
import { chinaYear } from '../core/china-time.js';
import { listBackups } from '../store/backup.js';
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

/** Copies gongshu made (gongshu-backups/, and .bak files of older versions): they hold the same personal data. */
function backupsBeside(dbPath: string): string[] {
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  let old: string[] = [];
  try {
    old = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}.`) && f.endsWith('.bak')).map((f) => path.join(dir, f));
  } catch {
    old = [];
  }
  return [...old, ...listBackups(dbPath)];
}

export function makeDbPurge(confirmer: Confirmer) {
  return async function dbPurge(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
    if (!ctx.roundGiven) throw new UsageError('purge-round-required', msg('purge.roundRequired'));
    const round = ctx.round;
    const year = chinaYear();
    // The round's business (review, shortlist, appeals) runs through its own year.
    if (round >= year) throw new RefusedError('purge-round-not-over', msg('purge.roundNotOver', { round, year }));
    const db = ctx.openDb({ mustExist: true });
    const plan = purgePlan(db, round);
    if (plan.versions === 0 && plan.assessmentVersions === 0) {
      ctx.out.note(msg('purge.nothing', { round }));
      return ExitCode.ok;
    }
    ctx.out.note(msg('purge.plan', { ...plan, round }));
    if (!opts.yes) {
      if (!confirmer.interactive()) throw new UsageError('purge-needs-yes', msg('purge.needYes', { round }));
      if (!(await confirmer.confirm(msg('purge.confirm', { round })))) {
        ctx.out.note(msg('purge.cancelled'));
        return ExitCode.ok;
      }
    }
    const result = purgeRound(db, round, ctx.actor, msg('purge.removedMessage'));
    // Rewrites the file without the freed pages; secure_delete has already zeroed them.
    db.exec('VACUUM');
    ctx.out.success(msg('purge.done', { round, applications: result.applications, assessments: result.assessments, counts: countsText(result.counts) }));
    const backups = backupsBeside(ctx.dbPath);
    if (backups.length > 0) ctx.out.warn(msg('purge.backupsRemain', { files: backups.join('、') }));
    return ExitCode.ok;
  };
}

export const dbPurge = makeDbPurge(terminalConfirmer);
