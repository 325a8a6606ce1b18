/** Grades and their thresholds: settings per round, defaults from the rubric's shares of the base maximum. */
import { baseMax, roundPoints } from '../core/rubric.js';
import type { Rubric } from '../core/rubric.js';
import { msg } from '../messages/index.js';
import type { MessageKey } from '../messages/index.js';

export type Grade = 'excellent' | 'pass' | 'fail' | 'not-assessed' | 'incomplete';

export const GRADES: readonly Grade[] = ['excellent', 'pass', 'fail', 'not-assessed', 'incomplete'];

/** Thresholds in points, compared with the total (base + bonus). */
export interface ScoreSettings {
  passAt: number;
  excellentAt: number;
}

const GRADE_KEYS: Record<Grade, MessageKey> = {
  excellent: 'grade.excellent',
  pass: 'grade.pass',
  fail: 'grade.fail',
  'not-assessed': 'grade.not-assessed',
  incomplete: 'grade.incomplete',
};

/** 优秀 / 合格 / 不合格 / 不参加考核 / 未完成. */
export function gradeName(grade: Grade): string {
  return msg(GRADE_KEYS[grade]);
}

/** 合格 at 60% and 优秀 at 90% of the base maximum with the seed rubric: 48 and 72. */
export function defaultSettings(rubric: Rubric): ScoreSettings {
  const max = baseMax(rubric);
  return { passAt: roundPoints(max * rubric.grades.passShare), excellentAt: roundPoints(max * rubric.grades.excellentShare) };
}

/** Grade by points alone: a total equal to a threshold reaches it (exactly 48 is 合格). */
export function gradeByPoints(total: number, settings: ScoreSettings): 'excellent' | 'pass' | 'fail' {
  const t = roundPoints(total);
  if (t >= settings.excellentAt) return 'excellent';
  if (t >= settings.passAt) return 'pass';
  return 'fail';
}

/** The line printed on every report. */
export function thresholdsNote(settings: ScoreSettings): string {
  return msg('scoring.thresholds', { passAt: settings.passAt, excellentAt: settings.excellentAt });
}
