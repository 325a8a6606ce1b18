/**
 * Every command is declared here, in one place; the code behind each is loaded only when it runs,
 * so `gongshu --help` does not pay for exceljs, SQLite or the prompts.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { msg } from '../messages/index.js';
import { contextFor, type CliContext } from './context.js';
import { useChineseHelp } from './help-zh.js';


// commander is CommonJS: required directly it loads a few ms sooner than through an ESM import (every command pays).
const { Command, Option } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

type Action = (ctx: CliContext, args: string[], opts: Record<string, unknown>) => Promise<unknown>;

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
    .addHelpText('after', examples('gongshu demo', 'gongshu interactive', 'gongshu apply import ./申报材料', 'gongshu apply list --round 2026'));

  const template = program.command('template').description(msg('cli.template.description')).helpOption('-h, --help', msg('cli.opt.help'));
  template
    .command('application')
    .description(msg('cli.template.application'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--docx', msg('cli.opt.docx'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu template application -o 申报表模板.xlsx', 'gongshu template application --docx'))
    .action(lazy(async () => (await import('./export.js')).templateApplication));

  template
    .command('assessment')
    .description(msg('cli.template.assessment'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu template assessment -o 考核表模板.xlsx'))
    .action(lazy(async () => (await import('./export.js')).templateAssessment));

  template
    .command('review')
    .description(msg('workflow.cmd.templateReview'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--experts <n>', msg('workflow.opt.experts'))
    .option('--names <list>', msg('workflow.opt.names'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu template review --round 2026', 'gongshu template review --experts 7 --names 王明,李华,张强'))
    .action(lazy(async () => (await import('./export.js')).templateReview));

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

  apply
    .command('validate')
    .description(msg('cli.apply.validate'))
    .addHelpText('after', examples('gongshu apply validate --round 2026'))
    .action(lazy(async () => (await import('./apply.js')).applyValidate));
  apply
    .command('override')
    .description(msg('cli.apply.override'))
    .argument('<id>', msg('cli.arg.id'))
    .argument('<code>', msg('cli.arg.code'))
    .option('--field <field>', msg('records.opt.field'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--undo', msg('cli.opt.undo'))
    .addHelpText('after', examples('gongshu apply override 3 距法定退休年龄 --reason "专家委员会同意破格"', 'gongshu apply override 5 电话号码 --field 单位传真电话 --reason "已电话核实"', 'gongshu apply override 3 距法定退休年龄 --undo --reason "误操作"'))
    .action(lazy(async () => (await import('./apply.js')).applyOverride));
  apply
    .command('set')
    .description(msg('cli.apply.set'))
    .argument('<id>', msg('cli.arg.id'))
    .argument('[changes...]', msg('records.arg.changes'))
    .addOption(new Option('--female-group <group>', msg('cli.opt.femaleGroup')).choices(['worker', 'cadre']))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu apply set 5 --female-group cadre', 'gongshu apply set 3 身份证号码=330105197506150017 --reason "与单位电话核实"', 'gongshu apply set 6 工作室名称=王建国模具工技能大师工作室 --reason "单位来函更正"'))
    .action(lazy(async () => (await import('./apply.js')).applySet));
  apply
    .command('materials')
    .description(msg('cli.apply.materials'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--received <list>', msg('cli.opt.materialsReceived'))
    .option('--missing <list>', msg('cli.opt.materialsMissing'))
    .option('--report-name <name>', msg('cli.opt.reportName'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu apply materials 3 --received 申办报告,营业执照,身份证,技术能力证书', 'gongshu apply materials 3 --report-name 张建国数控车工技能大师工作室'))
    .action(lazy(async () => (await import('./apply.js')).applyMaterials));

  apply
    .command('reject')
    .description(msg('workflow.cmd.applyReject'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu apply reject 4 --reason "公示期间异议经核实成立"'))
    .action(lazy(async () => (await import('./apply.js')).applyReject));
  apply
    .command('withdraw')
    .description(msg('workflow.cmd.applyWithdraw'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu apply withdraw 6 --reason "单位来函撤回"'))
    .action(lazy(async () => (await import('./apply.js')).applyWithdraw));
  apply
    .command('accept-version')
    .description(msg('records.cmd.acceptVersion'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu apply accept-version 3 --reason "单位来函更正团队成员，评审委员会同意重新审查"'))
    .action(lazy(async () => (await import('./apply.js')).applyAcceptVersion));

  const check = program.command('check').description(msg('cli.check.description'));
  check
    .command('id')
    .description(msg('cli.check.id'))
    .argument('<number>', msg('cli.arg.idNumber'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu check id 11010519491231002X', 'gongshu check id 330105197506150017 --json'))
    .action(lazy(async () => (await import('./check.js')).checkId));
  check
    .command('retirement')
    .description(msg('cli.check.retirementCmd'))
    .requiredOption('--birth <YYYY-MM>', msg('cli.opt.birth'))
    .requiredOption('--gender <男|女>', msg('cli.opt.gender'))
    .addOption(new Option('--group <group>', msg('cli.opt.group')).choices(['worker', 'cadre']))
    .option('--as-of <date>', msg('cli.opt.asOf'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu check retirement --birth 1971-04 --gender 女 --group cadre', 'gongshu check retirement --birth 1965-05 --gender 男 --as-of 2025-01-01 --json'))
    .action(lazy(async () => (await import('./check.js')).checkRetirement));

  const round = program.command('round').description(msg('cli.round.description'));
  round
    .command('set')
    .description(msg('cli.round.set'))
    .argument('<year>', msg('cli.arg.year'))
    .option('--deadline <date>', msg('cli.opt.deadline'))
    .option('--subsidy <yuan>', msg('records.opt.subsidy'))
    .option('--pass-at <points>', msg('records.opt.passAt'))
    .option('--excellent-at <points>', msg('records.opt.excellentAt'))
    .option('--excellent-share <share>', msg('records.opt.excellentShare'))
    .option('--rubric <file>', msg('records.opt.rubric'))
    .option('--review-method <method>', msg('workflow.opt.method'))
    .option('--min-score <n>', msg('workflow.opt.minScore'))
    .option('--quota <n>', msg('workflow.opt.quota'))
    .option('--notice-contact <name>', msg('records.opt.noticeContact'))
    .option('--notice-phone <phone>', msg('records.opt.noticePhone'))
    .option('--bureau <name>', msg('records.opt.bureau'))
    .addHelpText('after', examples('gongshu round set 2026 --deadline 2026-05-22', 'gongshu round set 2026 --subsidy 20000 --excellent-share 30%', 'gongshu round set 2029 --rubric 考核评分细则2029.json', 'gongshu round set 2026 --excellent-share 默认', 'gongshu round set 2026 --notice-contact 王老师 --notice-phone 0571-88888888'))
    .action(lazy(async () => (await import('./round.js')).roundSet));
  round
    .command('show')
    .description(msg('cli.round.showCmd'))
    .argument('[year]', msg('cli.arg.year'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu round show 2026'))
    .action(lazy(async () => (await import('./round.js')).roundShow));

  const assess = program.command('assess').description(msg('cli.assess.description'));
  assess
    .command('import')
    .description(msg('cli.assess.import'))
    .argument('<paths...>', msg('cli.arg.paths'))
    .option('--new-studios', msg('records.opt.newStudios'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu assess import ./2026考核表', 'gongshu assess import 考核表.xlsx --round 2026', 'gongshu assess import ./2023年以前认定的工作室 --new-studios'))
    .action(lazy(async () => (await import('./assess.js')).assessImport));
  assess
    .command('set')
    .description(msg('cli.assess.set'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--lead-left', msg('cli.opt.leadLeft'))
    .option('--no-lead-left', msg('cli.opt.leadBack'))
    .option('--lead-birth <YYYY-MM>', msg('cli.opt.leadBirth'))
    .option('--lead-gender <男|女>', msg('cli.opt.leadGender'))
    .addOption(new Option('--female-group <group>', msg('cli.opt.femaleGroup')).choices(['worker', 'cadre']))
    .addHelpText('after', examples('gongshu assess set 2 --lead-left', 'gongshu assess set 2 --lead-birth 1963-04 --lead-gender 男'))
    .action(lazy(async () => (await import('./assess.js')).assessSet));
  assess
    .command('withdraw')
    .description(msg('records.cmd.assessWithdraw'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--undo', msg('records.opt.restoreAssessment'))
    .addHelpText('after', examples('gongshu assess withdraw 5 --reason "误导入：工作室名称写错，已按正确名称重新导入"', 'gongshu assess withdraw 5 --undo --reason "误操作"'))
    .action(lazy(async () => (await import('./assess.js')).assessWithdraw));

  const scoring = program
    .command('score')
    .description(msg('cli.score.description'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu score --round 2026', 'gongshu score --json', 'gongshu score show 2'))
    .action(lazy(async () => (await import('./assess.js')).score));
  scoring
    .command('show')
    .description(msg('cli.score.show'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu score show 2'))
    .action(lazy(async () => (await import('./assess.js')).scoreShow));

  scoring
    .command('confirm')
    .description(msg('workflow.cmd.scoreConfirm'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu score confirm --round 2026'))
    .action(lazy(async () => (await import('./studios.js')).scoreConfirm));

  const review = program.command('review').description(msg('workflow.cmd.review'));
  review
    .command('import')
    .description(msg('workflow.cmd.reviewImport'))
    .argument('<paths...>', msg('cli.arg.paths'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu review import 评审打分表-王明.xlsx 评审打分表-李华.xlsx', 'gongshu review import ./专家评审'))
    .action(lazy(async () => (await import('./review.js')).reviewImport));
  review
    .command('list')
    .description(msg('workflow.cmd.reviewList'))
    .option('--method <method>', msg('workflow.opt.method'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu review list --round 2026', 'gongshu review list --method mean --json'))
    .action(lazy(async () => (await import('./review.js')).reviewList));

  const shortlist = program
    .command('shortlist')
    .description(msg('workflow.cmd.shortlist'))
    .option('--min-score <n>', msg('workflow.opt.minScore'))
    .option('--quota <n>', msg('workflow.opt.quota'))
    .option('--notice-contact <name>', msg('records.opt.noticeContact'))
    .option('--notice-phone <phone>', msg('records.opt.noticePhone'))
    .option('--bureau <name>', msg('records.opt.bureau'))
    .option('--method <method>', msg('workflow.opt.method'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu shortlist --min-score 80 --quota 5', 'gongshu shortlist remove 7 --reason "评审委员会决定"', 'gongshu shortlist confirm'))
    .action(lazy(async () => (await import('./shortlist.js')).shortlistShow));
  shortlist
    .command('add')
    .description(msg('workflow.cmd.shortlistAdd'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--undo', msg('workflow.opt.undoChange'))
    .addHelpText('after', examples('gongshu shortlist add 9 --reason "评审委员会决定增补"', 'gongshu shortlist add 9 --undo'))
    .action(lazy(async () => (await import('./shortlist.js')).shortlistAdd));
  shortlist
    .command('remove')
    .description(msg('workflow.cmd.shortlistRemove'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--undo', msg('workflow.opt.undoChange'))
    .addHelpText('after', examples('gongshu shortlist remove 7 --reason "评审委员会决定"'))
    .action(lazy(async () => (await import('./shortlist.js')).shortlistRemove));
  shortlist
    .command('confirm')
    .description(msg('workflow.cmd.shortlistConfirm'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu shortlist confirm --round 2026'))
    .action(lazy(async () => (await import('./shortlist.js')).shortlistConfirm));

  program
    .command('publicize')
    .description(msg('workflow.cmd.publicize'))
    .option('--from <date>', msg('workflow.opt.from'))
    .option('--to <date>', msg('workflow.opt.to'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu publicize --from 2026-06-01', 'gongshu publicize --from 2026-06-01 --to 2026-06-05'))
    .action(lazy(async () => (await import('./certification.js')).publicizeCmd));
  program
    .command('object')
    .description(msg('workflow.cmd.object'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--resolve', msg('workflow.opt.resolve'))
    .addHelpText('after', examples('gongshu object 3 --reason "群众来信反映业绩材料不实"', 'gongshu object 3 --resolve --reason "经核实，反映情况不属实"'))
    .action(lazy(async () => (await import('./certification.js')).objectCmd));
  program
    .command('certify')
    .description(msg('workflow.cmd.certify'))
    .option('--date <date>', msg('workflow.opt.certifyDate'))
    .option('--keep-version', msg('workflow.opt.keepVersion'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu certify --date 2026-06-15'))
    .action(lazy(async () => (await import('./certification.js')).certifyCmd));
  const subsidy = program.command('subsidy').description(msg('workflow.cmd.subsidy'));
  subsidy
    .command('paid')
    .description(msg('workflow.cmd.subsidyPaid'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .option('--date <date>', msg('workflow.opt.paidDate'))
    .option('--undo', msg('workflow.opt.unpaid'))
    .addHelpText('after', examples('gongshu subsidy paid GS-2026-001 --date 2026-07-15'))
    .action(lazy(async () => (await import('./certification.js')).subsidyPaid));

  const studios = program.command('studios').description(msg('workflow.cmd.studios'));
  studios
    .command('list')
    .description(msg('workflow.cmd.studiosList'))
    .option('--status <status>', msg('workflow.opt.status'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu studios list', 'gongshu studios list --status 有效 --json'))
    .action(lazy(async () => (await import('./studios.js')).studiosList));
  studios
    .command('import <file>')
    .description(msg('register.cmd.import'))
    .option('--dry-run', msg('register.opt.dryRun'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu studios import 工作室名册.xlsx --dry-run', 'gongshu studios import 工作室名册.xlsx', 'gongshu studios import 2019年认定名单.docx'))
    .action(lazy(async () => (await import('./register.js')).studiosImport));
  studios
    .command('due')
    .description(msg('workflow.cmd.studiosDue'))
    .option('--within <period>', msg('workflow.opt.within'))
    .option('--date <date>', msg('workflow.opt.asOf'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu studios due', 'gongshu studios due --within 1年'))
    .action(lazy(async () => (await import('./studios.js')).studiosDueCmd));
  studios
    .command('renew')
    .description(msg('workflow.cmd.studiosRenew'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .option('--date <date>', msg('workflow.opt.renewDate'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu studios renew GS-2023-001'))
    .action(lazy(async () => (await import('./studios.js')).studiosRenew));
  studios
    .command('set')
    .description(msg('workflow.cmd.studiosSet'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .option('--certified-on <date>', msg('workflow.opt.certifiedOn'))
    .addHelpText('after', examples('gongshu studios set 6 --certified-on 2023-06-15'))
    .action(lazy(async () => (await import('./studios.js')).studiosSet));
  studios
    .command('expire')
    .description(msg('workflow.cmd.studiosExpire'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu studios expire GS-2023-004'))
    .action(lazy(async () => (await import('./studios.js')).studiosExpire));
  studios
    .command('revoke')
    .description(msg('workflow.cmd.studiosRevoke'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu studios revoke GS-2023-004 --reason "考核不合格"'))
    .action(lazy(async () => (await import('./studios.js')).studiosRevoke));
  studios
    .command('merge')
    .description(msg('records.cmd.studiosMerge'))
    .argument('<studio>', msg('workflow.arg.studio'))
    .argument('<into>', msg('records.arg.into'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .addHelpText('after', examples('gongshu studios merge 7 GS-2026-001 --reason "考核表工作室名称写错，误建的工作室"'))
    .action(lazy(async () => (await import('./studios.js')).studiosMerge));

  program
    .command('history')
    .description(msg('workflow.cmd.history'))
    .argument('<id>', msg('cli.arg.id'))
    .option('--studio', msg('workflow.opt.studio'))
    .option('--undo', msg('workflow.opt.undoLast'))
    .option('--reason <text>', msg('cli.opt.reason'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu history 3', 'gongshu history 3 --undo --reason "误操作"', 'gongshu history GS-2026-001 --studio'))
    .action(lazy(async () => (await import('./history.js')).history));

  const db = program.command('db').description(msg('workflow.cmd.db'));
  db.command('backup')
    .description(msg('workflow.cmd.dbBackup'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu db backup', 'gongshu db backup -o D:/备份/gongshu-2026.db'))
    .action(lazy(async () => (await import('./backup.js')).dbBackup));
  db.command('check')
    .description(msg('workflow.cmd.dbCheck'))
    .argument('[file]', msg('cli.arg.checkFile'))
    .option('--witness <text>', msg('cli.db.witness'))
    .option('--json', msg('cli.opt.json'))
    .addHelpText('after', examples('gongshu db check', 'gongshu db check gongshu-backups/gongshu-20260608-020000Z-certify.db', 'gongshu db check --witness "1234 / 9f3a1c0b"', 'gongshu db check --json'))
    .action(lazy(async () => (await import('./backup.js')).dbCheck));
  db.command('restore')
    .description(msg('cli.db.restore'))
    .argument('<file>', msg('cli.arg.backupFile'))
    .option('--yes', msg('cli.opt.yes'))
    .addHelpText('after', examples('gongshu db restore D:/备份/gongshu-2026-06.db', 'gongshu db restore gongshu-backups/gongshu-20260608-020000Z-certify.db --yes'))
    .action(lazy(async () => (await import('./backup.js')).dbRestore));
  db.command('purge')
    .description(msg('cli.db.purge'))
    .option('--yes', msg('cli.opt.yes'))
    .option('--delete-exports', msg('cli.opt.deleteExports'))
    .addHelpText('after', examples('gongshu db purge --round 2020', 'gongshu db purge --round 2020 --yes', 'gongshu db purge --round 2020 --yes --delete-exports'))
    .action(lazy(async () => (await import('./db.js')).dbPurge));

  const exporter = program.command('export').description(msg('cli.export.description'));
  exporter
    .command('review')
    .description(msg('cli.export.reviewCmd'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--full', msg('cli.opt.full'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export review --round 2026', 'gongshu export review -o 形式审查.xlsx --force'))
    .action(lazy(async () => (await import('./export.js')).exportReview));
  exporter
    .command('results')
    .description(msg('cli.export.resultsCmd'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export results --round 2026'))
    .action(lazy(async () => (await import('./export.js')).exportResults));

  exporter
    .command('shortlist')
    .description(msg('workflow.cmd.exportShortlist'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--internal', msg('workflow.opt.internal'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export shortlist --round 2026', 'gongshu export shortlist --internal'))
    .action(lazy(async () => (await import('./export.js')).exportShortlist));
  exporter
    .command('notice')
    .description(msg('workflow.cmd.exportNotice'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export notice --round 2026', 'gongshu export notice -o 公示.docx'))
    .action(lazy(async () => (await import('./export.js')).exportNotice));
  exporter
    .command('report')
    .description(msg('report.cmd'))
    .option('--year <year>', msg('report.opt.year'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export report', 'gongshu export report --year 2026 -o 2026年度工作情况.docx'))
    .action(lazy(async () => (await import('./export.js')).exportReport));
  exporter
    .command('subsidy')
    .description(msg('workflow.cmd.exportSubsidy'))
    .option('-o, --output <file>', msg('cli.opt.output'))
    .option('--force', msg('cli.opt.force'))
    .addHelpText('after', examples('gongshu export subsidy --round 2026'))
    .action(lazy(async () => (await import('./export.js')).exportSubsidy));

  program
    .command('interactive')
    .alias('i')
    .description(msg('cli.interactive.description'))
    .addHelpText('after', examples('gongshu interactive', 'gongshu i --round 2026 --db 2026.db'))
    .action(lazy(async () => (await import('./interactive/index.js')).interactive));

  program
    .command('demo')
    .description(msg('cli.demo.description'))
    .option('-o, --output <dir>', msg('cli.demo.output'))
    .addHelpText('after', examples('gongshu demo'))
    .action(lazy(async () => (await import('./demo.js')).demo));

  useChineseHelp(program);
  for (const c of program.commands) inheritSettings(c);
  return program;
}

/** Sub-commands get the Chinese help option and the same error behaviour as the root. */
function inheritSettings(command: Command): void {
  command.helpOption('-h, --help', msg('cli.opt.help'));
  command.exitOverride();
  useChineseHelp(command);
  command.showHelpAfterError(msg('cli.helpAfterError'));
  for (const c of command.commands) inheritSettings(c);
}
