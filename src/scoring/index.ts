/** Scoring: pure functions from an Assessment and a Rubric to points, findings and a grade. */
export { scoreAssessment, GAP_THRESHOLD } from './score.js';
export type { ScoreResult, ItemScore, ScoreContext } from './score.js';
export { computeFromFigures, computeRule, formatPoints } from './compute.js';
export type { ComputedPoints } from './compute.js';
export { defaultSettings, gradeByPoints, gradeName, thresholdsNote, GRADES } from './grade.js';
export type { Grade, ScoreSettings } from './grade.js';
export { applyExcellentCap, allowedExcellent } from './excellent-cap.js';
export type { CappableEntry } from './excellent-cap.js';
export { parseScore, parseVeto } from './parse.js';
export type { ParsedScore, VetoState } from './parse.js';
export { figureLabel, countPhrase, yesNoPhrase } from './figure-text.js';
