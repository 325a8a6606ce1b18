import { msg } from '../messages/index.js';
import type { Rule } from './context.js';
import { findingAt } from './fields.js';
import { genderText } from './format.js';
import { leadIdCheck } from './lead.js';

/** 17th digit odd = 男, even = 女; compared with 性别 when both are known. */
export const idGenderMismatch: Rule = {
  code: 'id-gender-mismatch',
  severity: 'error',
  check(ctx) {
    const gender = ctx.parsed.application.lead.gender;
    const check = leadIdCheck(ctx);
    if (!check?.valid || (gender !== '男' && gender !== '女') || check.gender === gender) return [];
    const message = msg('rules.id-gender-mismatch', { idGender: genderText(check.gender), gender: genderText(gender) });
    return [findingAt(ctx, idGenderMismatch.code, idGenderMismatch.severity, 'lead.gender', message)];
  },
};
