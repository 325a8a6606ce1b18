import type { MessageEntry } from './index.js';

/**
 * Exported lists and the review sheet. Keys start with `export.`.
 *
 * `export.file.*` and the workbook texts (`export.shortlist.*`, `export.subsidy.*`, `export.review.*`,
 * `export.col.*`) belong to official documents and to a sheet the review importer finds by its labels, so
 * writers take them in Chinese whatever --lang says (`officialText`); the English is for documentation.
 */
export const exportMessages = {
  // Default file names in the current folder (-o chooses another).
  'export.file.shortlist': { zh: '{year}年拟认定名单.xlsx', en: '{year}年拟认定名单.xlsx (shortlist)' },
  'export.file.shortlistInternal': { zh: '{year}年拟认定名单（内部）.xlsx', en: '{year}年拟认定名单（内部）.xlsx (internal shortlist)' },
  'export.file.eligibilitySummary': { zh: '{year}年形式审查汇总表.xlsx', en: '{year}年形式审查汇总表.xlsx (eligibility summary)' },
  'export.file.assessmentResults': { zh: '{year}年考核结果.xlsx', en: '{year}年考核结果.xlsx (assessment results)' },
  'export.file.subsidy': { zh: '{year}年补助发放名单.xlsx', en: '{year}年补助发放名单.xlsx (subsidy list)' },
  'export.file.notice': { zh: '{year}年拟认定名单公示.docx', en: '{year}年拟认定名单公示.docx (public notice)' },
  'export.file.reviewTemplate': { zh: '{year}年评审打分表.xlsx', en: '{year}年评审打分表.xlsx (review sheet)' },

  // Column headings shared by the lists.
  'export.col.serial': { zh: '序号', en: 'No.' },
  'export.col.id': { zh: '编号', en: 'Application no.' },
  'export.col.studio': { zh: '工作室名称', en: 'Studio' },
  'export.col.lead': { zh: '领衔人', en: 'Lead' },
  'export.col.occupation': { zh: '职业（工种）', en: 'Occupation' },
  'export.col.unit': { zh: '申报单位', en: 'Unit' },
  'export.col.score': { zh: '评审得分', en: 'Review score' },
  'export.col.findings': { zh: '形式审查问题', en: 'Eligibility findings' },
  'export.col.remarks': { zh: '说明', en: 'Remarks' },
  'export.col.plaque': { zh: '铭牌编号', en: 'Plaque' },
  'export.col.amount': { zh: '补助金额（元）', en: 'Subsidy (yuan)' },
  'export.col.payment': { zh: '发放状态', en: 'Payment' },

  // 拟认定名单 (public, and internal for the committee).
  'export.shortlist.sheet': { zh: '拟认定名单', en: 'Shortlist' },
  'export.shortlist.title': { zh: '{year}年拱墅区技能大师工作室拟认定名单', en: 'Gongshu skill master studios proposed for certification, {year}' },
  'export.shortlist.titleInternal': {
    zh: '{year}年拱墅区技能大师工作室拟认定名单（内部资料）',
    en: 'Gongshu skill master studios proposed for certification, {year} (internal)',
  },
  'export.shortlist.internalHeader': { zh: '内部资料　请勿外传', en: 'Internal: do not circulate' },
  'export.shortlist.addedBy': { zh: '评审委员会决定列入：{reason}', en: 'Added by the committee: {reason}' },
  'export.shortlist.waived': { zh: '已豁免（{why}）：{message}', en: 'Waived ({why}): {message}' },
  'export.shortlist.acknowledged': { zh: '已确认（{why}）：{message}', en: 'Acknowledged ({why}): {message}' },
  'export.finding.why': { zh: '理由：{reason}', en: 'reason: {reason}' },
  'export.finding.corrected': { zh: '已更正 {field}：{from} → {to}（原因：{reason}；{date}）', en: 'Corrected {field}: {from} → {to} (reason: {reason}; {date})' },
  'export.finding.empty': { zh: '（空）', en: '(empty)' },
  'export.shortlist.error': { zh: '错误：{message}', en: 'Error: {message}' },
  'export.shortlist.warning': { zh: '提醒：{message}', en: 'Warning: {message}' },

  // 公示 (the notice published on the bureau's site, export notice).
  'export.notice.title': { zh: '关于{year}年度拱墅区技能大师工作室\n拟认定名单的公示', en: 'Public notice: skill master studios proposed for certification in Gongshu, {year}' },
  'export.notice.listed': {
    zh: '根据《关于加快推动高技能人才培养打造拱墅工匠队伍的若干意见》（拱人社〔2018〕24号）精神，经单位申报、形式审查、专家评审，拟认定{first}等{count}个工作室为{year}年度拱墅区技能大师工作室，现予以公示（名单见附件）。',
    en: 'Following the opinions on training highly skilled workers (拱人社〔2018〕24号), after application, eligibility check and expert review, {count} studios, {first} among them, are proposed as Gongshu skill master studios of {year} and are hereby made public (list attached).',
  },
  'export.notice.listedOne': {
    zh: '根据《关于加快推动高技能人才培养打造拱墅工匠队伍的若干意见》（拱人社〔2018〕24号）精神，经单位申报、形式审查、专家评审，拟认定{first}为{year}年度拱墅区技能大师工作室，现予以公示（名单见附件）。',
    en: 'Following the opinions on training highly skilled workers (拱人社〔2018〕24号), after application, eligibility check and expert review, {first} is proposed as a Gongshu skill master studio of {year} and is hereby made public (list attached).',
  },
  'export.notice.period': { zh: '公示时间：{from}至{to}（{days}个工作日）。', en: 'Period: {from} to {to} ({days} working days).' },
  'export.notice.periodUncounted': { zh: '公示时间：{from}至{to}。', en: 'Period: {from} to {to}.' },
  'export.notice.objection': {
    zh: '公示期间，任何单位和个人对公示对象有异议的，可以书面形式向{bureau}{department}反映。反映情况应实事求是、客观公正；以单位名义反映的，须加盖单位公章；以个人名义反映的，须署真实姓名并留下联系方式，以便核实。',
    en: 'During the notice, anyone may object in writing to the {department} of the {bureau}. Objections must be factual; a unit stamps its letter, a person signs with their real name and contact details so that it can be checked.',
  },
  'export.notice.contact': { zh: '联系人：{person}；联系电话：{phone}。', en: 'Contact: {person}, telephone {phone}.' },
  'export.notice.attachment': { zh: '附件：{year}年度拱墅区技能大师工作室拟认定名单', en: 'Attachment: the list of studios proposed for certification, {year}' },
  'export.notice.attachmentLabel': { zh: '附件', en: 'Attachment' },
  'export.notice.listTitle': { zh: '{year}年度拱墅区技能大师工作室拟认定名单', en: 'Skill master studios proposed for certification, {year}' },
  'export.notice.fonts': { zh: '按 GB/T 9704 排版。字体：{fonts}。', en: 'Laid out after GB/T 9704. Fonts: {fonts}.' },

  // 补助发放名单.
  'export.subsidy.sheet': { zh: '补助发放名单', en: 'Subsidy' },
  'export.subsidy.title': { zh: '{year}年拱墅区技能大师工作室补助发放名单', en: 'Gongshu skill master studio subsidies, {year}' },
  'export.subsidy.paid': { zh: '已发放\n{date}', en: 'paid\n{date}' },
  'export.subsidy.unpaid': { zh: '未发放', en: 'not paid' },
  'export.subsidy.total': { zh: '合计', en: 'Total' },
  'export.subsidy.signatures': { zh: '经办人：__________　　　审核人：__________　　　负责人：__________', en: 'Prepared by: ______   Checked by: ______   Approved by: ______' },
  'export.subsidy.totalNote': { zh: '已发放 {paid} 个，未发放 {unpaid} 个', en: '{paid} paid, {unpaid} not paid' },

  // 评审打分表.
  // The application template's drop-down lists (texts Excel shows when a cell's value is not on the list).
  'export.template.listSheet': { zh: '下拉选项', en: '下拉选项 (drop-down lists)' },
  'export.template.listErrorTitle': { zh: '请选择', en: 'Please choose' },
  'export.template.listError.stop': { zh: '请从下拉列表中选择。', en: 'Choose from the list.' },
  'export.template.listError.warning': {
    zh: '填写的内容不在下拉列表中。确需填写请点“是”，否则请点“否”后从列表中选择。',
    en: 'Not on the list. Click Yes to keep it, or No and choose from the list.',
  },
  'export.template.listError.information': { zh: '填写的内容不在下拉列表中，请确认。', en: 'Not on the list; please check.' },
  'export.review.sheet': { zh: '评审打分表', en: 'Review' },
  'export.review.title': { zh: '{year}年拱墅区技能大师工作室评审打分表', en: 'Gongshu skill master studios: expert review sheet, {year}' },
  'export.review.note': {
    zh: '填表说明：每位专家在本人一栏填写姓名；分数填 0–100 之间的数字；意见从下拉列表选择“推荐”或“不推荐”；与申报单位或领衔人有利害关系须回避的，在“回避”栏选“是”，不打分、不填意见。',
    en: 'Each expert writes their name in their column; scores are numbers from 0 to 100; choose 推荐 (recommend) or 不推荐 (do not recommend); an expert with a conflict of interest selects 是 under 回避 and leaves score and opinion empty.',
  },
  'export.review.expert': { zh: '专家{n}', en: 'Expert {n}' },
  'export.review.name': { zh: '姓名', en: 'Name' },
  'export.review.score': { zh: '分数', en: 'Score' },
  // The importer takes any heading that starts with 意见 (older sheets say 意见（推荐/不推荐）); the note row
  // and the drop-down list say what to write.
  'export.review.opinion': { zh: '意见', en: 'Opinion' },
  'export.review.recused': { zh: '回避', en: 'Recused' },
  'export.review.recommend': { zh: '推荐', en: 'recommend' },
  'export.review.notRecommend': { zh: '不推荐', en: 'do not recommend' },
  'export.review.recusedYes': { zh: '是', en: 'yes' },
  'export.review.scoreErrorTitle': { zh: '分数无效', en: 'Invalid score' },
  'export.review.scoreError': { zh: '分数应为 0 到 100 之间的数字', en: 'The score must be a number from 0 to 100' },
  'export.review.opinionErrorTitle': { zh: '意见无效', en: 'Invalid opinion' },
  'export.review.opinionError': { zh: '请从下拉列表选择“推荐”或“不推荐”', en: 'Choose 推荐 or 不推荐 from the list' },
  'export.review.recusedError': { zh: '需要回避时选“是”，否则留空', en: 'Select 是 to recuse, otherwise leave empty' },
  'export.review.signature': { zh: '评审专家签名：', en: "Experts' signatures:" },
  'export.review.signedOn': { zh: '日期：', en: 'Date:' },
  'export.review.namePrompt': { zh: '请填写专家姓名', en: "The expert's name" },

  // 考核结果 (sheets 汇总 / 明细 / 统计).
  'export.results.sheet.summary': { zh: '汇总', en: 'Summary' },
  'export.results.sheet.detail': { zh: '明细', en: 'Details' },
  'export.results.sheet.stats': { zh: '统计', en: 'Statistics' },
  'export.results.title': { zh: '{year}年拱墅区技能大师工作室考核结果', en: 'Gongshu skill master studios: assessment results, {year}' },
  'export.results.titleDetail': { zh: '{year}年拱墅区技能大师工作室考核结果明细', en: 'Gongshu skill master studios: assessment details, {year}' },
  'export.results.titleStats': { zh: '{year}年拱墅区技能大师工作室考核结果统计', en: 'Gongshu skill master studios: assessment statistics, {year}' },
  'export.results.generatedOn': { zh: '生成日期：{date}', en: 'Generated on {date}' },
  'export.results.col.rank': { zh: '名次', en: 'Rank' },
  'export.results.col.base': { zh: '基础分', en: 'Base' },
  'export.results.col.bonus': { zh: '加分', en: 'Bonus' },
  'export.results.col.total': { zh: '总分', en: 'Total' },
  'export.results.col.grade': { zh: '等级', en: 'Grade' },
  'export.results.col.remarks': { zh: '备注', en: 'Remarks' },
  'export.results.col.category': { zh: '考核项目', en: 'Category' },
  'export.results.col.item': { zh: '考核内容', en: 'Item' },
  'export.results.col.max': { zh: '分值', en: 'Maximum' },
  'export.results.col.self': { zh: '自评分', en: 'Self score' },
  'export.results.col.assessor': { zh: '考核分', en: 'Assessor score' },
  'export.results.col.computed': { zh: '按数据计算', en: 'Computed from figures' },
  'export.results.col.notes': { zh: '差异说明', en: 'Differences' },
  'export.results.remark.veto': { zh: '触发一票否决项', en: 'veto triggered' },
  'export.results.remark.incomplete': { zh: '考核未完成：{count} 项考核分缺失或无效', en: 'incomplete: {count} assessor scores missing or invalid' },
  'export.results.remark.incompleteVeto': { zh: '考核未完成：一票否决项无法识别', en: 'incomplete: the veto cell is unreadable' },
  'export.results.remark.flags': { zh: '{count} 处需核对（见明细）', en: '{count} points to check (see details)' },
  'export.results.remark.join': { zh: '；', en: '; ' },
  'export.results.detail.wholeSheet': { zh: '全表', en: 'Whole sheet' },
  'export.results.detail.wholeSheetItem': { zh: '一票否决项 / 合计', en: 'Veto / total row' },
  'export.results.detail.atMost': { zh: '按数据至多 {points} 分', en: 'at most {points} by the figures' },
  'export.results.stats.grade': { zh: '等级', en: 'Grade' },
  'export.results.stats.count': { zh: '个数', en: 'Count' },
  'export.results.stats.all': { zh: '合计', en: 'All' },
  'export.results.stats.ofWhichVeto': { zh: '其中：触发一票否决', en: 'of which veto' },
  'export.results.stats.totals': { zh: '总分统计（已评定等级的 {count} 个工作室）', en: 'Totals ({count} graded studios)' },
  'export.results.stats.measure': { zh: '项目', en: 'Measure' },
  'export.results.stats.value': { zh: '分数', en: 'Points' },
  'export.results.stats.mean': { zh: '平均分', en: 'Mean' },
  'export.results.stats.max': { zh: '最高分', en: 'Highest' },
  'export.results.stats.min': { zh: '最低分', en: 'Lowest' },
  'export.results.stats.none': { zh: '—', en: '—' },
  'export.results.stats.distribution': { zh: '分数段分布（已评定等级的工作室）', en: 'Distribution of totals (graded studios)' },
  'export.results.stats.band': { zh: '分数段', en: 'Band' },
  'export.results.stats.bandRange': { zh: '{from}–{to} 分', en: '{from}–{to}' },
  'export.results.stats.bandFrom': { zh: '{from} 分及以上', en: '{from} and above' },

  // What the clerk reads after an export.
} satisfies Record<string, MessageEntry>;

export type ExportMessageKey = keyof typeof exportMessages;

/**
 * The Chinese text of an official document, whatever the clerk's --lang: a 拟认定名单 is published in
 * Chinese, and the review importer finds the review sheet by its Chinese labels.
 */
export function officialText(key: ExportMessageKey, params: Record<string, string | number> = {}): string {
  return exportMessages[key].zh.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** 理由：…；2026-06-01 — why and when a finding was waived or acknowledged, as every document says it. */
export function waiverWhy(f: { waiverReason?: string; waiverDate?: string }): string {
  return [officialText('export.finding.why', { reason: f.waiverReason ?? '' }), f.waiverDate].filter(Boolean).join('；');
}

/** 已更正 身份证号码：old → new（原因：…；date） — a clerk's correction, as every document says it. */
export function correctionLine(c: { field: string; from: string; to: string; reason: string; date: string }): string {
  const empty = officialText('export.finding.empty');
  return officialText('export.finding.corrected', { field: c.field, from: c.from || empty, to: c.to || empty, reason: c.reason, date: c.date });
}
