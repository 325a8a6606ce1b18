/** `gongshu studios import FILE [--dry-run]`: the bureau's existing register brought into gongshu. */
import { msg } from '../messages/index.js';
import { importRegister } from '../services/register.js';
import type { CliContext } from './context.js';
import { registerJson, renderRegisterImport } from './render/register.js';

export async function studiosImport(ctx: CliContext, [file]: string[], opts: Record<string, unknown>): Promise<void> {
  const dryRun = opts.dryRun === true;
  // A dry run writes nothing, not even an empty database.
  const ws = dryRun && !ctx.hasDatabase() ? null : ctx.workspace();
  const result = await importRegister(ws, file!, { dryRun, reason: msg('register.reason') });
  if (ctx.json) ctx.out.printJson(registerJson(result));
  else renderRegisterImport(ctx.out, result);
}
