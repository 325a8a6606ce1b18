/** `gongshu db backup`, `gongshu db check [FILE]` and `gongshu db restore FILE`. */
import { UsageError } from '../core/errors.js';
import { resolveOutputFile } from '../documents/output-file.js';
import { msg } from '../messages/index.js';
import { backupDatabase, checkDatabase, checkDatabaseFile, planRestore, restoreDatabase } from '../services/database.js';
import { terminalConfirmer, type Confirmer } from './db.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { backupFileName, todayIso } from './parse.js';
import { renderIntegrity } from './render/database.js';

export async function dbBackup(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const ws = ctx.workspace({ mustExist: true });
  const target = resolveOutputFile(opts.output, backupFileName(ctx.dbPath, todayIso()), Boolean(opts.force), { kind: 'backup', database: ctx.dbPath });
  backupDatabase(ws, target);
  ctx.out.success(msg('workflow.db.backedUp', { file: target.file }));
  return target.file;
}

/** `db check` (the database in use) or `db check FILE` (any file, opened read-only: a backup stays as it is). */
export async function dbCheck(ctx: CliContext, args: string[], opts: Record<string, unknown> = {}): Promise<number> {
  const [file] = args;
  const witness = typeof opts.witness === 'string' ? opts.witness : undefined;
  if (file && witness !== undefined) throw new UsageError('witness-with-file', msg('recovery.paper.withFile'));
  const report = file ? checkDatabaseFile(file) : checkDatabase(ctx.workspace({ mustExist: true }), witness === undefined ? {} : { witness });
  const shown = file ?? ctx.dbPath;
  if (ctx.json) ctx.out.printJson({ file: shown, ...report });
  else renderIntegrity(ctx.out, report, shown);
  return report.ok ? ExitCode.ok : ExitCode.failed;
}

export function makeDbRestore(confirmer: Confirmer) {
  return async function dbRestore(ctx: CliContext, args: string[], opts: Record<string, unknown>): Promise<number> {
    const [source] = args;
    // Checked before anything is opened, created or asked: a damaged file is refused with what is wrong.
    const plan = planRestore(source!, ctx.dbPath);
    renderIntegrity(ctx.out, plan.report, plan.source);
    ctx.out.note(msg('safety.restore.plan', { file: plan.source, database: ctx.dbPath }));
    if (!opts.yes) {
      if (!confirmer.interactive()) throw new UsageError('restore-needs-yes', msg('safety.restore.needYes', { file: source! }));
      if (!(await confirmer.confirm(msg('safety.restore.confirm', { database: ctx.dbPath })))) {
        ctx.out.note(msg('purge.cancelled'));
        return ExitCode.ok;
      }
    }
    const restored = await restoreDatabase(ctx.dbPath, ctx.actor, plan.source);
    if (restored.backup) ctx.out.note(msg('workflow.backupMade', { file: restored.backup }));
    ctx.out.success(msg('safety.restore.done', { file: restored.source, database: ctx.dbPath, entries: restored.report.auditEntries }));
    return ExitCode.ok;
  };
}

export const dbRestore = makeDbRestore(terminalConfirmer);
