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
    zh: '将清除 {round} 年度 {applications} 份申报（{versions} 个版本）和 {assessments} 份考核表（{assessmentVersions} 个版本）中的个人信息：身份证号码、电话、出生年月、简历、成员名单、联系人等。保留：工作室名称、单位名称、审查结论和统计数字、操作日志。此操作不可撤销。',
    en: 'Personal data of round {round} will be deleted from {applications} applications ({versions} versions) and {assessments} assessments ({assessmentVersions} versions): ID numbers, phones, birth dates, CVs, members, contacts. Kept: studio and unit names, verdicts and counts, the audit log. This cannot be undone.',
  },
  'purge.confirm': { zh: '确定清除 {round} 年度的个人信息吗？', en: 'Delete the personal data of round {round}?' },
  'purge.needYes': {
    zh: '清除个人信息需要确认，但当前不是交互式终端，无法询问。确认无误后请加 --yes 重新运行：gongshu db purge --round {round} --yes',
    en: 'Purging needs confirmation and this is not an interactive terminal; add --yes: gongshu db purge --round {round} --yes',
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
  'purge.backupsRemain': {
    zh: '注意：以下备份文件中仍有这些个人信息，请按保密规定一并删除或销毁：{files}',
    en: 'Note: these backup files still hold the personal data; delete or destroy them as the rules require: {files}',
  },
} satisfies Record<string, MessageEntry>;
