/**
 * The 考核表 reader: gongshu's own template round-trips, the bureau's 附件2 layout (built here with exceljs),
 * shifted columns and spaced labels, unmatched rows, and an application form given by mistake.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyAssessment, type Assessment } from '../../../src/core/assessment.js';
import { loadRubric } from '../../../src/core/rubric.js';
import { readAssessment } from '../../../src/intake/forms/assessment-reader.js';
import { openWorkbookFile } from '../../../src/intake/open/safe-open.js';
import { assessmentLayout, ASSESSMENT_SHEET } from '../../../src/documents/workbooks/assessment-layout.js';
import { buildAssessmentTemplate } from '../../../src/documents/workbooks/assessment-template.js';
import { fillAssessmentTemplate } from '../../../src/documents/workbooks/fill-assessment.js';
import { parseScore } from '../../../src/scoring/parse.js';
import { attachment1Workbook, put, reopen } from '../build.js';

const rubric = loadRubric();
const layout = assessmentLayout(rubric);
const ITEM_KEYS = rubric.categories.flatMap((c) => c.items.map((i) => i.key));

async function read(wb: ExcelJS.Workbook) {
  return readAssessment(await reopen(wb, 'assessment.xlsx'), rubric);
}

function codes(problems: { code: string }[]): string[] {
  return problems.map((p) => p.code);
}

// ---------------------------------------------------------------------------------------------------------
// (a) gongshu's template

function filledAssessment(): Assessment {
  const a = emptyAssessment();
  const self: Record<string, number | string> = {
    site: 10, equipment: 5, funds: 9, rules: 5, 'tech-reform': 5, 'tech-results': 8, 'exchange-events': 4,
    'social-service': 5, 'school-enterprise': 3, apprentices: 8, 'high-skill': 7, 'bonus-technicians': 3,
    'bonus-patents': 2, 'bonus-media': '1分',
  };
  const assessor: Record<string, number | string> = { ...self, funds: 7.5, 'tech-results': 6, 'bonus-media': 1 };
  Object.assign(a, {
    unitName: '杭州拱宸精密机械有限公司',
    studioName: '张建国数控车工技能大师工作室',
    selectionYear: 2017,
    leadName: '张建国',
    phone: '13800000001',
    subsidyDate: '2017-09',
    occupationAtSelection: '车工',
    skillLevelAtSelection: '技师',
    occupationNow: '车工',
    skillLevelNow: '高级技师',
    filledBy: '王芳',
    filledDate: '2020-06-15',
    vetoTriggered: '否',
    sheetTotals: { self: 75, assessor: 70.5 },
    figures: {
      apprenticesPerYear: 6, apprenticeRoster: true, highSkillPerYear: 2, highSkillRoster: false,
      technicians: 1, seniorTechnicians: 1, patents: 1, awards: 0, mediaReports: 1,
      site: true, plaque: true, honoursBoard: true, equipmentOk: true, rulesEstablished: true, rulesPosted: true, accounts: true,
    },
    rows: ITEM_KEYS.map((itemKey) => ({ itemKey, self: self[itemKey]!, assessor: assessor[itemKey]! })),
  });
  return a;
}

describe('readAssessment: gongshu template', () => {
  it('round-trips a filled template to the same Assessment (rows, figures, veto, totals, cells)', async () => {
    const a = filledAssessment();
    const wb = fillAssessmentTemplate(buildAssessmentTemplate(ExcelJS, { year: 2020 }), a, rubric);
    const { assessment, problems, round } = await read(wb);

    expect(problems).toEqual([]);
    expect(round).toBe(2020);
    const cellOf = (item: string, which: 'selfCell' | 'assessorCell'): string =>
      `${ASSESSMENT_SHEET}!${layout.items.find((i) => i.itemKey === item)![which]}`;
    const expected: Assessment = {
      ...a,
      rows: a.rows.map((r) => ({ ...r, selfCell: cellOf(r.itemKey, 'selfCell'), assessorCell: cellOf(r.itemKey, 'assessorCell') })),
      sheetTotals: {
        ...a.sheetTotals,
        selfCell: `${ASSESSMENT_SHEET}!${layout.totalSelfCell}`,
        assessorCell: `${ASSESSMENT_SHEET}!${layout.totalAssessorCell}`,
      },
    };
    const { cells, figureCells, vetoCell, ...rest } = assessment;
    expect(rest).toEqual(expected);
    expect(vetoCell).toBe(`${ASSESSMENT_SHEET}!${layout.vetoTriggered.valueCell}`);
    expect(cells?.studioName).toBe(`${ASSESSMENT_SHEET}!${layout.basicInfo.studioName.valueCell}`);
    const apprentices = layout.items.find((i) => i.itemKey === 'apprentices')!;
    expect(figureCells?.apprenticesPerYear).toBe(`${ASSESSMENT_SHEET}!${apprentices.figures[0]!.valueCell}`);
    expect(Object.keys(figureCells ?? {}).sort()).toEqual(Object.keys(a.figures).sort());
  });

  it('reads a triggered veto from 是否触发 and leaves unfilled figures out', async () => {
    const a = filledAssessment();
    a.vetoTriggered = '是';
    a.figures = { apprenticesPerYear: 8 };
    const { assessment } = await read(fillAssessmentTemplate(buildAssessmentTemplate(ExcelJS), a, rubric));
    expect(assessment.vetoTriggered).toBe('是');
    expect(assessment.figures).toEqual({ apprenticesPerYear: 8 });
  });

  it('reports an unreadable figure with its cell and does not use it', async () => {
    const wb = fillAssessmentTemplate(buildAssessmentTemplate(ExcelJS), filledAssessment(), rubric);
    const apprentices = layout.items.find((i) => i.itemKey === 'apprentices')!;
    wb.getWorksheet(ASSESSMENT_SHEET)!.getCell(apprentices.figures[0]!.valueCell).value = '七八个';
    const { assessment, problems } = await read(wb);
    expect(assessment.figures.apprenticesPerYear).toBeUndefined();
    const p = problems.find((x) => x.code === 'assessment-figure-unreadable')!;
    expect(p.cell).toBe(`${ASSESSMENT_SHEET}!${apprentices.figures[0]!.valueCell}`);
    expect(p.message).toContain('七八个');
  });

  it('refuses the blank template as assessment-empty', async () => {
    await expect(read(buildAssessmentTemplate(ExcelJS, { year: 2020 }))).rejects.toMatchObject({ code: 'assessment-empty' });
  });
});

// ---------------------------------------------------------------------------------------------------------
// (b) 附件2 as the bureau lays it out

/** [考核项目 (first row of its group only), 考核内容, 评分标准 (null = merged with above), 评估方式 (null = merged), 分值] */
type SeedRow = [string | null, string, string | null, string | null, number];

const M = '材料审核';
const SEED_ROWS: SeedRow[] = [
  ['日常管理与基础保障（30分）', '配备专用的工作场地、学习交流场地等', '未配备场地不得分，工作室标牌不明显扣2分，无工作室成果荣誉展示栏扣3分', '实地考察', 10],
  [null, '配备正常运作的设备', '设备不足影响操作扣5分', '实地考察', 5],
  [null, '经费使用符合财务管理规定，账目清楚', '没有账目或经费管理办法的不得分；出现不合理、不合规开支的视情影响总评分', M, 10],
  [null, '管理制度完善，明确岗位及成员职责，规章制度张贴上墙', '没有建立制度或明确岗位职责的不得分，没有在明显处张贴的扣2分', '实地考察\n\n材料审核', 5],
  ['技术攻关（15分）', '参与本单位技术改造或技术革新', '未开展的不得分；开展情况不理想的视情况酌情扣分', M, 5],
  [null, '总结推广技术成果，解决生产难题，产生一定经济效益', null, null, 10],
  ['技术交流（15分）', '开展业内技术交流会、课题研讨会或展示活动', '未开展的不得分；开展情况不理想的视情况酌情扣分', M, 5],
  [null, '履行社会责任，参加技能服务社会的有关活动', null, null, 5],
  [null, '进行校企合作，培养技能人才、师徒结对等', null, null, 5],
  ['带徒传艺（20分）', '建立名师带徒机制，签订带徒协议，每年带徒传艺不少于8人，并建立学员花名册', '未建立培训花名册的扣2分；每少培养1人扣1分', M, 10],
  [null, '每年培养高技能人才不少于3人，并建立学员花名册', '未建立培训花名册的扣2分；每少培养1人扣3分，没培养不得分', null, 10],
  ['加分项（10分）', '技师、高级技师培养有成效', '每培养技师1人得1分，每培养高级技师1人得2分', M, 5],
  [null, '技术成果获得技术专利或奖项', '每获得国家技术专利1例得2分；每获得市级及以上奖项的，每提供1例得1分', null, 3],
  [null, '工作室获得市级及以上电视台、报刊报道', '以新闻视频或报刊报道为依据', null, 2],
];
const SEED_KEYS = ['site', 'equipment', 'funds', 'rules', 'tech-reform', 'tech-results', 'exchange-events', 'social-service', 'school-enterprise', 'apprentices', 'high-skill', 'bonus-technicians', 'bonus-patents', 'bonus-media'];
const VETO_TEXT = '工作室拒绝接受区人力资源和社会保障局考核管理的；申请承办的单位被注销或撤销的；工作室领衔人或工作室因违法违纪行为或者重大过失，给国家、集体、他人造成重大损失和严重后果的。';

type Score = ExcelJS.CellValue;

interface OfficialOptions {
  self?: Score[];
  assessor?: Score[];
  veto?: Score;
  totals?: [Score, Score];
  /** Replace 考核内容 of the given row index. */
  content?: Record<number, string>;
  /** Leave category cells unmerged: the label on the first row only, blanks below. */
  unmerged?: boolean;
}

/** Row numbers of the official layout built below. */
const OFFICIAL = { header: 11, firstItem: 12, veto: 12 + SEED_ROWS.length, total: 13 + SEED_ROWS.length };

function officialWorkbook(opts: OfficialOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  put(ws, 'A1', '附件2');
  put(ws, 'A2:G2', '拱墅区技能大师工作室考核表');
  put(ws, 'A3:G3', '填表单位（公章）：杭州大关汽车维修服务有限公司');
  put(ws, 'A4:G4', '基本情况');
  const pairs: [string, Score, string | null, Score][] = [
    ['区级技能大师工作室名称', '李明汽车维修工技能大师工作室', '入选年份', 2017],
    ['领衔人姓名', '李明', '联系电话', '0571-88123456'],
    ['获得经费补助时间', new Date(Date.UTC(2017, 10, 20)), null, null],
    ['入选时职业\n（工种）', '汽车维修工', '入选时职业资格\n（技能等级）', '技师'],
    ['现职业（工种）', '汽车维修工', '现职业资格\n（技能等级）', '高级技师'],
  ];
  pairs.forEach(([l1, v1, l2, v2], i) => {
    const r = 5 + i;
    put(ws, `A${r}`, l1);
    put(ws, `B${r}:C${r}`, v1);
    if (l2) put(ws, `D${r}:E${r}`, l2);
    if (v2 !== null) put(ws, `F${r}:G${r}`, v2);
  });
  ws.getCell('B7').numFmt = 'yyyy-mm-dd';
  put(ws, 'A10:G10', '自评表格');
  ['考核项目', '考核内容', '评分标准', '评估方式', '分值', '自评分', '考核分'].forEach((h, i) => put(ws, `${'ABCDEFG'[i]}${OFFICIAL.header}`, h));

  // Category cells merged vertically over their items; 评分标准 / 评估方式 merged down where the form is blank.
  let groupStart = OFFICIAL.firstItem;
  let criteriaStart = OFFICIAL.firstItem;
  let methodStart = OFFICIAL.firstItem;
  const closeMerge = (col: string, from: number, to: number): void => {
    if (to > from) ws.mergeCells(`${col}${from}:${col}${to}`);
  };
  SEED_ROWS.forEach(([category, content, criteria, method, max], i) => {
    const r = OFFICIAL.firstItem + i;
    const last = i === SEED_ROWS.length - 1;
    if (category) {
      ws.getCell(`A${r}`).value = category;
      groupStart = r;
    }
    ws.getCell(`B${r}`).value = opts.content?.[i] ?? content;
    if (criteria !== null) {
      ws.getCell(`C${r}`).value = criteria;
      criteriaStart = r;
    }
    if (method !== null) {
      ws.getCell(`D${r}`).value = method;
      methodStart = r;
    }
    ws.getCell(`E${r}`).value = max;
    if (opts.self?.[i] !== undefined) ws.getCell(`F${r}`).value = opts.self[i]!;
    if (opts.assessor?.[i] !== undefined) ws.getCell(`G${r}`).value = opts.assessor[i]!;
    const nextStartsGroup = last || SEED_ROWS[i + 1]![0] !== null;
    if (nextStartsGroup && !opts.unmerged) closeMerge('A', groupStart, r);
    if (last || SEED_ROWS[i + 1]![2] !== null || nextStartsGroup) closeMerge('C', criteriaStart, r);
    if (last || SEED_ROWS[i + 1]![3] !== null || nextStartsGroup) closeMerge('D', methodStart, r);
  });
  put(ws, `A${OFFICIAL.veto}`, '一票否决项');
  put(ws, `B${OFFICIAL.veto}`, VETO_TEXT);
  if (opts.veto !== undefined) put(ws, `G${OFFICIAL.veto}`, opts.veto);
  put(ws, `A${OFFICIAL.total}`, '合  计');
  put(ws, `E${OFFICIAL.total}`, '100+10');
  if (opts.totals) {
    put(ws, `F${OFFICIAL.total}`, opts.totals[0]);
    put(ws, `G${OFFICIAL.total}`, opts.totals[1]);
  }
  put(ws, `A${OFFICIAL.total + 2}:G${OFFICIAL.total + 2}`, '填表人：王芳                                    填表时间：2020年6月15日');
  return wb;
}

const SELF: Score[] = [10, 5, 9, '5', 5, '８', 4, '5分', 3, 8, 7, 3, 2, 1];
const ASSESSOR: Score[] = [9, 5, 8, 5, 4, '8分', 4, 5, ' 3 ', 7, 7, 2, 2, 1];

describe('readAssessment: 附件2 layout', () => {
  it('reads basic info, every row with its raw scores, the veto and the 合计 row', async () => {
    const { assessment: a, problems } = await read(officialWorkbook({ self: SELF, assessor: ASSESSOR, veto: '否', totals: [74, 70] }));
    expect(problems).toEqual([]);
    expect(a).toMatchObject({
      unitName: '杭州大关汽车维修服务有限公司',
      studioName: '李明汽车维修工技能大师工作室',
      selectionYear: 2017,
      leadName: '李明',
      phone: '0571-88123456',
      subsidyDate: '2017-11',
      occupationAtSelection: '汽车维修工',
      skillLevelAtSelection: '技师',
      occupationNow: '汽车维修工',
      skillLevelNow: '高级技师',
      filledBy: '王芳',
      filledDate: '2020-06-15',
      vetoTriggered: '否',
      vetoCell: `Sheet1!G${OFFICIAL.veto}`,
      sheetTotals: { self: 74, assessor: 70, selfCell: `Sheet1!F${OFFICIAL.total}`, assessorCell: `Sheet1!G${OFFICIAL.total}` },
      figures: {},
    });
    expect(a.rows.map((r) => r.itemKey)).toEqual(SEED_KEYS);
    expect(a.rows.map((r) => r.self)).toEqual([10, 5, 9, '5', 5, '８', 4, '5分', 3, 8, 7, 3, 2, 1]);
    expect(a.rows.map((r) => r.assessor)).toEqual([9, 5, 8, 5, 4, '8分', 4, 5, '3', 7, 7, 2, 2, 1]);
    // Text scores stay raw for the scorer, which reads them as the numbers they are.
    expect(a.rows.map((r) => parseScore(r.self))).toSatisfy((xs: unknown[]) => xs.every((x) => (x as { kind: string }).kind === 'number'));
    expect(a.rows[5]).toMatchObject({ selfCell: `Sheet1!F${OFFICIAL.firstItem + 5}`, assessorCell: `Sheet1!G${OFFICIAL.firstItem + 5}` });
  });

  it('reads scores of a form whose category cells are not merged (blank below the label)', async () => {
    const { assessment, problems } = await read(officialWorkbook({ self: SELF, assessor: ASSESSOR, unmerged: true }));
    expect(codes(problems)).toEqual([]);
    expect(assessment.rows.map((r) => r.itemKey)).toEqual(SEED_KEYS);
  });

  it('keeps an unfilled score as null with its cell, and an empty 合计 as absent', async () => {
    const { assessment, problems } = await read(officialWorkbook({ self: SELF }));
    expect(problems).toEqual([]);
    expect(assessment.rows.every((r) => r.assessor === null)).toBe(true);
    expect(assessment.rows[0]!.assessorCell).toBe(`Sheet1!G${OFFICIAL.firstItem}`);
    expect(assessment.sheetTotals.self).toBeUndefined();
    expect(assessment.vetoTriggered).toBeNull();
  });

  it('reads a ticked veto from the 考核分 cell', async () => {
    const { assessment } = await read(officialWorkbook({ self: SELF, assessor: ASSESSOR, veto: '√' }));
    expect(assessment.vetoTriggered).toBe('√');
  });
});

// ---------------------------------------------------------------------------------------------------------
// (c) shifted columns, spaced labels

function shiftedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核');
  put(ws, 'C1:K1', '拱墅区技能大师工作室考核表');
  put(ws, 'C3', '工 作 室 名 称：');
  put(ws, 'D3:F3', '周华美发技能大师工作室');
  put(ws, 'G3', '入 选 年 份');
  put(ws, 'H3', '2018年');
  put(ws, 'C4', '领 衔 人：');
  put(ws, 'D4', '周华');
  put(ws, 'G4', '联系电话');
  put(ws, 'H4', 13900000002);
  // An extra 序号 column, 评估方式 before 评分标准, and 考核分 before 自评分.
  const header = ['序号', '考 核 项 目', '考核内容', '评估方式', '评分标准', '分 值', '考 核 分', '自 评 分'];
  header.forEach((h, i) => put(ws, `${String.fromCharCode(67 + i)}6`, h));
  const rows: [string | null, string, number, number][] = [
    ['日常管理与基础保障', '配备专用的工作场地 、学习交流场地等', 8, 9],
    [null, '配备正常运作的设备', 5, 5],
    [null, '经费使用符合财务管理规定,账目清楚', 10, 10],
    [null, '管理制度完善, 明确岗位及成员职责, 规章制度张贴上墙', 5, 5],
    ['技术攻关', '参与本单位技术改造或技术革新', 5, 5],
    [null, '总结推广技术成果, 解决生产难题', 9, 10],
  ];
  rows.forEach(([category, content, assessor, self], i) => {
    const r = 7 + i;
    ws.getCell(`C${r}`).value = i + 1;
    if (category) ws.getCell(`D${r}`).value = category;
    ws.getCell(`E${r}`).value = content;
    ws.getCell(`I${r}`).value = assessor;
    ws.getCell(`J${r}`).value = self;
  });
  ws.mergeCells('D7:D10');
  ws.mergeCells('D11:D12');
  put(ws, 'D13', '一票否决');
  put(ws, 'I13', '无');
  put(ws, 'D14', '合计');
  put(ws, 'I14', 42);
  put(ws, 'J14', 44);
  return wb;
}

describe('readAssessment: other layouts', () => {
  it('finds columns by header text and labels despite spaces and colons', async () => {
    const { assessment: a, problems } = await read(shiftedWorkbook());
    expect(a.studioName).toBe('周华美发技能大师工作室');
    expect(a.selectionYear).toBe(2018);
    expect(a.leadName).toBe('周华');
    expect(a.phone).toBe('13900000002');
    expect(a.rows.map((r) => [r.itemKey, r.self, r.assessor])).toEqual([
      ['site', 9, 8], ['equipment', 5, 5], ['funds', 10, 10], ['rules', 5, 5], ['tech-reform', 5, 5], ['tech-results', 10, 9],
    ]);
    expect(a.rows[0]!.assessorCell).toBe('考核!I7');
    expect(a.vetoTriggered).toBe('无');
    expect(a.sheetTotals).toMatchObject({ self: 44, assessor: 42 });
    // Items the form leaves out are listed, not invented.
    expect(problems.filter((p) => p.code === 'assessment-item-missing')).toHaveLength(ITEM_KEYS.length - 6);
    expect(codes(problems)).not.toContain('assessment-row-unmatched');
  });

  it('names an unmatched row with its cell and the text found', async () => {
    const content = { 7: '组织职工文体活动和节日慰问' };
    const { assessment, problems } = await read(officialWorkbook({ self: SELF, assessor: ASSESSOR, content }));
    const unmatched = problems.filter((p) => p.code === 'assessment-row-unmatched');
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({ severity: 'error', cell: `Sheet1!B${OFFICIAL.firstItem + 7}` });
    expect(unmatched[0]!.message).toContain('组织职工文体活动和节日慰问');
    expect(unmatched[0]!.message).toContain(String(OFFICIAL.firstItem + 7));
    expect(assessment.rows.map((r) => r.itemKey)).not.toContain('social-service');
    expect(problems.find((p) => p.code === 'assessment-item-missing')?.field).toBe('rows.social-service');
  });

  it('matches within the category of the merged cell above: another category’s item is unmatched', async () => {
    // Row 8 lies under the merged 技术交流 cell; its text belongs to 技术攻关.
    const content = { 8: '参与本单位技术改造或技术革新' };
    const { problems } = await read(officialWorkbook({ self: SELF, content }));
    expect(problems.find((p) => p.code === 'assessment-row-unmatched')).toMatchObject({ cell: `Sheet1!B${OFFICIAL.firstItem + 8}` });
    expect(problems.find((p) => p.code === 'assessment-row-unmatched')!.message).toContain('技术交流');
  });

  it('reports a second row for the same item as a duplicate', async () => {
    const content = { 1: '配备专用的工作场地、学习交流场地' };
    const { assessment, problems } = await read(officialWorkbook({ self: SELF, content }));
    expect(codes(problems)).toContain('assessment-row-duplicate');
    expect(assessment.rows.filter((r) => r.itemKey === 'site')).toHaveLength(1);
  });

  it('refuses an application form as not-an-assessment, pointing to apply import', async () => {
    const err = await read(attachment1Workbook()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-an-assessment' });
    expect((err as Error).message).toContain('gongshu apply import');
  });

  it('refuses a workbook without a scoring table', async () => {
    const wb = new ExcelJS.Workbook();
    put(wb.addWorksheet('S'), 'A1', '通讯录');
    const err = await read(wb).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-an-assessment' });
    expect((err as Error).message).toContain('这不是考核表');
    expect((err as Error).message).not.toContain('apply import');
  });
});

// ---------------------------------------------------------------------------------------------------------
// A workbook written by openpyxl (test/fixtures/make-openpyxl-assessment.py)

const FIXTURE = fileURLToPath(new URL('../../fixtures/openpyxl-assessment.xlsx', import.meta.url));

describe('openpyxl-assessment.xlsx', () => {
  it('matches every row of the official layout and reads the scores', async () => {
    const { assessment: a, problems } = readAssessment(await openWorkbookFile(FIXTURE), rubric);
    expect(problems).toEqual([]);
    expect(a.studioName).toBe('赵刚焊工技能大师工作室');
    expect(a.leadName).toBe('赵刚');
    expect(a.selectionYear).toBe(2017);
    expect(a.subsidyDate).toBe('2017-12');
    expect(a.rows.map((r) => r.itemKey)).toEqual(SEED_KEYS);
    expect(a.rows.map((r) => r.self)).toEqual([10, 5, 10, 5, 5, 9, 5, 5, 4, 9, 7, 4, 2, 1]);
    expect(a.rows.map((r) => r.assessor)).toEqual([8, 5, 9, 5, 4, 8, 5, 5, 3, 9, 7, '3分', 2, 1]);
    expect(a.rows[0]!.assessorCell).toBe('考核表!G13');
    expect(a.vetoTriggered).toBe('否');
    expect(a.sheetTotals).toMatchObject({ self: 81, assessor: 74 });
    expect(a.filledBy).toBe('孙丽');
    expect(a.filledDate).toBe('2020-06-20');
  });
});
