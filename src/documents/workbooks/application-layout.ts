/**
 * Where everything sits in gongshu's blank application form (附件1 拱墅区技能大师工作室申报表).
 * Data only: the template builder draws these cells and `fillApplicationTemplate` writes into the input
 * cells by field path. The label texts are exactly those of 附件1 because the reader finds fields by label.
 *
 * Two sheets: the cover ('封面') and the form ('申报表'). Every row of both sheets is listed with its
 * number so a change here is easy to review; test/documents/workbooks/application-template.test.ts checks that
 * rows do not overlap and that every field has exactly one input cell.
 */
import type { FieldPath } from '../../core/application.js';

/** Named drop-down lists used by the input cells. */
export const CHOICE_LISTS = {
  gender: ['男', '女'],
  education: ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中专/中技', '高中', '初中及以下'],
  politicalStatus: ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'],
  skillLevel: ['高级技师（一级）', '技师（二级）', '高级工（三级）', '中级工（四级）', '初级工（五级）', '特级技师', '首席技师'],
} as const satisfies Record<string, readonly string[]>;

export type ChoiceListName = keyof typeof CHOICE_LISTS;

/**
 * How strictly a drop-down list is enforced. `warning` asks before accepting another value (a unit may
 * write 高级技师 without the grade in brackets); `information` only informs (the member column mixes
 * 职业资格等级 with 其它技能).
 */
export type ListStrictness = 'stop' | 'warning' | 'information';

/** Short input message shown by Excel/WPS when the cell is selected (title ≤ 32, text ≤ 255 characters). */
export interface InputHint {
  title: string;
  text: string;
}

export type CellKind =
  /** Big centred text of the cover. */
  | 'title'
  /** Section heading across the whole width, shaded and locked (申报单位基本情况 …). */
  | 'section'
  /** A field label of 附件1, shaded and locked. */
  | 'label'
  /** Where the applicant writes: unlocked. */
  | 'input'
  /** Fixed text that is neither a label nor input (（盖章）, the signature line), locked, not shaded. */
  | 'note';

export interface LayoutCell {
  kind: CellKind;
  /** Columns covered: 'A' or 'B:F'. */
  cols: string;
  /** Rows covered starting at the row, default 1. */
  rowSpan?: number;
  /** Text of a title, section, label or note. */
  text?: string;
  /** Field written in an input cell. */
  field?: FieldPath;
  /** Stored as text ('@') so Excel keeps leading zeros and all 18 digits. */
  asText?: boolean;
  list?: ChoiceListName;
  strictness?: ListStrictness;
  hint?: InputHint;
  align?: 'left' | 'center' | 'right';
  /** Font size in points when not the default 11. */
  fontSize?: number;
  /** A note outside the table (the cover's （盖章）): no border. */
  noBorder?: boolean;
  /** A block of text written from the top (简介, 简历, 计划, 意见); single-line inputs are centred vertically. */
  multiline?: boolean;
}

export interface LayoutRow {
  row: number;
  /** Row height in points. */
  height: number;
  cells: LayoutCell[];
  /** Start a new printed page after this row. */
  pageBreakAfter?: boolean;
}

export interface MemberColumn {
  field: 'name' | 'gender' | 'age' | 'education' | 'occupation' | 'skillLevel' | 'specialty' | 'experience';
  col: string;
  header: string;
  list?: ChoiceListName;
  strictness?: ListStrictness;
  hint?: InputHint;
  align?: 'left' | 'center';
}

export interface MemberTableLayout {
  headerRow: number;
  headerHeight: number;
  firstRow: number;
  rowCount: number;
  rowHeight: number;
  columns: MemberColumn[];
}

export interface SheetLayout {
  name: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  rows: LayoutRow[];
  /** Form sheet only: the member table, drawn between the listed rows. */
  members?: MemberTableLayout;
  printArea: string;
}

export interface ApplicationTemplateLayout {
  cover: SheetLayout;
  form: SheetLayout;
}

/** Placeholder for the year on the cover when no round is given (a template that never goes out of date). */
export const BLANK_YEAR = '        ';

/** The cover's date line; `{year}` becomes the round year in Chinese numerals (二〇二六) or BLANK_YEAR. */
export const COVER_DATE_TEXT = '{year}年    月';

const HINTS = {
  studioName: {
    title: '工作室名称',
    text: '格式为“领衔人名字+职业（工种）名称+技能大师工作室”，如：张伟数控车工技能大师工作室。',
  },
  coverUnit: { title: '申报单位', text: '请填写单位全称，与营业执照（或法人登记证书）一致。' },
  phone: { title: '固定电话', text: '请按 0571-88251234 格式填写。' },
  mobile: { title: '手机', text: '请填写 11 位手机号码，如 13812345678。' },
  fax: { title: '传真电话', text: '请按 0571-88251235 格式填写，没有可不填。' },
  postcode: { title: '邮编', text: '6 位数字，如 310011。' },
  profile: { title: '单位简介', text: '（包括生产、科研以及高技能人才队伍情况），1000 字以内。' },
  birth: { title: '出生年月', text: '请按 1975-06 格式填写。' },
  idNumber: { title: '身份证号码', text: '请以文本格式填写 18 位号码，末位 X 用大写。' },
  yearsInTrade: { title: '从业时间', text: '请填写开始从业的年月，如 1996-07。' },
  gender: { title: '性别', text: '请从下拉列表中选择。' },
  education: { title: '学历', text: '请从下拉列表中选择。' },
  politicalStatus: { title: '政治面貌', text: '请从下拉列表中选择。' },
  skillLevel: { title: '职业资格等级', text: '请从下拉列表中选择；持有其它等级证书的请直接填写。' },
  memberSkill: { title: '职业资格等级或其它技能', text: '可从下拉列表中选择等级，也可直接填写其它技能。' },
  age: { title: '年龄', text: '请填写周岁数字，如 35。' },
  workHistory: { title: '工作简历', text: '按时间顺序填写，如：1996.07—2005.12 某某公司 数控车工。' },
  workPlan: { title: '工作室下一步工作计划', text: '包括带徒传艺、技术攻关、技术交流等计划，可另附页。' },
} as const satisfies Record<string, InputHint>;

const label = (cols: string, text: string, rowSpan?: number): LayoutCell => ({ kind: 'label', cols, text, rowSpan });
const section = (text: string): LayoutCell => ({ kind: 'section', cols: 'A:H', text });
const input = (cols: string, field: FieldPath, extra: Partial<LayoutCell> = {}): LayoutCell => ({ kind: 'input', cols, field, ...extra });

const SIGNATURE_LINE = '（签章）                    年      月      日    ';

const COVER: SheetLayout = {
  name: '封面',
  // （盖章） at 14 pt on one line in G; A and H are only margins.
  widths: [4, 14, 14, 14, 14, 14, 13, 5],
  rows: [
    { row: 1, height: 40, cells: [] },
    { row: 2, height: 40, cells: [] },
    { row: 3, height: 48, cells: [{ kind: 'title', cols: 'B:G', text: '拱墅区技能大师工作室', fontSize: 26 }] },
    { row: 4, height: 48, cells: [{ kind: 'title', cols: 'B:G', text: '申报表', fontSize: 26 }] },
    { row: 5, height: 90, cells: [] },
    {
      row: 6,
      height: 36,
      cells: [
        { ...label('B', '申报单位'), fontSize: 14 },
        input('C:F', 'coverUnit', { hint: HINTS.coverUnit, align: 'center', fontSize: 14 }),
        { kind: 'note', cols: 'G', text: '（盖章）', fontSize: 14, noBorder: true },
      ],
    },
    { row: 7, height: 18, cells: [] },
    {
      row: 8,
      height: 36,
      cells: [{ ...label('B', '工作室名称'), fontSize: 14 }, input('C:F', 'studioName', { hint: HINTS.studioName, align: 'center', fontSize: 14 })],
    },
    { row: 9, height: 180, cells: [] },
    { row: 10, height: 30, cells: [{ kind: 'title', cols: 'B:G', text: '拱墅区人力资源和社会保障局', fontSize: 16 }] },
    { row: 11, height: 30, cells: [{ kind: 'title', cols: 'B:G', text: COVER_DATE_TEXT, fontSize: 16 }] },
  ],
  printArea: 'A1:H11',
};

const FORM: SheetLayout = {
  name: '申报表',
  // Fits A4 portrait at 100 % (687 of 697 px, see print.ts): printed at 11 pt, not shrunk to about 10.
  widths: [14, 7, 8, 11, 11, 12, 12, 17],
  rows: [
    { row: 1, height: 26, cells: [section('申报单位基本情况')] },
    {
      row: 2,
      height: 32,
      cells: [label('A', '单位全称'), input('B:F', 'unit.name'), label('G', '法定代表人\n姓名'), input('H', 'unit.legalRepresentative', { align: 'center' })],
    },
    {
      row: 3,
      height: 30,
      cells: [
        label('A', '联系人'), input('B:C', 'unit.contact', { align: 'center' }),
        label('D', '固定电话'), input('E:F', 'unit.phone', { asText: true, hint: HINTS.phone, align: 'center' }),
        label('G', '手机'), input('H', 'unit.mobile', { asText: true, hint: HINTS.mobile, align: 'center' }),
      ],
    },
    {
      row: 4,
      height: 30,
      cells: [
        label('A', '传真电话'), input('B:C', 'unit.fax', { asText: true, hint: HINTS.fax, align: 'center' }),
        label('D', '电子邮箱'), input('E:H', 'unit.email'),
      ],
    },
    {
      row: 5,
      height: 30,
      cells: [
        label('A', '通信地址'), input('B:F', 'unit.address'),
        label('G', '邮编'), input('H', 'unit.postcode', { asText: true, hint: HINTS.postcode, align: 'center' }),
      ],
    },
    // The label over A:B, its bracket on a line of its own: （1000字以内） never wraps inside the brackets.
    { row: 6, height: 230, cells: [label('A:B', '单位简介\n（1000字以内）'), input('C:H', 'unit.profile', { hint: HINTS.profile, multiline: true })] },
    { row: 7, height: 26, cells: [section('领衔人基本情况')] },
    {
      row: 8,
      height: 30,
      cells: [
        label('A', '姓名'), input('B:C', 'lead.name', { align: 'center' }),
        label('D', '性别'), input('E:F', 'lead.gender', { list: 'gender', strictness: 'stop', hint: HINTS.gender, align: 'center' }),
        label('G', '民族'), input('H', 'lead.ethnicity', { align: 'center' }),
      ],
    },
    {
      row: 9,
      height: 30,
      cells: [
        label('A', '出生年月'), input('B:C', 'lead.birth', { asText: true, hint: HINTS.birth, align: 'center' }),
        label('D', '政治面貌'),
        input('E:F', 'lead.politicalStatus', { list: 'politicalStatus', strictness: 'warning', hint: HINTS.politicalStatus, align: 'center' }),
        label('G', '学历'), input('H', 'lead.education', { list: 'education', strictness: 'warning', hint: HINTS.education, align: 'center' }),
      ],
    },
    {
      row: 10,
      height: 32,
      cells: [
        label('A', '职业（工种）'), input('B:C', 'lead.occupation', { align: 'center' }),
        label('D', '职业资格\n等级'),
        input('E:F', 'lead.skillLevel', { list: 'skillLevel', strictness: 'warning', hint: HINTS.skillLevel, align: 'center' }),
        label('G', '其它技能'), input('H', 'lead.otherSkills', { align: 'center' }),
      ],
    },
    {
      row: 11,
      height: 32,
      cells: [
        label('A', '职务（职称）'), input('B:C', 'lead.title', { align: 'center' }),
        label('D', '身份证号码'), input('E:F', 'lead.idNumber', { asText: true, hint: HINTS.idNumber, align: 'center' }),
        label('G', '从业时间'), input('H', 'lead.yearsInTrade', { hint: HINTS.yearsInTrade, align: 'center' }),
      ],
    },
    {
      row: 12,
      height: 30,
      cells: [
        label('A', '固定电话'), input('B:C', 'lead.phone', { asText: true, hint: HINTS.phone, align: 'center' }),
        label('D', '手机'), input('E:H', 'lead.mobile', { asText: true, hint: HINTS.mobile }),
      ],
    },
    { row: 13, height: 150, cells: [label('A', '工作简历'), input('B:H', 'lead.workHistory', { hint: HINTS.workHistory, multiline: true })] },
    { row: 14, height: 160, cells: [label('A', '技能特长及主要业绩'), input('B:H', 'lead.achievements', { multiline: true })] },
    { row: 15, height: 130, cells: [label('A', '市级及以上获奖情况'), input('B:H', 'lead.awards', { multiline: true })], pageBreakAfter: true },
    { row: 16, height: 26, cells: [section('工作室成员情况')] },
    // Rows 17–27: the member table (see `members` below).
    { row: 28, height: 170, cells: [label('A', '工作室下一步工作计划：'), input('B:H', 'workPlan', { hint: HINTS.workPlan, multiline: true })] },
    { row: 29, height: 70, cells: [label('A', '所在单位意见：', 2), input('B:H', 'opinions.unit', { multiline: true })] },
    { row: 30, height: 26, cells: [{ kind: 'note', cols: 'B:H', text: SIGNATURE_LINE, align: 'right' }] },
    { row: 31, height: 70, cells: [label('A', '专家评估意见：', 2), input('B:H', 'opinions.expert', { multiline: true })] },
    { row: 32, height: 26, cells: [{ kind: 'note', cols: 'B:H', text: SIGNATURE_LINE, align: 'right' }] },
    { row: 33, height: 70, cells: [label('A', '区人力社保局审核意见：', 2), input('B:H', 'opinions.bureau', { multiline: true })] },
    { row: 34, height: 26, cells: [{ kind: 'note', cols: 'B:H', text: SIGNATURE_LINE, align: 'right' }] },
  ],
  members: {
    headerRow: 17,
    headerHeight: 36,
    firstRow: 18,
    rowCount: 10,
    rowHeight: 48,
    columns: [
      { field: 'name', col: 'A', header: '姓名', align: 'center' },
      { field: 'gender', col: 'B', header: '性别', list: 'gender', strictness: 'stop', hint: HINTS.gender, align: 'center' },
      { field: 'age', col: 'C', header: '年龄', hint: HINTS.age, align: 'center' },
      { field: 'education', col: 'D', header: '学历', list: 'education', strictness: 'warning', hint: HINTS.education, align: 'center' },
      { field: 'occupation', col: 'E', header: '职业\n（工种）', align: 'center' },
      {
        field: 'skillLevel', col: 'F', header: '职业资格等级或其它技能',
        list: 'skillLevel', strictness: 'information', hint: HINTS.memberSkill, align: 'center',
      },
      { field: 'specialty', col: 'G', header: '技能特长' },
      { field: 'experience', col: 'H', header: '从业时间及\n主要业绩' },
    ],
  },
  printArea: 'A1:H34',
};

export const APPLICATION_TEMPLATE_LAYOUT: ApplicationTemplateLayout = { cover: COVER, form: FORM };
