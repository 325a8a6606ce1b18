import { msg } from '../messages/index.js';
import { nameKey } from '../core/text.js';
import type { Finding } from '../core/finding.js';
import type { Rule } from './context.js';
import { findingAt, isBlank } from './fields.js';

/** A member row with a name but no 职业（工种） or no 职业资格等级或其它技能. */
export const memberIncomplete: Rule = {
  code: 'member-incomplete',
  severity: 'warning',
  check(ctx) {
    const { lead, members } = ctx.parsed.application;
    const leadKey = isBlank(lead.name) ? '' : nameKey(lead.name);
    const findings: Finding[] = [];
    members.forEach((member, i) => {
      if (isBlank(member.name) || (leadKey !== '' && nameKey(member.name) === leadKey)) return;
      const missing: { field: string; label: string }[] = [];
      if (isBlank(member.occupation)) missing.push({ field: `members.${i}.occupation`, label: msg('rules.member.occupation') });
      if (isBlank(member.skillLevel)) missing.push({ field: `members.${i}.skillLevel`, label: msg('rules.member.skill-level') });
      if (missing.length === 0) return;
      const message = msg('rules.member-incomplete', {
        index: i + 1, name: member.name, missing: missing.map((m) => m.label).join(msg('rules.and')),
      });
      findings.push(findingAt(ctx, memberIncomplete.code, memberIncomplete.severity, missing[0]!.field, message));
    });
    return findings;
  },
};
