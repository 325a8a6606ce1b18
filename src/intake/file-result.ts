/** One file's row in an import's result table; kept apart from the batch so that showing it loads nothing else. */
import type { Finding } from '../core/finding.js';
import { msg } from '../messages/index.js';
import type { FileError } from './parse-file.js';

/**
 * pending: a new version stored but not in effect (held after expert review, or the same lead from another unit);
 * not-imported: a file that is no form gongshu reads (a scan, an old .doc), listed with what to ask the unit for.
 */
export type FileOutcome = 'imported' | 'new-version' | 'pending' | 'skipped' | 'failed' | 'not-imported';

export interface FileResult {
  file: string;
  outcome: FileOutcome;
  /** Application id or assessment id, depending on the kind. */
  id?: number;
  version?: number;
  /** Studio name, for the result table. */
  title?: string;
  errors: number;
  warnings: number;
  /** For failures and files not imported: the one-line Chinese reason, with its code and where. */
  error?: FileError;
  problems: Finding[];
  /** A held version that can never take effect (its application is certified): kept for the record. */
  keptForRecord?: true;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

export function outcomeLabel(outcome: FileOutcome): string {
  switch (outcome) {
    case 'imported':
      return msg('cli.outcome.imported');
    case 'new-version':
      return msg('cli.outcome.newVersion');
    case 'pending':
      return msg('cli.outcome.pending');
    case 'skipped':
      return msg('cli.outcome.skipped');
    case 'failed':
      return msg('cli.outcome.failed');
    case 'not-imported':
      return msg('cli.outcome.notImported');
  }
}

/** The code of a file an import did not reach because the clerk stopped it (Ctrl+C). */
export const INTERRUPTED = 'interrupted';

export function interrupted(file: string): FileResult {
  return { file, outcome: 'not-imported', errors: 0, warnings: 0, error: { code: INTERRUPTED, message: msg('cli.import.interruptedFile') }, problems: [] };
}
