/**
 * Which studios need the clerk's attention (gongshu studios due): terms ending within a window, terms
 * already over, and leads who will not be assessed or renewed because they retire before the term ends
 * or have left (考核评估 2: "领衔人…离开申报单位的或已退休的，不列入考核且不进行延期").
 *
 * Retirement is compared by month because the form only gives 出生年月: a lead whose statutory retirement
 * month is the month the term ends (or earlier) is flagged, since he may reach the age before the last day.
 * Lead checks only apply to terms still open for assessment or renewal (有效, 已续建, 考核合格); a studio
 * already 考核不合格 / 不参加考核 has had that decided, and 已撤销 studios are not listed at all.
 */
import { msg } from '../messages/index.js';
import { UsageError } from './errors.js';
import { type StudioStatus } from './lifecycle.js';
import { daysBetween, isMonthString, monthOf } from './months.js';
import { groupFor, retirementFor, type FemaleGroup } from './retirement.js';
import { parseWindow, windowEnd, type Window } from './calendar.js';

export interface StudioTerm {
  id: number;
  name: string;
  certifiedOn: string;
  /** Last day of the current term (`YYYY-MM-DD`), see calendar.validUntil. */
  validUntil: string;
  status: StudioStatus;
  /** `YYYY-MM`, or null/'' when unknown. */
  leadBirth: string | null;
  leadGender: string | null;
  leadFemaleGroup?: FemaleGroup | null;
  /** The lead has left the unit or no longer works in a skilled post. */
  leadLeft: boolean;
}

export type DueKind = 'expired' | 'due-soon' | 'lead-retires-in-term' | 'lead-left' | 'lead-retirement-unknown';

export interface DueItem {
  id: number;
  name: string;
  status: StudioStatus;
  validUntil: string;
  /** Days from the given date to the last day of the term; negative once it is over. */
  daysLeft: number;
  kinds: DueKind[];
  /** The lead's statutory retirement month, when it can be computed. */
  retirementMonth: string | null;
  /** The lead has already reached the retirement age on the given date. */
  leadRetired: boolean;
  /** One readable line per kind, in the order of `kinds`. */
  messages: string[];
}

const LEAD_CHECKED: ReadonlySet<StudioStatus> = new Set<StudioStatus>(['valid', 'renewed', 'assessed-pass']);

function leadRetirementMonth(s: StudioTerm): string | null {
  if (!s.leadBirth || !isMonthString(s.leadBirth)) return null;
  const group = groupFor(s.leadGender ?? '', s.leadFemaleGroup ?? null);
  return group ? retirementFor(s.leadBirth, group).month : null;
}

function toWindow(window: Window | string): Window {
  if (typeof window !== 'string') return window;
  const parsed = parseWindow(window);
  if (!parsed) throw new UsageError('invalid-window', msg('lifecycle.window.invalid', { value: window }));
  return parsed;
}

/** Statuses of a term still running as recorded (有效, 已续建): the ones whose end passes without a record of it. */
const RUNNING_TERM: ReadonlySet<string> = new Set(['valid', 'renewed']);

/**
 * The recorded term is over on `today` (China date) though the record still says it runs (有效 / 已续建):
 * e.g. a studio imported from the register, certified 2014, whose term ended 2017. Derived, never stored:
 * only `studios expire` (or a confirmed 考核 and renewal) moves the status.
 */
export function termOver(studio: { status: string; validUntil: string | null }, today: string): boolean {
  return RUNNING_TERM.has(studio.status) && !!studio.validUntil && studio.validUntil < today;
}

/** Classifies one studio on `today` (`YYYY-MM-DD`); null when nothing needs attention. */
export function classifyStudio(studio: StudioTerm, today: string, window: Window | string): DueItem | null {
  if (studio.status === 'revoked') return null;
  const lastDayInWindow = windowEnd(today, toWindow(window));
  const daysLeft = daysBetween(today, studio.validUntil);
  const kinds: DueKind[] = [];
  const messages: string[] = [];
  const retirementMonth = leadRetirementMonth(studio);
  const leadRetired = retirementMonth !== null && retirementMonth <= monthOf(today);

  if (studio.status === 'expired' || daysLeft < 0) {
    kinds.push('expired');
    messages.push(msg('lifecycle.due.expired', { validUntil: studio.validUntil }));
  } else {
    if (studio.validUntil <= lastDayInWindow) {
      kinds.push('due-soon');
      messages.push(msg('lifecycle.due.due-soon', { validUntil: studio.validUntil, days: daysLeft }));
    }
    if (LEAD_CHECKED.has(studio.status)) {
      if (studio.leadLeft) {
        kinds.push('lead-left');
        messages.push(msg('lifecycle.due.lead-left'));
      }
      if (retirementMonth === null) {
        kinds.push('lead-retirement-unknown');
        messages.push(msg('lifecycle.due.lead-retirement-unknown'));
      } else if (retirementMonth <= monthOf(studio.validUntil)) {
        kinds.push('lead-retires-in-term');
        messages.push(
          leadRetired
            ? msg('lifecycle.due.lead-retired', { month: retirementMonth })
            : msg('lifecycle.due.lead-retires-in-term', { month: retirementMonth, validUntil: studio.validUntil }),
        );
      }
    }
  }
  if (kinds.length === 0) return null;
  return { id: studio.id, name: studio.name, status: studio.status, validUntil: studio.validUntil, daysLeft, kinds, retirementMonth, leadRetired, messages };
}

/** The studios needing attention on `today` within `window` (e.g. '6m'), soonest term end first. */
export function dueStudios(studios: readonly StudioTerm[], today: string, window: Window | string = '6m'): DueItem[] {
  const w = toWindow(window);
  return studios
    .map((s) => classifyStudio(s, today, w))
    .filter((d): d is DueItem => d !== null)
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.id - b.id);
}
