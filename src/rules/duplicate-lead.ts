import { msg } from '../messages/index.js';
import { checkIdNumber, cleanIdText } from '../core/id-number.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

/** A comparable form of an ID number: the 18-character form when valid (so 15 and 18 digits meet), else the cleaned text. */
export function idKey(idNumber: string): string {
  const check = checkIdNumber(idNumber);
  return check.valid ? check.normalized : cleanIdText(idNumber);
}

/**
 * One person leads one studio: the lead's ID may not be the lead of another application of the round or
 * of a studio that is still valid. The caller leaves this application out of otherLeads.
 */
export const duplicateLead: Rule = {
  code: 'duplicate-lead',
  severity: 'error',
  check(ctx) {
    const { application, facts } = ctx.parsed;
    // Digits lost to Excel's 15 significant digits would make unrelated numbers look equal.
    if (facts.idStoredAsNumber || isBlank(application.lead.idNumber)) return [];
    const own = idKey(application.lead.idNumber);
    return ctx.otherLeads
      .filter((other) => !isBlank(other.idNumber) && idKey(other.idNumber) === own)
      .map((other) => {
        const key = other.kind === 'studio' ? 'rules.duplicate-lead.studio' : 'rules.duplicate-lead.application';
        return findingAt(ctx, duplicateLead.code, duplicateLead.severity, 'lead.idNumber', msg(key, { ref: other.ref }));
      });
  },
};
