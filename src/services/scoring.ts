/** Scores a round's assessments against the round's rubric and thresholds. Pure over stored data. */
import { chinaMonth } from '../core/china-time.js';
import { monthIndex } from '../core/months.js';
import { groupFor, retirementFor } from '../core/retirement.js';
import { loadRubric, type Rubric } from '../core/rubric.js';
import { applyExcellentCap, defaultSettings, scoreAssessment, type ScoreResult, type ScoreSettings } from '../scoring/index.js';
import { listAssessments, type StoredAssessment } from '../store/assessments.js';
import type { Db } from '../store/open.js';
import { getRound } from '../store/rounds.js';

export interface ScoredAssessment {
  id: number;
  stored: StoredAssessment;
  result: ScoreResult;
}

export interface RoundScores {
  rubric: Rubric;
  settings: ScoreSettings;
  scored: ScoredAssessment[];
}

export function rubricFor(db: Db, round: number, file?: string): Rubric {
  return loadRubric(file ?? getRound(db, round).settings.rubricFile);
}

export function settingsFor(db: Db, round: number, rubric: Rubric): ScoreSettings {
  const s = getRound(db, round).settings;
  const d = defaultSettings(rubric);
  return { passAt: s.passAt ?? d.passAt, excellentAt: s.excellentAt ?? d.excellentAt };
}

/** The month the assessment was carried out: 填表时间 when readable, else the import date. */
export function assessmentMonth(a: StoredAssessment): string {
  return /^\d{4}-\d{2}/u.test(a.assessment.filledDate) ? a.assessment.filledDate.slice(0, 7) : chinaMonth(a.importedAt);
}

export function leadRetiredBefore(a: StoredAssessment): boolean {
  const { leadBirth, leadGender, leadFemaleGroup } = a.studio;
  if (!leadBirth || !leadGender) return false;
  const group = groupFor(leadGender, leadFemaleGroup);
  if (!group) return false;
  return monthIndex(retirementFor(leadBirth, group).month) < monthIndex(assessmentMonth(a));
}

export function scoreRound(db: Db, round: number, rubricFile?: string): RoundScores {
  const rubric = rubricFor(db, round, rubricFile);
  const settings = settingsFor(db, round, rubric);
  const scored = listAssessments(db, round).map((stored) => ({
    id: stored.id,
    stored,
    result: scoreAssessment(stored.assessment, rubric, settings, { leadRetiredBefore: leadRetiredBefore(stored), leadLeft: stored.studio.leadLeft }),
  }));
  const share = getRound(db, round).settings.excellentShare;
  return { rubric, settings, scored: share === undefined ? scored : applyExcellentCap(scored, share) };
}
