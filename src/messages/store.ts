import type { MessageEntry } from './index.js';

export const storeMessages = {
  'store.folderMissing': { zh: '数据库所在文件夹不存在：{dir}。请先创建该文件夹，或用 --db 指定其他位置', en: 'The database folder does not exist: {dir}. Create it or choose another place with --db', menu: { zh: '数据库所在文件夹不存在：{dir}。请先创建该文件夹，再重新打开菜单', en: 'The database folder does not exist: {dir}. Create it and open the menu again' } },
  'store.missing': { zh: '数据库文件不存在：{file}。请先导入申报表，或用 --db 指定已有的数据库', en: 'Database file not found: {file}. Import applications first, or point --db at an existing database', menu: { zh: '数据库文件不存在：{file}。请先在“导入申报表”中导入申报表', en: 'Database file not found: {file}. Import applications first' } },
  'store.readonly': { zh: '无法写入数据库 {file}：文件或文件夹只读、或没有权限。请检查权限或换一个位置（--db）', en: 'Cannot write the database {file}: read-only or no permission. Check permissions or use --db', menu: { zh: '无法写入数据库 {file}：文件或文件夹只读、或没有权限。请检查权限后重新打开菜单', en: 'Cannot write the database {file}: read-only or no permission. Check permissions and open the menu again' } },
  'store.diskFull': { zh: '磁盘已满，无法写入 {file}。本次操作未保存，已有数据未受影响；请清理磁盘后重试', en: 'The disk is full; cannot write {file}. Nothing was saved and existing data is intact; free space and retry' },
  'store.busy': { zh: '数据库 {file} 正被其他程序长时间占用，请稍后重试', en: 'The database {file} is busy in another program; try again later' },
  'store.corrupt': { zh: '{file} 不是有效的 gongshu 数据库或已损坏。请用备份恢复：gongshu db restore 备份文件（gongshu-backups 文件夹或 gongshu db backup 生成的文件）', en: '{file} is not a gongshu database or is damaged. Restore a backup', menu: { zh: '{file} 不是有效的 gongshu 数据库或已损坏。请在“备份与恢复数据库”中用备份恢复', en: '{file} is not a gongshu database or is damaged. Restore a backup from the menu' } },
  'store.tooNew': { zh: '数据库 {file} 由更新版本的 gongshu 创建（结构版本 {version}），请升级 gongshu', en: 'The database {file} was made by a newer gongshu (schema {version}); upgrade gongshu' },
  'store.ioError': {
    zh: '读写 {file} 时出错（磁盘故障、网络盘断开或空间不足）。本次操作未保存；请检查磁盘后重试，必要时用备份恢复（gongshu db restore）',
    en: 'Reading or writing {file} failed (disk fault, network drive gone or no space). Nothing was saved; check the disk, or restore a backup',
    menu: { zh: '读写 {file} 时出错（磁盘故障、网络盘断开或空间不足）。本次操作未保存；请检查磁盘后重试，必要时在“备份与恢复数据库”中用备份恢复', en: 'Reading or writing {file} failed. Nothing was saved; check the disk, or restore a backup from the menu' },
  },
  'store.backupUnsound': {
    zh: '备份副本未通过完整性检查，未保存为 {file}（原数据库未受影响）：{problems}。请先运行 gongshu db check 检查数据库',
    en: 'The copy failed the integrity check and was not saved as {file} (the database is untouched): {problems}. Run gongshu db check',
    menu: { zh: '备份副本未通过完整性检查，未保存为 {file}（原数据库未受影响）：{problems}。数据库可能已损坏，请在“备份与恢复数据库”中用较早的备份恢复', en: 'The copy failed the integrity check and was not saved as {file}: {problems}. Restore an earlier backup from the menu' },
  },
  'store.audit.edited': {
    zh: '操作日志第 {id} 条与其校验值不符：这条记录写入后被改动过',
    en: 'Audit log entry {id} does not match its hash: it was changed after it was written',
  },
  'store.audit.firstMissing': {
    zh: '操作日志第 {id} 条之前的记录被删除或改动过（第 {id} 条的“上一条校验值”对不上）',
    en: 'Entries before audit log entry {id} were deleted or changed (its previous hash does not match)',
  },
  'store.audit.deleted': {
    zh: '操作日志第 {from}–{to} 条被删除（第 {id} 条接不上前面的记录）',
    en: 'Audit log entries {from}–{to} were deleted (entry {id} does not follow on)',
  },
  'store.audit.unlinked': {
    zh: '操作日志第 {id} 条接不上第 {previous} 条：记录被删除、改动或调换了顺序',
    en: 'Audit log entry {id} does not follow entry {previous}: entries were deleted, changed or reordered',
  },
  'store.audit.truncated': {
    zh: '操作日志最后的记录被删除：曾写到第 {seq} 条，现在只到第 {last} 条',
    en: 'The newest audit log entries were deleted: entries went up to {seq}, now only to {last}',
  },
  'store.audit.trigger': {
    zh: '操作日志的保护触发器 {name} 被删除或改动：日志已不再是只能追加、不能修改的',
    en: 'The audit log trigger {name} was dropped or changed: the log is no longer append-only',
  },
  'store.check.missing': { zh: '要检查的文件不存在：{file}', en: 'The file to check does not exist: {file}' },
  'store.check.notAFile': { zh: '{file} 不是文件（是文件夹或特殊文件），不能作为数据库检查或恢复', en: '{file} is not a file; it cannot be checked or restored' },
  'store.check.unfinished': {
    zh: '{file} 没有写完（旁边有 {journal}）：可能是中断的复制或正在使用的数据库，不能作为备份检查或恢复。请换一份备份',
    en: '{file} was not finished ({journal} beside it): an interrupted copy or a database in use; choose another backup',
  },
  'store.check.damaged': {
    zh: '{file} 已损坏（不是完整的 SQLite 数据库），不能作为备份使用。请换一份备份',
    en: '{file} is damaged (not a complete SQLite database) and cannot be used as a backup; choose another',
  },
  'store.check.notGongshu': {
    zh: '{file} 不是 gongshu 数据库（也不是 gongshu 的备份）',
    en: '{file} is not a gongshu database (nor a gongshu backup)',
  },
} satisfies Record<string, MessageEntry>;
