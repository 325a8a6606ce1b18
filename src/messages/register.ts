import type { MessageEntry } from './index.js';

/** The bureau's existing register brought in (studios import) and the yearly report (export report). Keys start with `register.` or `report.`. */
export const registerMessages = {
  'register.cmd.import': { zh: '导入局里原有的工作室名册（Excel）或已公布的认定名单（Word 表格）', en: "Import the bureau's existing register of studios (Excel) or a published list (Word table)" },
  'register.opt.dryRun': { zh: '只显示将新增、更新、不变的工作室，不写入数据库', en: 'Only show what would be added, updated or left alone; write nothing' },
  'register.reason': { zh: '原名册记载：已撤销', en: 'The register says: revoked' },

  'register.read.noHeader': {
    zh: '{file} 中找不到名册的表头行：需要一行同时有“{required}”两栏（还可以有 {others} 等栏）。请确认这是工作室名册或认定名单，表头文字与上面的写法一致后再导入',
    en: '{file}: no header row of a register found: a row needs both "{required}" (and may have {others}). Check that this is the register or a published list, with these header words',
  },
  'register.read.incomplete': { zh: '第 {row} 行没有{missing}，未导入这一行', en: 'Row {row} has no {missing}; the row is not imported' },
  'register.read.dateAmbiguous': {
    zh: '认定时间“{raw}”可能是 {year} 年 1 月，也可能是 10 月（Excel 把末尾的 0 去掉了）：只记入认定年度 {year}，请用“studios set”登记认定日期',
    en: 'Certification "{raw}" may be January or October {year} (Excel dropped a trailing 0): only the year {year} is recorded; set the date with studios set',
    menu: { zh: '认定时间“{raw}”可能是 {year} 年 1 月，也可能是 10 月（Excel 把末尾的 0 去掉了）：只记入认定年度 {year}，请在工作室记录中登记认定日期', en: 'Certification "{raw}" may be January or October {year}: only the year is recorded' },
  },
  'register.read.dateUnreadable': { zh: '认定时间“{raw}”看不懂，这个工作室暂无认定日期（可写成 2019-06-15、2019年6月 或 2019.06）', en: 'Certification "{raw}" cannot be read; the studio has no date yet (write 2019-06-15, 2019年6月 or 2019.06)' },

  'register.kind.add': { zh: '新增', en: 'added' },
  'register.kind.update': { zh: '更新', en: 'updated' },
  'register.kind.same': { zh: '不变', en: 'left alone' },
  'register.kind.skip': { zh: '未导入', en: 'skipped' },
  'register.kind.addDry': { zh: '将新增', en: 'would add' },
  'register.kind.updateDry': { zh: '将更新', en: 'would update' },
  'register.head': { zh: '位置|结果|工作室|领衔人|认定日期|铭牌编号|说明', en: 'Where|Result|Studio|Lead|Certified|Plaque|Notes' },
  'register.summary': {
    zh: '共 {rows} 行：新增 {added}，更新 {updated}，不变 {same}，未导入 {skipped}（{file}）',
    en: '{rows} rows: {added} added, {updated} updated, {same} left alone, {skipped} skipped ({file})',
  },
  'register.summaryDry': {
    zh: '试运行，没有写入数据库。共 {rows} 行：将新增 {added}，将更新 {updated}，不变 {same}，未导入 {skipped}（{file}）',
    en: 'Dry run, nothing written. {rows} rows: would add {added}, would update {updated}, {same} left alone, {skipped} skipped ({file})',
  },
  'register.nothingToWrite': { zh: '名册中的工作室都已登记，数据库没有改动', en: 'Every studio of the register is already recorded; nothing changed' },
  'register.tables': { zh: '读取的表：{tables}', en: 'Tables read: {tables}' },
  'register.table': { zh: '“{sheet}”第 {row} 行起', en: '"{sheet}" from row {row}' },

  'register.change.plaque': { zh: '铭牌编号 {to}', en: 'plaque {to}' },
  'register.change.occupation': { zh: '职业（工种）{to}', en: 'occupation {to}' },
  'register.change.unitName': { zh: '所在单位 {to}', en: 'unit {to}' },
  'register.change.decisionNo': { zh: '认定文号 {to}', en: 'decision {to}' },
  'register.change.leadIdNumber': { zh: '身份证号码', en: 'ID number' },
  'register.change.certifiedOn': { zh: '认定日期 {to}（有效期至 {until}）', en: 'certified {to} (term to {until})' },
  'register.change.selectionYear': { zh: '认定年度 {to}', en: 'year {to}' },
  'register.change.revoke': { zh: '改为已撤销', en: 'revoked' },
  'register.change.leadLeft': { zh: '领衔人已退休或离开：不参加考核', en: 'lead retired or left: not assessed' },
  'register.changes': { zh: '补登：{changes}', en: 'Filled in: {changes}' },
  'register.standing.revoked': { zh: '已撤销', en: 'revoked' },
  'register.standing.lead-retired': { zh: '领衔人退休，不参加考核', en: 'lead retired, not assessed' },
  'register.standing.lead-left': { zh: '领衔人已离开，不参加考核', en: 'lead left, not assessed' },
  'register.skip.ambiguous': { zh: '对应多个已登记的工作室（{candidates}），请在名册中写明铭牌编号后再导入', en: 'Matches several studios ({candidates}); give the plaque number in the register' },

  'register.note.month-only': { zh: '只写了月份：有效期从 {date} 起算', en: 'Month only: the term counts from {date}' },
  'register.note.year-only': { zh: '只有认定年度 {year}，没有日期：暂不计算有效期，请登记认定日期', en: 'Only the year {year}: no term until the date is set' },
  'register.note.no-date': { zh: '没有认定时间：暂不计算有效期，请登记认定日期', en: 'No certification date: no term until the date is set' },
  'register.note.bad-id': { zh: '身份证号码无效，未记入（请核对名册）', en: 'The ID number is not valid and was not recorded' },
  'register.note.plaque-taken': { zh: '铭牌编号 {plaque} 已属于另一个工作室，未记入，请核对', en: 'Plaque {plaque} belongs to another studio; not recorded' },
  'register.note.differs': { zh: '名册的{field}“{register}”与登记的“{recorded}”不一致，以登记为准，未改动', en: 'The register\'s {field} "{register}" differs from the recorded "{recorded}"; left as recorded' },
  'register.note.near-match': { zh: '名册写作“{form}”，按登记的“{register}”（{plaque}）处理，请核对', en: 'Written "{form}"; taken as "{register}" ({plaque})' },
  'register.note.duplicate': { zh: '与 {where} 是同一个工作室，只登记一次', en: 'Same studio as {where}; recorded once' },
  'register.note.revoked-not-running': { zh: '名册记为已撤销，但登记状态为“{status}”，未改动', en: 'The register says revoked but the status is "{status}"; left alone' },
  'register.field.plaque': { zh: '铭牌编号', en: 'plaque' },
  'register.field.occupation': { zh: '职业（工种）', en: 'occupation' },
  'register.field.decisionNo': { zh: '认定文号', en: 'decision number' },
  'register.field.leadIdNumber': { zh: '身份证号码', en: 'ID number' },
  'register.field.certifiedOn': { zh: '认定日期', en: 'certification date' },
} satisfies Record<string, MessageEntry>;
