/**
 * What findings mean for an application's eligibility. Kept apart from the rules themselves so that
 * showing a verdict (`apply list`) does not load every rule.
 */
import type { Finding } from '../core/finding.js';
import { msg } from '../messages/index.js';
import { isWaived, type Waiver } from './waivers.js';

/** False exactly when an error finding stands that no waiver covers; warnings never change it. */
export function isEligible(findings: readonly Finding[], waivers: readonly Waiver[]): boolean {
  return !findings.some((f) => f.severity === 'error' && !isWaived(f, waivers));
}

export type Eligibility = 'eligible' | 'ineligible' | 'pending';

/** 不合格 when not eligible; 待确认 when eligible with warnings not yet acknowledged; else 合格. */
export function eligibilityLabel(findings: readonly Finding[], waivers: readonly Waiver[]): Eligibility {
  if (!isEligible(findings, waivers)) return 'ineligible';
  return findings.some((f) => f.severity === 'warning' && !isWaived(f, waivers)) ? 'pending' : 'eligible';
}

/** 合格 / 不合格 / 待确认 in the current language. */
export function eligibilityText(label: Eligibility): string {
  return msg(`rules.eligibility.${label}`);
}
