import type { MessageEntry } from './index.js';

export const storeMessages = {
  'store.folderMissing': { zh: '数据库所在文件夹不存在：{dir}。请先创建该文件夹，或用 --db 指定其他位置', en: 'The database folder does not exist: {dir}. Create it or choose another place with --db', menu: { zh: '数据库所在文件夹不存在：{dir}。请先创建该文件夹，再重新打开菜单', en: 'The database folder does not exist: {dir}. Create it and open the menu again' } },
  'store.missing': { zh: '数据库文件不存在：{file}。请先导入申报表，或用 --db 指定已有的数据库', en: 'Database file not found: {file}. Import applications first, or point --db at an existing database', menu: { zh: '数据库文件不存在：{file}。请先在“导入申报表”中导入申报表', en: 'Database file not found: {file}. Import applications first' } },
  'store.readonly': { zh: '无法写入数据库 {file}：文件或文件夹只读、或没有权限。请检查权限或换一个位置（--db）', en: 'Cannot write the database {file}: read-only or no permission. Check permissions or use --db', menu: { zh: '无法写入数据库 {file}：文件或文件夹只读、或没有权限。请检查权限后重新打开菜单', en: 'Cannot write the database {file}: read-only or no permission. Check permissions and open the menu again' } },
  'store.diskFull': { zh: '磁盘已满，无法写入 {file}。本次操作未保存，已有数据未受影响；请清理磁盘后重试', en: 'The disk is full; cannot write {file}. Nothing was saved and existing data is intact; free space and retry' },
  'store.busy': { zh: '数据库 {file} 正被其他程序长时间占用，请稍后重试', en: 'The database {file} is busy in another program; try again later' },
  'store.corrupt': { zh: '{file} 不是有效的 gongshu 数据库或已损坏。请用备份恢复（gongshu db backup 生成的文件）', en: '{file} is not a gongshu database or is damaged. Restore a backup', menu: { zh: '{file} 不是有效的 gongshu 数据库或已损坏。请用备份恢复（“备份数据库”或自动备份生成的文件）', en: '{file} is not a gongshu database or is damaged. Restore a backup' } },
  'store.tooNew': { zh: '数据库 {file} 由更新版本的 gongshu 创建（结构版本 {version}），请升级 gongshu', en: 'The database {file} was made by a newer gongshu (schema {version}); upgrade gongshu' },
  'store.backupSameFile': { zh: '备份文件不能是数据库本身：{file}。请用 -o 指定另一个文件名', en: 'The backup cannot be the database itself: {file}; choose another file with -o' },
} satisfies Record<string, MessageEntry>;
