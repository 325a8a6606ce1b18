/**
 * Commander prints its help and parse errors in English; clerks read them in Chinese: the titles, the
 * `[options]` / `[command]` words, the names of arguments and option values (`<年度>`), the choices and
 * defaults of an option, the `help` sub-command, and the errors with their "did you mean" suggestion.
 */
import { maskPersonalNumbers } from '../core/personal-numbers.js';
import type { Command, Help, Option } from 'commander';
import { msg, type MessageKey } from '../messages/index.js';
import { textWidth } from '../ui/table.js';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

/** Names of arguments and option values, as `<…>` / `[…]` show them. */
const TERMS: Record<string, MessageKey> = {
  options: 'cli.term.options',
  command: 'cli.term.command',
  path: 'cli.term.path',
  paths: 'cli.term.paths',
  file: 'cli.term.file',
  dir: 'cli.term.dir',
  year: 'cli.term.year',
  lang: 'cli.term.lang',
  id: 'cli.term.id',
  code: 'cli.term.code',
  number: 'cli.term.idNumber',
  date: 'cli.term.date',
  'YYYY-MM': 'cli.term.month',
  group: 'cli.term.group',
  gender: 'cli.term.gender',
  list: 'cli.term.list',
  name: 'cli.term.name',
  text: 'cli.term.text',
  n: 'cli.term.count',
  method: 'cli.term.method',
  status: 'cli.term.status',
  period: 'cli.term.period',
  studio: 'cli.term.studio',
  changes: 'cli.term.changes',
  field: 'cli.term.field',
  yuan: 'cli.term.yuan',
  points: 'cli.term.points',
  share: 'cli.term.share',
  phone: 'cli.term.phone',
  into: 'cli.term.into',
};

/** `year` → `年度`; a name not in the table is kept. */
export function termName(name: string): string {
  const key = TERMS[name];
  return key ? msg(key) : name;
}

/** Every `<name>`, `[name]` and `<name...>` of a usage line or an option's flags, in Chinese. */
export function zhTerms(text: string): string {
  return text.replace(/([<[])([^<>[\]]+?)(\.\.\.)?([>\]])/gu, (_m, open: string, name: string, dots = '', close: string) => `${open}${termName(name)}${dots}${close}`);
}

const ERRORS: [RegExp, MessageKey][] = [
  [/^error: unknown command '([^']*)'/u, 'cli.parse.unknownCommand'],
  [/^error: unknown option '([^']*)'/u, 'cli.parse.unknownOption'],
  [/^error: missing required argument '([^']*)'/u, 'cli.parse.missingArgument'],
  [/^error: option '([^']*)' argument missing/u, 'cli.parse.optionArgumentMissing'],
  [/^error: required option '([^']*)' not specified/u, 'cli.parse.requiredOption'],
  [/^error: too many arguments/u, 'cli.parse.tooManyArguments'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid/u, 'cli.parse.invalidChoice'],
];

/** Commander's "(Did you mean apply?)" / "(Did you mean one of a, b?)" as a Chinese line, or ''. */
function suggestion(text: string): string {
  const one = /\(Did you mean ([^ ]+?)\?\)/u.exec(text);
  if (one) return `${msg('cli.parse.didYouMean', { name: one[1]! })}\n`;
  const several = /\(Did you mean one of (.+?)\?\)/u.exec(text);
  if (several) return `${msg('cli.parse.didYouMeanOneOf', { names: several[1]!.split(', ').join('、') })}\n`;
  return '';
}

export function translateParseError(text: string): string {
  for (const [pattern, key] of ERRORS) {
    const m = pattern.exec(text);
    if (m) return `${msg(key, { name: zhTerms(termName(m[1] ?? '')), value: m[2] ?? '' })}\n${suggestion(text)}`;
  }
  return text;
}

/** 可选值 and 默认值 of an option or argument, in Chinese. */
function withChoices(description: string, item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string }, showDefault: boolean): string {
  const extra: string[] = [];
  if (item.argChoices) extra.push(msg('cli.help.choices', { choices: item.argChoices.join('、') }));
  if (showDefault && item.defaultValue !== undefined) {
    extra.push(msg('cli.help.default', { value: item.defaultValueDescription ?? JSON.stringify(item.defaultValue) }));
  }
  return extra.length > 0 ? `${description}${msg('cli.help.extra', { extra: extra.join(msg('cli.help.extraSeparator')) })}` : description;
}

export function useChineseHelp(command: Command): void {
  const help: Partial<Help> = {
    styleTitle: (title: string) => (TITLES[title] ? msg(TITLES[title]!) : title),
    // '[options]' in usage lines and command lists; the value names of options (`--round <年度>`).
    styleOptionText: (text: string) => zhTerms(text),
    styleArgumentText: (text: string) => zhTerms(text),
    styleSubcommandText: (text: string) => zhTerms(text),
    // Chinese is two columns wide: pad by what the terminal shows, so descriptions line up.
    displayWidth: (text: string) => textWidth(text),
    optionDescription: (option: Option) => withChoices(option.description, option, option.required || option.optional),
    argumentDescription: (argument) => withChoices(argument.description, argument, true),
    // The 参数 list names each argument as the usage line does (`工作室`, not `studio`).
    argumentTerm: (argument) => termName(argument.name()),
  };
  command.configureHelp(help);
  // The clerk's words are echoed (`没有“13812345678”这个命令`): masked like every other line on screen.
  command.configureOutput({ outputError: (str, write) => write(maskPersonalNumbers(translateParseError(str))) });
  // A group of sub-commands gets `help [命令]`; a command without sub-commands gets none.
  if (command.commands.length > 0 && command.parent) command.helpCommand(`help [${msg('cli.term.command')}]`, msg('cli.help.helpCommand'));
}
