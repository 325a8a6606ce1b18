/** What every command action receives: resolved global options, the output channel and the workspace on the database. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { chinaYear } from '../core/china-time.js';
import { parseYear } from './parse.js';
import { currentActor, resolveDbPath, storeHandle, type Actor, type OpenOptions, type StoreHandle, type Workspace } from '../services/context.js';
import { createOutput, type Output } from '../ui/output.js';

export type { StoreHandle };

export interface CliContext {
  dbPath: string;
  round: number;
  roundGiven: boolean;
  debug: boolean;
  json: boolean;
  out: Output;
  actor: Actor;
  /** The services' workspace: the database (opened on first use; `mustExist` for commands that only read), the file, the actor. */
  workspace(options?: OpenOptions): Workspace;
  /** Whether the database file exists: a command that only reads must not create an empty one. */
  hasDatabase(): boolean;
}

export interface GlobalOptions {
  db?: string;
  round?: string;
  lang?: string;
  debug?: boolean;
  json?: boolean;
}

/** The database file, opened lazily and shared by every context made from it (the menu keeps one for its session). */
export function cliStore(dbPath: string): StoreHandle {
  return storeHandle(dbPath, fs.existsSync);
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
  const store = setup.store ?? cliStore(dbPath);
  const actor = currentActor(`gongshu ${setup.command}`);
  return {
    dbPath,
    round: opts.round ? parseYear(opts.round) : chinaYear(),
    roundGiven: Boolean(opts.round),
    debug: Boolean(opts.debug),
    json,
    out: setup.out ?? createOutput({ json }),
    actor,
    workspace: (options) => ({ db: store.open(options), dbFile: dbPath, actor }),
    hasDatabase: () => store.exists(),
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
