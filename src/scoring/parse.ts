/** Reading score and veto cells: what counts as a number, and what counts as "veto triggered". */
import type { CellValue } from '../core/assessment.js';
import type { RubricVeto } from '../core/rubric.js';
import { removeSpaces, toHalfWidth } from '../core/text.js';

export type ParsedScore =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string };

/**
 * A score cell → number. Accepts digits written with full-width forms, spaces or a trailing 分
 * (`8`, `８`, `8.5`, `8 分`); anything else (`八分`, `8-9`, `约8`) is text the clerk must correct.
 */
export function parseScore(value: CellValue): ParsedScore {
  if (value === null) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text', text: String(value) };
  const key = removeSpaces(toHalfWidth(value)).replace(/分$/u, '');
  if (removeSpaces(value) === '') return { kind: 'empty' };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/u.test(key)) return { kind: 'number', value: Number(key) };
  return { kind: 'text', text: value };
}

export type VetoState = 'triggered' | 'clear' | 'unclear';

function vetoKey(s: string): string {
  return removeSpaces(toHalfWidth(s)).toLowerCase();
}

/** The veto cell against the rubric's lists of forms (是/√/✓/触发 vs 否/无/empty). */
export function parseVeto(value: CellValue, veto: RubricVeto): VetoState {
  if (value === null) return 'clear';
  const key = vetoKey(String(value));
  if (key === '') return 'clear';
  if (veto.triggeredForms.some((f) => vetoKey(f) === key)) return 'triggered';
  if (veto.clearForms.some((f) => vetoKey(f) === key)) return 'clear';
  return 'unclear';
}
