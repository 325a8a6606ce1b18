import type { MessageEntry } from './index.js';

/**
 * Records that stay true through the cycle: which application a form belongs to, versions held after
 * review, waivers, the studio register and its assessments, round settings. Keys start with `records.`.
 */
export const recordsMessages = {
  // Import: identity and versions.
  'records.import.otherUnit': {
    zh: '领衔人与申报 #{id} 是同一人（身份证号码相同），但申报单位不同（原：{before}；新：{now}）：新表已保存为第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与两个单位核实：如是更正，用 gongshu apply accept-version {id} --reason "…" 采用新表；如是两个单位重复推荐同一人，保持现状即可',
    en: 'Same lead as application #{id} (same ID number) but another unit (was: {before}; now: {now}): stored as version {version}, not in effect; #{id} keeps version {current}. Check with both units: to use the new form, gongshu apply accept-version {id} --reason "…"',
    menu: { zh: '领衔人与申报 #{id} 是同一人（身份证号码相同），但申报单位不同（原：{before}；新：{now}）：新表已保存为第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与两个单位核实：如是更正，在“申报处理 → 采用评审后交来的新版本”中采用；如是两个单位重复推荐同一人，保持现状即可', en: 'Same lead as application #{id} but another unit: stored as version {version}, not in effect. To use it: Applications → Accept a version held after review' },
  },
  'records.import.sameIdDiffers': {
    zh: '表中领衔人{now}与申报 #{id} 的领衔人{before}身份证号码相同，但{what}不同，可能是身份证号码填错（如抄了别人的号码）。新表已保存为申报 #{id} 的第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与单位核对：确是 #{id} 的更正表，用 gongshu apply accept-version {id} --reason "…" 采用；否则请单位交来身份证号码正确的申报表',
    en: 'The form\'s lead {now} has the ID number of #{id}\'s lead {before}, but the {what} differ: the ID may be someone else\'s. Stored as version {version} of #{id}, not in effect; #{id} keeps version {current}. If it is #{id}\'s corrected form: gongshu apply accept-version {id} --reason "…"',
    menu: {
      zh: '表中领衔人{now}与申报 #{id} 的领衔人{before}身份证号码相同，但{what}不同，可能是身份证号码填错（如抄了别人的号码）。新表已保存为申报 #{id} 的第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与单位核对：确是 #{id} 的更正表，在“申报处理 → 采用评审后交来的新版本”中采用；否则请单位交来身份证号码正确的申报表',
      en: 'The form\'s lead {now} has the ID number of #{id}\'s lead {before}, but the {what} differ; stored as version {version} of #{id}, not in effect. To use it: Applications → Accept a version held after review',
    },
  },
  'records.import.leadPerson': { zh: '{name}（出生 {birth}，{gender}）', en: '{name} (born {birth}, {gender})' },
  'records.import.leadField.name': { zh: '姓名', en: 'name' },
  'records.import.leadField.birth': { zh: '出生年月', en: 'birth month' },
  'records.import.leadField.gender': { zh: '性别', en: 'gender' },
  'records.import.leadUncertain.held': {
    zh: '无法确认领衔人是同一人（{why}）。同单位同名的申报：{candidates}。新表已保存为申报 #{id} 的第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与单位核对身份证号码、出生年月和性别：确是 #{id} 的更正表，用 gongshu apply accept-version {id} --reason "…" 采用；否则请单位交来身份证号码正确的申报表',
    en: 'Cannot confirm the lead is the same person ({why}). Same-named leads of the unit: {candidates}. Stored as version {version} of #{id}, not in effect; #{id} keeps version {current}. If it is #{id}\'s corrected form: gongshu apply accept-version {id} --reason "…"',
    menu: {
      zh: '无法确认领衔人是同一人（{why}）。同单位同名的申报：{candidates}。新表已保存为申报 #{id} 的第 {version} 版，暂不生效，#{id} 仍以第 {current} 版为准。请与单位核对身份证号码、出生年月和性别：确是 #{id} 的更正表，在“申报处理 → 采用评审后交来的新版本”中采用；否则请单位交来身份证号码正确的申报表',
      en: 'Cannot confirm the lead is the same person ({why}); stored as version {version} of #{id}, not in effect. To use it: Applications → Accept a version held after review',
    },
  },
  'records.import.leadUncertain.new': {
    zh: '同单位已有同名领衔人的申报：{candidates}；本表{why}，无法确认是其中哪一位，已作为新申报 #{id} 导入。如它其实是其中一份的更正表，请撤回本申报（gongshu apply withdraw {id} --reason "…"），并请单位交来身份证号码正确的申报表',
    en: 'Same-named leads of the unit: {candidates}; this form {why}, so which one it is cannot be told: imported as new application #{id}. If it is one of theirs corrected, withdraw #{id} and ask the unit for a form with a correct ID number',
    menu: {
      zh: '同单位已有同名领衔人的申报：{candidates}；本表{why}，无法确认是其中哪一位，已作为新申报 #{id} 导入。如它其实是其中一份的更正表，请在“申报处理 → 撤回”中撤回本申报，并请单位交来身份证号码正确的申报表',
      en: 'Same-named leads of the unit: {candidates}; imported as new application #{id}. If it is one of theirs corrected, withdraw it (Applications → Withdraw)',
    },
  },
  'records.import.leadUncertain.candidate': { zh: '#{id} {name}（出生 {birth}，{gender}）', en: '#{id} {name} (born {birth}, {gender})' },
  'records.import.leadUncertain.unknown': { zh: '未填', en: 'not given' },
  'records.import.leadUncertain.idUnreadable': { zh: '表中身份证号码无法识别', en: 'the form\'s ID number cannot be read' },
  'records.import.leadUncertain.differs': { zh: '出生年月或性别与申报 #{id} 不符', en: 'birth month or gender differ from #{id}' },
  'records.import.leadUncertain.sameName': { zh: '同单位有 {count} 位同名领衔人，身份证号码无法对照', en: '{count} leads of that name in the unit, and no ID number to tell them apart' },
  'records.import.leadUncertain.several': { zh: '出生年月和性别不能对应到唯一一位', en: 'birth month and gender match no single one' },
  'records.import.mailNoDate': {
    zh: '邮件没有可读的发送日期，收件日期按 {date} 计，逾期与否按这一天判断；请核对实际收件日期，这类邮件可在导入时指定收件日期',
    en: 'The mail has no readable Date; the received date is {date} and lateness is judged by it; check the real date, and give the received date when importing such mails',
  },
  'records.import.mailDateFar': {
    zh: '邮件的发送日期是 {date}，与本轮（{round} 年）相差一年以上，收件日期已按这一天计；可能是发件人电脑的日期设错了，请核对实际收件日期，如有不同请用 gongshu apply set 申报编号 收件日期=YYYY-MM-DD --reason "…" 更正',
    en: 'The mail is dated {date}, more than a year from the round ({round}); the received date was taken from it. The sender\'s clock may be wrong: check the real date and correct it with gongshu apply set ID 收件日期=YYYY-MM-DD --reason "…"',
    menu: {
      zh: '邮件的发送日期是 {date}，与本轮（{round} 年）相差一年以上，收件日期已按这一天计；可能是发件人电脑的日期设错了，请核对实际收件日期',
      en: 'The mail is dated {date}, more than a year from the round ({round}); the received date was taken from it. The sender\'s clock may be wrong: check the real date',
    },
  },
  'records.import.sameContent': {
    zh: '内容与申报 #{id} 第 {version} 版相同，审查结果不变',
    en: 'Same content as version {version} of application #{id}; the verdict is unchanged',
  },
  'records.import.afterCertified': {
    zh: '申报 #{id} 已认定（按第 {current} 版）：新表已保存为第 {version} 版备查，不会生效，已认定的申报表不再改动。如认定所依据的内容确有错误，请按规定撤销认定后处理',
    en: 'Application #{id} is certified (on version {current}): the new form is kept as version {version} for the record and never takes effect; a certified application no longer changes',
  },
  'records.import.pending': {
    zh: '申报 #{id} 已是“{status}”：新表已保存为第 {version} 版，但暂不生效，评审、公示和认定仍以第 {current} 版为准。如要采用新表，请用 gongshu apply accept-version {id} --reason "…"（将退回形式审查，并移出拟认定名单）',
    en: 'Application #{id} is "{status}": the new form is stored as version {version} but not in effect; review, notice and certification keep version {current}. To use it: gongshu apply accept-version {id} --reason "…" (back to the eligibility check, off the shortlist)',
    menu: { zh: '申报 #{id} 已是“{status}”：新表已保存为第 {version} 版，但暂不生效，评审、公示和认定仍以第 {current} 版为准。如要采用新表，请在“申报处理 → 采用评审后交来的新版本”中采用（将退回形式审查，并移出拟认定名单）', en: 'Application #{id} is "{status}": the new form is stored as version {version} but not in effect. To use it: Applications → Accept a version held after review' },
  },

  // apply set: a clerk's correction of a field.
  'records.set.waiverWithdrawn': { zh: '更正后该问题的内容已变，原豁免 / 确认不再适用，请重新判断', en: 'the finding changed with the correction; the override no longer applies' },
  'records.set.waiversWithdrawn': {
    zh: '更正后以下问题的内容已变，原来的豁免 / 确认已撤销（已记入操作日志），请重新判断：{items}',
    en: 'These findings changed with the correction; their overrides were withdrawn (logged). Judge them again: {items}',
  },
  'records.set.badPair': {
    zh: '“{pair}”看不懂：请写成 字段=内容，如 身份证号码=330105197506150017。可以更正的字段：{fields}',
    en: 'Cannot read "{pair}": write field=value, e.g. 身份证号码=330105197506150017. Fields: {fields}',
  },
  'records.set.unknownField': {
    zh: '“{name}”不是可以更正的字段。可以更正的字段：{fields}（成员名单请单位交来更正后的申报表）',
    en: '"{name}" cannot be corrected. Fields: {fields} (members need the unit\'s corrected form)',
  },
  'records.set.badMonth': { zh: '{name}“{value}”看不懂，请写成 1975-06', en: '{name} "{value}" is not a month; write 1975-06' },
  'records.set.badGender': { zh: '{name}只能是 男 或 女，不能是“{value}”', en: '{name} must be 男 or 女, not "{value}"' },
  'records.set.badId': {
    zh: '{name}不是有效的身份证号码（请用 gongshu check id 核对后再更正）',
    en: '{name} is not a valid ID number (check it with gongshu check id first)',
    menu: { zh: '{name}不是有效的身份证号码，请核对后再更正', en: '{name} is not a valid ID number; check it first' },
  },
  'records.set.unchanged': { zh: '申报 #{id} 的{fields}已经是这个内容，没有更正，也没有新版本', en: '{fields} of #{id} already say that: nothing corrected' },
  'records.set.receivedField': { zh: '收件日期', en: '收件日期 (received date)' },
  'records.import.receivedFuture': {
    zh: '收件日期 {date} 在今天（{today}）之后，申报表应已收到，未导入任何文件。请写实际收到的日期（不写则为今天）',
    en: 'The received date {date} is after today ({today}); nothing imported. Give the day the forms came in (today by default)',
  },
  'records.set.receivedFuture': {
    zh: '申报 #{id} 的收件日期不能更正为 {date}：这一天在今天（{today}）之后，申报表已经收到。请写实际收到的日期',
    en: 'Application #{id}: the received date cannot be {date}, after today ({today}); the form is already in hand. Write the day it was received',
  },
  'records.set.receivedDone': {
    zh: '申报 #{id} 的收件日期已由 {from} 更正为 {to}（原日期和理由记入操作记录）；重新审查结果：{status}',
    en: 'Application #{id}: received date corrected from {from} to {to} (the old date and the reason are in the history); checked again: {status}',
  },
  'records.set.versionFile': { zh: '（经办人更正）', en: '(corrected by the clerk)' },
  'records.set.afterReview': {
    zh: '申报 #{id} 已是“{status}”：评审过的表上内容不能直接修改。请单位交来更正后的申报表（导入后作为待采用的新版本，再用 gongshu apply accept-version {id} 采用）',
    en: 'Application #{id} is "{status}": reviewed content cannot be edited. Import the unit\'s corrected form and accept it with gongshu apply accept-version {id}',
    menu: { zh: '申报 #{id} 已是“{status}”：评审过的表上内容不能直接修改。请单位交来更正后的申报表，导入后在“申报处理 → 采用评审后交来的新版本”中采用', en: 'Application #{id} is "{status}": reviewed content cannot be edited. Import the corrected form and accept it under Applications' },
  },
  'records.set.done': {
    zh: '申报 #{id} 已更正 {fields}（第 {version} 版，原表仍保留）；重新审查结果：{status}',
    en: 'Application #{id}: corrected {fields} (version {version}; the original is kept); checked again: {status}',
  },

  // apply override: one finding, and only what the notice leaves to judgement.
  'records.waive.which': {
    zh: '申报 #{id} 有不止一条“{code}”：{places}。请用 --field 指明是哪一条（字段或单元格）',
    en: 'Application #{id} has more than one {code}: {places}. Name one with --field (field or cell)',
    menu: { zh: '申报 #{id} 有不止一条“{code}”：{places}。请在列表中选定其中一条', en: 'Application #{id} has more than one {code}: {places}. Pick one in the list' },
  },
  'records.waive.noSuchPlace': {
    zh: '申报 #{id} 的“{code}”没有一条在“{where}”；有：{places}',
    en: 'Application #{id} has no {code} at "{where}"; it has: {places}',
  },
  'records.waive.fix': {
    zh: '“{title}”不能豁免：通知没有为它留出例外。请单位交来更正后的申报表，或核实后用 gongshu apply set {id} 字段=内容 --reason "…" 更正（记入操作记录）',
    en: '{title} ({code}) cannot be waived: the notice allows no exception. Import the unit\'s corrected form, or correct it with gongshu apply set {id} field=value --reason "…" (logged)',
    menu: { zh: '“{title}”不能豁免：通知没有为它留出例外。请单位交来更正后的申报表，或核实后在“申报处理 → 更正表上内容”中更正（记入操作记录）', en: '{title} ({code}) cannot be waived: import a corrected form, or correct it under Applications → Correct (logged)' },
  },
  'records.waive.fix.duplicate-lead': {
    zh: '“{title}”不能豁免：一人只能领衔一个工作室。请撤回或不予通过其中一份申报（gongshu apply withdraw 或 gongshu apply reject），另一份会自动重新审查；身份证号码填错的，请用 gongshu apply set {id} 身份证号码=… 更正',
    en: '{title} ({code}) cannot be waived: one person leads one studio. Withdraw or reject one of the applications (the other is checked again at once); a mistyped ID is corrected with gongshu apply set {id} 身份证号码=…',
    menu: { zh: '“{title}”不能豁免：一人只能领衔一个工作室。请在“申报处理”中撤回或不予通过其中一份申报，另一份会自动重新审查；身份证号码填错的，请在“申报处理 → 更正表上内容”中更正', en: '{title} ({code}) cannot be waived: one person leads one studio. Withdraw or reject one application under Applications; a mistyped ID is corrected there' },
  },
  'records.waive.fix.team-size': {
    zh: '“{title}”不能豁免：通知要求除领衔人外不少于3人的团队。请单位补充成员后重新报送申报表',
    en: '{title} ({code}) cannot be waived: the notice requires a team of at least 3 besides the lead. Import the unit\'s corrected form',
  },
  'records.waive.acknowledged': { zh: '申报 #{id}：已确认提醒“{title}”（{where}）', en: 'Application #{id}: warning {title} acknowledged ({where})' },
  'records.waive.acknowledgedNoPlace': { zh: '申报 #{id}：已确认提醒“{title}”', en: 'Application #{id}: warning {title} acknowledged' },

  'records.leave.rechecked': {
    zh: '与它同一领衔人的申报 {ids} 已重新审查（不再算作重复领衔）',
    en: 'Applications with the same lead, {ids}, were checked again (no longer duplicates)',
  },

  // apply accept-version.
  'records.accept.nothing': { zh: '申报 #{id} 没有待采用的新版本（现在生效的是第 {version} 版）', en: 'Application #{id} has no held version (version {version} is in effect)' },
  'records.frozen': {
    zh: '申报 #{id} 已认定，申报记录不再改动：{what}未做。{instead}如认定本身有误，请先撤销认定（gongshu history {id} --undo --reason "…"），再处理',
    en: 'Application #{id} is certified and no longer changes: {what} not done. {instead}If the certification itself was wrong, undo it first (gongshu history {id} --undo --reason "…")',
    menu: {
      zh: '申报 #{id} 已认定，申报记录不再改动：{what}未做。{instead}如认定本身有误，请先在“操作记录与撤销”中撤销认定，再处理',
      en: 'Application #{id} is certified and no longer changes: {what} not done. {instead}If the certification was wrong, undo it first under History and undo',
    },
  },
  'records.frozen.what.set': { zh: '更正', en: 'the correction' },
  'records.frozen.what.femaleGroup': { zh: '女性领衔人退休类别的设置', en: 'the female retirement group' },
  'records.frozen.what.materials': { zh: '材料登记', en: 'the materials record' },
  'records.frozen.what.waive': { zh: '豁免或确认提醒', en: 'the waiver' },
  'records.frozen.what.undoWaiver': { zh: '撤销豁免', en: 'undoing the waiver' },
  'records.frozen.instead.lead': {
    zh: '领衔人的出生年月、性别和女性退休类别此后记在工作室登记里：考核时用 gongshu assess set 考核编号 --lead-birth … --lead-gender … --female-group … 登记。',
    en: 'The lead\'s birth, gender and female group are kept on the studio from now on: gongshu assess set <assessment> --lead-birth … --lead-gender … --female-group ….',
    menu: { zh: '领衔人的出生年月、性别和女性退休类别此后记在工作室登记里，考核时登记。', en: 'The lead\'s facts are kept on the studio from now on, recorded at assessment.' },
  },
  'records.frozen.instead.materials': { zh: '认定后补交的材料请随工作室档案保存。', en: 'Keep materials handed in after certification with the studio\'s file.' },
  'records.frozen.instead.waive': { zh: '形式审查的结论已随认定定下。', en: 'The eligibility verdict was settled by the certification.' },
  'records.femaleGroup.maleLead': {
    zh: '申报 #{id} 的领衔人{name}是男性，女性退休类别（工人/干部）不适用，未设置。如性别填错了，请先更正性别（gongshu apply set {id} 性别=女 --reason "…"）',
    en: 'The lead of #{id} ({name}) is male: the female retirement group does not apply. If the gender is wrong, correct it first',
    menu: { zh: '申报 #{id} 的领衔人{name}是男性，女性退休类别（工人/干部）不适用，未设置。如性别填错了，请先在“申报处理 → 更正”中更正性别', en: 'The lead of #{id} is male: the female group does not apply' },
  },
  'records.accept.certified': {
    zh: '申报 #{id} 已认定：申报表不再改动，工作室的信息请在工作室记录中处理（gongshu studios …）',
    en: 'Application #{id} is certified: the form no longer changes; change the studio register instead (gongshu studios …)',
    menu: { zh: '申报 #{id} 已认定：申报表不再改动，工作室的信息请在“工作室管理”中处理', en: 'Application #{id} is certified: change the studio under Studios instead' },
  },
  'records.accept.done': {
    zh: '申报 #{id} 已采用第 {to} 版（原第 {from} 版），退回形式审查：{status}。如已列入拟认定名单，已移出；需重新评审后才能再列入',
    en: 'Application #{id} now uses version {to} (was {from}) and is back at the eligibility check: {status}. It is off the shortlist and needs a new review',
  },

  // Lists and details.
  'records.list.pending': { zh: '（有 {count} 个新版本待采用）', en: ' ({count} held version(s))' },
  'records.severity.acknowledged': { zh: '已确认', en: 'acknowledged' },
  'records.findings.waiverNote': { zh: '（{why}）', en: ' ({why})' },
  'records.severity.corrected': { zh: '已更正', en: 'corrected' },
  'records.findings.corrected': { zh: '{field}：{from} → {to}（原因：{reason}；{date}）', en: '{field}: {from} → {to} (reason: {reason}; {date})' },
  'records.findings.empty': { zh: '（空）', en: '(empty)' },
  'records.list.notUsed': { zh: '（{count} 个新版本未采用）', en: ' ({count} version(s) not used)' },
  'records.show.notUsed': {
    zh: '申报 #{id} 按第 {current} 版认定，新版本 {versions} 未采用；已认定的申报表不再改动',
    en: 'Application #{id} was certified on version {current}; versions {versions} were not used. A certified application no longer changes',
  },
  'records.show.pending': {
    zh: '申报 #{id} 有待采用的新版本 {versions}，现在生效的仍是第 {current} 版。如要采用：gongshu apply accept-version {id} --reason "…"',
    en: 'Application #{id} has held versions {versions}; version {current} is in effect. To use the newest: gongshu apply accept-version {id} --reason "…"',
    menu: { zh: '申报 #{id} 有待采用的新版本 {versions}，现在生效的仍是第 {current} 版。如要采用，请在“申报处理 → 采用评审后交来的新版本”中处理', en: 'Application #{id} has held versions {versions}; version {current} is in effect. To use the newest: Applications → Accept a version held after review' },
  },
  // Said in a document (汇总表, internal 拟认定名单): what it means and what accepting it does, no command or menu path.
  'records.held.certifiedLine': {
    zh: '有未采用的新版本：第 {versions} 版申报表（{date} 导入）未采用，按第 {current} 版认定；已认定的申报表不再改动',
    en: 'Version {versions} (imported {date}) not used; certified on version {current}. A certified application no longer changes',
  },
  'records.held.line': {
    zh: '有待处理的新版本：第 {versions} 版申报表（{date} 导入）尚未采用，现在生效的是第 {current} 版。采用新版本将退回形式审查、需重新评审；不采用可不处理',
    en: 'Held version {versions} (imported {date}) not in effect; version {current} is. Accepting it sends the application back to the eligibility check and review; otherwise leave it',
  },

  'records.certify.versionHeld': {
    zh: '有待处理的新版本（第 {versions} 版，{date} 导入），现在生效的是第 {current} 版。如要采用新版本：gongshu apply accept-version {id} --reason "…"（退回形式审查，需重新评审）；如确认新版本不用、按第 {current} 版认定：gongshu certify --keep-version',
    en: 'Held version {versions} (imported {date}); version {current} is in effect. Accept it (apply accept-version) or certify on version {current} with --keep-version',
    menu: {
      zh: '有待处理的新版本（第 {versions} 版，{date} 导入），现在生效的是第 {current} 版。如要采用新版本，请先在“申报处理 → 采用评审后交来的新版本”中处理；如新版本不用，下一步可确认按第 {current} 版认定',
      en: 'Held version {versions} (imported {date}); version {current} is in effect',
    },
  },
  'records.certify.keepVersion': {
    zh: '以上申报有待处理的新版本。是否确认新版本不用、按现在生效的版本认定？（选“否”则这些申报暂不认定）',
    en: 'Some applications have held versions. Certify them on the version in effect?',
  },
  'records.certify.keptVersion': { zh: '申报 #{id} 按第 {current} 版认定，第 {versions} 版未采用（已记入操作记录）', en: 'Application #{id} certified on version {current}; held version {versions} not used (logged)' },
  'records.version.current': { zh: '生效', en: 'in effect' },
  'records.version.earlier': { zh: '已替换', en: 'replaced' },
  'records.version.pending': { zh: '待采用', en: 'held' },

  // Assessments: linking a form to the register.
  'records.assess.studioLine': { zh: '{plaque} {name}（领衔人 {lead}，{unit}）', en: '{plaque} {name} (lead {lead}, {unit})' },
  'records.assess.linkedByLead': {
    zh: '表上的工作室名称“{form}”与登记的“{register}”（{plaque}）不一致；领衔人和单位相同，已按 {plaque} 导入。请核对，名称以登记为准',
    en: 'The form says "{form}", the register "{register}" ({plaque}); same lead and unit, linked to {plaque}. The register\'s name stands',
  },
  'records.assess.linkedByName': {
    zh: '表上的工作室名称“{form}”与登记的“{register}”（{plaque}）相近，已按 {plaque} 导入。请核对，如不是同一个工作室，请用 gongshu assess withdraw 撤回这份考核',
    en: 'The form says "{form}", close to "{register}" ({plaque}); linked to {plaque}. If it is another studio, withdraw the assessment with gongshu assess withdraw',
    menu: { zh: '表上的工作室名称“{form}”与登记的“{register}”（{plaque}）相近，已按 {plaque} 导入。请核对，如不是同一个工作室，请在“工作室管理 → 撤回一份考核”中撤回', en: 'The form says "{form}", close to "{register}" ({plaque}); linked to {plaque}. If it is another studio, withdraw it under Studios' },
  },
  'records.assess.ambiguous': {
    zh: '表上的工作室“{name}”（领衔人 {lead}）可能是以下任何一个工作室，无法确定：{studios}。请在表上填写铭牌编号后重新导入',
    en: '"{name}" (lead {lead}) could be any of: {studios}. Fill in the plaque number (铭牌编号) on the form and import it again',
  },
  'records.assess.noStudio': {
    zh: '表上的工作室“{name}”（领衔人 {lead}）在工作室登记中找不到，未导入。最接近的：{closest}。请核对名称后重新导入；如是 gongshu 启用前认定的工作室，请加 --new-studios 导入（会新建工作室记录）',
    en: '"{name}" (lead {lead}) is not in the studio register; not imported. Closest: {closest}. Check the name; for a studio certified before gongshu, import with --new-studios',
    menu: { zh: '表上的工作室“{name}”（领衔人 {lead}）在工作室登记中找不到，未导入。最接近的：{closest}。请核对名称后重新导入；如是 gongshu 启用前认定的工作室，重新导入时对“新建工作室记录”回答“是”', en: '"{name}" (lead {lead}) is not in the studio register; not imported. Closest: {closest}. For a studio certified before gongshu, import again and answer yes to creating studios' },
  },
  'records.assess.registerEmpty': { zh: '（登记中还没有工作室）', en: '(the register is empty)' },
  'records.assess.alreadyWithdrawn': { zh: '考核 #{id} 已撤回', en: 'Assessment #{id} is already withdrawn' },
  'records.assess.notWithdrawn': { zh: '考核 #{id} 没有撤回，无需恢复', en: 'Assessment #{id} is not withdrawn' },
  'records.assess.replaced': {
    zh: '工作室“{name}”在 {round} 年度已另有一份考核，不能恢复考核 #{id}；如要改用这一份，请先撤回另一份',
    en: '"{name}" has another assessment in {round}; withdraw that one before restoring #{id}',
  },
  'records.assess.withdrawnNotScored': { zh: '考核 #{id} 已撤回（{reason}），不参加评分', en: 'Assessment #{id} was withdrawn ({reason}) and is not scored' },
  'records.assess.withdrawn': { zh: '已撤回考核 #{id}（{name}），不再参加评分（已记入操作记录）', en: 'Assessment #{id} ({name}) withdrawn from scoring (logged)' },
  'records.assess.outcomeUndone': {
    zh: '工作室“{name}”{round} 年度的考核结果“{from}”是按这份考核确认的，已随之撤销，状态恢复为“{to}”。如有更正后的考核表，请导入后重新确认考核结果（gongshu score confirm）',
    en: 'The {round} outcome "{from}" of "{name}" was confirmed from this sheet and is taken back: the studio is "{to}" again. Import a corrected form and confirm the outcomes again (gongshu score confirm)',
    menu: { zh: '工作室“{name}”{round} 年度的考核结果“{from}”是按这份考核确认的，已随之撤销，状态恢复为“{to}”。如有更正后的考核表，请导入后在“工作室管理 → 把本年度考核结果记入工作室状态”中重新确认', en: 'The {round} outcome "{from}" of "{name}" is taken back: the studio is "{to}" again' },
  },
  'records.assess.outcomeReason': { zh: '撤回考核 #{id}：{reason}', en: 'assessment #{id} withdrawn: {reason}' },
  'records.assess.outcomeUsed': {
    zh: '不能撤回考核 #{id}：工作室“{name}”{round} 年度的考核结果“{outcome}”是按它确认的，之后工作室又有了变更（{later}）。请先撤销这些变更（gongshu history {studio} --studio --undo --reason "…"，从最近的一项起），再撤回考核',
    en: 'Cannot withdraw assessment #{id}: the {round} outcome "{outcome}" of "{name}" was confirmed from it and the studio has moved on since ({later}). Undo those first (gongshu history {studio} --studio --undo --reason "…"), then withdraw',
    menu: { zh: '不能撤回考核 #{id}：工作室“{name}”{round} 年度的考核结果“{outcome}”是按它确认的，之后工作室又有了变更（{later}）。请先在“操作记录与撤销”中撤销这些变更（从最近的一项起），再撤回考核', en: 'Cannot withdraw assessment #{id}: the studio has moved on since its outcome ({later}); undo those first' },
  },
  'records.renew.noResult': {
    zh: '工作室“{name}”的“考核合格”没有对应的考核表（考核已撤回或不是按考核确认的），不能续建。请导入考核表，评分后确认考核结果（gongshu score confirm），再续建',
    en: 'The "passed" status of "{name}" has no assessment behind it (withdrawn, or not confirmed from one): cannot renew. Import the assessment, score and confirm (gongshu score confirm), then renew',
    menu: { zh: '工作室“{name}”的“考核合格”没有对应的考核表（考核已撤回或不是按考核确认的），不能续建。请导入考核表，在“工作室管理 → 把本年度考核结果记入工作室状态”中确认后再续建', en: 'The "passed" status of "{name}" has no assessment behind it: cannot renew' },
  },
  'records.assess.restored': { zh: '已恢复考核 #{id}（{name}），重新参加评分', en: 'Assessment #{id} ({name}) restored to scoring' },

  // Certification and subsidy.
  'records.certify.leadHasStudio': {
    zh: '领衔人已领衔有效期内的工作室“{name}”（{plaque}），一人只能领衔一个工作室',
    en: 'The lead already leads the running studio "{name}" ({plaque}); one person leads one studio',
  },
  'records.subsidy.beforeCertified': {
    zh: '发放日期 {date} 早于工作室“{name}”的认定日期 {certifiedOn}，未登记：补助在认定之后发放。请核对发放日期（写全年份）后重新登记',
    en: 'Payment date {date} is before "{name}" was certified ({certifiedOn}); nothing recorded',
  },
  'records.subsidy.notPaid': { zh: '工作室“{name}”还没有登记补助发放，无需撤销', en: 'No payment is recorded for "{name}"' },

  // Studios: merge.
  'records.merge.same': { zh: '不能把工作室 #{id} 合并到它自己', en: 'Studio #{id} cannot be merged into itself' },
  'records.merge.certified': {
    zh: '工作室“{name}”（{plaque}）是认定产生的，不能合并掉；如认定有误，请在其申报上撤销认定（gongshu history 申报编号 --undo）',
    en: '"{name}" ({plaque}) was certified and cannot be merged away; undo its certification on the application instead',
    menu: { zh: '工作室“{name}”（{plaque}）是认定产生的，不能合并掉；如认定有误，请在“操作记录与撤销”中撤销其申报的认定', en: '"{name}" ({plaque}) was certified and cannot be merged away; undo its certification under History and undo' },
  },
  'records.merge.intoGone': { zh: '工作室“{name}”已是“{status}”，不能作为合并的目标', en: '"{name}" is "{status}" and cannot receive a merge' },
  'records.merge.twoAssessments': {
    zh: '工作室 #{from} 和 #{into} 在 {rounds} 年度都有考核，合并后会有两份。请先用 gongshu assess withdraw 撤回其中一份',
    en: 'Studios #{from} and #{into} both have an assessment in {rounds}; withdraw one with gongshu assess withdraw first',
    menu: { zh: '工作室 #{from} 和 #{into} 在 {rounds} 年度都有考核，合并后会有两份。请先在“工作室管理 → 撤回一份考核”中撤回其中一份', en: 'Studios #{from} and #{into} both have an assessment in {rounds}; withdraw one under Studios first' },
  },
  'records.merge.done': {
    zh: '已将工作室 #{from}“{fromName}”合并到 {into}“{intoName}”，转入考核 {count} 份（已记入操作记录）',
    en: 'Merged studio #{from} "{fromName}" into {into} "{intoName}"; {count} assessments moved (logged)',
  },

  // Undo.
  'records.undo.acceptHasWaivers': {
    zh: '不能撤销申报 #{id} 采用第 {accepted} 版：之后又豁免或确认了 {items}，这些是对第 {accepted} 版的处理，撤销采用后会留在原来的版本上。请先逐项撤销（gongshu apply override {id} 问题 --undo --reason "…"），再撤销采用；未做任何修改',
    en: 'Cannot undo the acceptance of version {accepted} of #{id}: {items} were waived or acknowledged since, on that version. Undo them first (apply override {id} <finding> --undo), then the acceptance; nothing changed',
    menu: {
      zh: '不能撤销申报 #{id} 采用第 {accepted} 版：之后又豁免或确认了 {items}，这些是对第 {accepted} 版的处理，撤销采用后会留在原来的版本上。请先在“形式审查：豁免 / 确认提醒 / 撤销”中逐项撤销，再撤销采用；未做任何修改',
      en: 'Cannot undo the acceptance of version {accepted} of #{id}: undo the waivers given since first (Eligibility: waive / acknowledge / undo)',
    },
  },
  'records.undo.acceptSuperseded': {
    zh: '不能撤销申报 #{id} 采用第 {accepted} 版：之后已有第 {now} 版生效（更正或新交的表），撤销会丢掉它，未做任何修改。如需改正，请用 gongshu apply set 更正字段，或请单位重新交表',
    en: 'Cannot undo the acceptance of version {accepted} of #{id}: version {now} took effect since; nothing changed. Correct fields with apply set or import a new form',
    menu: {
      zh: '不能撤销申报 #{id} 采用第 {accepted} 版：之后已有第 {now} 版生效（更正或新交的表），撤销会丢掉它，未做任何修改。如需改正，请在“申报处理”中更正字段，或请单位重新交表',
      en: 'Cannot undo the acceptance of version {accepted} of #{id}: version {now} took effect since; nothing changed',
    },
  },
  'records.undo.acceptMissing': {
    zh: '申报 #{id} 的第 {version} 版申报表已不在数据库中（个人信息可能已清除），无法改回。请让单位重新交来申报表后导入',
    en: 'Version {version} of application #{id} is no longer stored; it cannot be restored. Import the form again',
  },
  'records.undo.certifyPaid': {
    zh: '不能撤销申报 #{id} 的认定：工作室 {plaque} 已登记发放补助 {amount} 元（{paidOn}）。如确需撤销，请先撤销补助发放登记（gongshu subsidy paid {plaque} --undo），再撤销认定',
    en: 'Cannot undo the certification of #{id}: a subsidy of {amount} was recorded as paid to {plaque} ({paidOn}). Undo the payment record first (gongshu subsidy paid {plaque} --undo)',
    menu: { zh: '不能撤销申报 #{id} 的认定：工作室 {plaque} 已登记发放补助 {amount} 元（{paidOn}）。如确需撤销，请先撤销补助发放登记，再撤销认定', en: 'Cannot undo the certification of #{id}: a subsidy of {amount} was recorded as paid to {plaque} ({paidOn}). Undo the payment record first' },
  },
  'records.undo.decertify': {
    zh: '{entity} 的“撤销认定”是随申报的撤销认定发生的，不能在工作室上撤销；请对申报 #{by} 重新公示、认定',
    en: '{entity}: the undone certification follows application #{by}; certify the application again instead',
  },
  'records.undo.merge': {
    zh: '{entity} 已合并到工作室 #{by}，合并不能撤销；如合并有误，请核对考核记录后处理',
    en: '{entity} was merged into studio #{by}; a merge cannot be undone',
  },

  // round set / show.
  'records.round.title': { zh: '{year} 年度设置', en: 'Round {year} settings' },
  'records.round.head': { zh: '设置|值|来源', en: 'Setting|Value|Source' },
  'records.round.isDefault': { zh: '默认', en: 'default' },
  'records.round.isSet': { zh: '本年度设置', en: 'set for this round' },
  'records.round.none': { zh: '不限', en: 'none' },
  'records.round.deadline': { zh: '申报截止日期（退休年限的计算基准日）', en: 'deadline (retirement reference date)' },
  'records.round.subsidy': { zh: '认定补助（元）', en: 'subsidy (yuan)' },
  'records.round.rubric': { zh: '考核评分细则', en: 'assessment rubric' },
  'records.round.passAt': { zh: '考核合格分数线', en: 'pass mark' },
  'records.round.excellentAt': { zh: '考核优秀分数线', en: 'excellent mark' },
  'records.round.excellentShare': { zh: '优秀比例上限', en: 'share of 优秀 at most' },
  'records.round.reviewMethod': { zh: '专家评审计分方法', en: 'review method' },
  'records.round.minScore': { zh: '拟认定最低评审分', en: 'shortlist minimum score' },
  'records.round.quota': { zh: '拟认定名额', en: 'shortlist quota' },
  'records.round.noticeContact': { zh: '公示联系人', en: 'notice contact person' },
  'records.round.noticePhone': { zh: '公示联系电话', en: 'notice telephone' },
  'records.round.bureauName': { zh: '落款单位', en: 'issuing bureau' },
  'records.round.emptyText': { zh: '设置值不能为空；要恢复默认值请写“默认”', en: 'A setting cannot be empty; write 默认 to go back to the default' },
  'records.round.nothing': {
    zh: '请指定要设置的内容，如 --deadline 2026-05-22、--subsidy 20000、--pass-at 48、--excellent-share 30%、--rubric 评分细则.json（写“默认”恢复默认值）',
    en: 'Nothing to set: e.g. --deadline 2026-05-22, --subsidy 20000, --pass-at 48, --excellent-share 30%, --rubric rubric.json ("default" restores a default)',
  },
  'records.round.saved': { zh: '已保存 {year} 年度设置（已记入操作记录）', en: 'Saved the settings of round {year} (logged)' },
  'records.round.badNumber': { zh: '{option} 的值“{value}”无效：请写一个不小于 0 的数，或“默认”', en: '{option}: "{value}" is not a number ≥ 0 (or "default")' },
  'records.round.marksOrder': {
    zh: '合格分数线（{passAt} 分）不能高于优秀分数线（{excellentAt} 分），未保存',
    en: 'The pass mark ({passAt}) cannot be above the excellent mark ({excellentAt}); nothing saved',
  },
  'records.round.badShare': { zh: '优秀比例“{value}”无效：请写 0 到 100% 之间的比例，如 30% 或 0.3，或“默认”', en: 'Share "{value}" must be between 0 and 100%, e.g. 30% or 0.3 (or "default")' },

  // Commands, options and arguments.
  'records.cmd.acceptVersion': { zh: '采用评审后交来的新版本申报表（退回形式审查并移出拟认定名单，记入操作记录）', en: 'accept a version held after review (back to the eligibility check, off the shortlist; logged)' },
  'records.cmd.assessWithdraw': { zh: '撤回一份考核，不再参加评分（如导入错误）；--undo 恢复', en: 'withdraw an assessment from scoring; --undo restores it' },
  'records.cmd.studiosMerge': { zh: '把误建的工作室（如考核表名称写错而新建的）合并到正确的工作室', en: 'fold a studio created in error into the right one' },
  'records.opt.field': { zh: '同一问题有多条时，指明是哪一条：栏目（如 单位传真电话）或单元格（如 申报表!D12）', en: 'which finding when a code has several: its field (e.g. unit.fax) or cell' },
  'records.opt.subsidy': { zh: '认定补助金额（元），默认 20000', en: 'subsidy in yuan (default 20000)' },
  'records.opt.passAt': { zh: '考核合格分数线（总分），默认为基础满分的 60%', en: 'pass mark (total points), default 60% of the base maximum' },
  'records.opt.excellentAt': { zh: '考核优秀分数线（总分），默认为基础满分的 90%', en: 'excellent mark (total points), default 90% of the base maximum' },
  'records.opt.excellentShare': { zh: '优秀比例上限，如 30%（默认不限）', en: 'share of 优秀 at most, e.g. 30% (default: none)' },
  'records.opt.noticeContact': { zh: '公示的联系人（默认为通知中的联系人）', en: "the notice's contact person (default: the bureau notice's)" },
  'records.opt.noticePhone': { zh: '公示的联系电话（默认为通知中的电话）', en: "the notice's telephone (default: the bureau notice's)" },
  'records.opt.bureau': { zh: '公示和各名单的落款单位（默认：杭州市拱墅区人力资源和社会保障局）', en: 'the bureau named under the notice and every list' },
  'records.opt.rubric': { zh: '本年度考核评分细则文件（JSON，格式同 data/rubric/2020.json），导入时检查并保存在数据库中', en: 'the round\'s rubric file (JSON like data/rubric/2020.json), checked and kept in the database' },
  'records.opt.newStudios': { zh: '表上的工作室在登记中找不到时，新建工作室记录（用于 gongshu 启用前认定的工作室）', en: 'create a studio for a form that matches none (studios certified before gongshu)' },
  'records.opt.restoreAssessment': { zh: '恢复已撤回的考核', en: 'restore a withdrawn assessment' },
  'records.arg.changes': { zh: '要更正的内容，写成 字段=内容，如 身份证号码=330105197506150017', en: 'corrections as field=value, e.g. 身份证号码=330105197506150017' },
  'records.arg.into': { zh: '正确的工作室（编号或铭牌编号）', en: 'the right studio (id or plaque)' },
} satisfies Record<string, MessageEntry>;
