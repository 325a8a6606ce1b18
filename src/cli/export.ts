/** `gongshu export …`: the official workbooks, written atomically, never overwriting without --force. */
import { officialText } from '../messages/export.js';
import { buildEligibilitySummary } from '../excel/write/eligibility-summary.js';
import { loadExcel, resolveOutputFile, writeWorkbookAtomically } from '../export/output-file.js';
import { msg } from '../messages/index.js';
import { noticeSettings } from '../rules/notice-data.js';
import { summaryColumns } from '../rules/summary-groups.js';
import { applicationJson } from '../services/application-view.js';
import { activeOverrides, listApplications } from '../store/applications.js';
import { appendAudit } from '../store/audit.js';
import { getRound } from '../store/rounds.js';
import { todayIso, type CliContext } from './context.js';
import { eligibilityText } from './apply.js';

export async function exportReview(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const file = resolveOutputFile(opts.output, officialText('export.file.eligibilitySummary', { year: ctx.round }), Boolean(opts.force));
  const db = ctx.openDb({ mustExist: true });
  const apps = listApplications(db, ctx.round);
  const rows = apps.map((app) => {
    const view = applicationJson(db, app);
    return {
      id: app.id,
      studioName: view.studioName,
      unitName: view.unit.name,
      leadName: view.lead.name,
      idNumber: view.lead.idNumber,
      eligibility: eligibilityText(view.eligibility),
      findings: [...view.problems, ...app.findings],
      waivers: Object.fromEntries(activeOverrides(db, app.id).map((o) => [o.code, o.reason])),
    };
  });
  const ExcelJS = await loadExcel();
  const full = Boolean(opts.full);
  const workbook = buildEligibilitySummary(ExcelJS, rows, {
    sheetName: msg('cli.export.review.sheet'),
    title: msg('cli.export.review.title', { year: ctx.round }),
    checkColumns: summaryColumns(),
    headers: {
      id: msg('cli.field.id'),
      studio: msg('cli.export.review.studioAndUnit'),
      lead: msg('cli.export.review.leadAndId'),
      eligibility: msg('cli.field.eligibility'),
      messages: msg('cli.export.review.messages'),
    },
    marks: {
      pass: msg('cli.export.mark.pass'),
      fail: msg('cli.export.mark.fail'),
      warning: msg('cli.export.mark.warning'),
      waived: msg('cli.export.mark.waived'),
    },
    labels: {
      error: msg('cli.export.review.error'),
      warning: msg('cli.export.review.warning'),
      waived: (reason) => msg('cli.export.review.waived', { reason }),
    },
    full,
    generatedNote: msg(full ? 'cli.export.review.noteFull' : 'cli.export.review.note', { count: rows.length, date: todayIso() }),
    signOff: { bureau: noticeSettings(getRound(db, ctx.round).settings).bureauName, date: todayIso() },
  });
  await writeWorkbookAtomically(workbook, file);
  if (full) appendAudit(db, ctx.actor, 'round', ctx.round, 'export-full', { file, what: 'review' });
  ctx.out.success(msg('cli.wrote', { file }));
  return file;
}

