/**
 * Every command is declared here, in one place; the code behind each is loaded only when it runs,
 * so `gongshu --help` does not pay for exceljs, SQLite or the prompts.
 */
import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { msg } from '../messages/index.js';
import { contextFor, type CliContext } from './context.js';


type Action = (ctx: CliContext, args: string[], opts: Record<string, unknown>) => Promise<number | void>;

/** Wraps a lazily imported action: commander passes (...args, opts, command). */
function lazy(load: () => Promise<Action>) {
  return async (...params: unknown[]): Promise<void> => {
    const command = params[params.length - 1] as Command;
    const opts = params[params.length - 2] as Record<string, unknown>;
    const args = params.slice(0, -2).flat() as string[];
    const action = await load();
    const code = await action(contextFor(command), args, opts);
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  };
}

function examples(...lines: string[]): string {
  return `\n${msg('cli.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function packageVersion(): string {
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('gongshu');
  program
    .description(msg('cli.description'))
    .version(packageVersion(), '-V, --version', msg('cli.opt.version'))
    .helpOption('-h, --help', msg('cli.opt.help'))
    .addHelpCommand(false)
    .option('--db <path>', msg('cli.opt.db'))
    .option('--round <year>', msg('cli.opt.round'))
    .addOption(new Option('--lang <lang>', msg('cli.opt.lang')).choices(['zh', 'en']))
    .option('--debug', msg('cli.opt.debug'))
    .showHelpAfterError(msg('cli.helpAfterError'))
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) })
    .addHelpText('after', examples('gongshu demo', 'gongshu apply import ./申报材料', 'gongshu apply list --round 2026'));

  const template = program.command('template').description(msg('cli.template.description')).helpOption('-h, --help', msg('cli.opt.help'));
  template
    .command('application')
    .description(msg('cli.template.application'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu template application -o 申报表模板.xlsx'))
    .action(lazy(async () => (await import('./template.js')).templateApplication));

  const apply = program.command('apply').description(msg('cli.apply.description'));
  apply
    .command('import')
    .description(msg('cli.apply.import'))
    .argument('<paths...>', msg('cli.arg.paths'))
    .option('--received <date>', msg('cli.opt.received'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu apply import ./申报材料', 'gongshu apply import 申报表1.xlsx 申报表2.xlsx --received 2026-05-20'))
    .action(lazy(async () => (await import('./apply.js')).applyImport));
  apply
    .command('list')
    .description(msg('cli.apply.list'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu apply list', 'gongshu apply list --round 2026 --json'))
    .action(lazy(async () => (await import('./apply.js')).applyList));
  apply
    .command('show')
    .description(msg('cli.apply.show'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--history', msg('cli.opt.history'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu apply show 3', 'gongshu apply show 3 --history', 'gongshu apply show 3 --json'))
    .action(lazy(async () => (await import('./apply.js')).applyShow));

  program
    .command('demo')
    .description(msg('cli.demo.description'))
    .option('-o, --output <dir>', msg('cli.demo.output'))
    .addHelpText('after', examples('gongshu demo'))
    .action(lazy(async () => (await import('./demo.js')).demo));

  for (const c of program.commands) inheritSettings(c);
  return program;
}

/** Sub-commands get the Chinese help option and the same error behaviour as the root. */
function inheritSettings(command: Command): void {
  command.helpOption('-h, --help', msg('cli.opt.help'));
  command.exitOverride();
  command.showHelpAfterError(msg('cli.helpAfterError'));
  for (const c of command.commands) inheritSettings(c);
}
