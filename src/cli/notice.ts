/** `gongshu export notice`: the 公示 as the bureau publishes it (.docx), with the list attached. */
import { unitNameOf } from '../core/application.js';
import { RefusedError } from '../core/errors.js';
import { resolveOutputFile, writeBytesAtomically } from '../export/output-file.js';
import { officialText } from '../messages/export.js';
import { msg } from '../messages/index.js';
import { noticeSettings } from '../rules/notice-data.js';
import { noticePeriod } from '../services/certification.js';
import { LISTED_STATUSES, rankedByReview } from '../services/shortlist.js';
import { getNotice } from '../store/notice.js';
import { getRound } from '../store/rounds.js';
import type { CliContext } from './context.js';

export async function exportNotice(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const db = ctx.openDb({ mustExist: true });
  const notice = getNotice(db, ctx.round);
  if (!notice) throw new RefusedError('no-notice', msg('workflow.notice.notStarted', { round: ctx.round }));
  const ranked = rankedByReview(db, ctx.round, LISTED_STATUSES);
  if (ranked.length === 0) throw new RefusedError('shortlist-empty', msg('workflow.shortlist.nothingToExport', { round: ctx.round }));
  const file = resolveOutputFile(opts.output, officialText('export.file.notice', { year: ctx.round }), Boolean(opts.force));
  // The period as recorded, its working days counted by the same calendar (an end given by hand included).
  const period = noticePeriod(notice.startsOn, notice.endsOn);
  const rows = ranked.map(({ app }) => {
    const a = app.current.parsed.application;
    return { studioName: a.studioName, leadName: a.lead.name, occupation: a.lead.occupation, unitName: unitNameOf(a) };
  });
  // docx is loaded only here: no other command pays for it.
  const { buildNoticeDocx } = await import('../export/docx/notice.js');
  const bytes = await buildNoticeDocx({
    year: ctx.round,
    period: { from: period.from, to: period.to, workingDays: period.workingDays },
    rows,
    settings: noticeSettings(getRound(db, ctx.round).settings),
  });
  await writeBytesAtomically(bytes, file);
  ctx.out.success(msg('workflow.notice.exported', { file, count: rows.length, from: period.from, to: period.to }));
  return file;
}
