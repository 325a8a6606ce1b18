/** Facts about the lead that several rules share: the ID check and the birth month to use. */
import { checkIdNumber, idBirthMonth, type IdCheck } from '../core/id-number.js';
import { isMonthString } from '../core/months.js';
import { groupFor, retirementFor, type RetirementGroup, type Retirement } from '../core/retirement.js';
import type { RuleContext } from './context.js';
import { isBlank } from './fields.js';

/** The lead's ID check, or null when there is nothing to check (empty, or digits lost as a number). */
export function leadIdCheck(ctx: RuleContext): IdCheck | null {
  const { application, facts } = ctx.parsed;
  if (facts.idStoredAsNumber || isBlank(application.lead.idNumber)) return null;
  return checkIdNumber(application.lead.idNumber);
}

/** The birth month from a valid ID number, or null. */
export function idBirthOf(ctx: RuleContext): string | null {
  const check = leadIdCheck(ctx);
  return check?.valid ? idBirthMonth(check.normalized) : null;
}

export interface LeadBirth {
  birth: string; // YYYY-MM
  fromId: boolean;
}

/** 出生年月 as written, else the ID's birth month when the ID is valid, else null. */
export function leadBirth(ctx: RuleContext): LeadBirth | null {
  const written = ctx.parsed.application.lead.birth;
  if (isMonthString(written)) return { birth: written, fromId: false };
  const fromId = idBirthOf(ctx);
  return fromId ? { birth: fromId, fromId: true } : null;
}

/** The lead's retirement group, birth month and statutory retirement; null when gender or birth is unknown. */
export function leadRetirement(ctx: RuleContext): { group: RetirementGroup; birth: LeadBirth; retirement: Retirement } | null {
  const group = groupFor(ctx.parsed.application.lead.gender, ctx.femaleGroup);
  const birth = leadBirth(ctx);
  if (!group || !birth) return null;
  return { group, birth, retirement: retirementFor(birth.birth, group) };
}
