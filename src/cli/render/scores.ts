/** How scores look on screen (`score`, `score show`, the menu's 评分与结果). */
import { statusName } from '../../core/lifecycle.js';
import { rubricNote, type Rubric } from '../../core/rubric.js';
import { msg } from '../../messages/index.js';
import { gradeName, thresholdsNote, type ScoreSettings } from '../../scoring/index.js';
import type { ScoredAssessment } from '../../services/assessments.js';
import type { Output } from '../../ui/output.js';
import { renderTable } from '../../ui/table.js';
import { renderFindings } from './applications.js';

/** The public JSON of one scored assessment (`score --json`). Keys are a contract. */
export function scoreJson(s: ScoredAssessment) {
  const r = s.result;
  return {
    id: s.id,
    studioId: s.stored.studio.id,
    plaque: s.stored.studio.plaque,
    studioName: s.stored.studio.name,
    leadName: s.stored.studio.leadName,
    items: r.items.map((i) => ({ key: i.key, category: i.category, max: i.max, self: i.self, assessor: i.assessor, score: i.score, computed: i.computed })),
    base: r.base,
    bonus: r.bonus,
    total: r.total,
    veto: r.veto,
    grade: r.grade,
    gradeName: gradeName(r.grade),
    complete: r.complete,
    findings: [...s.stored.problems, ...r.findings],
  };
}

export function renderScoreNotes(out: Output, rubric: Rubric, settings: ScoreSettings): void {
  out.note(rubricNote(rubric));
  out.note(thresholdsNote(settings));
}

export function renderScores(out: Output, scored: readonly ScoredAssessment[]): void {
  const c = out.color;
  const rows = scored.map((s) => {
    const r = s.result;
    const flags = [...s.stored.problems, ...r.findings].filter((f) => f.severity !== 'info').length;
    const grade = gradeName(r.grade);
    return [
      `#${s.id}`,
      s.stored.studio.plaque ? `${s.stored.studio.name}（${s.stored.studio.plaque}）` : s.stored.studio.name,
      s.stored.studio.leadName,
      r.base,
      r.bonus,
      r.total,
      r.grade === 'fail' ? c.red(grade) : r.grade === 'excellent' ? c.green(grade) : r.grade === 'incomplete' ? c.yellow(grade) : grade,
      flags ? c.yellow(String(flags)) : '0',
    ];
  });
  out.print(renderTable(msg('cli.score.head').split('|'), rows));
}

export function renderScoreDetail(out: Output, s: ScoredAssessment): void {
  out.print(
    renderTable(
      msg('cli.score.showHead').split('|'),
      s.result.items.map((i) => [i.categoryName, i.shortName, i.max, i.self ?? '', i.assessor ?? '', i.score ?? '', i.computed ?? '', i.explanation]),
    ),
  );
  out.print(msg('cli.score.total', { base: s.result.base, bonus: s.result.bonus, total: s.result.total, grade: gradeName(s.result.grade) }));
  const findings = [...s.stored.problems, ...s.result.findings];
  if (findings.length) renderFindings(out, findings);
}

/** After `assess withdraw`: the studio outcome confirmed from the sheet was taken back with it. */
export function renderOutcomeUndone(out: Output, stored: { studio: { name: string }; round: number }, undone: { from: string; to: string }): void {
  out.warn(msg('records.assess.outcomeUndone', { name: stored.studio.name, round: stored.round, from: statusName(undone.from), to: statusName(undone.to) }));
}
