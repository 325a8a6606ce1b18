/**
 * The yearly report's arithmetic over records the services read (pure): which studios were running at a
 * year's end, and which status changes of a record still stand (an undone change does not count).
 */
import type { Grade } from '../scoring/index.js';

/** Statuses of a studio whose term is running (as core/due.ts checks leads for). */
export const RUNNING: ReadonlySet<string> = new Set(['valid', 'renewed', 'assessed-pass']);

export interface StatusEntry {
  id: number;
  /** China date (`YYYY-MM-DD`) of the change. */
  date: string;
  action: string;
  detail: Record<string, unknown>;
}

/** The status changes that stand: the log walked as a stack (a change pushes, an undo pops the change it names). */
export function standingChanges(entries: readonly StatusEntry[]): StatusEntry[] {
  const stack: StatusEntry[] = [];
  for (const e of entries) {
    if (e.action === 'status') stack.push(e);
    else if (e.action === 'status-undo') {
      const at = stack.findIndex((s) => s.id === e.detail.undoes);
      if (at >= 0) stack.splice(at, 1);
    }
  }
  return stack;
}

export interface StudioFacts {
  status: string;
  certifiedOn: string | null;
  selectionYear: number | null;
  validUntil: string | null;
  /** When the studio left a running term for its current status (the last standing change), if it has. */
  endedOn: string | null;
}

/**
 * Running on the last day of `year`: certified by then, its term (as recorded) still running that day, and
 * not yet ended (revoked, expired, assessed) by then. A studio that ended without a dated change (a register
 * row that was already 已撤销) is not running in any year gongshu can tell.
 */
export function activeAtYearEnd(s: StudioFacts, year: number): boolean {
  const end = `${year}-12-31`;
  if (!s.certifiedOn || s.certifiedOn > end) return false;
  if (!s.validUntil || s.validUntil < end) return false;
  if (RUNNING.has(s.status)) return true;
  return s.endedOn !== null && s.endedOn > end;
}

/** The year a studio was certified in (the date's, else the recorded year). */
export function certifiedYear(s: Pick<StudioFacts, 'certifiedOn' | 'selectionYear'>): number | null {
  return s.certifiedOn ? Number(s.certifiedOn.slice(0, 4)) : s.selectionYear;
}

export const REPORT_GRADES = ['excellent', 'pass', 'fail', 'not-assessed'] as const satisfies readonly Grade[];
export type ReportGrade = (typeof REPORT_GRADES)[number];

export interface NamedStudio {
  name: string;
  plaque: string | null;
}

export interface YearReport {
  year: number;
  /**
   * The studios of the register on 31 December of the year: certified in that year or before (revoked and
   * expired included; undone and merged records are no studios). A studio whose year is not recorded counts.
   */
  inRegister: number;
  /** Running on 31 December of the year. */
  active: NamedStudio[];
  /** Studios of the register by the year they were certified in, up to the report's year. */
  certifiedPerYear: { year: number; count: number }[];
  /** Studios of the register whose year of certification is not recorded. */
  certifiedYearUnknown: number;
  /** Running studios by major group of the occupational classification, in the classification's order, 其他 last. */
  byGroup: { code: string | null; name: string; short: string; count: number; studios: NamedStudio[] }[];
  /** The year's 考核 as `score` grades it; sheets not yet complete are counted apart. */
  assessment: { counts: Record<ReportGrade, number>; names: Record<ReportGrade, NamedStudio[]>; incomplete: number; total: number };
  subsidy: { inYear: { count: number; yuan: number }; total: { count: number; yuan: number } };
  renewals: (NamedStudio & { date: string })[];
  revocations: (NamedStudio & { date: string })[];
  generatedOn: string;
}
