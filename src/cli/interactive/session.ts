/** What every menu action works with: the prompts, the output, the chosen round and one shared database. */
import type { Workspace } from '../../services/context.js';
import type { Output } from '../../ui/output.js';
import { cliStore, type StoreHandle } from '../context.js';
import { currentActor } from '../../services/context.js';
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
  /** The folder each kind of workbook (申报表, 考核表, 评审表, 名册) was last imported from, offered again for that kind. */
  lastFolders: Map<string, string>;
  /** An action is running (a signal then waits for it to finish instead of cutting it off). */
  busy: boolean;
  /**
   * The services' workspace for one step, exactly as if the clerk had typed `gongshu <command>`: the same
   * use cases run on it, and the audit log records `gongshu interactive <command>`. Opens (or creates) the
   * database; with `mustExist`, a missing database is the command's error (an export needs data).
   */
  workspace(command: string, options?: { mustExist?: boolean }): Workspace;
  /** The workspace if the database file exists (reading a list must not create an empty database). */
  existing(command?: string): Workspace | undefined;
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
  const store: StoreHandle = cliStore(setup.dbPath, setup.out);
  const workspace = (command: string, mustExist: boolean): Workspace => ({
    db: store.open({ mustExist }),
    dbFile: setup.dbPath,
    actor: currentActor(`gongshu interactive ${command}`),
  });
  return {
    prompts: setup.prompts,
    out: setup.out,
    dbPath: setup.dbPath,
    debug: setup.debug,
    cwd: setup.cwd ?? process.cwd(),
    round: setup.round,
    busy: false,
    lastFolders: new Map(),
    workspace: (command, options = {}) => workspace(command, options.mustExist ?? false),
    existing: (command = 'view') => (store.exists() ? workspace(command, true) : undefined),
    close() {
      store.close();
    },
  };
}
