import { msg } from '../messages/index.js';
import { trimText } from '../core/text.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { findingAt } from './fields.js';

/** Characters of a text as a reader counts 字: code points, line breaks not counted. */
export function countCharacters(text: string): number {
  return [...trimText(text).replace(/[\r\n]/gu, '')].length;
}

/** 单位简介（1000字以内）. */
export const introTooLong: Rule = {
  code: 'intro-too-long',
  severity: 'warning',
  check(ctx) {
    const count = countCharacters(ctx.parsed.application.unit.profile);
    const max = ruleThresholds().maxProfileChars;
    if (count <= max) return [];
    return [findingAt(ctx, introTooLong.code, introTooLong.severity, 'unit.profile', msg('rules.intro-too-long', { count, max }))];
  },
};
