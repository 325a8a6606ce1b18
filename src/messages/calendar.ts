import type { MessageEntry } from './index.js';

/** The working-day calendar (公示 period) and its data files. Keys start with `calendar.`. */
export const calendarMessages = {
  'calendar.yearMissing': {
    zh: '{year} 年的法定节假日安排尚未收录（已收录 {first}–{last} 年），无法按工作日计算。国务院办公厅每年 11 月前后公布下一年的放假安排：公布后请按 {hint}README.md 的格式新建 {hint}{year}.json 再试；也可以直接写明结束日期。',
    en: 'The public holidays of {year} are not known yet (known: {first}–{last}), so working days cannot be counted. The State Council publishes next year\'s schedule each November: add {hint}{year}.json as described in {hint}README.md and try again, or give the end date yourself.',
  },
  'calendar.orTo': { zh: '（写明结束日期：--to 结束日期，如 --to 2026-06-19）', en: ' (give the end date: --to YYYY-MM-DD)', menu: { zh: '', en: '' } },
  'calendar.period': { zh: '公示期：{from} 至 {to}，共 {days} 个工作日', en: 'Notice period: {from} to {to}, {days} working days' },
  'calendar.periodUncounted': { zh: '公示期：{from} 至 {to}（跨入未收录节假日安排的年份，不计工作日天数）', en: 'Notice period: {from} to {to} (runs into a year without a holiday schedule: working days not counted)' },
  'calendar.documentUncounted': {
    zh: '公示文件只写起止日期，不写工作日天数：{years} 年的法定节假日安排尚未收录。收录后重新导出即可写上天数',
    en: 'The notice gives only its dates, no count of working days: the holidays of {years} are not known yet. Export again once they are added',
  },
  'calendar.skipped': { zh: '不计入的日子：{runs}', en: 'Days not counted: {runs}' },
  'calendar.run.one': { zh: '{from}', en: '{from}' },
  'calendar.run.range': { zh: '{from} 至 {to}', en: '{from} to {to}' },
  'calendar.run.holiday': { zh: '{run}（{names}）', en: '{run} ({names})' },
  'calendar.run.weekend': { zh: '{run}（周末）', en: '{run} (weekend)' },
  'calendar.run.separator': { zh: '；', en: '; ' },
  'calendar.madeUp': { zh: '调休上班、计入工作日：{days}', en: 'Weekend days worked and counted: {days}' },
  'calendar.madeUpDay': { zh: '{date}（{name}调休）', en: '{date} ({name})' },
  'calendar.unchecked': {
    zh: '注意：{years} 年的法定节假日安排尚未收录，这几天只按周末计算，请核对结束日期',
    en: 'Note: the holidays of {years} are not known yet; only weekends were skipped there. Check the end date',
  },
  'calendar.source': { zh: '节假日依据：{sources}', en: 'Holidays from: {sources}' },

  'calendar.file.invalid': { zh: '节假日文件 {file} 有误：{detail}', en: 'Holiday file {file}: {detail}' },
  'calendar.file.notJson': { zh: '不是有效的 JSON（{error}）', en: 'not valid JSON ({error})' },
  'calendar.file.yearMismatch': { zh: '"year" 为 {year}，应与文件名一致（{fileYear}）', en: '"year" is {year}; it must match the file name ({fileYear})' },
  'calendar.file.noHolidays': { zh: '缺少 "holidays" 列表', en: 'the "holidays" list is missing' },
  'calendar.file.noName': { zh: '每个节日都要写 "name"（如 "春节"）', en: 'every holiday needs a "name"' },
  'calendar.file.notList': { zh: '“{name}”的 "{key}" 应为日期列表，如 ["2027-10-01..2027-10-07"]', en: '"{key}" of {name} must be a list of dates' },
  'calendar.file.badDate': { zh: '“{value}”不是 YYYY-MM-DD 日期或 YYYY-MM-DD..YYYY-MM-DD 日期范围', en: '"{value}" is not a date or a date range' },
  'calendar.file.rangeTooLong': { zh: '日期范围“{value}”超过 31 天', en: 'the range "{value}" is longer than 31 days' },
  'calendar.file.outsideYear': { zh: '{date} 不在 {year} 年（只允许上一年 12 月的调休日）', en: '{date} is not in {year}' },
  'calendar.file.workOnWeekday': { zh: '“{name}”的调休上班日 {date} 不是周六或周日', en: 'the make-up working day {date} of {name} is not a Saturday or Sunday' },
  'calendar.file.twice': { zh: '{date} 写了两次', en: '{date} is listed twice' },
} satisfies Record<string, MessageEntry>;
