/**
 * Waivers (豁免) and acknowledgements (已确认) of findings. The notice makes only some conditions a matter
 * of judgement; which ones is data (data/rules/waivers.json). Every warning may be acknowledged. A waiver
 * names one finding by its code and field, so waiving one missing field leaves the others standing.
 */
import { readFileSync } from 'node:fs';
import type { Finding } from '../core/finding.js';
import { fieldName } from './fields.js';
import { ruleTitle } from './index.js';

export interface Waiver {
  code: string;
  /** The finding's field ('' for a finding without one); null: a waiver from before fields, covering the whole code. */
  field: string | null;
}

export interface WaiverGround {
  zh: string;
  en: string;
}

let grounds: Record<string, WaiverGround> | undefined;

function waivableErrors(): Record<string, WaiverGround> {
  grounds ??= (JSON.parse(readFileSync(new URL('../../data/rules/waivers.json', import.meta.url), 'utf8')) as { waivable: Record<string, WaiverGround> }).waivable;
  return grounds;
}

/** The field a waiver of this finding records. */
export function findingField(f: Pick<Finding, 'field'>): string {
  return f.field ?? '';
}

export function covers(w: Waiver, f: Pick<Finding, 'code' | 'field'>): boolean {
  return w.code === f.code && (w.field === null || w.field === findingField(f));
}

export function isWaived(f: Pick<Finding, 'code' | 'field'>, waivers: readonly Waiver[]): boolean {
  return waivers.some((w) => covers(w, f));
}

/** 'waive': an error the notice leaves to judgement; 'acknowledge': a warning; 'fix': an error only a corrected form removes. */
export type WaiverKind = 'waive' | 'acknowledge' | 'fix';

export function waiverKind(f: Pick<Finding, 'code' | 'severity'>): WaiverKind {
  if (f.severity !== 'error') return 'acknowledge';
  return Object.prototype.hasOwnProperty.call(waivableErrors(), f.code) ? 'waive' : 'fix';
}

/** The notice's ground for waiving this code, when it may be waived. */
export function waiverGround(code: string): WaiverGround | undefined {
  return waivableErrors()[code];
}

/** A waiver or confirmed reminder as the clerk names it: its finding's title, and the field when it has one (电话号码（单位传真电话）). */
export function overrideText(o: { code: string; field?: string | null }): string {
  return ruleTitle(o.code) + (o.field ? `（${fieldName(o.field)}）` : '');
}
