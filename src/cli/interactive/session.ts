/** What every menu action works with: the prompts, the output, the chosen round and one shared database. */
import fs from 'node:fs';
import type { Db } from '../../store/open.js';
import type { Output } from '../../ui/output.js';
import { createContext, storeHandle, type CliContext, type StoreHandle } from '../context.js';
import type { Prompts } from './prompts.js';

export interface MenuSession {
  readonly prompts: Prompts;
  readonly out: Output;
  readonly dbPath: string;
  readonly debug: boolean;
  /** Folder that relative paths and default file names are taken from. */
  readonly cwd: string;
  /** The 申报年度 every action works on; 选择申报年度 changes it. */
  round: number;
  /** The folder workbooks were last imported from, offered again as the default. */
  lastFolder?: string;
  /** An action is running (a signal then waits for it to finish instead of cutting it off). */
  busy: boolean;
  /**
   * A context for one command, exactly as if the clerk had typed `gongshu <command> --round <round>`:
   * the action functions of the commands run on it unchanged. The audit log records `interactive <command>`.
   */
  context(command: string): CliContext;
  /** The database if its file exists (reading a list must not create an empty database). */
  existingDb(): Db | undefined;
  close(): void;
}

export interface SessionSetup {
  prompts: Prompts;
  out: Output;
  dbPath: string;
  round: number;
  debug: boolean;
  cwd?: string;
}

export function createSession(setup: SessionSetup): MenuSession {
  const store: StoreHandle = storeHandle(setup.dbPath);
  return {
    prompts: setup.prompts,
    out: setup.out,
    dbPath: setup.dbPath,
    debug: setup.debug,
    cwd: setup.cwd ?? process.cwd(),
    round: setup.round,
    busy: false,
    context(command) {
      return createContext({ db: this.dbPath, round: String(this.round), debug: this.debug }, { command: `interactive ${command}`, out: this.out, store });
    },
    existingDb() {
      return fs.existsSync(this.dbPath) ? store.open({ mustExist: true }) : undefined;
    },
    close() {
      store.close();
    },
  };
}
