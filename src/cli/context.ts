/** What every command action receives: resolved global options and the output channel. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { chinaDate, chinaYear } from '../core/china-time.js';
import { msg } from '../messages/index.js';
import { readDate } from './dates.js';
import { resolveDbPath, openStore, type Db, type OpenOptions } from '../store/open.js';
import { createOutput, type Output } from '../ui/output.js';
import { currentActor, type Actor } from '../store/audit.js';

export interface CliContext {
  dbPath: string;
  round: number;
  roundGiven: boolean;
  debug: boolean;
  json: boolean;
  out: Output;
  actor: Actor;
  openDb(options?: OpenOptions): Db;
}

export interface GlobalOptions {
  db?: string;
  round?: string;
  lang?: string;
  debug?: boolean;
  json?: boolean;
}

export function parseYear(value: string): number {
  const y = Number(value);
  if (!/^\d{4}$/u.test(value.trim()) || y < 2000 || y > 2100) throw new UsageError('bad-year', msg('cli.badYear', { value }));
  return y;
}

/** A typed date as `YYYY-MM-DD`, in any spelling clerks use (see cli/dates.ts); the refusal names `option`. */
export function parseDate(value: string, option: string): string {
  return readDate(value, option).value;
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

export function todayIso(now = new Date()): string {
  return chinaDate(now);
}

/** A lazily opened database, shared by every context made from it (the menu keeps one for its session). */
export interface StoreHandle {
  open(options?: OpenOptions): Db;
  close(): void;
}

export function storeHandle(dbPath: string): StoreHandle {
  let db: Db | undefined;
  return {
    open(options) {
      db ??= openStore(dbPath, options);
      return db;
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}

export interface ContextSetup {
  /** Who is recorded in the audit log, e.g. `apply import`. */
  command: string;
  out?: Output;
  store?: StoreHandle;
}

/** The one place a CliContext is made: by commander for a command, and by the interactive menu. */
export function createContext(opts: GlobalOptions, setup: ContextSetup): CliContext {
  const json = Boolean(opts.json);
  const dbPath = resolveDbPath(opts.db);
  const store = setup.store ?? storeHandle(dbPath);
  return {
    dbPath,
    round: opts.round ? parseYear(opts.round) : chinaYear(),
    roundGiven: Boolean(opts.round),
    debug: Boolean(opts.debug),
    json,
    out: setup.out ?? createOutput({ json }),
    actor: currentActor(`gongshu ${setup.command}`),
    openDb: (options) => store.open(options),
  };
}

export function contextFor(command: Command): CliContext {
  return createContext(command.optsWithGlobals<GlobalOptions>(), { command: commandPath(command) });
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
