/** The line that says what an export or template wrote, for the commands and the menu alike. */
import { msg } from '../../messages/index.js';
import type { Written } from '../../services/exports.js';
import type { YearReport } from '../../services/report.js';
import type { Output } from '../../ui/output.js';

export type WrittenKind = 'workbook' | 'shortlist' | 'subsidy' | 'review-template' | 'notice' | 'report';

export function renderWritten(out: Output, kind: WrittenKind, written: Written & { total?: number; experts?: number; from?: string; to?: string; uncountedYears?: number[]; report?: YearReport; charts?: number }): void {
  const { file, count } = written;
  if (kind === 'report' && written.report) {
    const r = written.report;
    out.success(msg('report.exported', { file, active: r.active.length, total: r.inRegister, year: r.year, assessed: r.assessment.total - r.assessment.incomplete, charts: written.charts ?? 0 }));
    return;
  }
  if (kind === 'shortlist') out.success(msg('workflow.shortlist.exported', { file, count }));
  else if (kind === 'subsidy') out.success(msg('workflow.subsidy.exported', { file, count, total: (written.total ?? 0).toLocaleString('zh-CN') }));
  else if (kind === 'notice') {
    out.success(msg('workflow.notice.exported', { file, count, from: written.from ?? '', to: written.to ?? '' }));
    if (written.uncountedYears?.length) out.warn(msg('calendar.documentUncounted', { years: written.uncountedYears.join('、') }));
  }
  else if (kind === 'review-template') out.success(msg('workflow.review.templateWritten', { file, count, experts: written.experts ?? 0 }));
  else out.success(msg('cli.wrote', { file }));
}
