/** What `db check` and `db restore` show of a database file: shared by the commands and the menu. */
import { statusName } from '../../core/lifecycle.js';
import { msg } from '../../messages/index.js';
import { backupFolder, headText, type DatabaseCheck, type IntegrityReport } from '../../services/database.js';
import type { Output } from '../../ui/output.js';
import { renderTable } from '../../ui/table.js';

/** What a check found: counts, then 通过 or the problems (the first broken audit entry among them). */
export function renderIntegrity(out: Output, report: IntegrityReport & Partial<Pick<DatabaseCheck, 'witnesses' | 'paper'>>, file: string): void {
  if (report.applications.length > 0) {
    out.print(renderTable(msg('workflow.db.applicationsHead').split('|'), report.applications.map((r) => [r.round, statusName(r.status), r.count])));
  }
  if (report.studios.length > 0) out.print(renderTable(msg('workflow.db.studiosHead').split('|'), report.studios.map((r) => [statusName(r.status), r.count])));
  out.note(msg('workflow.db.counts', { assessments: report.assessments, audit: report.auditEntries, version: report.schemaVersion }));
  if (report.audit === null && report.schemaVersion < 5 && report.ok) out.note(msg('safety.check.noChain', { version: report.schemaVersion }));
  else if (report.audit && !report.audit.broken) out.note(msg('safety.check.chainOk', { entries: report.audit.entries }));
  if (report.witnesses && report.witnesses.compared > 0 && report.witnesses.problems.length === 0) {
    const excused = report.witnesses.excused > 0 ? msg('recovery.witness.excused', { count: report.witnesses.excused }) : '';
    out.note(msg('recovery.witness.ok', { folder: backupFolder(file), count: report.witnesses.compared }) + excused);
  }
  if (report.head && report.ok) out.note(msg('recovery.head.note', { head: headText(report.head) }));
  if (report.paper?.found === 'match') out.success(report.paper.text);
  if (report.ok) out.success(msg('workflow.db.ok', { file }));
  else out.error(msg('workflow.db.problems', { file, problems: report.problems.slice(0, 20).join('\n') }));
}

