/**
 * What `apply import`, `assess import` and `review import` share: collect the workbooks, run the import
 * service with a progress line, and show one row per file plus the cells each reader stumbled on.
 */
import { INTERRUPTED, type FileResult } from '../intake/file-result.js';
import { collectWorkbookFiles } from '../intake/sources/files.js';
import { msg } from '../messages/index.js';
import type { Workspace } from '../services/context.js';
import { importProgress, renderImportResults } from './render/applications.js';
import type { CliContext } from './context.js';

export type ImportService = (
  ws: Workspace,
  files: string[],
  onProgress: (done: number, total: number, file: string) => void,
  stopRequested: () => boolean,
) => Promise<FileResult[]>;

/** Runs one kind of import over `paths` and prints the results (JSON with --json); [] when there was nothing to import. */
export async function runImport(
  ctx: CliContext,
  paths: readonly string[],
  importFiles: ImportService,
  display: (results: FileResult[]) => FileResult[] = (results) => results,
): Promise<FileResult[]> {
  const files = collectWorkbookFiles([...paths]);
  if (files.length === 0) {
    ctx.out.warn(msg('cli.import.noFiles'));
    return [];
  }
  // Ctrl+C stops between files: what was saved stays saved, and the clerk is told how to go on.
  let stop = false;
  const onSignal = (): void => {
    if (stop) return;
    stop = true;
    ctx.out.endProgress();
    ctx.out.warn(msg('cli.import.stopping'));
  };
  process.on('SIGINT', onSignal);
  let results: FileResult[];
  try {
    results = await importFiles(ctx.workspace(), files, importProgress(ctx.out), () => stop);
  } finally {
    process.off('SIGINT', onSignal);
  }
  ctx.out.endProgress();
  if (ctx.json) ctx.out.printJson(results);
  else renderImportResults(ctx.out, display(results), { round: ctx.round, dbPath: ctx.dbPath });
  const left = results.filter((r) => r.error?.code === INTERRUPTED).length;
  if (left > 0) {
    const saved = results.filter((r) => r.outcome === 'imported' || r.outcome === 'new-version' || r.outcome === 'pending').length;
    ctx.out.warn(msg('cli.import.interrupted', { saved, left }));
  }
  return results;
}
