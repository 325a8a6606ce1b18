/**
 * The main menu, kept as data: one row per entry, in the order of a year's work. An entry's handler
 * asks its questions and calls the same service as the command (see actions.ts).
 *
 * To add an entry: write a handler (actions.ts, or workflow-actions.ts for review → plaque → studios)
 * that asks what the use case needs, confirms a change, and calls the service on `s.workspace('<command>')`,
 * add its label to src/messages/interactive.ts, and insert a row here where it falls in the year's work.
 */
import { msg, type MessageKey } from '../../messages/index.js';
import { reportError } from '../report.js';
import { chooseRound, exportWorkbook, handleApplication, importApplications, importAssessments, importRegisterEntry, overrideFinding, showScores, viewApplications, writeTemplate } from './actions.js';
import { MenuBack, MenuExit } from './prompts.js';
import { backupEntry, dueEntry, historyEntry, importReviews, noticeEntry, shortlistEntry, studiosEntry } from './workflow-actions.js';
import type { MenuSession } from './session.js';

export const QUIT = Symbol('quit');

export interface MenuEntry {
  /** Stable name, for tests and docs. */
  key: string;
  label: MessageKey;
  run(session: MenuSession): Promise<void | typeof QUIT>;
}

export const MENU: readonly MenuEntry[] = [
  { key: 'round', label: 'menu.entry.round', run: chooseRound },
  { key: 'template', label: 'menu.entry.template', run: writeTemplate },
  { key: 'import', label: 'menu.entry.import', run: importApplications },
  { key: 'view', label: 'menu.entry.view', run: viewApplications },
  { key: 'override', label: 'menu.entry.override', run: overrideFinding },
  { key: 'applications', label: 'menu.entry.applications', run: handleApplication },
  { key: 'review', label: 'menu.entry.review', run: importReviews },
  { key: 'shortlist', label: 'menu.entry.shortlist', run: shortlistEntry },
  { key: 'notice', label: 'menu.entry.notice', run: noticeEntry },
  { key: 'register', label: 'register.menu.entry', run: importRegisterEntry },
  { key: 'assess', label: 'menu.entry.assess', run: importAssessments },
  { key: 'score', label: 'menu.entry.score', run: showScores },
  { key: 'export', label: 'menu.entry.export', run: exportWorkbook },
  { key: 'studios', label: 'menu.entry.studios', run: studiosEntry },
  { key: 'due', label: 'menu.entry.due', run: dueEntry },
  { key: 'history', label: 'menu.entry.history', run: historyEntry },
  { key: 'backup', label: 'menu.entry.backup', run: backupEntry },
  { key: 'quit', label: 'menu.entry.quit', run: async () => QUIT },
];

/**
 * Shows the menu until the clerk quits. Esc drops the current step; an error is shown the way the
 * command would show it, and the menu comes back. MenuExit (Ctrl+C, end of input) goes up to the caller.
 */
export async function runMenu(s: MenuSession, entries: readonly MenuEntry[] = MENU): Promise<void> {
  let last: MenuEntry | undefined;
  for (;;) {
    let entry: MenuEntry;
    try {
      entry = await s.prompts.select({
        message: msg('menu.prompt', { round: s.round }),
        choices: entries.map((e) => ({ name: msg(e.label), value: e })),
        ...(last ? { default: last } : {}),
        pageSize: entries.length,
        numbered: true,
        top: true,
      });
    } catch (e) {
      if (e instanceof MenuBack) continue;
      throw e;
    }
    last = entry;
    s.busy = true;
    try {
      if ((await entry.run(s)) === QUIT) return;
    } catch (e) {
      if (e instanceof MenuExit) throw e;
      if (!(e instanceof MenuBack)) reportError(s.out, e, s.debug, s.dbPath);
    } finally {
      s.busy = false;
    }
    if (s.prompts.stopped) throw new MenuExit();
    s.out.print('');
  }
}
