/**
 * 申报年度 settings: everything a round reads (deadline, subsidy, grade thresholds, share of 优秀, the
 * rubric, the review method, the shortlist's minimum score and quota, the 公示's contact and the bureau's name)
 * has one writer, `round set`, and one
 * reader, used by every command, so `score`, `score confirm` and `export results` can never disagree.
 * The rubric is stored in the round itself: moving or editing the file later changes nothing.
 */
import { loadRubric, validateRubric } from '../core/rubric.js';
import type { ReviewMethod } from '../core/review.js';
import { UsageError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { ruleThresholds } from '../rules/data.js';
import { noticeSettings } from '../rules/notice-data.js';
import { appendAudit } from '../store/audit.js';
import { getRound, listRounds, saveRound, type Round, type RoundSettings } from '../store/rounds.js';
import { inTransaction, type Workspace } from './context.js';
import { checkRound } from './eligibility.js';
import { DEFAULT_REVIEW_METHOD } from './review.js';
import { roundRubric, scoreSettings } from './round-settings.js';

export type { Round, RoundSettings };

/** What `round set` may change; a null value goes back to the default. */
export interface RoundChanges {
  deadline?: string;
  subsidyYuan?: number | null;
  passAt?: number | null;
  excellentAt?: number | null;
  excellentShare?: number | null;
  /** A rubric file to read, validate and keep in the round; null: the bundled 2020 rubric. */
  rubricFile?: string | null;
  reviewMethod?: ReviewMethod | null;
  minScore?: number | null;
  quota?: number | null;
  /** The 公示's contact person and telephone, and the bureau that signs every list (落款). */
  noticeContact?: string | null;
  noticePhone?: string | null;
  bureauName?: string | null;
}

export { roundRubric, scoreSettings };

export interface RoundView {
  year: number;
  deadline: string;
  /** As stored: only what was set. */
  settings: RoundSettings;
  /** What the round uses, defaults filled in. */
  effective: {
    deadline: string;
    subsidyYuan: number;
    passAt: number;
    excellentAt: number;
    excellentShare: number | null;
    rubric: string;
    reviewMethod: ReviewMethod;
    minScore: number | null;
    quota: number | null;
    noticeContact: string;
    noticePhone: string;
    bureauName: string;
  };
  /** Keys of `effective` that are the defaults (nothing set). */
  defaults: string[];
}

export function roundView(ws: Workspace, year: number): RoundView {
  const round = getRound(ws.db, year);
  const s = round.settings;
  const rubric = roundRubric(ws, year);
  const scores = scoreSettings(ws, year, rubric);
  const notice = noticeSettings(s);
  const effective: RoundView['effective'] = {
    deadline: round.deadline,
    subsidyYuan: s.subsidyYuan ?? ruleThresholds().subsidyYuan,
    passAt: scores.passAt,
    excellentAt: scores.excellentAt,
    excellentShare: s.excellentShare ?? null,
    rubric: s.rubric?.file ?? s.rubricFile ?? rubric.title,
    reviewMethod: s.reviewMethod ?? DEFAULT_REVIEW_METHOD,
    minScore: s.minScore ?? null,
    quota: s.quota ?? null,
    noticeContact: notice.contactPerson,
    noticePhone: notice.contactPhone,
    bureauName: notice.bureauName,
  };
  const set: Record<keyof RoundView['effective'], boolean> = {
    deadline: round.stored === true,
    subsidyYuan: s.subsidyYuan !== undefined,
    passAt: s.passAt !== undefined,
    excellentAt: s.excellentAt !== undefined,
    excellentShare: s.excellentShare !== undefined,
    rubric: s.rubric !== undefined || s.rubricFile !== undefined,
    reviewMethod: s.reviewMethod !== undefined,
    minScore: s.minScore !== undefined,
    quota: s.quota !== undefined,
    noticeContact: s.noticeContact !== undefined,
    noticePhone: s.noticePhone !== undefined,
    bureauName: s.bureauName !== undefined,
  };
  return { year, deadline: round.deadline, settings: s, effective, defaults: Object.entries(set).filter(([, v]) => !v).map(([k]) => k) };
}

function applyChanges(settings: RoundSettings, changes: RoundChanges): RoundSettings {
  const next: RoundSettings = { ...settings };
  const put = <K extends keyof RoundSettings>(key: K, value: RoundSettings[K] | null | undefined): void => {
    if (value === undefined) return;
    if (value === null) delete next[key];
    else next[key] = value;
  };
  put('subsidyYuan', changes.subsidyYuan);
  put('passAt', changes.passAt);
  put('excellentAt', changes.excellentAt);
  put('excellentShare', changes.excellentShare);
  put('reviewMethod', changes.reviewMethod);
  put('minScore', changes.minScore);
  put('quota', changes.quota);
  put('noticeContact', changes.noticeContact);
  put('noticePhone', changes.noticePhone);
  put('bureauName', changes.bureauName);
  if (changes.rubricFile !== undefined) {
    delete next.rubricFile;
    if (changes.rubricFile === null) delete next.rubric;
    else next.rubric = { file: changes.rubricFile, content: loadRubric(changes.rubricFile) };
  }
  return next;
}

export interface RoundSetResult {
  view: RoundView;
  /** Applications checked again (the deadline is the reference date of the retirement rule). */
  rechecked: number;
}

/**
 * `round set YEAR …`: the changes, validated (a rubric file is read and checked before anything is saved),
 * logged with their old and new values, in one transaction with the eligibility check of the round when
 * the deadline moved.
 */
export function setRound(ws: Workspace, year: number, changes: RoundChanges): RoundSetResult {
  const before = getRound(ws.db, year);
  const settings = applyChanges(before.settings, changes);
  const deadline = changes.deadline ?? before.deadline;
  const marks = scoreSettings(ws, year, settings.rubric ? validateRubric(settings.rubric.content) : loadRubric(settings.rubricFile), settings);
  if (marks.passAt > marks.excellentAt) throw new UsageError('marks-out-of-order', msg('records.round.marksOrder', { passAt: marks.passAt, excellentAt: marks.excellentAt }));
  const rechecked = inTransaction(ws, () => {
    saveRound(ws.db, { year, deadline, settings });
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    if (deadline !== before.deadline || changes.deadline !== undefined) changed.deadline = { from: before.deadline, to: deadline };
    for (const key of Object.keys(changes) as (keyof RoundChanges)[]) {
      if (key === 'deadline' || key === 'rubricFile') continue;
      changed[key] = { from: before.settings[key as keyof RoundSettings] ?? null, to: settings[key as keyof RoundSettings] ?? null };
    }
    if (changes.rubricFile !== undefined) changed.rubric = { from: before.settings.rubric?.file ?? before.settings.rubricFile ?? null, to: changes.rubricFile };
    appendAudit(ws.db, ws.actor, 'round', year, 'set', changed);
    return changes.deadline !== undefined ? checkRound(ws, year) : 0;
  });
  return { view: roundView(ws, year), rechecked };
}

export function rounds(ws: Workspace): Round[] {
  return listRounds(ws.db);
}
