/** `gongshu interactive` (`gongshu i`, or plain `gongshu` on a terminal): the menu, from start to 已退出. */
import { getFace, msg, setFace } from '../../messages/index.js';
import type { CliContext } from '../context.js';
import { MENU, runMenu, type MenuEntry } from './menu.js';
import { createPrompts, MenuExit } from './prompts.js';
import { createSession, type SessionSetup } from './session.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function interactive(ctx: CliContext): Promise<number> {
  const prompts = await createPrompts({ color: ctx.out.color });
  return runInteractive({ prompts, out: ctx.out, dbPath: ctx.dbPath, round: ctx.round, debug: ctx.debug });
}

/**
 * A signal (Ctrl+C while an action runs, a closed terminal, kill) never cuts an action in half: the
 * open prompt ends at once, a running action finishes first. A second signal during an action aborts.
 */
export async function runInteractive(setup: SessionSetup, entries: readonly MenuEntry[] = MENU): Promise<number> {
  const s = createSession(setup);
  // The clerk types no command here: hints name menu entries, and nothing names a command-line option.
  const face = getFace();
  setFace('menu');
  const onSignal = (signal: NodeJS.Signals): void => {
    if (s.prompts.stopped && s.busy) {
      for (const sig of SIGNALS) process.removeListener(sig, onSignal);
      process.kill(process.pid, signal);
      return;
    }
    if (s.busy) s.out.note(msg('menu.finishing'));
    s.prompts.stop();
  };
  for (const sig of SIGNALS) process.on(sig, onSignal);
  s.out.note(msg('menu.banner', { db: s.dbPath }));
  try {
    await runMenu(s, entries);
  } catch (e) {
    if (!(e instanceof MenuExit)) throw e;
  } finally {
    for (const sig of SIGNALS) process.removeListener(sig, onSignal);
    s.close();
    setFace(face);
  }
  s.out.print(msg('menu.bye'));
  return 0;
}
