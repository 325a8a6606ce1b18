/**
 * What findings mean for an application's eligibility. Kept apart from the rules themselves so that
 * showing a verdict (`apply list`) does not load every rule.
 */
import type { Finding } from '../core/finding.js';
import { msg } from '../messages/index.js';

/** False exactly when an error finding stands whose code was not overridden; warnings never change it. */
export function isEligible(findings: readonly Finding[], overriddenCodes: ReadonlySet<string>): boolean {
  return !findings.some((f) => f.severity === 'error' && !overriddenCodes.has(f.code));
}

export type Eligibility = 'eligible' | 'ineligible' | 'pending';

/** 不合格 when not eligible; 待确认 when eligible with warnings left to look at; else 合格. */
export function eligibilityLabel(findings: readonly Finding[], overriddenCodes: ReadonlySet<string>): Eligibility {
  if (!isEligible(findings, overriddenCodes)) return 'ineligible';
  return findings.some((f) => f.severity === 'warning') ? 'pending' : 'eligible';
}

/** 合格 / 不合格 / 待确认 in the current language. */
export function eligibilityText(label: Eligibility): string {
  return msg(`rules.eligibility.${label}`);
}

