import { validUntil } from '../core/calendar.js';
import { monthIndex, monthOf } from '../core/months.js';
import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { applicationRef, findingAt } from './fields.js';
import { formatAge } from './format.js';
import { leadRetirement } from './lead.js';

/**
 * A lead who reaches the statutory retirement age before the studio's 3-year term ends: 工作室领衔人…已退休的，
 * 不列入考核且不进行延期 (考核评估 2). The term starts at 认定, after the deadline; even a studio certified on
 * the deadline itself would still run when the lead retires, so the warning is certain, not a guess. A
 * margin under 36 months is retirement-margin's error; this 提醒 covers the leads that pass it (exactly 36
 * months, or a few more when the term ends in the retirement month), so the committee sees it before
 * certification rather than `studios due` after it.
 */
export const retirementInTerm: Rule = {
  code: 'retirement-in-term',
  severity: 'warning',
  check(ctx) {
    const lead = ctx.parsed.application.lead;
    const known = leadRetirement(ctx);
    if (!known) return [];
    const { group, retirement } = known;
    if (monthIndex(retirement.month) - monthIndex(ctx.round.deadline) < ruleThresholds().minMonthsBeforeRetirement) return [];
    const until = validUntil(ctx.round.deadline);
    if (monthIndex(retirement.month) > monthIndex(monthOf(until))) return [];
    let message = msg('rules.retirement-in-term', {
      name: lead.name,
      age: formatAge(retirement.age),
      retirementMonth: retirement.month,
      deadline: ctx.round.deadline,
      until,
    });
    if (group !== 'male' && ctx.femaleGroup === null) message += msg('rules.retirement.group-assumed-worker', { id: applicationRef(ctx) });
    return [findingAt(ctx, retirementInTerm.code, retirementInTerm.severity, 'lead.birth', message)];
  },
};
