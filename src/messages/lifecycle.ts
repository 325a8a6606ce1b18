import type { MessageEntry } from './index.js';

/**
 * Status life cycle, expert review, shortlist, public notice and studio terms. Keys start with `lifecycle.`.
 * Status and event keys are built from the codes in src/core/lifecycle.ts (`lifecycle.status.<code>`,
 * `lifecycle.event.<code>`); a test checks that every code has its entry.
 */
export const lifecycleMessages = {
  // Application statuses.
  'lifecycle.status.submitted': { zh: '已提交', en: 'submitted' },
  'lifecycle.status.eligible': { zh: '形式审查合格', en: 'eligible' },
  'lifecycle.status.ineligible': { zh: '形式审查不合格', en: 'ineligible' },
  'lifecycle.status.reviewed': { zh: '已评审', en: 'reviewed' },
  'lifecycle.status.shortlisted': { zh: '拟认定', en: 'shortlisted' },
  'lifecycle.status.publicized': { zh: '公示中', en: 'under public notice' },
  'lifecycle.status.certified': { zh: '已认定', en: 'certified' },
  'lifecycle.status.rejected': { zh: '未通过', en: 'rejected' },
  'lifecycle.status.withdrawn': { zh: '已撤回', en: 'withdrawn' },
  // Studio statuses.
  'lifecycle.status.valid': { zh: '有效', en: 'valid' },
  'lifecycle.status.assessed-pass': { zh: '考核合格', en: 'assessment passed' },
  'lifecycle.status.assessed-fail': { zh: '考核不合格', en: 'assessment failed' },
  'lifecycle.status.not-assessed': { zh: '不参加考核', en: 'not assessed' },
  'lifecycle.status.renewed': { zh: '已续建', en: 'renewed' },
  'lifecycle.status.termOver': { zh: '已到期（待登记）', en: 'term over (not recorded)' },
  'lifecycle.status.expired': { zh: '已到期', en: 'expired' },
  'lifecycle.status.revoked': { zh: '已撤销', en: 'revoked' },
  'lifecycle.status.decertified': { zh: '已撤销认定', en: 'certification undone' },
  'lifecycle.status.merged': { zh: '已合并', en: 'merged' },

  // Events, written as the action the clerk asks for.
  'lifecycle.event.check-pass': { zh: '形式审查合格', en: 'pass the eligibility check' },
  'lifecycle.event.check-fail': { zh: '形式审查不合格', en: 'fail the eligibility check' },
  'lifecycle.event.review': { zh: '录入评审结果', en: 'record the expert review' },
  'lifecycle.event.shortlist': { zh: '列入拟认定名单', en: 'shortlist' },
  'lifecycle.event.unshortlist': { zh: '移出拟认定名单', en: 'take off the shortlist' },
  'lifecycle.event.publicize': { zh: '公示', en: 'publish for public notice' },
  'lifecycle.event.certify': { zh: '认定', en: 'certify' },
  'lifecycle.event.reject': { zh: '不予通过', en: 'reject' },
  'lifecycle.event.withdraw': { zh: '撤回', en: 'withdraw' },
  'lifecycle.event.accept-version': { zh: '采用新版本', en: 'accept the new version' },
  'lifecycle.event.assess-pass': { zh: '考核合格', en: 'pass the assessment' },
  'lifecycle.event.assess-fail': { zh: '考核不合格', en: 'fail the assessment' },
  'lifecycle.event.not-assess': { zh: '不参加考核', en: 'exclude from assessment' },
  'lifecycle.event.renew': { zh: '续建', en: 'renew' },
  'lifecycle.event.expire': { zh: '到期', en: 'expire' },
  'lifecycle.event.revoke': { zh: '撤销', en: 'revoke' },
  'lifecycle.event.decertify': { zh: '撤销认定', en: 'undo the certification' },
  'lifecycle.event.merge': { zh: '合并', en: 'merge' },

  // Transitions.
  'lifecycle.entity.application': { zh: '申报', en: 'Application' },
  'lifecycle.entity.studio': { zh: '工作室', en: 'Studio' },
  'lifecycle.entity.withId': { zh: '{noun} #{id}', en: '{noun} #{id}' },
  'lifecycle.listSeparator': { zh: '、', en: ', ' },
  'lifecycle.refused': {
    zh: '{entity} 当前状态为“{from}”，不能直接“{event}”；此状态下可以：{allowed}',
    en: '{entity} is "{from}" and cannot "{event}" directly; from here it can: {allowed}',
  },
  'lifecycle.refused.already': {
    zh: '{entity} 当前状态已是“{from}”，不能再次“{event}”',
    en: '{entity} is already "{from}"; it cannot "{event}" again',
  },
  'lifecycle.refused.final': {
    zh: '{entity} 当前状态为“{from}”，已是最终状态，不能再“{event}”。如属误操作，可用 --undo 撤销上一步',
    en: '{entity} is "{from}", a final status, and cannot "{event}". If this was a mistake, use --undo to undo the last step',
    menu: { zh: '{entity} 当前状态为“{from}”，已是最终状态，不能再“{event}”。如属误操作，可在“操作记录与撤销”中撤销上一步', en: '{entity} is "{from}", a final status, and cannot "{event}". If this was a mistake, undo the last step under History and undo' },
  },
  'lifecycle.unknownStatus': {
    zh: '{entity} 的状态“{status}”无法识别，数据可能已损坏，请运行 gongshu db check',
    en: '{entity} has an unknown status "{status}"; the data may be damaged, run gongshu db check',
    menu: { zh: '{entity} 的状态“{status}”无法识别，数据可能已损坏，请联系维护人员检查数据库', en: '{entity} has an unknown status "{status}"; the data may be damaged, ask the maintainers to check the database' },
  },
  'lifecycle.unknownEvent': { zh: '{entity}：无法识别的操作“{event}”', en: '{entity}: unknown action "{event}"' },
  'lifecycle.undo.mismatch': {
    zh: '{entity} 当前状态为“{current}”，与要撤销的记录（“{from}”→“{to}”）不符，不能撤销',
    en: '{entity} is "{current}", which does not match the change to undo ("{from}" → "{to}")',
  },

  // Expert review (专家评审).
  'lifecycle.review.method.mean': { zh: '算术平均', en: 'mean' },
  'lifecycle.review.method.trimmed': { zh: '去掉一个最高分和一个最低分后平均', en: 'mean without the highest and the lowest score' },
  'lifecycle.review.method.trimmedFallback': {
    zh: '评分专家不足 {min} 人（{count} 人），未去掉最高分和最低分，按算术平均',
    en: 'fewer than {min} experts scored ({count}); plain mean instead of the trimmed mean',
  },
  'lifecycle.review.scoreOutOfRange': {
    zh: '专家“{expert}”给出的分数 {score} 超出 0–100 的范围，未计入',
    en: 'Expert "{expert}" gave {score}, outside 0–100; not counted',
  },
  'lifecycle.review.scoreNotNumber': {
    zh: '专家“{expert}”的分数“{score}”不是数字，未计入',
    en: 'The score "{score}" of expert "{expert}" is not a number; not counted',
  },
  'lifecycle.review.scoreMissing': {
    zh: '专家“{expert}”未回避也未打分',
    en: 'Expert "{expert}" neither scored nor recused',
  },
  'lifecycle.review.recusedWithScore': {
    zh: '专家“{expert}”已回避，其分数和意见不计入',
    en: 'Expert "{expert}" recused; their score and opinion are not counted',
  },
  'lifecycle.review.duplicateExpert': {
    zh: '专家“{expert}”对同一申报出现多次，只计第一次',
    en: 'Expert "{expert}" appears more than once for the same application; only the first is counted',
  },
  'lifecycle.review.noScores': { zh: '没有有效的专家评分', en: 'No valid expert scores' },
  'lifecycle.review.unnamedExpert': { zh: '（未填姓名）', en: '(no name)' },

  // Shortlist (拟认定名单).
  'lifecycle.shortlist.rule': {
    zh: '排序规则：按评审得分（保留两位小数）从高到低排列；得分相同时，依次按 ① 推荐票多者在前 ② 专家评分极差（最高分减最低分）小者在前 ③ 申报编号小者在前。若名额线上的申报仅能靠申报编号区分，则一并列入并提示，由评审委员会决定。',
    en: 'Ranking: by review score (two decimals), highest first; equal scores are ordered by (1) more recommendations, (2) smaller spread between the highest and lowest expert score, (3) smaller application number. Applications at the quota line that only the application number separates are all listed and flagged for the committee.',
  },
  'lifecycle.shortlist.tieAtQuota': {
    zh: '名额为 {quota} 个，但第 {quota} 名与第 {next} 名得分、推荐票和极差均相同（申报 {ids}），已全部列入（共 {count} 个），请评审委员会确定',
    en: 'The quota is {quota}, but places {quota} and {next} are equal in score, recommendations and spread (applications {ids}); all are listed ({count} in total) for the committee to decide',
  },
  'lifecycle.shortlist.cutByTieBreak': {
    zh: '名额线上申报 #{kept} 与 #{dropped} 评审得分相同，按“{rule}”确定 #{kept} 入选',
    en: 'Applications #{kept} and #{dropped} have the same score at the quota line; #{kept} is listed by "{rule}"',
  },
  'lifecycle.shortlist.tieBreak.recommend': { zh: '推荐票多者在前', en: 'more recommendations first' },
  'lifecycle.shortlist.tieBreak.spread': { zh: '极差小者在前', en: 'smaller spread first' },
  'lifecycle.shortlist.added': { zh: '申报 #{id} 由人工列入：{reason}', en: 'Application #{id} added by hand: {reason}' },
  'lifecycle.shortlist.removed': { zh: '申报 #{id} 由人工移出：{reason}', en: 'Application #{id} removed by hand: {reason}' },
  'lifecycle.shortlist.reasonRequired': {
    zh: '人工列入或移出申报 #{id} 必须写明理由',
    en: 'Adding or removing application #{id} by hand needs a reason',
  },
  'lifecycle.shortlist.unknownId': { zh: '申报 #{id} 不在本批次的候选名单中', en: 'Application #{id} is not a candidate of this round' },
  'lifecycle.shortlist.addNotEligible': {
    zh: '申报 #{id} 未通过形式审查或尚未评审，不能列入拟认定名单',
    en: 'Application #{id} is not eligible or not reviewed and cannot be shortlisted',
  },
  'lifecycle.shortlist.addAlreadyListed': { zh: '申报 #{id} 已在名单中，无需人工列入', en: 'Application #{id} is already on the list' },
  'lifecycle.shortlist.removeNotListed': { zh: '申报 #{id} 不在名单中，无需移出', en: 'Application #{id} is not on the list' },
  'lifecycle.shortlist.addAndRemove': {
    zh: '申报 #{id} 同时被要求列入和移出，两项均未执行',
    en: 'Application #{id} is both added and removed; neither is applied',
  },
  'lifecycle.shortlist.excluded.not-eligible': { zh: '形式审查不合格', en: 'not eligible' },
  'lifecycle.shortlist.excluded.not-reviewed': { zh: '尚无评审结果', en: 'not reviewed' },
  'lifecycle.shortlist.excluded.below-min-score': { zh: '评审得分低于 {minScore} 分', en: 'score below {minScore}' },
  'lifecycle.shortlist.excluded.over-quota': { zh: '超出名额（{quota} 个）', en: 'beyond the quota ({quota})' },
  'lifecycle.shortlist.excluded.removed': { zh: '人工移出：{reason}', en: 'removed by hand: {reason}' },

  // Public notice and terms.
  'lifecycle.window.invalid': {
    zh: '时间范围“{value}”无法识别，请写成 6个月、半年、90天 或 1年',
    en: 'Cannot read the period "{value}"; write 6m (6 months), 90d (90 days) or 1y (1 year)',
  },

  // Studios due (gongshu studios due).
  'lifecycle.due.due-soon': { zh: '{validUntil} 到期（还有 {days} 天），需安排考核', en: 'term ends {validUntil} (in {days} days); arrange the assessment' },
  'lifecycle.due.expired': { zh: '已于 {validUntil} 到期', en: 'term ended {validUntil}' },
  'lifecycle.due.lead-retires-in-term': {
    zh: '领衔人将于 {month} 达到法定退休年龄，早于有效期结束（{validUntil}）：不列入考核，不予续建',
    en: 'the lead reaches statutory retirement age in {month}, before the term ends ({validUntil}): not assessed, not renewed',
  },
  'lifecycle.due.lead-retired': {
    zh: '领衔人已于 {month} 达到法定退休年龄：不列入考核，不予续建',
    en: 'the lead reached statutory retirement age in {month}: not assessed, not renewed',
  },
  'lifecycle.due.lead-left': {
    zh: '领衔人已离开申报单位或不再从事技能岗位：不列入考核，不予续建',
    en: 'the lead has left the unit or the skilled post: not assessed, not renewed',
  },
  'lifecycle.due.lead-retirement-unknown': {
    zh: '领衔人出生年月或性别缺失，无法判断退休时间，请补录',
    en: "the lead's birth month or gender is missing; retirement cannot be checked",
  },
} satisfies Record<string, MessageEntry>;
