import { msg } from '../messages/index.js';
import { daysBetween, isDateString } from '../core/months.js';
import type { Rule } from './context.js';

/** Received after the round's deadline (材料 于5月22日前报送). The deadline day itself is on time. */
export const lateSubmission: Rule = {
  code: 'late-submission',
  severity: 'warning',
  check(ctx) {
    const received = ctx.receivedDate;
    const deadline = ctx.round.deadline;
    if (!received || !isDateString(received) || !isDateString(deadline)) return [];
    const days = daysBetween(deadline, received);
    if (days <= 0) return [];
    return [{ code: lateSubmission.code, severity: lateSubmission.severity, message: msg('rules.late-submission', { received, deadline, days }) }];
  },
};
