/** `gongshu db backup` and `gongshu db check`. */
import fs from 'node:fs';
import { statusName } from '../core/lifecycle.js';
import { resolveOutputFile } from '../export/output-file.js';
import { msg } from '../messages/index.js';
import { backupDatabase, checkDatabase } from '../services/database.js';
import { renderTable } from '../ui/table.js';
import { ExitCode } from './exit-code.js';
import type { CliContext } from './context.js';
import { backupFileName, todayIso } from './parse.js';

export async function dbBackup(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const ws = ctx.workspace({ mustExist: true });
  const target = resolveOutputFile(opts.output, backupFileName(ctx.dbPath, todayIso()), Boolean(opts.force));
  fs.rmSync(target, { force: true });
  await backupDatabase(ws, target);
  ctx.out.success(msg('workflow.db.backedUp', { file: target }));
  return target;
}

export async function dbCheck(ctx: CliContext): Promise<number> {
  const report = checkDatabase(ctx.workspace({ mustExist: true }));
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
