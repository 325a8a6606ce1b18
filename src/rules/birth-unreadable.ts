import { msg } from '../messages/index.js';
import { stripControl } from '../core/text.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';
import { idBirthOf } from './lead.js';

/** 出生年月 held something that is not a date. Like birth-ambiguous, a valid ID number turns it into a warning. */
export const birthUnreadable: Rule = {
  code: 'birth-unreadable',
  severity: 'error',
  check(ctx) {
    const raw = ctx.parsed.facts.birthUnreadable;
    if (raw === null) return [];
    const shown = stripControl(raw);
    const idBirth = idBirthOf(ctx);
    return [idBirth
      ? findingAt(ctx, birthUnreadable.code, 'warning', 'lead.birth', msg('rules.birth-unreadable.from-id', { raw: shown, idBirth }))
      : findingAt(ctx, birthUnreadable.code, birthUnreadable.severity, 'lead.birth', msg('rules.birth-unreadable', { raw: shown }))];
  },
};
