import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { fieldTables } from './data.js';
import { fieldValue, findingAt, isBlank } from './fields.js';

/** One finding per required field (data/rules/fields.json) left empty. */
export const missingField: Rule = {
  code: 'missing-field',
  severity: 'error',
  check(ctx) {
    const { application, facts } = ctx.parsed;
    // An unreadable or ambiguous 出生年月 was written: the birth rules explain it better than "empty".
    const birthReported = facts.birthAmbiguous || facts.birthUnreadable !== null;
    return fieldTables().required
      .filter((req) => !(birthReported && req.fields.includes('lead.birth')))
      .filter((req) => req.fields.every((path) => isBlank(fieldValue(application, path))))
      .map((req) => {
        const message = msg('rules.missing-field', { label: req.zh, labelEn: req.en });
        return findingAt(ctx, missingField.code, missingField.severity, req.fields[0]!, message);
      });
  },
};
