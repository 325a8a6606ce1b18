/**
 * Outputs that show personal numbers in full are on the record: `export review --full` (every ID number),
 * `export shortlist --internal` (scores and findings), and every `--json` output that carries an ID or
 * mobile number (JSON is the complete data contract, so it is never masked). The audit entry says who,
 * when (the entry's own fields), with which command, which file and how many numbers; never the numbers.
 */
import path from 'node:path';
import { findPersonalNumbers } from '../core/personal-numbers.js';
import { appendAudit } from '../store/audit.js';
import { inTransaction, type Workspace } from './context.js';

export type DisclosureAction = 'export-full' | 'export-internal' | 'json-output';

/** The audit actions whose `file` is a file gongshu wrote for a round (listed after `db purge`). */
export const EXPORT_ACTIONS: readonly string[] = ['export', 'export-full', 'export-internal'];

export interface Disclosure {
  action: DisclosureAction;
  round: number;
  /** The file written, for exports. */
  file?: string;
  /** Which list, for exports. */
  what?: string;
  /** The data shown: its personal numbers are counted (never stored). */
  value?: unknown;
}

/** How many distinct ID and mobile numbers a value shows in full, by kind. */
export function personalNumbersIn(value: unknown): { ids: number; mobiles: number } {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  const ids = new Set<string>();
  const mobiles = new Set<string>();
  for (const n of findPersonalNumbers(text)) (n.kind === 'id' ? ids : mobiles).add(n.value);
  return { ids: ids.size, mobiles: mobiles.size };
}

export function recordDisclosure(ws: Workspace, d: Disclosure): void {
  const counted = d.value === undefined ? {} : personalNumbersIn(d.value);
  inTransaction(ws, () =>
    appendAudit(ws.db, ws.actor, 'round', d.round, d.action, {
      ...(d.file === undefined ? {} : { file: path.resolve(d.file) }),
      ...(d.what === undefined ? {} : { what: d.what }),
      ...counted,
    }),
  );
}

/**
 * Before a `--json` output is printed: logged when it carries any personal number in full; returns whether
 * it did. Nothing is logged for data without one (a list of studios with no ID on file).
 */
export function recordJsonOutput(ws: Workspace, round: number, value: unknown): boolean {
  const counted = personalNumbersIn(value);
  if (counted.ids + counted.mobiles === 0) return false;
  recordDisclosure(ws, { action: 'json-output', round, value });
  return true;
}

/**
 * Every file written with a round's records is on the record with its full path, so that `db purge` can
 * list the files still holding that round's data. (The path is masked like all log text: a file named
 * after a mobile number is logged masked and cannot be listed.)
 */
export function recordExport(ws: Workspace, round: number, what: string, file: string): void {
  inTransaction(ws, () => appendAudit(ws.db, ws.actor, 'round', round, 'export', { file: path.resolve(file), what }));
}
