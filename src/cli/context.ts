/** What every command action receives: resolved global options, the output channel and the workspace on the database. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { chinaYear } from '../core/china-time.js';
import { isGongshuError } from '../core/errors.js';
import { msg } from '../messages/index.js';
import { parseYear } from './parse.js';
import { currentActor, readableByOthers, resolveDbPath, storageError, storeHandle, type Actor, type OpenOptions, type StoreHandle, type Workspace } from '../services/context.js';
import { recordJsonOutput } from '../services/disclosure.js';
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

/**
 * The database file, opened lazily and shared by every context made from it (the menu keeps one for its
 * session). When it is opened, a file other users may read is pointed out, with the command that fixes it.
 */
export function cliStore(dbPath: string, out?: Output): StoreHandle {
  const store = storeHandle(dbPath, fs.existsSync);
  if (!out) return store;
  return {
    ...store,
    open(options) {
      const first = !store.opened();
      const db = store.open(options);
      if (first && readableByOthers(dbPath)) {
        out.warn(msg('safety.db.readableByOthers', { file: dbPath, mode: (fs.statSync(dbPath).mode & 0o777).toString(8).padStart(3, '0') }));
      }
      return db;
    },
  };
}

/**
 * `--json` is the complete data: never masked, so an output carrying an ID or mobile number in full is
 * logged before it is printed (who, when, which command, how many numbers). Only where the command opened
 * the database anyway; a database that cannot be written (a read-only copy) still answers, with a warning.
 */
function loggingJson(out: Output, workspace: () => Workspace | undefined, round: number, dbPath: string): Output {
  return {
    ...out,
    printJson(value) {
      const ws = workspace();
      if (ws) {
        try {
          recordJsonOutput(ws, round, value);
        } catch (e) {
          const known = isGongshuError(e) ? e : storageError(e, dbPath);
          if (!isGongshuError(known) || known.kind !== 'storage') throw known;
          out.warn(msg('safety.json.notLogged', { reason: known.message }));
        }
      }
      out.printJson(value);
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
  const shown = setup.out ?? createOutput({ json });
  const store = setup.store ?? cliStore(dbPath, shown);
  const actor = currentActor(`gongshu ${setup.command}`);
  const round = opts.round ? parseYear(opts.round) : chinaYear();
  const workspace = (options?: OpenOptions): Workspace => ({ db: store.open(options), dbFile: dbPath, actor });
  return {
    dbPath,
    round,
    roundGiven: Boolean(opts.round),
    debug: Boolean(opts.debug),
    json,
    out: loggingJson(shown, () => (store.opened() ? workspace() : undefined), round, dbPath),
    actor,
    workspace,
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
