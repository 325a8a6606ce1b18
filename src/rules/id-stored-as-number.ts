import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';

/** Excel keeps 15 significant digits of a number: an ID typed as a number has lost its last digits. */
export const idStoredAsNumber: Rule = {
  code: 'id-stored-as-number',
  severity: 'error',
  check(ctx) {
    if (!ctx.parsed.facts.idStoredAsNumber) return [];
    return [findingAt(ctx, idStoredAsNumber.code, idStoredAsNumber.severity, 'lead.idNumber', msg('rules.id-stored-as-number'))];
  },
};
