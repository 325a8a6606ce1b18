import { msg } from '../messages/index.js';
import { expectedStudioName, studioNameMatches } from '../core/studio-name.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

/** 工作室名称 = 领衔人名字 + 职业（工种）名称 + 技能大师工作室 (材料申报 2). */
export const studioName: Rule = {
  code: 'studio-name',
  severity: 'error',
  check(ctx) {
    const app = ctx.parsed.application;
    if (isBlank(app.studioName) || isBlank(app.lead.name) || isBlank(app.lead.occupation)) return [];
    const expected = expectedStudioName(app.lead.name, app.lead.occupation);
    if (studioNameMatches(app.studioName, expected)) return [];
    const message = msg('rules.studio-name', {
      actual: app.studioName, lead: app.lead.name, occupation: app.lead.occupation, expected,
    });
    return [findingAt(ctx, studioName.code, studioName.severity, 'studioName', message)];
  },
};
