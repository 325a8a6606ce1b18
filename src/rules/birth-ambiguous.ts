import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';
import { idBirthOf } from './lead.js';

/**
 * The reader met a year.month number such as 1975.1 (January or October?). An error: ask the unit; but
 * when the ID number is valid its birth month stands in and the finding drops to a warning.
 */
export const birthAmbiguous: Rule = {
  code: 'birth-ambiguous',
  severity: 'error',
  check(ctx) {
    if (!ctx.parsed.facts.birthAmbiguous) return [];
    const idBirth = idBirthOf(ctx);
    return [idBirth
      ? findingAt(ctx, birthAmbiguous.code, 'warning', 'lead.birth', msg('rules.birth-ambiguous.from-id', { idBirth }))
      : findingAt(ctx, birthAmbiguous.code, birthAmbiguous.severity, 'lead.birth', msg('rules.birth-ambiguous'))];
  },
};
