/**
 * Dates and months typed into an option or a menu question, read by `core/date-input.ts`: the refusal
 * says what to write instead (naming the option on the command line, nothing else in the menu), and a
 * date written another way than YYYY-MM-DD is echoed as understood ("收件日期：2026-05-20").
 */
import { readTypedDate, readTypedMonth, type TypedDate, type YearHint } from '../core/date-input.js';
import { UsageError } from '../core/errors.js';
import { certifiedOnYears } from '../core/lifecycle.js';
import { msg, type MessageKey } from '../messages/index.js';
import type { Output } from '../ui/output.js';

export type DateLabel = 'received' | 'deadline' | 'noticeFrom' | 'noticeTo' | 'certify' | 'paid' | 'asOf' | 'renew' | 'birth';

type Refusal = Extract<TypedDate, { ok: false }>;

/** The sentence that says why `value` was refused and what to write instead. */
export function dateProblem(value: string, r: Refusal, kind: 'date' | 'month'): string {
  const d = r.detail;
  if (kind === 'month') {
    const key: MessageKey = r.problem === 'empty' ? 'month.empty' : r.problem === 'impossible' ? 'month.impossible' : r.problem === 'ambiguous' ? 'month.ambiguous' : 'month.unreadable';
    return msg(key, { value });
  }
  switch (r.problem) {
    case 'empty':
      return msg('date.empty');
    case 'impossible':
      return d?.days ? msg('date.impossible', { value, year: d.year, month: d.month, days: d.days }) : msg('date.impossibleMonth', { value });
    case 'ambiguous':
      return msg('date.ambiguous', { value });
    case 'no-year':
      return msg('date.noYear', { value });
    case 'no-day':
      return msg('date.noDay', { value });
    case 'month-day': {
      const { month, day, exists, withYear } = r.monthDay!;
      return msg(!exists ? 'date.noSuchMonthDay' : withYear ? 'date.monthDayWithYear' : 'date.monthDay', { value, month, day });
    }
    default:
      return msg('date.unreadable', { value });
  }
}

function refuse(value: string, r: Refusal, kind: 'date' | 'month', option?: string): never {
  const problem = dateProblem(value.trim(), r, kind);
  throw new UsageError(kind === 'date' ? 'bad-date' : 'bad-month', option ? msg('date.inOption', { option, problem }) : problem);
}

/**
 * A typed date as `YYYY-MM-DD`. `option` names the option in the refusal (left out in the menu).
 * `defaultYear` is the year assumed for 5月22日, and every caller must say which: the round's year for a
 * date that belongs to a round (its deadline, a received date, a 公示, a 认定), never silently today's year
 * (a deadline typed as 5月20日 for round 2027 is 2027-05-20 whatever year it is now). `undefined` refuses a
 * date without a year.
 */
export function readDate(value: string, option: string | undefined, defaultYear: YearHint | undefined): { value: string; canonical: boolean } {
  const r = readTypedDate(value, defaultYear);
  if (!r.ok) refuse(value, r, 'date', option);
  return r;
}

/**
 * The year hint of a date that follows an event (a 认定 after its 公示, a payment after its 认定): near the
 * event when there is one (1月8日 after a 公示 over New Year is in the new year), else the round's year.
 */
export function yearAfter(event: string | null | undefined, round: number): YearHint {
  return event ? { near: event } : round;
}

/**
 * The year hint of a studio's 认定 date being corrected: near the date it has (a day's correction stays beside
 * it, across New Year too) within the years it may fall in (certifiedOnYears), else the year it was selected
 * in; a studio with neither gets no year assumed (a date without one is refused), never today's year, which
 * may be years off for a studio taken from the register.
 */
export function certifiedOnHint(studio: { certifiedOn: string | null; selectionYear: number | null }): YearHint | undefined {
  const years = certifiedOnYears(studio);
  if (studio.certifiedOn) return { near: studio.certifiedOn, ...(years ? { years } : {}) };
  return studio.selectionYear ?? undefined;
}

/** A typed month as `YYYY-MM` (a full date is taken for its month). */
export function readMonth(value: string, option?: string): { value: string; canonical: boolean } {
  const r = readTypedMonth(value);
  if (!r.ok) refuse(value, r, 'month', option);
  return r;
}

/** "收件日期：2026-05-20", on stderr, when the clerk wrote the date another way. */
export function echoDate(out: Output, label: DateLabel, typed: { value: string; canonical: boolean }): void {
  if (!typed.canonical) out.note(msg('date.echo', { label: msg(`date.label.${label}`), value: typed.value }));
}

/**
 * A date option (undefined when not given): read, refused with the option's name, echoed when rewritten.
 * `defaultYear` as in readDate: the round's year for a date of the round.
 */
export function dateOption(out: Output, value: unknown, option: string, label: DateLabel, defaultYear: YearHint | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const typed = readDate(value, option, defaultYear);
  echoDate(out, label, typed);
  return typed.value;
}

/** A month option (出生年月), as dateOption. */
export function monthOption(out: Output, value: unknown, option: string, label: DateLabel): string | undefined {
  if (typeof value !== 'string') return undefined;
  const typed = readMonth(value, option);
  echoDate(out, label, typed);
  return typed.value;
}
