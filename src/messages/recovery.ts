import type { MessageEntry } from './index.js';

/** Restore by proof, the schema and trigger checks, the witnesses of the audit log (backups, printouts). */
export const recoveryMessages = {
  'recovery.type.table': { zh: '表', en: 'table' },
  'recovery.type.index': { zh: '索引', en: 'index' },
  'recovery.type.trigger': { zh: '触发器', en: 'trigger' },
  'recovery.type.view': { zh: '视图', en: 'view' },
  'recovery.diff.missing': { zh: '缺少{type} {name}', en: 'missing {type} {name}' },
  'recovery.diff.extra': { zh: '多出{type} {name}（{table} 上）', en: 'extra {type} {name} (on {table})' },
  'recovery.diff.changed': { zh: '{type} {name} 的定义被改动', en: '{type} {name} was altered' },
  'recovery.schema.mismatch': {
    zh: '数据库结构与 gongshu 结构版本 {version} 不符：{problems}',
    en: 'The schema does not match gongshu schema {version}: {problems}',
  },
  'recovery.schema.chainedButOlder': {
    zh: '操作日志已带校验链（结构版本 5 起才有），而文件标明的结构版本是 {version}：版本号被改旧过，这是篡改，不是“还没有校验链”',
    en: 'The audit log is chained (from schema 5 on) but the file says schema {version}: its version was set back; this is tampering',
  },
  'recovery.open.refused': {
    zh: '数据库 {file} 不能使用：{problem}。gongshu 不会升级、备份或改动这个文件。请用 gongshu db check 检查通过的备份恢复：gongshu db restore 备份文件（{folder} 文件夹里的 .db 文件，或 gongshu db backup 生成的文件）',
    en: 'The database {file} cannot be used: {problem}. gongshu will not migrate, back up or change it. Restore a backup that passes db check: gongshu db restore FILE (in {folder})',
    menu: {
      zh: '数据库 {file} 不能使用：{problem}。gongshu 不会升级、备份或改动这个文件。请在“备份与恢复数据库”中用 {folder} 文件夹里 db check 通过的备份恢复',
      en: 'The database {file} cannot be used: {problem}. Restore a sound backup from {folder} in the menu',
    },
    made: ['file', 'folder'],
  },
  'recovery.audit.silenced': {
    zh: '操作日志没有写进数据库 {file}（有触发器拦下了它），本次操作已撤销，没有保存。请运行 gongshu db check 查看是哪个触发器',
    en: 'The audit entry was not written to {file} (a trigger stopped it); nothing was saved. Run gongshu db check',
    menu: {
      zh: '操作日志没有写进数据库 {file}（有触发器拦下了它），本次操作已撤销，没有保存。数据库被改动过，请在“备份与恢复数据库”中用较早的备份恢复',
      en: 'The audit entry was not written to {file} (a trigger stopped it); nothing was saved. Restore an earlier backup from the menu',
    },
    made: ['file'],
  },
  'recovery.backups.unusable': {
    zh: '无法在备份文件夹 {dir} 中保存备份（{reason}），本次操作未执行，数据库未做任何修改。请确认 {dir} 是一个可以写入的文件夹（同名的文件请改名或移走）后重试',
    en: 'Cannot keep a backup in {dir} ({reason}); nothing was done and the database is unchanged. Make {dir} a writable folder (move a file of that name away) and retry',
    made: ['dir'],
  },
  'recovery.backups.notAFolder': { zh: '它不是文件夹', en: 'it is not a folder' },
  'recovery.backups.noPermission': { zh: '没有写入权限或位置只读', en: 'no permission or read-only' },
  'recovery.audit.emptied': {
    zh: '操作日志一条记录也没有，而数据库里有{what}：这些都是导入时记入日志的，日志被整个清空过',
    en: 'The audit log is empty while the database holds {what}: each was logged when imported; the log was emptied',
  },
  'recovery.audit.emptiedWhat': { zh: '申报 {applications} 份、工作室 {studios} 个、考核表 {assessments} 份', en: '{applications} applications, {studios} studios, {assessments} assessments' },
  'recovery.audit.extraTrigger': {
    zh: '操作日志表上多出触发器 {name}：它可以拦下或改写以后的记录，日志已不可信',
    en: 'An extra trigger {name} is on the audit log: it can stop or rewrite entries to come; the log cannot be trusted',
  },
  'recovery.restore.migrateFailed': {
    zh: '{file} 无法升级到当前的数据库结构（{reason}），不能用来恢复（当前数据库未做任何修改）。请换一份备份',
    en: '{file} cannot be brought up to the current schema ({reason}); it cannot be restored (the database is unchanged). Choose another backup',
    made: ['file'],
  },
  'recovery.witness.missing': {
    zh: '备份 {backup} 记有第 {id} 条操作记录，数据库中却没有：操作日志在这份备份之后被删减过（日志中也没有恢复数据库的记录）',
    en: 'The backup {backup} holds audit entry {id}, the database does not: the log was cut after that backup (and no restore is logged)',
    made: ['backup', 'id'],
  },
  'recovery.witness.changed': {
    zh: '备份 {backup} 中的第 {id} 条操作记录与数据库中的不同：操作日志在这份备份之后被改写过（日志中也没有恢复数据库的记录）',
    en: 'Audit entry {id} in the backup {backup} differs from the database: the log was rewritten after that backup (and no restore is logged)',
    made: ['backup', 'id'],
  },
  'recovery.witness.ok': {
    zh: '与 {folder} 中 {count} 份备份对照：每份备份里的操作记录都还在，一字未改',
    en: 'Compared with {count} backups in {folder}: every entry they hold is still there, unchanged',
    made: ['folder', 'count'],
  },
  'recovery.witness.excused': {
    zh: '（其中 {count} 份备份早于日志中记录的数据库恢复，不作比较）',
    en: '({count} of them predate a logged restore and are not compared)',
  },
  'recovery.head': { zh: '操作记录校验：{entries} / {hash}…', en: 'Audit log check: {entries} / {hash}…', made: ['entries', 'hash'] },
  'recovery.head.note': {
    zh: '{head}（打印的汇总表、拟认定名单内部版、补助发放名单页脚上也有这一行，可用 gongshu db check --witness 核对）',
    en: '{head} (also in the footer of printed internal lists; confirm one with gongshu db check --witness)',
    made: ['head'],
    menu: {
      zh: '{head}（打印的汇总表、拟认定名单内部版、补助发放名单页脚上也有这一行，可用来核对操作日志）',
      en: '{head} (also in the footer of printed internal lists, to confirm the log against)',
    },
  },
  'recovery.paper.ok': {
    zh: '纸面上的“操作记录校验：{entries} / {hash}…”与操作日志第 {entries} 条相符：打印之后，这条及之前的记录没有被删改',
    en: 'The printed head {entries} / {hash}… matches audit entry {entries}: nothing up to it was changed since',
    made: ['entries', 'hash'],
  },
  'recovery.paper.missing': {
    zh: '纸面上的“操作记录校验：{entries} / {hash}…”对不上：操作日志中已没有第 {entries} 条，打印之后记录被删减过',
    en: 'The printed head {entries} / {hash}… does not match: entry {entries} is gone from the log',
  },
  'recovery.paper.changed': {
    zh: '纸面上的“操作记录校验：{entries} / {hash}…”对不上：操作日志第 {entries} 条现在的校验值是 {actual}…，这条或之前的记录在打印之后被改动过',
    en: 'The printed head {entries} / {hash}… does not match: entry {entries} now hashes to {actual}…; it or an earlier entry was changed',
    made: ['entries', 'actual'],
  },
  'recovery.paper.restored': {
    zh: '（操作日志第 {id} 条记有一次数据库恢复：如果这张打印件早于那次恢复，恢复到较早的备份本来就会去掉之后的记录）',
    en: ' (entry {id} logs a restore: if the page predates it, restoring an older backup removed the later entries)',
  },
  'recovery.paper.unreadable': {
    zh: '看不懂 --witness 的内容“{text}”。请照纸面抄写条数和校验值，例如：gongshu db check --witness "1234 / 9f3a1c0b"',
    en: 'Cannot read --witness "{text}". Copy the count and hash from the page, e.g. --witness "1234 / 9f3a1c0b"',
  },
  'recovery.paper.withFile': {
    zh: '--witness 核对的是当前数据库的操作日志，不能和要检查的文件一起用。请去掉文件名，或用 --db 指定那个数据库',
    en: '--witness checks the database in use; drop the file name or point --db at that database',
  },
  'cli.db.witness': { zh: '核对打印件页脚上的“操作记录校验：条数 / 校验值”', en: 'confirm the audit log head printed on a page ("count / hash")' },
} satisfies Record<string, MessageEntry>;
