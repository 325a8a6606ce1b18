/** Workbooks built in code for the reader tests: 附件1 itself and the other layouts units send. */
import { writeZip } from '../fixtures/hostile/zip.js';
import ExcelJS from 'exceljs';
import { openWorkbookBuffer, type OpenedWorkbook } from '../../src/intake/open/safe-open.js';

type Value = ExcelJS.CellValue;

/** Writes a value into a cell, merging `A1:C1` style ranges first. */
export function put(ws: ExcelJS.Worksheet, range: string, value: Value, numFmt?: string): void {
  if (range.includes(':')) ws.mergeCells(range);
  const cell = ws.getCell(range.split(':')[0]!);
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function reopen(wb: ExcelJS.Workbook, name = 'application.xlsx'): Promise<OpenedWorkbook> {
  return openWorkbookBuffer(await toBuffer(wb), `/submissions/${name}`);
}

/** Values written by the 附件1-like builder, keyed by field path; `undefined` leaves the cell empty. */
export type FormValues = Record<string, Value | undefined>;

export const LEAD_ID = '330105197506150017';

export const DEFAULT_VALUES: FormValues = {
  coverUnit: '杭州运河机械有限公司',
  studioName: '张建国电工技能大师工作室',
  'unit.name': '杭州运河机械有限公司',
  'unit.legalRepresentative': '李明',
  'unit.contact': '王芳',
  'unit.phone': '0571-88880001',
  'unit.mobile': '13800000001',
  'unit.fax': '0571-88880009',
  'unit.email': 'hr@yunhe.example.cn',
  'unit.address': '杭州市拱墅区莫干山路100号',
  'unit.postcode': '310011',
  'unit.profile': '（包括生产、科研以及高技能人才队伍情况）\n公司成立于1998年，主营电气设备，现有高技能人才56人。',
  'lead.name': '张建国',
  'lead.gender': '男',
  'lead.ethnicity': '汉族',
  'lead.birth': '1975.06',
  'lead.politicalStatus': '中共党员',
  'lead.education': '大专',
  'lead.occupation': '电工',
  'lead.skillLevel': '高级技师',
  'lead.otherSkills': '焊工',
  'lead.title': '班组长',
  'lead.idNumber': LEAD_ID,
  'lead.yearsInTrade': '1995年',
  'lead.phone': '0571-88880002',
  'lead.mobile': '13900000002',
  'lead.workHistory': '1995.07—2005.12 杭州运河机械有限公司 电工\n2006.01至今 电气车间 班组长',
  'lead.achievements': '精通高低压配电设备检修。',
  'lead.awards': '2018年杭州市技术能手',
  workPlan: '1. 每年带徒8人；\n2. 开展技术攻关2项。',
  'opinions.unit': '同意推荐。',
};

export const DEFAULT_MEMBERS: Value[][] = [
  ['刘强', '男', 45, '高中', '电工', '技师', '变频器调试', '1998年起从事电工'],
  ['陈丽', '女', '38岁', '大专', '电工', '高级工', 'PLC编程', '2005年起'],
  ['赵磊', '男', '29', '本科', '维修电工', '中级工', '电气设计', '2015年起'],
];

const v = (values: FormValues, path: string): Value => (path in values ? (values[path] ?? null) : (DEFAULT_VALUES[path] ?? null));

/**
 * 附件1 as a spreadsheet: title rows, the cover on the same sheet, the three section headings, three
 * label/value pairs per row, merged value cells, the block fields, the member table (with the lead repeated
 * in it) and the plan / opinion cells with the label, text and （签章）/年 月 日 all in one merged cell.
 */
export function attachment1Workbook(values: FormValues = {}, members: Value[][] = DEFAULT_MEMBERS, leadInMembers = true): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  const val = (path: string): Value => v(values, path);
  put(ws, 'A1:H1', '附件1');
  put(ws, 'A2:H2', '拱墅区技能大师工作室\n申报表');
  put(ws, 'A3:B3', '申报单位');
  put(ws, 'C3:F3', val('coverUnit'));
  put(ws, 'G3:H3', '（盖章）');
  put(ws, 'A4:B4', '工作室名称');
  put(ws, 'C4:H4', val('studioName'));
  put(ws, 'A5:H5', '拱墅区人力资源和社会保障局');
  put(ws, 'A6:H6', '二零二零年  月');

  put(ws, 'A7:H7', '申报单位基本情况');
  put(ws, 'A8', '单位全称');
  put(ws, 'B8:D8', val('unit.name'));
  put(ws, 'E8:F8', '法定代表人姓名');
  put(ws, 'G8:H8', val('unit.legalRepresentative'));
  put(ws, 'A9', '联系人');
  put(ws, 'B9', val('unit.contact'));
  put(ws, 'C9', '固定电话');
  put(ws, 'D9:E9', val('unit.phone'));
  put(ws, 'F9', '手机');
  put(ws, 'G9:H9', val('unit.mobile'));
  put(ws, 'A10', '传真电话');
  put(ws, 'B10:D10', val('unit.fax'));
  put(ws, 'E10:F10', '电子邮箱');
  put(ws, 'G10:H10', val('unit.email'));
  put(ws, 'A11', '通信地址');
  put(ws, 'B11:D11', val('unit.address'));
  put(ws, 'E11:F11', '邮编');
  put(ws, 'G11:H11', val('unit.postcode'));
  put(ws, 'A12:A13', '单位\n\n简介\n\n（1000字以内）');
  put(ws, 'B12:H13', val('unit.profile'));

  put(ws, 'A14:H14', '领衔人基本情况');
  const pairs: Array<[number, Array<[string, string, string, string]>]> = [
    [15, [['A', 'B', '姓名', 'lead.name'], ['C', 'D', '性别', 'lead.gender'], ['E', 'F:H', '民族', 'lead.ethnicity']]],
    [16, [['A', 'B', '出生年月', 'lead.birth'], ['C', 'D', '政治面貌', 'lead.politicalStatus'], ['E', 'F:H', '学历', 'lead.education']]],
    [17, [['A', 'B', '职业（工种）', 'lead.occupation'], ['C', 'D', '职业资格等级', 'lead.skillLevel'], ['E', 'F:H', '其它技能', 'lead.otherSkills']]],
    [18, [['A', 'B', '职务（职称）', 'lead.title'], ['C', 'D', '身份证号码', 'lead.idNumber'], ['E', 'F:H', '从业时间', 'lead.yearsInTrade']]],
    [19, [['A', 'B', '固定电话', 'lead.phone'], ['C', 'D:H', '手机', 'lead.mobile']]],
  ];
  for (const [row, cells] of pairs) {
    for (const [labelCol, valueCols, label, path] of cells) {
      put(ws, `${labelCol}${row}`, label);
      const [from, to] = valueCols.split(':');
      put(ws, to ? `${from}${row}:${to}${row}` : `${from}${row}`, val(path));
    }
  }
  put(ws, 'A20:A21', '工作\n\n简历');
  put(ws, 'B20:H21', val('lead.workHistory'));
  put(ws, 'A22:A23', '技能特长\n\n及主要业绩');
  put(ws, 'B22:H23', val('lead.achievements'));
  put(ws, 'A24:A25', '市级及以上\n\n获奖情况');
  put(ws, 'B24:H25', val('lead.awards'));

  put(ws, 'A26:H26', '工作室成员情况');
  ['姓名', '性别', '年龄', '学历', '职业（工种）', '职业资格等级\n或其它技能', '技能特长', '从业时间及主要业绩'].forEach((h, i) => {
    ws.getCell(27, i + 1).value = h;
  });
  const rows: Value[][] = leadInMembers ? [[val('lead.name'), '男', 49, '大专', '电工', '高级技师', '', ''], ...members] : members;
  for (let i = 0; i < 8; i++) {
    const row = rows[i];
    if (row) row.forEach((value, c) => (ws.getCell(28 + i, c + 1).value = value));
  }
  const plan = val('workPlan');
  put(ws, 'A36:H39', plan === null ? '工作室下一步工作计划：' : `工作室下一步工作计划：\n${String(plan)}`);
  const unitOpinion = val('opinions.unit');
  put(ws, 'A40:H43', `所在单位意见：${unitOpinion === null ? '' : String(unitOpinion)}\n                                         （签章）\n\n年  月   日`);
  put(ws, 'A44:H47', '专家评估意见：\n                                              （签章）  \n\n年  月   日');
  put(ws, 'A48:H51', '区人力社保局审核意见：\n（签章）\n\n   年   月  日   ');
  return wb;
}

/** A blank 附件1: every label, no values. */
export function blankAttachment1(): ExcelJS.Workbook {
  const blank: FormValues = {};
  for (const key of Object.keys(DEFAULT_VALUES)) blank[key] = undefined;
  blank['unit.profile'] = '（包括生产、科研以及高技能人才队伍情况）';
  return attachment1Workbook(blank, [], false);
}

/** A stored (uncompressed) zip, to craft broken and hostile archives; `declaredSize` may lie. */
export function makeZip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  return writeZip(entries.map((e) => ({ ...e, method: 0 as const })));
}

/** An OLE compound-file header followed by the given UTF-16 stream names, as in .xls/.et/encrypted files. */
export function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dir = Buffer.concat(streamNames.map((n) => {
    const entry = Buffer.alloc(128);
    Buffer.from(n, 'utf16le').copy(entry, 0);
    return entry;
  }));
  return Buffer.concat([header, dir]);
}
