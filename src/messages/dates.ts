import type { MessageEntry } from './index.js';

/** Dates and months typed by a clerk (options and menu questions). Keys start with `date.`. */
export const dateMessages = {
  'date.empty': { zh: '请填写日期，如 2026-05-20 或 2026年5月20日', en: 'Enter a date, e.g. 2026-05-20' },
  'date.unreadable': {
    zh: '日期“{value}”无法识别，请写成 2026-05-20、2026/5/20、2026.5.20、2026年5月20日 或 20260520',
    en: 'Cannot read the date "{value}": write 2026-05-20, 2026/5/20, 2026.5.20, 2026年5月20日 or 20260520',
  },
  'date.impossible': { zh: '日期“{value}”不存在：{year} 年 {month} 月只有 {days} 天。请写成如 2026-05-20', en: 'The date "{value}" does not exist: {year}-{month} has {days} days' },
  'date.impossibleMonth': { zh: '日期“{value}”不存在：月份应为 1 到 12。请写成如 2026-05-20', en: 'The date "{value}" does not exist: months are 1 to 12' },
  'date.ambiguous': {
    zh: '日期“{value}”看不出哪个数是年、哪个是月，请按“年-月-日”的顺序写四位年份，如 2026-05-20 或 2026年5月20日',
    en: 'Cannot tell year, month and day apart in "{value}": write the four-digit year first, e.g. 2026-05-20',
  },
  'date.noYear': { zh: '日期“{value}”没有写年份，请写成如 2026年5月22日', en: 'The date "{value}" has no year: write e.g. 2026-05-22' },
  'date.monthDay': {
    zh: '日期“{value}”的写法无法确定是几月几日。如果是 {month} 月 {day} 日，请写成 {month}月{day}日，或带年份写成如 2026-05-20',
    en: 'Cannot be sure which day "{value}" is. If it is month {month}, day {day}, write {month}月{day}日, or with the year, e.g. 2026-05-20',
  },
  'date.monthDayWithYear': {
    zh: '日期“{value}”的写法无法确定是几月几日，这里也要写年份。如果是 {month} 月 {day} 日，请连同年份写成如 2020年{month}月{day}日',
    en: 'Cannot be sure which day "{value}" is, and a year is needed here. If it is month {month}, day {day}, write it with its year, e.g. 2020年{month}月{day}日',
  },
  'date.noSuchMonthDay': { zh: '日期“{value}”不存在：{month} 月没有 {day} 日。请写成如 2026-05-20', en: 'The date "{value}" does not exist: month {month} has no day {day}' },
  'date.noDay': { zh: '“{value}”只有年月，这里要写到哪一天，如 2026-05-20', en: '"{value}" has no day: write e.g. 2026-05-20' },
  'month.empty': { zh: '请填写年月，如 1975-06 或 1975年6月', en: 'Enter a month, e.g. 1975-06' },
  'month.unreadable': { zh: '年月“{value}”无法识别，请写成 1975-06、1975.6、1975/6、1975年6月 或 197506', en: 'Cannot read the month "{value}": write 1975-06, 1975.6 or 1975年6月' },
  'month.impossible': { zh: '年月“{value}”不存在：月份应为 1 到 12。请写成如 1975-06', en: 'The month "{value}" does not exist: months are 1 to 12' },
  'month.ambiguous': { zh: '年月“{value}”看不出哪个数是年，请先写四位年份，如 1975-06 或 1975年6月', en: 'Cannot tell the year in "{value}": write e.g. 1975-06' },
  'date.inOption': { zh: '{option}：{problem}', en: '{option}: {problem}', menu: { zh: '{problem}', en: '{problem}' } },
  'date.echo': { zh: '{label}：{value}', en: '{label}: {value}' },

  // What a typed date is, in the echo line ("收件日期：2026-05-20").
  'date.label.received': { zh: '收件日期', en: 'Date received' },
  'date.label.deadline': { zh: '截止日期', en: 'Deadline' },
  'date.label.noticeFrom': { zh: '公示开始日期', en: 'Notice starts' },
  'date.label.noticeTo': { zh: '公示结束日期', en: 'Notice ends' },
  'date.label.certify': { zh: '认定日期', en: 'Certification date' },
  'date.label.paid': { zh: '发放日期', en: 'Payment date' },
  'date.label.asOf': { zh: '计算日期', en: 'Reference date' },
  'date.label.renew': { zh: '新有效期开始日期', en: 'New term starts' },
  'date.label.birth': { zh: '出生年月', en: 'Birth month' },
} satisfies Record<string, MessageEntry>;
