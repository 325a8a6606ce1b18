import type { MessageEntry } from './index.js';

/** Eligibility check (形式审查): rule titles, findings, ID-number and retirement texts. Keys start with `rules.`. */
export const rulesMessages = {
  // Eligibility of an application (资格).
  'rules.eligibility.eligible': { zh: '合格', en: 'eligible' },
  'rules.eligibility.ineligible': { zh: '不合格', en: 'ineligible' },
  'rules.eligibility.pending': { zh: '待确认', en: 'to confirm' },

  // Short rule titles (review workbook columns, README, apply show).
  'rules.title.team-size': { zh: '团队人数', en: 'Team size' },
  'rules.title.retirement-margin': { zh: '距法定退休年龄', en: 'Time before retirement' },
  'rules.title.retirement-in-term': { zh: '有效期内退休', en: 'Retires within the term' },
  'rules.title.studio-name': { zh: '工作室名称', en: 'Studio name' },
  'rules.title.lead-skill-level': { zh: '领衔人技能等级', en: "Lead's skill level" },
  'rules.title.id-checksum': { zh: '身份证号码校验', en: 'ID number check' },
  'rules.title.id-birth-mismatch': { zh: '身份证与出生年月', en: 'ID vs birth month' },
  'rules.title.id-stored-as-number': { zh: '身份证号码存为数字', en: 'ID stored as a number' },
  'rules.title.id-gender-mismatch': { zh: '身份证与性别', en: 'ID vs gender' },
  'rules.title.missing-field': { zh: '必填项', en: 'Required fields' },
  'rules.title.intro-too-long': { zh: '单位简介字数', en: 'Unit profile length' },
  'rules.title.invalid-email': { zh: '电子邮箱', en: 'E-mail' },
  'rules.title.invalid-phone': { zh: '电话号码', en: 'Telephone numbers' },
  'rules.title.invalid-postcode': { zh: '邮编', en: 'Postcode' },
  'rules.title.member-incomplete': { zh: '成员信息', en: 'Member details' },
  'rules.title.member-duplicate': { zh: '成员重复', en: 'Member listed twice' },
  'rules.title.duplicate-lead': { zh: '领衔人重复', en: 'Duplicate lead' },
  'rules.title.late-submission': { zh: '逾期提交', en: 'Late submission' },
  'rules.title.missing-material': { zh: '申报材料', en: 'Supporting materials' },
  'rules.title.report-name-mismatch': { zh: '申办报告名称', en: 'Name in the report' },
  'rules.title.birth-ambiguous': { zh: '出生年月月份不明', en: 'Ambiguous birth month' },
  'rules.title.birth-unreadable': { zh: '出生年月无法识别', en: 'Unreadable birth month' },

  // Columns of the 形式审查汇总表 (src/rules/summary-groups.ts).
  'rules.group.team': { zh: '团队', en: 'Team' },
  'rules.group.retirement': { zh: '退休', en: 'Retirement' },
  'rules.group.name': { zh: '名称', en: 'Name' },
  'rules.group.id': { zh: '身份证', en: 'ID' },
  'rules.group.skill': { zh: '技能等级', en: 'Skill level' },
  'rules.group.other': { zh: '材料及其他', en: 'Materials etc.' },

  // Shared pieces.
  'rules.separator': { zh: '；', en: '; ' },
  'rules.and': { zh: '和', en: ' and ' },
  'rules.age.years': { zh: '{years}岁', en: '{years} years' },
  'rules.age.years-months': { zh: '{years}岁{months}个月', en: '{years} years {months} month(s)' },
  'rules.gender.male': { zh: '男', en: 'male' },
  'rules.gender.female': { zh: '女', en: 'female' },

  // team-size
  'rules.team-size': {
    zh: '工作室成员（不含领衔人）只有 {count} 人，至少需要 {min} 人（须为申报单位人员）。请申报单位补充成员后重新提交。',
    en: 'The studio has only {count} members besides the lead; at least {min} are required (staff of the applying unit). Ask the unit to add members and resubmit.',
  },
  'rules.team-size.member-repeated': {
    zh: '成员表中重复列出的成员（{repeated} 行）只计一次。',
    en: ' Members listed twice ({repeated} rows) count once.',
  },
  'rules.member-duplicate': {
    zh: '成员“{name}”在成员表第 {first} 行和第 {row} 行重复列出，只计一次；请单位核对成员名单',
    en: 'Member "{name}" is listed in rows {first} and {row} of the member table and counts once; ask the unit to check the list',
  },
  'rules.team-size.lead-repeated': {
    zh: '成员表中重复列出的领衔人本人（{repeated} 行）不计入。',
    en: ' Rows repeating the lead in the member table ({repeated}) are not counted.',
  },

  // retirement-margin
  'rules.retirement-margin': {
    zh: '领衔人{name}（{gender}，{birth} 出生）法定退休年龄为 {age}，{retirementMonth} 退休；距本批次截止日 {deadline} 只有 {months} 个月，通知要求原则上距法定退休年龄 3 年（{min} 个月）以上。',
    en: 'The lead {name} ({gender}, born {birth}) reaches the statutory retirement age of {age} in {retirementMonth}: only {months} months after the round deadline {deadline}; the notice requires, in principle, at least 3 years ({min} months).',
  },
  'rules.retirement-margin.retired': {
    zh: '领衔人{name}（{gender}，{birth} 出生）法定退休年龄为 {age}，已于 {retirementMonth} 到龄（本批次截止日 {deadline}），不符合申请条件。',
    en: 'The lead {name} ({gender}, born {birth}) reached the statutory retirement age of {age} in {retirementMonth}, before the round deadline {deadline}: not eligible.',
  },
  'rules.retirement-margin.override': {
    zh: '如确需放宽，请用 gongshu apply override {id} 距法定退休年龄 --reason 理由 豁免。',
    en: ' To waive it (the notice says "in principle"): gongshu apply override {id} retirement-margin --reason TEXT.',
  },
  'rules.retirement-in-term': {
    zh: '领衔人{name}将于 {retirementMonth} 达到法定退休年龄（{age}），早于有效期届满：即使在截止日 {deadline} 认定，3 年有效期也要到 {until} 才结束。通知规定领衔人已退休的工作室不列入考核且不进行延期，请评审时留意。',
    en: 'The lead {name} reaches the statutory retirement age ({age}) in {retirementMonth}, before the term ends: even a studio certified on the deadline {deadline} would run until {until}. A studio whose lead has retired is neither assessed nor extended; please consider this in the review.',
  },
  'rules.retirement.group-assumed-worker': {
    zh: '申报表无法看出领衔人属女职工还是女干部，已按女职工（原 50 岁组）计算；如属女干部（原 55 岁组），请执行 gongshu apply set {id} --female-group cadre 后重新审查。',
    en: ' The form does not say whether the lead is a female worker or cadre: the worker group (formerly 50) was assumed; for a cadre (formerly 55) run gongshu apply set {id} --female-group cadre and validate again.',
  },
  'rules.retirement.group-set-worker': {
    zh: '按女职工（原 50 岁组）计算（经办人设定）。',
    en: ' Computed for the female worker group (formerly 50), as set by the clerk.',
  },
  'rules.retirement.group-set-cadre': {
    zh: '按女干部（原 55 岁组）计算（经办人设定）。',
    en: ' Computed for the female cadre group (formerly 55), as set by the clerk.',
  },
  'rules.retirement.birth-from-id': {
    zh: '出生年月取自身份证号码。',
    en: ' The birth month was taken from the ID number.',
  },

  // studio-name
  'rules.studio-name': {
    zh: '工作室名称“{actual}”不符合“领衔人名字+职业（工种）名称+技能大师工作室”的格式：按领衔人“{lead}”和职业（工种）“{occupation}”，应为“{expected}”。请申报单位更正（申办报告中的名称应一致）。',
    en: 'The studio name "{actual}" does not follow "lead name + occupation + 技能大师工作室": with the lead "{lead}" and occupation "{occupation}" it should be "{expected}". Ask the unit to correct it (the report must use the same name).',
  },

  // lead-skill-level
  'rules.lead-skill-level.low': {
    zh: '领衔人职业资格等级为{level}，低于技师（二级），“其它技能”也未填写绝技绝活。通知要求领衔人为高级技师、技师或具有绝技绝活的技能人才：请核实，或请申报单位在“其它技能”栏写明绝技绝活。',
    en: "The lead's skill level is {level}, below technician (level 2), and 其它技能 (special skills) is empty. The notice requires a senior technician, a technician or someone with special skills: check, or ask the unit to describe the special skills.",
  },
  'rules.lead-skill-level.unknown': {
    zh: '领衔人职业资格等级“{text}”不是可识别的技能等级（例如“高工”指高级工程师，是职称而非技能等级），“其它技能”也未填写。请核实领衔人的职业资格（技能等级）证书。',
    en: 'The lead\'s skill level "{text}" is not a recognised skill level (e.g. 高工 means senior engineer, a title, not a skill level), and 其它技能 is empty. Check the lead\'s skill certificate.',
  },

  // ID numbers: problems (also the `check id` command).
  'rules.id.problem.empty': { zh: '号码为空', en: 'the number is empty' },
  'rules.id.problem.length': {
    zh: '应为 18 位（或 15 位旧号码），实际为 {length} 位',
    en: 'it must have 18 characters (or 15 for an old number), not {length}',
  },
  'rules.id.problem.characters': {
    zh: '只能由数字组成，最后一位可以是 X',
    en: 'only digits are allowed, and X as the last character',
  },
  'rules.id.problem.checksum': {
    zh: '校验码（第 18 位）不符，号码中有数字填错',
    en: 'the check character (18th) does not match: a digit is wrong',
  },
  'rules.id.problem.birth-date': {
    zh: '号码中的出生日期“{digits}”不是可能的日期',
    en: 'the birth date in the number, "{digits}", is not a possible date',
  },
  'rules.id.valid': {
    zh: '身份证号码有效：出生日期 {birth}，性别 {gender}，地区码 {region}。',
    en: 'Valid ID number: born {birth}, {gender}, region code {region}.',
  },
  'rules.id.converted15': {
    zh: '15 位旧号码，已按 GB 11643-1999 转换为 18 位：{normalized}。',
    en: 'Old 15-digit number, converted to 18 characters per GB 11643-1999: {normalized}.',
  },
  'rules.id.invalid': { zh: '身份证号码无效：{problem}。', en: 'Invalid ID number: {problem}.' },

  // id-checksum
  'rules.id-checksum.invalid': {
    zh: '领衔人身份证号码 {masked} 无效：{problems}。请申报单位核对后更正。',
    en: "The lead's ID number {masked} is not valid: {problems}. Ask the unit to check and correct it.",
  },
  'rules.id-checksum.converted15': {
    zh: '领衔人身份证号码是 15 位旧号码，已按 GB 11643-1999 转换为 18 位（{masked}）。请核对领衔人现用的 18 位号码。',
    en: "The lead's ID number is an old 15-digit number, converted to 18 characters ({masked}). Check the lead's current 18-character number.",
  },

  // id-birth-mismatch, id-stored-as-number, id-gender-mismatch
  'rules.id-birth-mismatch': {
    zh: '身份证号码中的出生年月为 {idBirth}，表中“出生年月”填写为 {birth}，两者不一致。请申报单位核对。',
    en: 'The ID number gives the birth month {idBirth} but 出生年月 says {birth}. Ask the unit to check.',
  },
  'rules.id-stored-as-number': {
    zh: '身份证号码单元格保存的是数字，Excel 只保留 15 位有效数字，后几位已丢失。请申报单位把该单元格设为“文本”格式，重新填写号码后再提交。',
    en: 'The ID number cell holds a number: Excel keeps only 15 significant digits, so the last digits are lost. Ask the unit to format the cell as text, type the number again and resubmit.',
  },
  'rules.id-gender-mismatch': {
    zh: '身份证号码第 17 位表示性别为{idGender}，表中“性别”填写为{gender}，两者不一致。请申报单位核对。',
    en: 'The 17th digit of the ID number means {idGender} but 性别 says {gender}. Ask the unit to check.',
  },

  // missing-field, intro-too-long, contact details
  'rules.missing-field': {
    zh: '“{label}”未填写，请申报单位补充。',
    en: 'The {labelEn} is empty: ask the unit to fill it in.',
  },
  'rules.intro-too-long': {
    zh: '单位简介共 {count} 字，超过 {max} 字的限制。请申报单位精简。',
    en: 'The unit profile has {count} characters, over the limit of {max}. Ask the unit to shorten it.',
  },
  'rules.invalid-email': {
    zh: '电子邮箱“{value}”格式不正确，请核对。',
    en: 'The e-mail address "{value}" is not valid; please check it.',
  },
  'rules.invalid-email.full-width': {
    zh: '电子邮箱“{value}”含全角字符，应为“{suggestion}”，请核对。',
    en: 'The e-mail address "{value}" contains full-width characters; it should read "{suggestion}".',
  },
  'rules.invalid-phone': {
    zh: '{label}“{value}”既不是 11 位手机号，也不是带区号的固定电话（如 0571-88256383），请核对。',
    en: 'The {labelEn} "{value}" is neither an 11-digit mobile number nor a fixed line with area code (e.g. 0571-88256383); please check it.',
  },
  'rules.invalid-postcode': {
    zh: '邮编“{value}”应为 6 位数字，请核对。',
    en: 'The postcode "{value}" must have 6 digits; please check it.',
  },

  // member-incomplete
  'rules.member-incomplete': {
    zh: '第 {index} 位成员“{name}”未填写{missing}，请申报单位补充。',
    en: 'Member {index} "{name}" has no {missing}: ask the unit to fill it in.',
  },
  'rules.member.occupation': { zh: '职业（工种）', en: 'occupation' },
  'rules.member.skill-level': { zh: '职业资格等级或其它技能', en: 'skill level or special skills' },

  // duplicate-lead
  'rules.duplicate-lead.application': {
    zh: '领衔人身份证号码与本批次申报 {ref} 的领衔人相同：同一人只能领衔一个工作室。请核实后只保留一份申报。',
    en: 'The lead has the same ID number as the lead of application {ref} of this round: one person can lead only one studio. Keep one application.',
  },
  'rules.duplicate-lead.studio': {
    zh: '领衔人已是有效期内工作室“{ref}”的领衔人，不能再领衔新的工作室。请核实。',
    en: 'The lead already leads the studio "{ref}", which is still valid, and cannot lead a new one. Please check.',
  },

  // late-submission
  'rules.late-submission': {
    zh: '申报材料于 {received} 收到，晚于本批次截止日 {deadline}（逾期 {days} 天）。',
    en: 'The application was received on {received}, after the round deadline {deadline} ({days} days late).',
  },

  // missing-material, report-name-mismatch
  'rules.missing-material': {
    zh: '尚未收到必交材料“{label}”。收到后请用 gongshu apply materials {id} --received {key} 登记。',
    en: 'The required material "{labelEn}" has not been received. Record it with gongshu apply materials {id} --received {key}.',
  },
  'rules.report-name-mismatch': {
    zh: '申办报告中的工作室名称“{report}”与申报表中的“{form}”不一致，请申报单位统一。',
    en: 'The studio name in the report, "{report}", differs from the form\'s "{form}"; ask the unit to use one name.',
  },

  // birth-ambiguous, birth-unreadable (facts learnt by the reader)
  'rules.birth-ambiguous': {
    zh: '出生年月的月份无法确定（如“1975.1”可能是 1 月，也可能是 10 月），请向申报单位核实。',
    en: 'The month of 出生年月 is ambiguous (1975.1 may be January or October); ask the unit.',
  },
  'rules.birth-ambiguous.from-id': {
    zh: '出生年月的月份无法确定（如“1975.1”可能是 1 月，也可能是 10 月）；已按身份证号码中的 {idBirth} 计算，请核实。',
    en: 'The month of 出生年月 is ambiguous (1975.1 may be January or October); {idBirth} from the ID number was used. Please confirm.',
  },
  'rules.birth-unreadable': {
    zh: '出生年月“{raw}”无法识别为日期，请向申报单位核实。',
    en: '出生年月 "{raw}" cannot be read as a date; ask the unit.',
  },
  'rules.birth-unreadable.from-id': {
    zh: '出生年月“{raw}”无法识别为日期；已按身份证号码中的 {idBirth} 计算，请核实。',
    en: '出生年月 "{raw}" cannot be read as a date; {idBirth} from the ID number was used. Please confirm.',
  },
} satisfies Record<string, MessageEntry>;
