import { msg } from '../messages/index.js';
import { monthIndex } from '../core/months.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { applicationRef, findingAt } from './fields.js';
import { formatAge, genderText } from './format.js';
import { leadRetirement } from './lead.js';

/**
 * 领衔人在申请时原则上应距法定退休年龄3年以上: retirement month − month of the round deadline ≥ 36.
 * Skipped when gender or birth month is unknown (missing-field and the birth rules report those).
 */
export const retirementMargin: Rule = {
  code: 'retirement-margin',
  severity: 'error',
  check(ctx) {
    const lead = ctx.parsed.application.lead;
    const known = leadRetirement(ctx);
    if (!known) return [];
    const { group, birth, retirement } = known;
    const months = monthIndex(retirement.month) - monthIndex(ctx.round.deadline);
    const min = ruleThresholds().minMonthsBeforeRetirement;
    if (months >= min) return [];

    const id = applicationRef(ctx);
    const params = {
      name: lead.name, gender: genderText(lead.gender), birth: birth.birth, age: formatAge(retirement.age),
      retirementMonth: retirement.month, deadline: ctx.round.deadline, months, min, id,
    };
    let message = months > 0 ? msg('rules.retirement-margin', params) : msg('rules.retirement-margin.retired', params);
    if (birth.fromId) message += msg('rules.retirement.birth-from-id');
    if (group !== 'male') {
      if (ctx.femaleGroup === null) message += msg('rules.retirement.group-assumed-worker', { id });
      else message += msg(ctx.femaleGroup === 'cadre' ? 'rules.retirement.group-set-cadre' : 'rules.retirement.group-set-worker');
    }
    if (months > 0) message += msg('rules.retirement-margin.override', { id });
    return [findingAt(ctx, retirementMargin.code, retirementMargin.severity, 'lead.birth', message)];
  },
};
