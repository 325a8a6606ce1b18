/** One shape for rule findings and for per-cell import problems. Codes are kebab-case and stable. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  field?: string;
  /** `Sheet!A1` (or just `A1`) where the clerk should look. */
  cell?: string;
}

