import { msg } from '../messages/index.js';
import { removeSpaces, toHalfWidth, trimText } from '../core/text.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

export function isValidPostcode(value: string): boolean {
  return /^\d{6}$/u.test(removeSpaces(toHalfWidth(value)));
}

/** 邮编: 6 digits. */
export const invalidPostcode: Rule = {
  code: 'invalid-postcode',
  severity: 'warning',
  check(ctx) {
    const value = trimText(ctx.parsed.application.unit.postcode);
    if (isBlank(value) || isValidPostcode(value)) return [];
    return [findingAt(ctx, invalidPostcode.code, invalidPostcode.severity, 'unit.postcode', msg('rules.invalid-postcode', { value }))];
  },
};
