/**
 * Every question the menu asks goes through this module, as np's ui.js does: one place that speaks
 * Chinese to the clerk (key hints, yes/no, errors), and one place that turns the ways out of a prompt
 * into two typed outcomes: Ctrl+C, Ctrl+D, the end of input or a signal become MenuExit; Esc becomes
 * MenuBack (back to the main menu). @inquirer/prompts is imported here only, when the menu starts,
 * so `gongshu --help` and every ordinary command never load it.
 */
import type { ChalkInstance } from 'chalk';
import { maskPersonalNumbers } from '../../core/personal-numbers.js';
import { msg, type MessageKey } from '../../messages/index.js';

/** The clerk asked to leave: the menu prints 已退出 and exits 0. */
export class MenuExit extends Error {
  constructor() {
    super('menu exit');
    this.name = 'MenuExit';
  }
}

/** The clerk pressed Esc: the current step is dropped and the main menu shows again. */
export class MenuBack extends Error {
  constructor() {
    super('menu back');
    this.name = 'MenuBack';
  }
}

export interface Choice<T> {
  name: string;
  value: T;
  /** Shown under the list while this choice is highlighted. */
  description?: string;
  /** Shown after the question once answered (defaults to name). */
  short?: string;
  disabled?: boolean | string;
}

/** A line of text between choices that cannot be selected. */
export interface Note {
  note: string;
}

export type Item<T> = Choice<T> | Note;

export interface SelectQuestion<T> {
  message: string;
  choices: readonly Item<T>[];
  default?: T;
  pageSize?: number;
  /** Show 1. 2. 3. before the choices, so a number key jumps to one. */
  numbered?: boolean;
  /** The main menu itself: Esc has nowhere to go back to, so its hint is left out. */
  top?: boolean;
}

export interface InputQuestion {
  message: string;
  default?: string;
  /** Returns true, or the message to show under the answer (the answer is kept for correcting). */
  validate?: (value: string) => string | true;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

export interface SearchQuestion<T> {
  message: string;
  /** Called with what the clerk has typed so far ('' at first). */
  source: (term: string) => readonly Item<T>[];
  pageSize?: number;
}

export interface CheckboxQuestion<T> {
  message: string;
  choices: readonly (Choice<T> & { checked?: boolean })[];
  validate?: (values: readonly T[]) => string | true;
  pageSize?: number;
}

export interface Prompts {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: InputQuestion): Promise<string>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  search<T>(question: SearchQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  /** Ends the open prompt (if any) and every later one with MenuExit: a signal arrived. */
  stop(): void;
  readonly stopped: boolean;
}

export interface PromptIo {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  color: ChalkInstance;
}

interface Key {
  name?: string;
  ctrl?: boolean;
}

const BACK = 'back';
const EXIT = 'exit';

/** inquirer's own key hints are English words; these are the ones its prompts use. */
const KEY_ACTIONS: Record<string, MessageKey> = {
  navigate: 'menu.key.navigate',
  select: 'menu.key.select',
  submit: 'menu.key.submit',
  all: 'menu.key.all',
  invert: 'menu.key.invert',
};

export async function createPrompts(io: PromptIo): Promise<Prompts> {
  const inquirer = await import('@inquirer/prompts');
  const input = io.input ?? process.stdin;
  const c = io.color;
  let stopped = false;
  let active: AbortController | undefined;

  const keysHelpTip =
    (top: boolean) =>
    (keys: [string, string][]): string =>
      [
        ...keys.map(([key, action]): [string, string] => [key === 'space' ? msg('menu.key.space') : key, KEY_ACTIONS[action] ? msg(KEY_ACTIONS[action]!) : action]),
        ...(top ? [] : [['Esc', msg('menu.key.back')] as [string, string]]),
        ['Ctrl+C', msg('menu.key.exit')] as [string, string],
      ]
        .map(([key, action]) => `${c.bold(key)} ${c.dim(action)}`)
        .join(c.dim(' • '));
  const themed = (top = false) => ({
    style: { keysHelpTip: keysHelpTip(top) },
    i18n: { disabledError: msg('menu.disabledChoice') },
  });
  const theme = themed();
  const confirmTheme = {
    keywords: { yes: msg('menu.yes'), no: msg('menu.no'), error: () => msg('menu.confirmError') },
    // Chinese has no upper case to mark the default answer, and colour may be off: brackets.
    style: { confirmDefault: (text: string) => `[${text}]` },
  };

  // What a question shows is a screen like any other: ID and mobile numbers in a question, a choice, its
  // description or a validation message are masked, however they were typed (the answer typed is the clerk's own).
  const shown = (text: string): string => maskPersonalNumbers(text);
  const shownChoice = <T>(choice: Choice<T>): Choice<T> => ({
    ...choice,
    name: shown(choice.name),
    ...(choice.description === undefined ? {} : { description: shown(choice.description) }),
    ...(choice.short === undefined ? {} : { short: shown(choice.short) }),
    ...(typeof choice.disabled === 'string' ? { disabled: shown(choice.disabled) } : {}),
  });
  const shownValidation = <V>(validate: (value: V) => string | true) => (value: V): string | true => {
    const result = validate(value);
    return result === true ? true : shown(result);
  };
  const toInquirer = <T>(items: readonly Item<T>[]) =>
    items.map((item) => ('note' in item ? new inquirer.Separator(c.dim(shown(item.note))) : shownChoice(item)));

  /** Runs one prompt with the exits wired: only ever one prompt is open at a time. */
  async function ask<T>(run: (context: { input: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal: AbortSignal }) => Promise<T>): Promise<T> {
    if (stopped) throw new MenuExit();
    const controller = new AbortController();
    active = controller;
    const onKey = (_text: unknown, key: Key | undefined): void => {
      if (!key) return;
      if (key.ctrl && key.name === 'd') controller.abort(EXIT);
      else if (key.name === 'escape') controller.abort(BACK);
    };
    const onEnd = (): void => {
      stopped = true;
      controller.abort(EXIT);
    };
    input.on('keypress', onKey);
    input.once('end', onEnd);
    try {
      return await run({ input, ...(io.output ? { output: io.output } : {}), signal: controller.signal });
    } catch (e) {
      if (controller.signal.aborted) throw controller.signal.reason === BACK ? new MenuBack() : new MenuExit();
      if (e instanceof Error && e.name === 'ExitPromptError') throw new MenuExit();
      throw e;
    } finally {
      input.removeListener('keypress', onKey);
      input.removeListener('end', onEnd);
      if (active === controller) active = undefined;
    }
  }

  return {
    select<T>(q: SelectQuestion<T>) {
      return ask(
        (context) =>
          inquirer.select<T>(
            {
              message: shown(q.message),
              choices: toInquirer(q.choices),
              ...('default' in q ? { default: q.default } : {}),
              pageSize: q.pageSize ?? 12,
              theme: { ...themed(q.top), indexMode: q.numbered ? 'number' : 'hidden' },
            },
            context,
          ) as Promise<T>,
      );
    },
    input(q) {
      return ask((context) =>
        inquirer.input(
          {
            message: shown(q.message),
            ...(q.default !== undefined ? { default: q.default } : {}),
            ...(q.validate ? { validate: shownValidation(q.validate) } : {}),
          },
          context,
        ),
      );
    },
    confirm(q) {
      return ask((context) => inquirer.confirm({ message: shown(q.message), default: q.default ?? false, theme: confirmTheme }, context));
    },
    search<T>(q: SearchQuestion<T>) {
      return ask(
        (context) =>
          inquirer.search<T>(
            {
              message: shown(q.message),
              source: (term) => toInquirer(q.source(term ?? '')) as never,
              pageSize: q.pageSize ?? 10,
              theme,
            },
            context,
          ) as Promise<T>,
      );
    },
    checkbox<T>(q: CheckboxQuestion<T>) {
      return ask(
        (context) =>
          inquirer.checkbox<T>(
            {
              message: shown(q.message),
              choices: q.choices.map((choice) => ({ ...shownChoice(choice), ...(choice.checked === undefined ? {} : { checked: choice.checked }) })) as never,
              pageSize: q.pageSize ?? 12,
              theme,
              ...(q.validate ? { validate: shownValidation((chosen: readonly { value: T }[]) => q.validate!(chosen.map((x) => x.value))) } : {}),
            },
            context,
          ) as Promise<T[]>,
      );
    },
    stop() {
      stopped = true;
      active?.abort(EXIT);
    },
    get stopped() {
      return stopped;
    },
  };
}
