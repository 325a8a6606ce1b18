/**
 * Reading what the clerk typed (a year, a date, a number, a reason): the commands' options and the menu's
 * answers go through the same parsers, so both refuse the same input with the same message.
 */
import path from 'node:path';
import { chinaDate } from '../core/china-time.js';
import { UsageError } from '../core/errors.js';
import { parseWindow } from '../core/calendar.js';
import type { ReviewMethod } from '../core/review.js';
import { DEFAULT_EXPERTS, SCORE_MAX } from '../core/review.js';
import { msg } from '../messages/index.js';
import { readDate } from './dates.js';

export function parseYear(value: string): number {
  const y = Number(value);
  if (!/^\d{4}$/u.test(value.trim()) || y < 2000 || y > 2100) throw new UsageError('bad-year', msg('cli.badYear', { value }));
  return y;
}

/** A typed date as `YYYY-MM-DD`, in any spelling clerks use (see cli/dates.ts); the refusal names `option`. */
export function parseDate(value: string, option: string, defaultYear: number | undefined): string {
  return readDate(value, option, defaultYear).value;
}

/** `--reason`, trimmed; '' when not given. With `required`, a missing reason is a usage error. */
export function reasonOption(opts: Record<string, unknown>, required = false): string {
  const reason = typeof opts.reason === 'string' ? opts.reason.trim() : '';
  if (required && !reason) throw new UsageError('reason-required', msg('workflow.reasonRequired'));
  return reason;
}

/** 男 or 女, as the retirement rules take it. */
export function parseGender(value: string): '男' | '女' {
  const gender = value.trim();
  if (gender !== '男' && gender !== '女') throw new UsageError('bad-gender', msg('cli.check.badGender', { value: gender }));
  return gender;
}

export function parseId(value: string): number {
  const n = Number(value.replace(/^#/u, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError('bad-id', msg('cli.badId', { value }));
  return n;
}

/** Today's date in China, `YYYY-MM-DD`: the default of every date option. */
export function todayIso(now = new Date()): string {
  return chinaDate(now);
}

export function parseNumberOption(value: unknown, option: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)) || (!integer && n > SCORE_MAX)) {
    throw new UsageError('bad-number', msg(integer ? 'workflow.shortlist.badQuota' : 'workflow.shortlist.badMinScore', { value: String(value), option }));
  }
  return n;
}

export function parseMethod(value: unknown): ReviewMethod | undefined {
  if (value === undefined) return undefined;
  if (value === 'mean' || value === 'trimmed') return value;
  throw new UsageError('bad-method', msg('workflow.review.badMethod', { value: String(value) }));
}

export function parseDueWindow(value: string): string {
  if (!parseWindow(value)) throw new UsageError('invalid-window', msg('lifecycle.window.invalid', { value }));
  return value;
}

export function parseExperts(value: unknown): number {
  if (value === undefined) return DEFAULT_EXPERTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 30) throw new UsageError('bad-experts', msg('workflow.review.badExperts', { value: String(value) }));
  return n;
}

export function parseExpertNames(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[,，、]/u).map((s) => s.trim()).filter(Boolean) : [];
}

/** `gongshu-备份-2026-06-15.db`: the default name of a backup made on `date`, in the current folder. */
export function backupFileName(dbPath: string, date: string): string {
  return msg('workflow.db.backupFile', { base: path.basename(dbPath).replace(/\.db$/u, ''), date });
}

