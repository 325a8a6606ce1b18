/** `gongshu db backup` and `gongshu db check`. */
import fs from 'node:fs';
import path from 'node:path';
import { ExitCode } from './exit-code.js';
import { resolveOutputFile } from '../export/output-file.js';
import { statusName } from '../core/lifecycle.js';
import { msg } from '../messages/index.js';
import { backupTo, checkIntegrity } from '../store/backup.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';
import { todayIso } from './context.js';

/** `gongshu-备份-2026-06-15.db`: the default name of a backup made on `date`, in the current folder. */
export function backupFileName(dbPath: string, date: string): string {
  return msg('workflow.db.backupFile', { base: path.basename(dbPath).replace(/\.db$/u, ''), date });
}

export async function dbBackup(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const db = ctx.openDb({ mustExist: true });
  const target = resolveOutputFile(opts.output, backupFileName(ctx.dbPath, todayIso()), Boolean(opts.force));
  fs.rmSync(target, { force: true });
  await backupTo(db, ctx.dbPath, target);
  ctx.out.success(msg('workflow.db.backedUp', { file: target }));
  return target;
}

export async function dbCheck(ctx: CliContext): Promise<number> {
  const db = ctx.openDb({ mustExist: true });
  const report = checkIntegrity(db);
  if (ctx.json) {
    ctx.out.printJson(report);
    return report.ok ? ExitCode.ok : ExitCode.failed;
  }
  if (report.applications.length > 0) {
    ctx.out.print(renderTable(msg('workflow.db.applicationsHead').split('|'), report.applications.map((r) => [r.round, statusName(r.status), r.count])));
  }
  if (report.studios.length > 0) ctx.out.print(renderTable(msg('workflow.db.studiosHead').split('|'), report.studios.map((r) => [statusName(r.status), r.count])));
  ctx.out.note(msg('workflow.db.counts', { assessments: report.assessments, audit: report.auditEntries, version: report.schemaVersion }));
  if (report.ok) ctx.out.success(msg('workflow.db.ok', { file: ctx.dbPath }));
  else ctx.out.error(msg('workflow.db.problems', { file: ctx.dbPath, problems: report.problems.slice(0, 20).join('\n') }));
  return report.ok ? ExitCode.ok : ExitCode.failed;
}
