/**
 * `gongshu demo`: the whole yearly job on the bundled samples, in a fresh database in a temporary
 * folder, through the same actions as the real commands: import, eligibility check, expert review,
 * shortlist, 公示, objection, certification, subsidy, studios, assessment scoring and every export.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFileName } from '../documents/output-file.js';
import { msg, type MessageKey } from '../messages/index.js';
import { applicationRows } from '../services/application-view.js';
import { createContext, type CliContext } from './context.js';
import { applyImport, applyList, applyShow } from './apply.js';
import { exportNotice, exportReport, exportResults, exportReview, exportShortlist, exportSubsidy, templateReview } from './export.js';
import { studiosImport } from './register.js';
import { assessImport, score } from './assess.js';
import { reviewImport, reviewList } from './review.js';
import { shortlistConfirm, shortlistShow } from './shortlist.js';
import { certifyCmd, objectCmd, publicizeCmd, subsidyPaid } from './certification.js';
import { scoreConfirm, studiosDueCmd, studiosList } from './studios.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));
export const DEMO_ROUND = 2026;

export function demoContext(base: CliContext, dir: string): CliContext {
  return createContext({ db: path.join(dir, 'gongshu-demo.db'), round: String(DEMO_ROUND) }, { command: 'demo', out: base.out });
}

export async function demo(base: CliContext, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const dir = typeof opts.output === 'string' ? path.resolve(opts.output) : fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-demo-'));
  fs.mkdirSync(dir, { recursive: true });
  const ctx = demoContext(base, dir);
  let n = 0;
  const step = (key: MessageKey, params: Record<string, string | number> = {}): void =>
    ctx.out.print(`\n${ctx.out.color.bold(`== ${msg('cli.demo.step', { n: ++n, title: msg(key, params) })} ==`)}`);
  const out = (name: string): { output: string; force: true } => ({ output: path.join(dir, name), force: true });

  ctx.out.note(msg('cli.demo.start', { dir, samples: SAMPLES_DIR }));
  step('cli.demo.step.import');
  await applyImport(ctx, [path.join(SAMPLES_DIR, 'applications')], { received: `${DEMO_ROUND}-05-20` });
  step('cli.demo.step.list');
  await applyList(ctx);
  const flawed = applicationRows(ctx.workspace(), DEMO_ROUND).find((a) => a.eligible === false);
  if (flawed) {
    step('cli.demo.step.show', { id: flawed.id });
    await applyShow(ctx, [String(flawed.id)], {});
  }
  step('cli.demo.step.review');
  await exportReview(ctx, [], out(defaultFileName('export-review', DEMO_ROUND)));

  step('cli.demo.step.reviewSheet');
  await templateReview(ctx, [], out(defaultFileName('template-review', DEMO_ROUND)));
  step('cli.demo.step.reviewImport');
  await reviewImport(ctx, [path.join(SAMPLES_DIR, 'reviews')]);
  step('cli.demo.step.reviewList');
  await reviewList(ctx, [], {});
  step('cli.demo.step.shortlist');
  await shortlistShow(ctx, [], { minScore: '75' });
  step('cli.demo.step.confirm');
  await shortlistConfirm(ctx, [], {});
  step('cli.demo.step.exportShortlist');
  await exportShortlist(ctx, [], out(defaultFileName('export-shortlist', DEMO_ROUND)));
  await exportShortlist(ctx, [], { ...out(defaultFileName('export-shortlist-internal', DEMO_ROUND)), internal: true });
  step('cli.demo.step.publicize');
  await publicizeCmd(ctx, [], { from: `${DEMO_ROUND}-06-01` });
  await exportNotice(ctx, [], out(defaultFileName('export-notice', DEMO_ROUND)));
  step('cli.demo.step.objection');
  await objectCmd(ctx, ['2'], { reason: msg('cli.demo.objectionReason') });
  await objectCmd(ctx, ['2'], { resolve: true, reason: msg('cli.demo.objectionResolution') });
  step('cli.demo.step.certify');
  await certifyCmd(ctx, [], { date: `${DEMO_ROUND}-06-08` });
  step('cli.demo.step.subsidy');
  await subsidyPaid(ctx, [`GS-${DEMO_ROUND}-001`], { date: `${DEMO_ROUND}-07-15` });
  await exportSubsidy(ctx, [], out(defaultFileName('export-subsidy', DEMO_ROUND)));

  step('cli.demo.step.register');
  await studiosImport(ctx, [path.join(SAMPLES_DIR, 'register', '工作室名册.xlsx')], {});
  step('cli.demo.step.assessImport');
  // The studios of the sample 考核表 were certified in 2023, before gongshu: the register brought them in.
  await assessImport(ctx, [path.join(SAMPLES_DIR, 'assessments')], {});
  step('cli.demo.step.score');
  await score(ctx);
  step('cli.demo.step.results');
  await exportResults(ctx, [], out(defaultFileName('export-results', DEMO_ROUND)));
  step('cli.demo.step.scoreConfirm');
  await scoreConfirm(ctx);
  step('cli.demo.step.studios');
  await studiosList(ctx, [], {});
  step('cli.demo.step.due');
  await studiosDueCmd(ctx, [], { date: '2029-01-01' });
  step('cli.demo.step.report');
  await exportReport(ctx, [], out(defaultFileName('export-report', DEMO_ROUND)));
  ctx.out.note(msg('cli.demo.done', { db: ctx.dbPath, dir }));
  return 0;
}
