/** `gongshu assess …`, `gongshu score`, `gongshu export results`, `gongshu template assessment`. */
import { officialText } from '../messages/export.js';
import { RefusedError } from '../core/errors.js';
import { ExitCode } from './exit-code.js';
import { rubricNote } from '../core/rubric.js';
import { buildAssessmentTemplate } from '../excel/write/assessment-template.js';
import { buildResultsWorkbook } from '../excel/write/results.js';
import { loadExcel, resolveOutputFile, writeWorkbookAtomically } from '../export/output-file.js';
import { importAssessmentFiles } from '../import/assessment-import.js';
import { msg } from '../messages/index.js';
import { gradeName, thresholdsNote } from '../scoring/index.js';
import { rubricFor, scoreRound, type ScoredAssessment } from '../services/scoring.js';
import { getAssessment, setLeadLeft, setLeadPerson } from '../store/assessments.js';
import { appendAudit } from '../store/audit.js';
import { severityText } from '../ui/severity.js';
import { renderTable } from '../ui/table.js';
import { forFace } from '../messages/command-text.js';
import type { CliContext } from './context.js';
import { parseGender, parseId, todayIso } from './context.js';
import { monthOption } from './dates.js';
import { noticeSettings } from '../rules/notice-data.js';
import { getRound } from '../store/rounds.js';
import { runImport } from './import-command.js';

export async function templateAssessment(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const file = resolveOutputFile(opts.output, msg('cli.template.assessmentFile', { year: ctx.round }), Boolean(opts.force));
  const ExcelJS = await loadExcel();
  await writeWorkbookAtomically(buildAssessmentTemplate(ExcelJS, { year: ctx.round }), file);
  ctx.out.success(msg('cli.wrote', { file }));
}

export async function assessImport(ctx: CliContext, paths: string[], opts: Record<string, unknown>): Promise<number> {
  const rubricFile = typeof opts.rubric === 'string' ? opts.rubric : undefined;
  const results = await runImport(ctx, paths, (db, files, batch) => importAssessmentFiles(db, files, rubricFor(db, ctx.round, rubricFile), batch));
  return results.some((r) => r.outcome === 'failed') ? ExitCode.failed : ExitCode.ok;
}

export async function assessSet(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const db = ctx.openDb({ mustExist: true });
  const stored = getAssessment(db, id);
  if (!stored) throw new RefusedError('assessment-not-found', msg('cli.assess.notFound', { id }));
  const birth = monthOption(ctx.out, opts.leadBirth, '--lead-birth', 'birth');
  const gender = typeof opts.leadGender === 'string' ? parseGender(opts.leadGender) : undefined;
  db.transaction(() => {
    if (opts.leadLeft !== undefined) setLeadLeft(db, stored.studio.id, Boolean(opts.leadLeft));
    if (birth !== undefined || gender !== undefined || opts.femaleGroup !== undefined) {
      setLeadPerson(
        db,
        stored.studio.id,
        birth ?? stored.studio.leadBirth,
        gender ?? stored.studio.leadGender,
        (opts.femaleGroup as 'worker' | 'cadre' | undefined) ?? stored.studio.leadFemaleGroup,
      );
    }
    appendAudit(db, ctx.actor, 'studio', stored.studio.id, 'set', { leadLeft: opts.leadLeft, leadBirth: birth, leadGender: gender, femaleGroup: opts.femaleGroup });
  }).immediate();
  ctx.out.success(msg('cli.assess.setDone', { name: stored.studio.name }));
}

function scoreJson(s: ScoredAssessment) {
  const r = s.result;
  return {
    id: s.id,
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

export async function score(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const db = ctx.openDb({ mustExist: true });
  const { rubric, settings, scored } = scoreRound(db, ctx.round, typeof opts.rubric === 'string' ? opts.rubric : undefined);
  ctx.out.note(rubricNote(rubric));
  ctx.out.note(thresholdsNote(settings));
  if (ctx.json) {
    ctx.out.printJson(scored.map(scoreJson));
    return;
  }
  if (scored.length === 0) {
    ctx.out.note(msg('cli.score.empty', { round: ctx.round }));
    return;
  }
  const c = ctx.out.color;
  const rows = scored.map((s) => {
    const r = s.result;
    const flags = [...s.stored.problems, ...r.findings].filter((f) => f.severity !== 'info').length;
    const grade = gradeName(r.grade);
    return [
      `#${s.id}`,
      s.stored.studio.name,
      s.stored.studio.leadName,
      r.base,
      r.bonus,
      r.total,
      r.grade === 'fail' ? c.red(grade) : r.grade === 'excellent' ? c.green(grade) : r.grade === 'incomplete' ? c.yellow(grade) : grade,
      flags ? c.yellow(String(flags)) : '0',
    ];
  });
  ctx.out.print(renderTable(msg('cli.score.head').split('|'), rows));
}

export async function scoreShow(ctx: CliContext, [idText]: string[], opts: Record<string, unknown>): Promise<void> {
  const id = parseId(idText!);
  const db = ctx.openDb({ mustExist: true });
  const stored = getAssessment(db, id);
  if (!stored) throw new RefusedError('assessment-not-found', msg('cli.assess.notFound', { id }));
  const { rubric, settings, scored } = scoreRound(db, stored.round, typeof opts.rubric === 'string' ? opts.rubric : undefined);
  const s = scored.find((x) => x.id === id)!;
  if (ctx.json) {
    ctx.out.printJson({ ...scoreJson(s), explanation: s.result.items.map((i) => ({ key: i.key, explanation: i.explanation, arithmetic: i.arithmetic })) });
    return;
  }
  ctx.out.note(rubricNote(rubric));
  ctx.out.note(thresholdsNote(settings));
  ctx.out.print(
    renderTable(
      msg('cli.score.showHead').split('|'),
      s.result.items.map((i) => [i.categoryName, i.shortName, i.max, i.self ?? '', i.assessor ?? '', i.score ?? '', i.computed ?? '', i.explanation]),
    ),
  );
  ctx.out.print(msg('cli.score.total', { base: s.result.base, bonus: s.result.bonus, total: s.result.total, grade: gradeName(s.result.grade) }));
  const findings = [...stored.problems, ...s.result.findings];
  if (findings.length) ctx.out.print(renderTable(msg('cli.show.findingsHead').split('|'), findings.map((f) => [severityText(f, ctx.out.color), f.code, f.cell ?? '', forFace(f.message)])));
}

export async function exportResults(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<string> {
  const file = resolveOutputFile(opts.output, officialText('export.file.assessmentResults', { year: ctx.round }), Boolean(opts.force));
  const db = ctx.openDb({ mustExist: true });
  const { rubric, settings, scored } = scoreRound(db, ctx.round, typeof opts.rubric === 'string' ? opts.rubric : undefined);
  const ExcelJS = await loadExcel();
  const workbook = buildResultsWorkbook(
    ExcelJS,
    scored.map((s) => ({ id: s.id, studioName: s.stored.studio.name, unitName: s.stored.studio.unitName, leadName: s.stored.studio.leadName, result: s.result })),
    {
      year: ctx.round, rubricNote: rubricNote(rubric), thresholdsNote: thresholdsNote(settings), generatedOn: todayIso(), settings,
      signOff: { bureau: noticeSettings(getRound(db, ctx.round).settings).bureauName, date: todayIso() },
    },
  );
  await writeWorkbookAtomically(workbook, file);
  ctx.out.success(msg('cli.wrote', { file }));
  return file;
}
