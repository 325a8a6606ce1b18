import { msg } from '../messages/index.js';
import { removeSpaces, toHalfWidth, trimText } from '../core/text.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/u;

export function isValidEmail(value: string): boolean {
  return EMAIL.test(value) && !value.includes('..') && !value.startsWith('.') && !value.includes('.@');
}

/** E-mail syntax of the unit's address; a full-width ＠ or letters typed with a Chinese IME get a suggestion. */
export const invalidEmail: Rule = {
  code: 'invalid-email',
  severity: 'warning',
  check(ctx) {
    const value = trimText(ctx.parsed.application.unit.email);
    if (isBlank(value) || isValidEmail(value)) return [];
    const suggestion = removeSpaces(toHalfWidth(value));
    const message = isValidEmail(suggestion)
      ? msg('rules.invalid-email.full-width', { value, suggestion })
      : msg('rules.invalid-email', { value });
    return [findingAt(ctx, invalidEmail.code, invalidEmail.severity, 'unit.email', message)];
  },
};
