/** Commander prints its help titles and parse errors in English; clerks read them in Chinese. */
import type { Command } from 'commander';
import { msg, type MessageKey } from '../messages/index.js';

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

const ERRORS: [RegExp, MessageKey][] = [
  [/^error: unknown command '([^']*)'/u, 'cli.parse.unknownCommand'],
  [/^error: unknown option '([^']*)'/u, 'cli.parse.unknownOption'],
  [/^error: missing required argument '([^']*)'/u, 'cli.parse.missingArgument'],
  [/^error: option '([^']*)' argument missing/u, 'cli.parse.optionArgumentMissing'],
  [/^error: required option '([^']*)' not specified/u, 'cli.parse.requiredOption'],
  [/^error: too many arguments/u, 'cli.parse.tooManyArguments'],
  [/^error: option '([^']*)' argument '([^']*)' is invalid/u, 'cli.parse.invalidChoice'],
];

export function translateParseError(text: string): string {
  for (const [pattern, key] of ERRORS) {
    const m = pattern.exec(text);
    if (m) return `${msg(key, { name: m[1] ?? '', value: m[2] ?? '' })}\n`;
  }
  return text;
}

export function useChineseHelp(command: Command): void {
  command.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? msg(TITLES[title]!) : title),
  });
  command.configureOutput({ outputError: (str, write) => write(translateParseError(str)) });
}
