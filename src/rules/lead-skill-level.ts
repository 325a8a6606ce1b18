import { msg } from '../messages/index.js';
import { isAtLeast, recogniseSkillLevel, skillLevelName } from '../core/skill-level.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { findingAt, isBlank } from './fields.js';

/**
 * 领衔人应是高级技师、技师或具有绝技绝活的技能人才: 技师 or higher passes; a lower or unknown level passes
 * only when 其它技能 (绝技绝活) is filled in.
 */
export const leadSkillLevel: Rule = {
  code: 'lead-skill-level',
  severity: 'warning',
  check(ctx) {
    const lead = ctx.parsed.application.lead;
    if (isBlank(lead.skillLevel)) return [];
    const level = recogniseSkillLevel(lead.skillLevel);
    if (isAtLeast(level, ruleThresholds().minimumLeadSkillLevel) || !isBlank(lead.otherSkills)) return [];
    const message = level
      ? msg('rules.lead-skill-level.low', { level: skillLevelName(level) })
      : msg('rules.lead-skill-level.unknown', { text: lead.skillLevel });
    return [findingAt(ctx, leadSkillLevel.code, leadSkillLevel.severity, 'lead.skillLevel', message)];
  },
};
