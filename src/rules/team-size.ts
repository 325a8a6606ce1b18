import { msg } from '../messages/index.js';
import { nameKey } from '../core/text.js';
import type { Member } from '../core/application.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { findingAt, isBlank } from './fields.js';

/** Members who count: a name is written and it is not the lead listed again. */
export function countedMembers(members: readonly Member[], leadName: string): { counted: Member[]; leadRepeats: number } {
  const leadKey = isBlank(leadName) ? '' : nameKey(leadName);
  const named = members.filter((m) => !isBlank(m.name));
  const counted = named.filter((m) => leadKey === '' || nameKey(m.name) !== leadKey);
  return { counted, leadRepeats: named.length - counted.length };
}

/** 三、申请条件 1：除领衔人外应拥有不少于3人的技能人才团队. */
export const teamSize: Rule = {
  code: 'team-size',
  severity: 'error',
  check(ctx) {
    const { application, facts } = ctx.parsed;
    const { counted, leadRepeats } = countedMembers(application.members, application.lead.name);
    const min = ruleThresholds().minMembers;
    if (counted.length >= min) return [];
    let message = msg('rules.team-size', { count: counted.length, min });
    const repeated = leadRepeats + facts.leadRepeatedInMembers;
    if (repeated > 0) message += msg('rules.team-size.lead-repeated', { repeated });
    const cellField = ctx.parsed.cells['members'] ? 'members' : 'members.0.name';
    return [findingAt(ctx, teamSize.code, teamSize.severity, 'members', message, cellField)];
  },
};
