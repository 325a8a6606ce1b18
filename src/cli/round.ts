/** `gongshu round set / show`: every setting a round reads, with one writer and one display. */
import { UsageError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { roundView, setRound, type RoundChanges } from '../services/rounds.js';
import type { Output } from '../ui/output.js';
import type { CliContext } from './context.js';
import { parseYear } from './parse.js';
import { dateOption } from './dates.js';
import { parseMethod } from './parse.js';
import { parseNumberOption } from './parse.js';
import { renderRound } from './render/rounds.js';

/** `默认` / `default` puts a setting back to its default. */
function isDefault(value: unknown): boolean {
  return typeof value === 'string' && ['默认', 'default'].includes(value.trim().toLowerCase());
}

function points(value: unknown, option: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (isDefault(value)) return null;
  const n = Number(String(value).trim());
  if (!Number.isFinite(n) || n < 0) throw new UsageError('bad-number', msg('records.round.badNumber', { option, value: String(value) }));
  return n;
}

/** 0.3, 30% or 30 (percent) → 0.3. */
function share(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (isDefault(value)) return null;
  const text = String(value).trim();
  const n = Number(text.replace(/[%％]$/u, ''));
  const ratio = /[%％]$/u.test(text) || n > 1 ? n / 100 : n;
  if (!Number.isFinite(ratio) || ratio <= 0 || ratio > 1) throw new UsageError('bad-share', msg('records.round.badShare', { value: text }));
  return ratio;
}

function optional<T>(value: unknown, parse: (v: unknown) => T | undefined): T | null | undefined {
  if (value === undefined) return undefined;
  return isDefault(value) ? null : parse(value);
}

/** A free-text setting, trimmed; an empty one is refused rather than stored. */
function text(value: unknown): string {
  const t = String(value).trim();
  if (!t) throw new UsageError('empty-setting', msg('records.round.emptyText'));
  return t;
}

export function roundChanges(out: Output, year: number, opts: Record<string, unknown>): RoundChanges {
  const changes: RoundChanges = {};
  const deadline = dateOption(out, opts.deadline, '--deadline', 'deadline', year);
  if (deadline !== undefined) changes.deadline = deadline;
  const set = <K extends keyof RoundChanges>(key: K, value: RoundChanges[K] | undefined): void => {
    if (value !== undefined) changes[key] = value;
  };
  set('subsidyYuan', points(opts.subsidy, '--subsidy'));
  set('passAt', points(opts.passAt, '--pass-at'));
  set('excellentAt', points(opts.excellentAt, '--excellent-at'));
  set('excellentShare', share(opts.excellentShare));
  set('rubricFile', optional(opts.rubric, (v) => String(v)));
  set('reviewMethod', optional(opts.reviewMethod, parseMethod));
  set('minScore', optional(opts.minScore, (v) => parseNumberOption(v, '--min-score', false)));
  set('quota', optional(opts.quota, (v) => parseNumberOption(v, '--quota', true)));
  set('noticeContact', optional(opts.noticeContact, text));
  set('noticePhone', optional(opts.noticePhone, text));
  set('bureauName', optional(opts.bureau, text));
  return changes;
}

export async function roundSet(ctx: CliContext, [yearText]: string[], opts: Record<string, unknown>): Promise<void> {
  const year = parseYear(yearText!);
  const changes = roundChanges(ctx.out, year, opts);
  if (Object.keys(changes).length === 0) throw new UsageError('nothing-to-set', msg('records.round.nothing'));
  const result = setRound(ctx.workspace(), year, changes);
  ctx.out.success(msg('records.round.saved', { year }));
  if (changes.deadline !== undefined) ctx.out.note(msg('cli.round.saved', { year, deadline: result.view.deadline, count: result.rechecked }));
  renderRound(ctx.out, result.view);
}

export async function roundShow(ctx: CliContext, [yearText]: string[]): Promise<void> {
  const year = yearText ? parseYear(yearText) : ctx.round;
  const view = roundView(ctx.workspace({ mustExist: true }), year);
  if (ctx.json) ctx.out.printJson(view);
  else renderRound(ctx.out, view);
}
