/**
 * The round's rubric and grade thresholds, as scoring reads them (see rounds.ts, which re-exports them). Kept
 * apart from rounds.ts, whose writer re-checks the round's applications with every rule: \`score\` and the
 * other readers load neither the rules nor the import machinery.
 */
import { loadRubric, validateRubric, type Rubric } from '../core/rubric.js';
import { defaultSettings, type ScoreSettings } from '../scoring/index.js';
import { getRound, type RoundSettings } from '../store/rounds.js';
import type { Workspace } from './context.js';

/** The round's rubric: the one kept with the round, else (older databases) the file it names, else the bundled one. */
export function roundRubric(ws: Workspace, round: number): Rubric {
  const s = getRound(ws.db, round).settings;
  if (s.rubric) return validateRubric(s.rubric.content);
  return loadRubric(s.rubricFile);
}

export function scoreSettings(ws: Workspace, round: number, rubric: Rubric = roundRubric(ws, round), s: RoundSettings = getRound(ws.db, round).settings): ScoreSettings {
  const d = defaultSettings(rubric);
  return { passAt: s.passAt ?? d.passAt, excellentAt: s.excellentAt ?? d.excellentAt };
}
