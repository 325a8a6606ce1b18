/** `gongshu template …`: blank workbooks for units to fill in. */
import { resolveOutputFile, writeBytesAtomically, writeWorkbookAtomically, loadExcel } from '../export/output-file.js';
import { buildApplicationTemplate } from '../excel/write/application-template.js';
import { msg } from '../messages/index.js';
import type { CliContext } from './context.js';

export async function templateApplication(ctx: CliContext, _args: string[], opts: Record<string, unknown>): Promise<void> {
  if (opts.docx) {
    // 附件1 as a Word table, for units that fill the form in Word or WPS; gongshu reads it back.
    const file = resolveOutputFile(opts.output, msg('cli.template.applicationDocxFile', { year: ctx.round }), Boolean(opts.force));
    const { buildApplicationDocx } = await import('../excel/write/application-docx.js');
    await writeBytesAtomically(await buildApplicationDocx({ year: ctx.round }), file);
    ctx.out.success(msg('cli.wrote', { file }));
    return;
  }
  const file = resolveOutputFile(opts.output, msg('cli.template.applicationFile', { year: ctx.round }), Boolean(opts.force));
  const ExcelJS = await loadExcel();
  const workbook = buildApplicationTemplate(ExcelJS, { year: ctx.round });
  await writeWorkbookAtomically(workbook, file);
  ctx.out.success(msg('cli.wrote', { file }));
}
