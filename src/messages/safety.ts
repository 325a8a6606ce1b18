import type { MessageEntry } from './index.js';

/** Hostile input, faults and personal data: problem lines after an import, `gongshu db purge`. */
export const safetyMessages = {
  'safety.import.problemsHead': {
    zh: '需要注意的单元格（身份证、手机号码已打码）：',
    en: 'Cells to look at (ID and mobile numbers masked):',
  },
  'safety.import.problem': { zh: '  {file} › {cell}：{message}', en: '  {file} › {cell}: {message}' },
  'safety.import.problemNoCell': { zh: '  {file}：{message}', en: '  {file}: {message}' },
  'safety.import.moreProblems': {
    zh: '  {file}：另有 {count} 条，加 --json 可查看全部',
    en: '  {file}: {count} more; use --json to see them all',
    menu: { zh: '  {file}：另有 {count} 条未列出，可在“查看申报与问题”中查看', en: '  {file}: {count} more; see Applications and findings' },
  },

  'cli.db.purge': {
    zh: '保存期满后清除某一年度的个人信息（身份证号码、电话、出生年月、成员名单等），只保留统计数字和操作日志',
    en: 'After the retention period, delete a round’s personal data (ID numbers, phones, birth dates, members), keeping counts and the audit log',
  },
  'cli.opt.yes': { zh: '不再询问，直接执行（在脚本中使用）', en: 'Do not ask for confirmation (for scripts)' },

  'purge.roundRequired': {
    zh: '请用 --round 指定要清除个人信息的年度，如 gongshu db purge --round 2020',
    en: 'Name the round to purge with --round, e.g. gongshu db purge --round 2020',
  },
  'purge.roundNotOver': {
    zh: '{round} 年度尚未结束（今年是 {year} 年），不能清除其个人信息；只能清除往年的数据',
    en: 'Round {round} is not over (this year is {year}); only past rounds can be purged',
  },
  'purge.nothing': { zh: '{round} 年度没有可清除的个人信息（没有申报和考核记录，或已清除过）', en: 'Round {round} holds no personal data (nothing imported, or purged already)' },
  'purge.plan': {
    zh: '将清除 {round} 年度 {applications} 份申报（{versions} 个版本）和 {assessments} 份考核表（{assessmentVersions} 个版本）中的个人信息：身份证号码、电话、出生年月、简历、成员名单、联系人、豁免/调整/异议的理由、专家姓名等；以及 {studios} 个工作室登记的领衔人身份证号码、出生年月和性别。保留：工作室名称、单位名称、审查结论和统计数字、评审分数、考核分数和等级、铭牌和补助记录、操作日志。此操作不可撤销。',
    en: 'Personal data of round {round} will be deleted from {applications} applications ({versions} versions) and {assessments} assessments ({assessmentVersions} versions): ID numbers, phones, birth dates, CVs, members, contacts, the reasons of waivers, shortlist changes and objections, experts’ names; and the lead’s ID number, birth month and gender of {studios} studios. Kept: studio and unit names, verdicts and counts, review scores, assessment scores and grades, plaques and subsidy records, the audit log. This cannot be undone.',
  },
  'purge.confirm': { zh: '确定清除 {round} 年度的个人信息吗？', en: 'Delete the personal data of round {round}?' },
  'purge.needYes': {
    zh: '清除个人信息需要确认，但当前不是交互式终端，无法询问。确认无误后请加 --yes 重新运行：gongshu db purge --round {round} --yes',
    en: 'Purging needs confirmation and this is not an interactive terminal; add --yes: gongshu db purge --round {round} --yes',
  },
  'purge.vacuumed': {
    zh: '上次清除后数据库文件 {file} 还有未整理的空闲页（整理曾被中断），现已整理完毕',
    en: 'The database file {file} still had free pages from an interrupted purge; they are gone now',
  },
  'purge.removedMessage': { zh: '（保存期满，个人信息已清除）', en: '(personal data purged after retention)' },
  'purge.cancelled': { zh: '已取消，未做任何修改', en: 'Cancelled; nothing changed' },
  'purge.done': {
    zh: '已清除 {round} 年度 {applications} 份申报和 {assessments} 份考核表中的个人信息（已记入操作日志）。保留的统计：{counts}',
    en: 'Purged the personal data of {applications} applications and {assessments} assessments of round {round} (logged). Kept counts: {counts}',
  },
  'purge.counts': {
    zh: '申报 {total} 份（合格 {eligible}、待确认 {pending}、不合格 {ineligible}）',
    en: '{total} applications ({eligible} eligible, {pending} pending, {ineligible} ineligible)',
  },
  'purge.exportsRemain': {
    zh: '注意：gongshu 为 {round} 年度导出的以下 {count} 个文件仍在原处，其中可能有本年度的个人信息（数据库中已清除）：\n{files}',
    en: 'Note: these {count} files gongshu exported for round {round} are still there and may hold its personal data (gone from the database):\n{files}',
    made: ['files'],
  },
  'purge.exportsConfirm': { zh: '现在删除这 {count} 个导出文件吗？删除后无法恢复', en: 'Delete these {count} exported files now? This cannot be undone' },
  'purge.exportsDeleted': { zh: '已删除 {count} 个导出文件（已记入操作日志）', en: 'Deleted {count} exported files (logged)' },
  'purge.exportsKept': {
    zh: '以上导出文件未删除。如需删除，请运行：gongshu db purge --round {round} --delete-exports（只删除上面列出的文件），或按保密规定自行删除或销毁',
    en: 'The exported files were kept. To delete them run: gongshu db purge --round {round} --delete-exports (only the files listed), or destroy them as the rules require',
  },
  'cli.opt.deleteExports': {
    zh: '同时删除 gongshu 为该年度导出、仍在原处的文件（先列出，再删除；只删这些文件）',
    en: 'Also delete the files gongshu exported for the round that are still where they were written (listed first)',
  },
  'purge.backupsRemain': {
    zh: '注意：以下备份文件中仍有这些个人信息，请按保密规定一并删除或销毁：{files}',
    en: 'Note: these backup files still hold the personal data; delete or destroy them as the rules require: {files}',
    made: ['files'],
  },

  'safety.db.readableByOthers': {
    zh: '注意：数据库文件 {file} 的权限是 {mode}，本机其他用户也能读取其中的身份证号码等个人信息。请运行 chmod 600 "{file}" 只允许本人读写',
    en: 'Note: the database {file} has mode {mode}: other users of this computer can read the personal data in it. Run chmod 600 "{file}"',
  },
  'safety.json.notLogged': {
    zh: '注意：本次 --json 输出含完整的身份证或手机号码，但无法记入操作日志（{reason}）',
    en: 'Note: this --json output carries full ID or mobile numbers but could not be logged ({reason})',
  },
  'safety.output.failed': {
    zh: '错误：输出没有写完（{reason}），结果不完整。请检查磁盘空间或接收输出的程序后重新运行',
    en: 'Error: the output was not written in full ({reason}); the result is incomplete. Check the disk or the receiving program and run again',
  },
  'safety.output.pipeClosed': { zh: '接收输出的程序已提前关闭', en: 'the receiving program closed early' },
  'safety.output.diskFull': { zh: '磁盘已满', en: 'the disk is full' },
  'safety.output.ioError': { zh: '写入出错：{code}', en: 'write error: {code}' },
  'safety.check.chainOk': { zh: '操作日志 {entries} 条，校验链完整（没有被删除、改动或调换顺序的记录），保护触发器完好', en: '{entries} audit log entries, hash chain intact, triggers in place' },
  'safety.check.noChain': {
    zh: '此文件的结构版本为 {version}，操作日志还没有校验链（下次用 gongshu 打开或恢复时会自动加上）',
    en: 'Schema {version}: the audit log has no hash chain yet (it gets one when gongshu next opens or restores it)',
  },
  'safety.restore.sameFile': { zh: '{file} 就是当前使用的数据库，不需要恢复', en: '{file} is the database in use; nothing to restore' },
  'safety.restore.unsound': {
    zh: '{file} 未通过检查，不能用来恢复（当前数据库未做任何修改）：{problems}。请换一份备份',
    en: '{file} failed the check and cannot be restored (the database is unchanged): {problems}. Choose another backup',
  },
  'safety.restore.plan': {
    zh: '将用 {file} 替换当前数据库 {database}。替换前会先把当前数据库备份到 gongshu-backups 文件夹；恢复本身记入操作日志。',
    en: '{file} will replace the database {database}. The current database is backed up to gongshu-backups first; the restore is logged.',
  },
  'safety.restore.confirm': { zh: '确定用这份备份替换 {database} 吗？', en: 'Replace {database} with this backup?' },
  'safety.restore.needYes': {
    zh: '恢复数据库需要确认，但当前不是交互式终端，无法询问。确认无误后请加 --yes 重新运行：gongshu db restore {file} --yes',
    en: 'Restoring needs confirmation and this is not an interactive terminal; add --yes: gongshu db restore {file} --yes',
  },
  'safety.restore.done': {
    zh: '已用 {file} 恢复数据库 {database}（备份中有操作记录 {entries} 条；这次恢复也已记入操作日志）',
    en: 'Restored {database} from {file} ({entries} audit log entries in the backup; the restore is logged too)',
  },
  'cli.db.restore': { zh: '用备份恢复数据库：先检查备份完好，再备份当前数据库，然后替换（记入操作日志）', en: 'Restore the database from a backup: check it, back up the current one, then replace it (logged)' },
  'cli.arg.backupFile': { zh: '备份文件（gongshu db backup 或 gongshu-backups 文件夹里的 .db 文件）', en: 'backup file (from gongshu db backup or the gongshu-backups folder)' },
  'cli.arg.checkFile': { zh: '要检查的数据库或备份文件（不写时检查当前数据库）；只读检查，不会改动文件', en: 'database or backup to check (default: the database in use); read-only' },
  'safety.kind.exportReview': { zh: '形式审查汇总表', en: 'eligibility summary' },
  'safety.kind.exportResults': { zh: '考核结果', en: 'assessment results' },
  'safety.kind.exportShortlist': { zh: '拟认定名单（公示版）', en: 'public shortlist' },
  'safety.kind.exportShortlistInternal': { zh: '拟认定名单（内部版）', en: 'internal shortlist' },
  'safety.kind.exportSubsidy': { zh: '补助发放名单', en: 'subsidy list' },
  'safety.kind.exportNotice': { zh: '公示文件', en: 'public notice' },
  'safety.kind.templateApplication': { zh: '申报表模板', en: 'application template' },
  'safety.kind.templateApplicationDocx': { zh: '申报表模板（Word）', en: 'application template (Word)' },
  'safety.kind.templateAssessment': { zh: '考核表模板', en: 'assessment template' },
  'safety.kind.templateReview': { zh: '评审打分表', en: 'review sheet' },
  'safety.kind.backup': { zh: '数据库备份', en: 'database backup' },

  'safety.output.isDatabase': {
    zh: '不能写到数据库文件 {database} 本身或它的日志文件上：{file}。请用 -o 指定另一个文件名（数据库未受影响）',
    en: 'Cannot write over the database {database} or its journal: {file}. Choose another name with -o (the database is untouched)',
  },
  'safety.output.inBackups': {
    zh: '{dir} 是 gongshu 自动备份的文件夹，不能把文件存到这里：{file}。请换一个位置',
    en: '{dir} holds gongshu’s automatic backups; nothing else is written there: {file}. Choose another place',
  },
  'safety.output.notAFile': {
    zh: '{file} 不是普通文件（设备、管道或其他特殊文件），不能写入。请换一个文件名',
    en: '{file} is not a regular file (a device, pipe or other special file); choose another name',
  },
  'safety.output.journalBeside': {
    zh: '{file} 旁边有数据库日志文件 {journal}（数据库正在使用或曾被中断），不能把备份存成这个文件名。请换一个文件名',
    en: '{journal} lies beside {file} (a database in use or cut off); a backup cannot take that name. Choose another',
  },
  'safety.output.wrongType': {
    zh: '“{name}”的扩展名 {ext} 与内容不符：{kind}只能存为 {choices}。请把文件名改为以这样的扩展名结尾',
    en: '“{name}”: a {kind} cannot be written as {ext}; it is written as {choices}. End the name with one of these',
  },
  'safety.output.noType': {
    zh: '“{name}”没有扩展名：{kind}存为 {choices}。请在文件名后加上扩展名',
    en: '“{name}” has no extension: a {kind} is written as {choices}. Add the extension to the name',
  },
  'safety.output.typeChoice': { zh: '{ext}（{what}）', en: '{ext} ({what})' },
  'safety.output.typeOr': { zh: '或 ', en: ' or ' },
  'safety.output.type.xlsx': { zh: 'Excel 工作簿', en: 'Excel workbook' },
  'safety.output.type.docx': { zh: 'Word 文档', en: 'Word document' },
  'safety.output.notOurs': {
    zh: '{file} 已存在，但不是 gongshu 以前生成的{kind}，加 --force 也不会覆盖它。请换一个文件名，或先自行移走该文件',
    en: '{file} exists and is not an earlier {kind} from gongshu; --force does not replace it. Choose another name or move the file first',
    menu: { zh: '{file} 已存在，但不是 gongshu 以前生成的{kind}，不会覆盖它。请换一个文件名，或先自行移走该文件', en: '{file} exists and is not an earlier {kind} from gongshu; it is not replaced. Choose another name or move the file first' },
  },
} satisfies Record<string, MessageEntry>;
