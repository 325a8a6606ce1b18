import { msg } from '../messages/index.js';
import { isMonthString } from '../core/months.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';
import { idBirthOf } from './lead.js';

/** The birth year-month in a valid ID number must equal 出生年月. */
export const idBirthMismatch: Rule = {
  code: 'id-birth-mismatch',
  severity: 'error',
  check(ctx) {
    const birth = ctx.parsed.application.lead.birth;
    const idBirth = idBirthOf(ctx);
    if (!idBirth || !isMonthString(birth) || idBirth === birth) return [];
    return [findingAt(ctx, idBirthMismatch.code, idBirthMismatch.severity, 'lead.birth', msg('rules.id-birth-mismatch', { idBirth, birth }))];
  },
};
