/**
 * What `apply import`, `assess import` and `review import` share: collect the workbooks, run the batch
 * with a progress line, and show one row per file plus the cells each reader stumbled on.
 */
import path from 'node:path';
import type { BatchOptions } from '../import/batch.js';
import { outcomeLabel, type FileResult } from '../import/file-result.js';
import { collectWorkbookFiles } from '../import/files.js';
import { msg } from '../messages/index.js';
import type { Db } from '../store/open.js';
import { clean } from '../ui/output.js';
import { renderTable } from '../ui/table.js';
import type { CliContext } from './context.js';

/** Runs one kind of import over `paths` and prints the results (JSON with --json); [] when there was nothing to import. */
export async function runImport(
  ctx: CliContext,
  paths: readonly string[],
  importFiles: (db: Db, files: string[], batch: BatchOptions) => Promise<FileResult[]>,
  display: (results: FileResult[]) => FileResult[] = (results) => results,
): Promise<FileResult[]> {
  const files = collectWorkbookFiles([...paths]);
  if (files.length === 0) {
    ctx.out.warn(msg('cli.import.noFiles'));
    return [];
  }
  const db = ctx.openDb();
  const results = await importFiles(db, files, {
    round: ctx.round,
    actor: ctx.actor,
    dbFile: ctx.dbPath,
    onProgress: (done, total, file) => ctx.out.progress(msg('cli.import.progress', { done, total, file: path.basename(file) })),
  });
  ctx.out.endProgress();
  if (ctx.json) ctx.out.printJson(results);
  else renderImportResults(ctx, display(results));
  return results;
}

export function renderImportResults(ctx: CliContext, results: FileResult[]): void {
  const c = ctx.out.color;
  // File names come from whoever named the file: no escape sequence of theirs may survive, colour or not.
  const rows = results.map((r) => [
    clean(r.file),
    r.outcome === 'failed' ? c.red(outcomeLabel(r.outcome)) : r.outcome === 'skipped' ? c.dim(outcomeLabel(r.outcome)) : r.outcome === 'not-imported' ? c.yellow(outcomeLabel(r.outcome)) : c.green(outcomeLabel(r.outcome)),
    r.id ? `#${r.id}${r.version && r.version > 1 ? ` (v${r.version})` : ''}` : '',
    clean(r.error ? [r.error.sheet, r.error.cell].filter(Boolean).join('!') + (r.error.sheet || r.error.cell ? ' ' : '') + r.error.message : r.title ?? ''),
    r.outcome === 'failed' || r.outcome === 'skipped' || r.outcome === 'not-imported' ? '' : `${r.errors} / ${r.warnings}`,
  ]);
  ctx.out.print(renderTable(msg('cli.import.head').split('|'), rows));
  printProblemLines(ctx, results);
  const count = (o: FileResult['outcome']): number => results.filter((r) => r.outcome === o).length;
  ctx.out.note(
    msg('cli.import.summary', {
      total: results.length,
      imported: count('imported'),
      versions: count('new-version'),
      skipped: count('skipped'),
      failed: count('failed'),
      notImported: count('not-imported'),
      round: ctx.round,
      db: ctx.dbPath,
    }),
  );
}

const PROBLEM_LINES_PER_FILE = 5;

/**
 * The cells the reader stumbled on (a formula without a result, a cut text, a score written 八分), each with
 * its file and cell, so a clerk sees at once what to check. (Output masks the personal numbers they quote.)
 */
function printProblemLines(ctx: CliContext, results: readonly FileResult[]): void {
  const lines: string[] = [];
  for (const r of results) {
    const shown = r.problems.filter((p) => p.severity !== 'info');
    const file = clean(r.file);
    for (const p of shown.slice(0, PROBLEM_LINES_PER_FILE)) {
      const message = clean(p.message);
      lines.push(p.cell ? msg('safety.import.problem', { file, cell: clean(p.cell), message }) : msg('safety.import.problemNoCell', { file, message }));
    }
    if (shown.length > PROBLEM_LINES_PER_FILE) lines.push(msg('safety.import.moreProblems', { file, count: shown.length - PROBLEM_LINES_PER_FILE }));
  }
  if (lines.length === 0) return;
  ctx.out.print(msg('safety.import.problemsHead'));
  ctx.out.print(lines.join('\n'));
}

