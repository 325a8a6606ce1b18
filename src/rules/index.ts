/**
 * The eligibility check (形式审查): every rule, run over one application, and what the findings mean for
 * its eligibility. Rules are pure; the caller supplies the round, the other leads and the materials.
 */
import type { Finding } from '../core/finding.js';
import { hasMessage, msg, type MessageKey } from '../messages/index.js';
import type { Rule, RuleContext } from './context.js';
import { memberDuplicate, teamSize } from './team-size.js';
import { retirementMargin } from './retirement-margin.js';
import { retirementInTerm } from './retirement-in-term.js';
import { studioName } from './studio-name.js';
import { leadSkillLevel } from './lead-skill-level.js';
import { idChecksum } from './id-checksum.js';
import { idBirthMismatch } from './id-birth-mismatch.js';
import { idStoredAsNumber } from './id-stored-as-number.js';
import { idGenderMismatch } from './id-gender-mismatch.js';
import { missingField } from './missing-field.js';
import { introTooLong } from './intro-too-long.js';
import { invalidEmail } from './invalid-email.js';
import { invalidPhone } from './invalid-phone.js';
import { invalidPostcode } from './invalid-postcode.js';
import { memberIncomplete } from './member-incomplete.js';
import { duplicateLead } from './duplicate-lead.js';
import { lateSubmission } from './late-submission.js';
import { missingMaterial } from './missing-material.js';
import { reportNameMismatch } from './report-name-mismatch.js';
import { birthAmbiguous } from './birth-ambiguous.js';
import { birthUnreadable } from './birth-unreadable.js';

export type { Rule, RuleContext, OtherLead, MaterialsRecord } from './context.js';
export { eligibilityLabel, eligibilityText, isEligible, type Eligibility } from './verdict.js';
export { covers, findingField, isWaived, waiverGround, waiverKind, type Waiver, type WaiverKind } from './waivers.js';
import { isWaived, type Waiver } from './waivers.js';
export { defaultDeadline } from './context.js';

/** In the order of the table; every finding's code is the code of the rule that made it. */
export const ALL_RULES: readonly Rule[] = [
  teamSize, retirementMargin, retirementInTerm, studioName, leadSkillLevel, idChecksum, idBirthMismatch, idStoredAsNumber,
  idGenderMismatch, missingField, introTooLong, invalidEmail, invalidPhone, invalidPostcode, memberIncomplete, memberDuplicate,
  duplicateLead, lateSubmission, missingMaterial, reportNameMismatch, birthAmbiguous, birthUnreadable,
];

export const RULE_CODES: readonly string[] = ALL_RULES.map((r) => r.code);

export function runRules(ctx: RuleContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(ctx));
}

export type RuleOutcome = 'pass' | 'fail' | 'warning' | 'waived';

/** One rule's cell in the review workbook: ✓ pass, ✗ fail, warning, or 豁免 (every error of it waived). */
export function ruleOutcome(findings: readonly Finding[], code: string, waivers: readonly Waiver[]): RuleOutcome {
  const own = findings.filter((f) => f.code === code);
  const errors = own.filter((f) => f.severity === 'error');
  if (errors.length > 0) return errors.every((f) => isWaived(f, waivers)) ? 'waived' : 'fail';
  return own.some((f) => f.severity === 'warning') ? 'warning' : 'pass';
}

/** The short title of a rule (column header), or the code itself when the catalogue has none. */
export function ruleTitle(code: string): string {
  const key = `rules.title.${code}`;
  return hasMessage(key) ? msg(key as MessageKey) : code;
}

/** The rule a clerk names, by its title (距法定退休年龄) or its code; undefined when none is meant. */
export function ruleCodeOf(text: string): string | undefined {
  const t = text.trim();
  if (RULE_CODES.includes(t)) return t;
  return RULE_CODES.find((code) => ruleTitle(code) === t);
}
