import { msg } from '../messages/index.js';
import { maskPhone, toHalfWidth, trimText } from '../core/text.js';
import type { Rule } from './context.js';
import { fieldTables } from './data.js';
import { fieldValue, findingAt, isBlank } from './fields.js';

const MOBILE = /^(?:\+?86)?1\d{10}$/u;
/** Area code 0xx(x) (bare, with a hyphen or in brackets), a 7–8 digit local number, an optional extension. */
const FIXED_LINE = /^(?:\(0\d{2,3}\)-?|0\d{2,3}-?)[2-9]\d{6,7}(?:(?:-|转|ext\.?)\d{1,6})?$/iu;

/** One number: an 11-digit mobile (spaces and hyphens allowed) or a fixed line with its area code. */
export function isValidPhoneNumber(value: string): boolean {
  const compact = toHalfWidth(value).replace(/\s+/gu, '');
  return MOBILE.test(compact.replace(/-/gu, '')) || FIXED_LINE.test(compact);
}

/** A cell may hold several numbers separated by / 、 , ; — each must be valid. */
export function isValidPhoneField(value: string): boolean {
  const parts = toHalfWidth(value).split(/[/、,;]/u).map(trimText).filter((p) => p !== '');
  return parts.length > 0 && parts.every(isValidPhoneNumber);
}

/** Unit and lead telephone, mobile and fax numbers. */
export const invalidPhone: Rule = {
  code: 'invalid-phone',
  severity: 'warning',
  check(ctx) {
    const app = ctx.parsed.application;
    return fieldTables().phones.flatMap((phone) => {
      const value = trimText(fieldValue(app, phone.field));
      if (isBlank(value) || isValidPhoneField(value)) return [];
      // A lead's own numbers are personal: show them masked, the cell reference leads to the full text.
      const shown = phone.field.startsWith('lead.') ? maskPhone(value) : value;
      const message = msg('rules.invalid-phone', { label: phone.zh, labelEn: phone.en, value: shown });
      return [findingAt(ctx, invalidPhone.code, invalidPhone.severity, phone.field, message)];
    });
  },
};
