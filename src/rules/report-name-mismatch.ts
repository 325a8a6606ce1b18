import { msg } from '../messages/index.js';
import { studioNameMatches } from '../core/studio-name.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

/** The 申办报告 must carry the studio name; when the clerk recorded it, it must be the form's. */
export const reportNameMismatch: Rule = {
  code: 'report-name-mismatch',
  severity: 'warning',
  check(ctx) {
    const report = ctx.materials?.reportStudioName ?? '';
    const form = ctx.parsed.application.studioName;
    if (isBlank(report) || isBlank(form) || studioNameMatches(report, form)) return [];
    return [findingAt(ctx, reportNameMismatch.code, reportNameMismatch.severity, 'studioName', msg('rules.report-name-mismatch', { report, form }))];
  },
};
