import { msg } from '../messages/index.js';
import { nameKey } from '../core/text.js';
import type { Member } from '../core/application.js';
import type { Rule } from './context.js';
import { ruleThresholds } from './data.js';
import { findingAt, isBlank } from './fields.js';

export interface CountedMembers {
  /** Members who count: named, not the lead, each person once. */
  counted: Member[];
  /** Rows repeating the lead. */
  leadRepeats: number;
  /** Rows repeating a member listed above them: [index of the repeat, index of the first listing]. */
  duplicates: [number, number][];
}

/** Members who count: a name is written, it is not the lead listed again, and a person listed twice counts once. */
export function countedMembers(members: readonly Member[], leadName: string): CountedMembers {
  const leadKey = isBlank(leadName) ? '' : nameKey(leadName);
  const first = new Map<string, number>();
  const counted: Member[] = [];
  const duplicates: [number, number][] = [];
  let leadRepeats = 0;
  members.forEach((m, i) => {
    if (isBlank(m.name)) return;
    const key = nameKey(m.name);
    if (leadKey !== '' && key === leadKey) leadRepeats++;
    else if (first.has(key)) duplicates.push([i, first.get(key)!]);
    else {
      first.set(key, i);
      counted.push(m);
    }
  });
  return { counted, leadRepeats, duplicates };
}

/** 三、申请条件 1：除领衔人外应拥有不少于3人的技能人才团队. */
export const teamSize: Rule = {
  code: 'team-size',
  severity: 'error',
  check(ctx) {
    const { application, facts } = ctx.parsed;
    const { counted, leadRepeats, duplicates } = countedMembers(application.members, application.lead.name);
    const min = ruleThresholds().minMembers;
    if (counted.length >= min) return [];
    let message = msg('rules.team-size', { count: counted.length, min });
    const repeated = leadRepeats + facts.leadRepeatedInMembers;
    if (repeated > 0) message += msg('rules.team-size.lead-repeated', { repeated });
    if (duplicates.length > 0) message += msg('rules.team-size.member-repeated', { repeated: duplicates.length });
    const cellField = ctx.parsed.cells['members'] ? 'members' : 'members.0.name';
    return [findingAt(ctx, teamSize.code, teamSize.severity, 'members', message, cellField)];
  },
};

/** The same person listed twice in the member table counts once toward the team (and the clerk is told). */
export const memberDuplicate: Rule = {
  code: 'member-duplicate',
  severity: 'warning',
  check(ctx) {
    const { application } = ctx.parsed;
    return countedMembers(application.members, application.lead.name).duplicates.map(([i, firstAt]) =>
      findingAt(ctx, memberDuplicate.code, memberDuplicate.severity, `members.${i}.name`, msg('rules.member-duplicate', { name: application.members[i]!.name, row: i + 1, first: firstAt + 1 })),
    );
  },
};
