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

/** A finding as a list shows it: with the waiver (error) or acknowledgement (warning) that covers it, if any. */
export interface WaivableFinding extends Finding {
  overridden?: boolean;
  /** The waiver's reason, when overridden. */
  waiverReason?: string;
  /** The day (in China) the waiver or acknowledgement was given, `YYYY-MM-DD`. */
  waiverDate?: string;
}

/** A form field the clerk corrected (`apply set`), as the lists show it: 已更正 field: from → to (reason, date). */
export interface FieldCorrection {
  /** The field's name as the clerk knows it (身份证号码, 工作室名称 …). */
  field: string;
  path: string;
  from: string;
  to: string;
  reason: string;
  date: string;
  version: number;
}

