import { msg } from '../messages/index.js';
import { maskIdNumber } from '../core/text.js';
import { cleanIdText } from '../core/id-number.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';
import { idProblemsText } from './format.js';
import { leadIdCheck } from './lead.js';

/**
 * GB 11643-1999 check of the lead's ID number. A 15-digit number is converted and reported under the same
 * code at warning severity, so the review workbook keeps one column per rule.
 * Numbers whose digits were lost (stored as a number) are left to id-stored-as-number.
 */
export const idChecksum: Rule = {
  code: 'id-checksum',
  severity: 'error',
  check(ctx) {
    const check = leadIdCheck(ctx);
    if (!check) return [];
    const raw = ctx.parsed.application.lead.idNumber;
    if (!check.valid) {
      const message = msg('rules.id-checksum.invalid', {
        masked: maskIdNumber(cleanIdText(raw)), problems: idProblemsText(check, raw),
      });
      return [findingAt(ctx, idChecksum.code, idChecksum.severity, 'lead.idNumber', message)];
    }
    if (check.converted15) {
      const message = msg('rules.id-checksum.converted15', { masked: maskIdNumber(check.normalized) });
      return [findingAt(ctx, idChecksum.code, 'warning', 'lead.idNumber', message)];
    }
    return [];
  },
};
