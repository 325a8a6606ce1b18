import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { birthMonthFromId, normaliseGender, parseAge, readApplication } from '../../../src/intake/forms/application-reader.js';
import { GongshuError } from '../../../src/core/errors.js';
import { attachment1Workbook, blankAttachment1, DEFAULT_MEMBERS, LEAD_ID, put, reopen, type FormValues } from '../build.js';

async function read(wb: ExcelJS.Workbook) {
  return readApplication(await reopen(wb));
}

async function readForm(values: FormValues = {}) {
  return read(attachment1Workbook(values));
}

async function readError(wb: ExcelJS.Workbook): Promise<GongshuError> {
  try {
    await read(wb);
  } catch (e) {
    if (e instanceof GongshuError) return e;
    throw e;
  }
  throw new Error('expected a GongshuError');
}

describe('layout (a): 附件1 as the notice prints it', () => {
  it('reads every field, block and member', async () => {
    const { parsed, problems } = await readForm();
    const app = parsed.application;
    expect(app.coverUnit).toBe('杭州运河机械有限公司');
    expect(app.studioName).toBe('张建国电工技能大师工作室');
    expect(app.unit).toEqual({
      name: '杭州运河机械有限公司',
      legalRepresentative: '李明',
      contact: '王芳',
      phone: '0571-88880001',
      mobile: '13800000001',
      fax: '0571-88880009',
      email: 'hr@yunhe.example.cn',
      address: '杭州市拱墅区莫干山路100号',
      postcode: '310011',
      // the template's hint line is not part of the value
      profile: '公司成立于1998年，主营电气设备，现有高技能人才56人。',
    });
    expect(app.lead).toEqual({
      name: '张建国',
      gender: '男',
      ethnicity: '汉族',
      birth: '1975-06',
      politicalStatus: '中共党员',
      education: '大专',
      occupation: '电工',
      skillLevel: '高级技师',
      otherSkills: '焊工',
      title: '班组长',
      idNumber: LEAD_ID,
      yearsInTrade: '1995年',
      phone: '0571-88880002',
      mobile: '13900000002',
      workHistory: '1995.07—2005.12 杭州运河机械有限公司 电工\n2006.01至今 电气车间 班组长',
      achievements: '精通高低压配电设备检修。',
      awards: '2018年杭州市技术能手',
    });
    expect(app.members).toEqual([
      { name: '刘强', gender: '男', age: 45, education: '高中', occupation: '电工', skillLevel: '技师', specialty: '变频器调试', experience: '1998年起从事电工' },
      { name: '陈丽', gender: '女', age: 38, education: '大专', occupation: '电工', skillLevel: '高级工', specialty: 'PLC编程', experience: '2005年起' },
      { name: '赵磊', gender: '男', age: 29, education: '本科', occupation: '维修电工', skillLevel: '中级工', specialty: '电气设计', experience: '2015年起' },
    ]);
    expect(app.workPlan).toBe('1. 每年带徒8人；\n2. 开展技术攻关2项。');
    // （签章） and 年 月 日 are the template's, not an opinion
    expect(app.opinions).toEqual({ unit: '同意推荐。', expert: '', bureau: '' });
    expect(parsed.sheet).toBe('申报表');
    expect(parsed.facts).toEqual({ idStoredAsNumber: false, birthAmbiguous: false, birthUnreadable: null, leadRepeatedInMembers: 1 });
    expect(problems.map((p) => p.code)).toEqual(['lead-repeated-in-members']);
  });

  it('maps each field to its value cell, or to the label when empty', async () => {
    const { parsed } = await readForm({ 'unit.fax': undefined });
    expect(parsed.cells).toMatchObject({
      coverUnit: '申报表!C3',
      'unit.name': '申报表!B8',
      'unit.phone': '申报表!D9',
      'unit.fax': '申报表!A10',
      'lead.phone': '申报表!B19',
      'lead.idNumber': '申报表!D18',
      'lead.workHistory': '申报表!B20',
      workPlan: '申报表!A36',
      'opinions.expert': '申报表!A44',
      // row 28 repeats the lead, so the first member is on row 29
      'members.0.name': '申报表!A29',
      'members.2.experience': '申报表!H31',
    });
    expect(parsed.application.unit.fax).toBe('');
  });

  it('keeps the members when the lead is not repeated', async () => {
    const { parsed } = await read(attachment1Workbook({}, DEFAULT_MEMBERS, false));
    expect(parsed.application.members).toHaveLength(3);
    expect(parsed.facts.leadRepeatedInMembers).toBe(0);
    expect(parsed.cells['members.0.name']).toBe('申报表!A28');
  });

  it('a blank template is application-empty', async () => {
    const e = await readError(blankAttachment1());
    expect(e.code).toBe('application-empty');
    expect(e.message).toContain('申报表未填写');
  });
});

/**
 * Layout (b): a unit's own layout. Starts in column C, numbered headings, spaced and colon labels,
 * half-width brackets, two pairs a row, label cells merged over two columns, values merged over three or
 * four, the 单位简介 text in the rows below its label, a 序号 column and a header merged across two columns.
 */
function shiftedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 'C1:L1', '拱墅区技能大师工作室申报表');
  put(ws, 'C2:L2', '填报日期：2020年5月');
  put(ws, 'C4:L4', '一、申报单位基本情况');
  put(ws, 'C5:D5', '单位全称：');
  put(ws, 'E5:L5', '杭州拱宸桥纺织有限公司');
  const pair = (row: number, l1: string, v1: ExcelJS.CellValue, l2: string, v2: ExcelJS.CellValue): void => {
    put(ws, `C${row}:D${row}`, l1);
    put(ws, `E${row}:G${row}`, v1);
    put(ws, `H${row}`, l2);
    put(ws, `I${row}:L${row}`, v2);
  };
  pair(6, '法定代表人', '周大伟', '联 系 人', '孙倩');
  pair(7, '固定电话', '0571-88990001', '手  机', 13800000011);
  pair(8, '传真电话', null, 'E-mail', 'office@gongchen.example.cn');
  pair(9, '通讯地址', '杭州市拱墅区丽水路58号', '邮政编码', 310015);
  put(ws, 'C10:D10', '单位简介\n（1000字以内）');
  put(ws, 'E11:L11', '公司创建于1956年，是省级非遗传承基地。');
  put(ws, 'E12:L12', '现有技师以上人员32人。');
  put(ws, 'C13:L13', '二、领衔人基本情况');
  pair(14, '姓  名', '沈玉兰', '性  别', '女性');
  pair(15, '民  族', '汉', '出生日期', new Date(Date.UTC(1972, 2, 8)));
  pair(16, '政治面貌', '群众', '文化程度', '中专');
  pair(17, '职业(工种)', '纺织面料设计师', '技能等级', '技师');
  pair(18, '其他技能', '', '职  务', '设计主管');
  pair(19, '身份证号', '330105197203080024', '从业年限', '30年');
  pair(20, '联系电话', '0571-88990002', '手机号码', '13900000022');
  put(ws, 'C21:D23', '工作简历');
  put(ws, 'E21:L23', '1990年进厂，从事面料设计至今。');
  put(ws, 'C24:D24', '技能特长及主要业绩');
  put(ws, 'E24:L24', '擅长丝绸提花设计。');
  put(ws, 'C25:D25', '市级及以上获奖情况');
  put(ws, 'E25:L25', '2016年浙江省技术能手');
  put(ws, 'C26:L26', '三、工作室成员情况');
  ['序号', '姓名', '性别', '年龄', '学历', '职业(工种)'].forEach((h, i) => (ws.getCell(27, 3 + i).value = h));
  put(ws, 'I27:J27', '职业资格等级或其它技能');
  ws.getCell('K27').value = '技能特长';
  ws.getCell('L27').value = '从业时间及主要业绩';
  const rows: ExcelJS.CellValue[][] = [
    [1, '钱文', '男', '41', '大专', '纺织工', '技师', '电焊', '织机维修', '2002年起'],
    [2, null, null, null, null, null, null, null, null, null],
    [3, '吴芳', '女', 35, '本科', '设计师', '高级工', null, '配色', '2010年起'],
    [4, '郑浩', '男', '33岁', '大专', '纺织工', '高级工', null, '工艺', '2012年起'],
    [5, null, null, null, null, null, null, null, null, null],
  ];
  rows.forEach((r, i) => r.forEach((value, c) => (ws.getCell(28 + i, 3 + c).value = value)));
  put(ws, 'C33:D33', '工作室下一步工作计划');
  put(ws, 'E33:L33', '建立丝绸提花技艺传承档案。');
  put(ws, 'C34:D34', '所在单位意见');
  put(ws, 'E34:L34', '同意申报。（签章）');
  return wb;
}

describe('layout (b): shifted columns, spaced labels, merged value cells', () => {
  it('reads the same fields', async () => {
    const { parsed, problems } = await read(shiftedWorkbook());
    const app = parsed.application;
    expect(app.unit).toEqual({
      name: '杭州拱宸桥纺织有限公司',
      legalRepresentative: '周大伟',
      contact: '孙倩',
      phone: '0571-88990001',
      mobile: '13800000011',
      fax: '', // empty, and never the next label "E-mail"
      email: 'office@gongchen.example.cn',
      address: '杭州市拱墅区丽水路58号',
      postcode: '310015',
      profile: '公司创建于1956年，是省级非遗传承基地。\n现有技师以上人员32人。',
    });
    expect(app.lead).toMatchObject({
      name: '沈玉兰',
      gender: '女',
      ethnicity: '汉',
      birth: '1972-03',
      politicalStatus: '群众',
      education: '中专',
      occupation: '纺织面料设计师',
      skillLevel: '技师',
      otherSkills: '',
      title: '设计主管',
      idNumber: '330105197203080024',
      yearsInTrade: '30年',
      phone: '0571-88990002',
      mobile: '13900000022',
      workHistory: '1990年进厂，从事面料设计至今。',
      achievements: '擅长丝绸提花设计。',
      awards: '2016年浙江省技术能手',
    });
    expect(app.members).toEqual([
      { name: '钱文', gender: '男', age: 41, education: '大专', occupation: '纺织工', skillLevel: '技师 电焊', specialty: '织机维修', experience: '2002年起' },
      { name: '吴芳', gender: '女', age: 35, education: '本科', occupation: '设计师', skillLevel: '高级工', specialty: '配色', experience: '2010年起' },
      { name: '郑浩', gender: '男', age: 33, education: '大专', occupation: '纺织工', skillLevel: '高级工', specialty: '工艺', experience: '2012年起' },
    ]);
    expect(app.workPlan).toBe('建立丝绸提花技艺传承档案。');
    expect(app.opinions.unit).toBe('同意申报。');
    expect(parsed.cells['unit.fax']).toBe('Sheet1!C8');
    expect(parsed.cells['unit.profile']).toBe('Sheet1!E11');
    expect(parsed.cells['members.1.name']).toBe('Sheet1!D30');
    // no cover in this layout: reported as information, not an error
    expect(problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(problems.find((p) => p.code === 'labels-missing')?.message).toContain('工作室名称');
  });
});

/** Layout (c): the cover on its own sheet, no section headings in the form. */
function coverSheetWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  put(cover, 'A3:F3', '拱墅区技能大师工作室');
  put(cover, 'A4:F4', '申报表');
  put(cover, 'A6:F6', '申报单位：杭州大关数控设备有限公司     （盖章）');
  put(cover, 'A8:F8', '工作室名称    陆海峰数控车工技能大师工作室');
  put(cover, 'A10:F10', '拱墅区人力资源和社会保障局');
  const ws = wb.addWorksheet('表');
  const rows: ExcelJS.CellValue[][] = [
    ['单位名称', '杭州大关数控设备有限公司', '法定代表人姓名', '高远'],
    ['联系人', '马琳', '固定电话', '0571-86660001', '手机', '13700000001'],
    ['电子邮箱', { text: 'hr@daguan.example.cn', hyperlink: 'mailto:hr@daguan.example.cn' }, '通信地址', '杭州市拱墅区大关路1号', '邮编', '310005'],
    ['姓名', '陆海峰', '性别', '男', '出生年月', '1980年10月'],
    ['身份证号码', '330105198010120035', '民族', '汉族'],
    ['固定电话', '0571-86660002', '手机', '13700000002'],
    ['职业（工种）', '数控车工', '职业资格等级', '高级技师'],
    ['工作简历'],
    ['2000年至今 杭州大关数控设备有限公司 数控车工'],
    ['姓名', '性别', '年龄', '学历', '职业（工种）', '职业资格等级或其它技能', '技能特长', '从业时间及主要业绩'],
    ['何伟', '男', 36, '大专', '数控车工', '技师', '编程', '2008年起'],
    ['许静', '女', 31, '本科', '数控铣工', '高级工', '五轴', '2014年起'],
    ['罗斌', '男', 27, '中专', '数控车工', '中级工', '车削', '2016年起'],
    ['工作室下一步工作计划：'],
    ['一、培养技师5名；'],
    ['二、完成刀具改进项目。'],
  ];
  rows.forEach((r, i) => r.forEach((value, c) => (ws.getCell(i + 1, c + 1).value = value)));
  ws.mergeCells('A9:F9');
  return wb;
}

describe('layout (c): cover on its own sheet, no section headings', () => {
  it('reads the cover inline values and assigns duplicated labels in document order', async () => {
    const { parsed } = await read(coverSheetWorkbook());
    const app = parsed.application;
    expect(app.coverUnit).toBe('杭州大关数控设备有限公司');
    expect(app.studioName).toBe('陆海峰数控车工技能大师工作室');
    expect(app.unit.phone).toBe('0571-86660001');
    expect(app.unit.mobile).toBe('13700000001');
    expect(app.lead.phone).toBe('0571-86660002');
    expect(app.lead.mobile).toBe('13700000002');
    expect(app.unit.email).toBe('hr@daguan.example.cn');
    expect(app.lead.birth).toBe('1980-10');
    expect(app.lead.workHistory).toBe('2000年至今 杭州大关数控设备有限公司 数控车工');
    expect(app.members.map((m) => m.name)).toEqual(['何伟', '许静', '罗斌']);
    expect(app.workPlan).toBe('一、培养技师5名；\n二、完成刀具改进项目。');
    expect(parsed.sheet).toBe('表');
    expect(parsed.cells.coverUnit).toBe('封面!A6');
    expect(parsed.cells['unit.phone']).toBe('表!D2');
    expect(parsed.cells['lead.phone']).toBe('表!B6');
  });
});

describe('layout (d): value shapes', () => {
  it('rich text, hyperlinks, formulas, numbers where text is expected', async () => {
    const { parsed, problems } = await readForm({
      'unit.name': { richText: [{ text: '杭州' }, { text: 'ABC', font: { name: 'Arial' } }, { text: '科技有限公司' }] },
      // exceljs cannot write an empty link text; a blank one reaches the same branch
      'unit.email': { text: ' ', hyperlink: 'mailto:hr@abc.example.cn' },
      'unit.postcode': { formula: 'TEXT(310011,"0")', result: '310011' },
      'unit.mobile': 13812345678,
      'lead.ethnicity': { formula: 'Z99' } as ExcelJS.CellFormulaValue,
      'lead.politicalStatus': { error: '#N/A' } as ExcelJS.CellErrorValue,
      'lead.mobile': { richText: [{ text: '139' }, { text: '0000\u001b0002' }] },
    });
    const app = parsed.application;
    expect(app.unit.name).toBe('杭州ABC科技有限公司');
    expect(app.unit.email).toBe('hr@abc.example.cn');
    expect(app.unit.postcode).toBe('310011');
    expect(app.unit.mobile).toBe('13812345678');
    expect(app.lead.ethnicity).toBe('');
    expect(app.lead.politicalStatus).toBe('');
    expect(app.lead.mobile).toBe('13900000002'); // the escape character is gone
    expect(problems).toContainEqual(expect.objectContaining({ code: 'formula-no-result', field: 'lead.ethnicity', cell: '申报表!F15' }));
    expect(problems).toContainEqual(expect.objectContaining({ code: 'cell-error', field: 'lead.politicalStatus', cell: '申报表!D16' }));
  });

  it('a link shown as words keeps the address from the mailto: link', async () => {
    const { parsed } = await readForm({ 'unit.email': { text: '点击发送邮件', hyperlink: 'mailto:hr@abc.example.cn?subject=x' } });
    expect(parsed.application.unit.email).toBe('hr@abc.example.cn');
  });

  it('an ID number stored as a number keeps the digits read and is flagged', async () => {
    const { parsed, problems } = await readForm({ 'lead.idNumber': 330105197506150017 });
    expect(parsed.application.lead.idNumber).toBe('330105197506150000');
    expect(parsed.facts.idStoredAsNumber).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'id-stored-as-number', severity: 'warning', cell: '申报表!D18' }));
  });

  it('an ID number stored as text is not flagged', async () => {
    const { parsed } = await readForm();
    expect(parsed.facts.idStoredAsNumber).toBe(false);
  });

  it('gender 男性/女性 normalised, other values kept and reported', async () => {
    expect((await readForm({ 'lead.gender': ' 女性 ' })).parsed.application.lead.gender).toBe('女');
    const { parsed, problems } = await readForm({ 'lead.gender': 'M' });
    expect(parsed.application.lead.gender).toBe('M');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'gender-unreadable', field: 'lead.gender' }));
  });

  it('从业时间 typed as a date reads as a month', async () => {
    const wb = attachment1Workbook({ 'lead.yearsInTrade': 34881 }); // 1995-07-01, format lost
    const { parsed } = await read(wb);
    expect(parsed.application.lead.yearsInTrade).toBe('1995-07');
  });
});

describe('出生年月 in every form clerks use', () => {
  const cases: Array<[string, ExcelJS.CellValue, string | undefined]> = [
    ['a Date', new Date(Date.UTC(1975, 5, 15)), undefined],
    ['a Date shown as 1975-06', new Date(Date.UTC(1975, 5, 1)), 'yyyy-mm'],
    ['a serial whose Chinese built-in format exceljs does not know', 27560, undefined],
    ['a serial with a custom Chinese date format', 27560, 'yyyy"年"m"月"'],
    ['text 1975.06', '1975.06', undefined],
    ['number 1975.06', 1975.06, undefined],
    ['text 1975.6', '1975.6', undefined],
    ['number 1975.6', 1975.6, undefined],
    ['text 1975年6月', '1975年6月', undefined],
    ['text 1975年06月15日', '1975年06月15日', undefined],
    ['text 1975-6', '1975-6', undefined],
    ['text 1975/06', '1975/06', undefined],
    ['number 197506', 197506, undefined],
    ['text 197506', '197506', undefined],
    ['number 19750615', 19750615, undefined],
    ['full-width digits', '１９７５．０６', undefined],
    ['a formula with a cached date', { formula: 'DATE(1975,6,15)', result: new Date(Date.UTC(1975, 5, 15)) } as ExcelJS.CellFormulaValue, 'yyyy-mm-dd'],
  ];
  it.each(cases)('%s → 1975-06', async (_name, value, numFmt) => {
    const wb = attachment1Workbook({ 'lead.birth': value });
    if (numFmt) wb.getWorksheet('申报表')!.getCell('B16').numFmt = numFmt;
    const { parsed, problems } = await read(wb);
    expect(parsed.application.lead.birth).toBe('1975-06');
    expect(parsed.facts.birthAmbiguous).toBe(false);
    expect(problems.filter((p) => p.field === 'lead.birth')).toEqual([]);
  });

  it('1975.1 is resolved with the ID number (October)', async () => {
    const { parsed, problems } = await readForm({ 'lead.birth': 1975.1, 'lead.idNumber': '330105197510150014' });
    expect(parsed.application.lead.birth).toBe('1975-10');
    expect(parsed.facts.birthAmbiguous).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'birth-resolved-by-id', severity: 'info' }));
  });

  it('1975.1 is resolved with the ID number (January), also from an ID stored as a number', async () => {
    const { parsed } = await readForm({ 'lead.birth': 1975.1, 'lead.idNumber': 330105197501150014 });
    expect(parsed.application.lead.birth).toBe('1975-01');
  });

  it('1975.1 without an ID number is flagged, not guessed', async () => {
    const { parsed, problems } = await readForm({ 'lead.birth': 1975.1, 'lead.idNumber': undefined });
    expect(parsed.application.lead.birth).toBe('');
    expect(parsed.facts.birthAmbiguous).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'birth-ambiguous', severity: 'warning', cell: '申报表!B16' }));
  });

  it('1975.1 with an ID of another month stays flagged', async () => {
    const { parsed } = await readForm({ 'lead.birth': 1975.1, 'lead.idNumber': '330105197503150014' });
    expect(parsed.application.lead.birth).toBe('');
    expect(parsed.facts.birthAmbiguous).toBe(true);
  });

  it('an unreadable birth is kept in facts and reported', async () => {
    const { parsed, problems } = await readForm({ 'lead.birth': '1975.13' });
    expect(parsed.application.lead.birth).toBe('');
    expect(parsed.facts.birthUnreadable).toBe('1975.13');
    expect(problems).toContainEqual(expect.objectContaining({ code: 'birth-unreadable', field: 'lead.birth' }));
  });
});

describe('workbooks that are not an application', () => {
  it('an assessment form points to gongshu assess import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核表');
    put(ws, 'A1:G1', '拱墅区技能大师工作室考核表');
    const rows: ExcelJS.CellValue[][] = [
      ['区级技能大师工作室名称', '张建国电工技能大师工作室', '入选年份', 2020],
      ['领衔人姓名', '张建国', '联系电话', '13900000002'],
      ['考核项目', '考核内容', '评分标准', '评估方式', '分值', '自评分', '考核分'],
      ['日常管理与基础保障（30分）', '配备专用的工作场地', '未配备场地不得分', '实地考察', 10, 9, null],
    ];
    rows.forEach((r, i) => r.forEach((value, c) => (ws.getCell(i + 2, c + 1).value = value)));
    const e = await readError(wb);
    expect(e.code).toBe('not-an-application');
    expect(e.message).toContain('gongshu assess import');
    expect(e.location.file).toBe('/submissions/application.xlsx');
  });

  it('an unrelated workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('销售');
    ws.addRow(['月份', '销售额']);
    ws.addRow(['一月', 1000]);
    const e = await readError(wb);
    expect(e.code).toBe('not-an-application');
    expect(e.message).not.toContain('assess');
  });
});

describe('small helpers', () => {
  it('normaliseGender', () => {
    expect(normaliseGender('男')).toBe('男');
    expect(normaliseGender('女 性')).toBe('女');
    expect(normaliseGender('F')).toBeNull();
  });

  it('parseAge accepts 45, "45", "45岁", "45 周岁"', () => {
    expect(parseAge('45', 45)).toBe(45);
    expect(parseAge('45', null)).toBe(45);
    expect(parseAge('45岁', null)).toBe(45);
    expect(parseAge('４５ 周岁', null)).toBe(45);
    expect(parseAge('四十五', null)).toBeNull();
    expect(parseAge('45.5', 45.5)).toBeNull();
  });

  it('birthMonthFromId reads characters 7–12', () => {
    expect(birthMonthFromId('330105197510150014')).toBe('1975-10');
    expect(birthMonthFromId('33010519751015001x')).toBe('1975-10');
    expect(birthMonthFromId('330105751015001')).toBe('1975-10');
    expect(birthMonthFromId('3301051975')).toBeNull();
    expect(birthMonthFromId('330105197513150014')).toBeNull();
  });
});
