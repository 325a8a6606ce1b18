/**
 * `gongshu demo`: the whole yearly job on the bundled samples, in a fresh database in a temporary
 * folder, through the same actions as the real commands.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { msg } from '../messages/index.js';
import { openStore } from '../store/open.js';
import { currentActor } from '../store/audit.js';
import type { CliContext } from './context.js';
import { applyImport, applyList, applyShow } from './apply.js';
import { exportReview } from './export.js';
import { assessImport, exportResults, score } from './assess.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));
export const DEMO_ROUND = 2026;

export function demoContext(base: CliContext, dir: string): CliContext {
  const dbPath = path.join(dir, 'gongshu-demo.db');
  let db: ReturnType<typeof openStore> | undefined;
  return {
    ...base,
    dbPath,
    round: DEMO_ROUND,
    roundGiven: true,
    json: false,
    actor: currentActor('gongshu demo'),
    openDb() {
      db ??= openStore(dbPath);
      return db;
    },
  };
}

export async function demo(base: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const dir = typeof opts.output === 'string' ? path.resolve(opts.output) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-demo-'));
  fs.mkdirSync(dir, { recursive: true });
  const ctx = demoContext(base, dir);
  const step = (title: string): void => ctx.out.print(`\n${ctx.out.color.bold(`== ${title} ==`)}`);

  ctx.out.note(msg('cli.demo.start', { dir, samples: SAMPLES_DIR }));
  step(msg('cli.demo.step.import'));
  await applyImport(ctx, [path.join(SAMPLES_DIR, 'applications')], { received: `${DEMO_ROUND}-05-20` });
  step(msg('cli.demo.step.list'));
  await applyList(ctx);
  const flawed = ctx.openDb().prepare('SELECT id FROM applications WHERE eligible = 0 ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (flawed) {
    step(msg('cli.demo.step.show', { id: flawed.id }));
    await applyShow(ctx, [String(flawed.id)], {});
  }
  step(msg('cli.demo.step.review'));
  await exportReview(ctx, [], { output: path.join(dir, msg('cli.export.file.review', { year: DEMO_ROUND })), force: true });
  step(msg('cli.demo.step.assessImport'));
  await assessImport(ctx, [path.join(SAMPLES_DIR, 'assessments')], {});
  step(msg('cli.demo.step.score'));
  await score(ctx, [], {});
  step(msg('cli.demo.step.results'));
  await exportResults(ctx, [], { output: path.join(dir, msg('cli.export.file.results', { year: DEMO_ROUND })), force: true });
  ctx.out.note(msg('cli.demo.done', { db: ctx.dbPath, dir }));
  return 0;
}
