/** `gongshu template …`: blank workbooks for units to fill in. */
import { resolveOutputFile, writeWorkbookAtomically, loadExcel } from '../export/output-file.js';
import { buildApplicationTemplate } from '../excel/write/application-template.js';
import { msg } from '../messages/index.js';
import type { CliContext } from './context.js';

export async function templateApplication(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const file = resolveOutputFile(opts.output, msg('cli.template.applicationFile', { year: ctx.round }), Boolean(opts.force));
  const ExcelJS = await loadExcel();
  const workbook = buildApplicationTemplate(ExcelJS, { year: ctx.round });
  await writeWorkbookAtomically(workbook, file);
  ctx.out.success(msg('cli.wrote', { file }));
}
