/**
 * The Word version of 附件1 (拱墅区技能大师工作室申报表), for units that prefer to fill the form in Word or WPS.
 * The same labels as the workbook template, in one table of eight grid columns: label cells beside their value
 * cells (merged across with w:gridSpan), 单位简介 merged down (w:vMerge), the member table, then the plan and
 * the opinions. gongshu's own .docx reader reads it back (test/excel/write/application-docx.test.ts); given an
 * application it writes it filled in (tests and the benchmark).
 */
import { createRequire } from 'node:module';
import { emptyApplication, type Application } from '../../core/application.js';

export interface ApplicationDocxOptions {
  year: number;
  /** Values to write into the form (default: blank). */
  application?: Application;
  /** Rows of the member table (default 10, or as many as the application has). */
  memberRows?: number;
  /** Document keywords: the kind marker gongshu checks before replacing its own earlier file. */
  keywords?: string;
}

/**
 * The part of the docx library used here. Its own declarations import without file extensions, which this
 * project's NodeNext resolution cannot follow (everything resolves to nothing), so the few constructors and
 * constants are declared here; the round-trip test checks the document they make.
 */
type Node = object;
interface DocxLib {
  Document: new (options: object) => Node;
  Paragraph: new (options: object) => Node;
  TextRun: new (options: object) => Node;
  Table: new (options: object) => Node;
  TableRow: new (options: object) => Node;
  TableCell: new (options: object) => Node;
  PageBreak: new () => Node;
  Packer: { toBuffer(doc: Node): Promise<Uint8Array> };
  AlignmentType: { CENTER: string };
  VerticalAlign: { CENTER: string };
  VerticalMergeType: { RESTART: string; CONTINUE: string };
  WidthType: { PERCENTAGE: string };
}

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';

/** The document as a buffer (docx is loaded here: only this command needs it). */
export async function buildApplicationDocx(options: ApplicationDocxOptions): Promise<Buffer> {
  const d = createRequire(import.meta.url)('docx') as DocxLib;
  const app = options.application ?? emptyApplication();
  const { unit, lead } = app;

  const para = (text: string, opts: { size?: number; bold?: boolean; font?: string; center?: boolean } = {}): Node =>
    new d.Paragraph({
      alignment: opts.center ? d.AlignmentType.CENTER : undefined,
      children: [new d.TextRun({ text, size: (opts.size ?? 12) * 2, bold: opts.bold, font: opts.font ?? FONT })],
    });
  /** One paragraph per line: Word keeps line breaks as paragraphs. */
  const lines = (text: string): Node[] => (text === '' ? [para('')] : text.split('\n').map((l) => para(l)));
  const cell = (text: string, span = 1, extra: Record<string, unknown> = {}): Node =>
    new d.TableCell({ children: lines(text), columnSpan: span > 1 ? span : undefined, verticalAlign: d.VerticalAlign.CENTER, ...extra });
  const row = (...cells: Node[]): Node => new d.TableRow({ children: cells, cantSplit: true });
  const heading = (text: string): Node => row(new d.TableCell({ children: [para(text, { bold: true, center: true })], columnSpan: 8 }));

  const members = app.members;
  const memberRows = Math.max(options.memberRows ?? 10, members.length);
  const memberRow = (i: number): Node => {
    const m = members[i];
    const values = m ? [m.name, m.gender, m.age === null ? '' : String(m.age), m.education, m.occupation, m.skillLevel, m.specialty, m.experience] : Array<string>(8).fill('');
    return row(...values.map((v) => cell(v)));
  };

  const form = new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    columnWidths: [1400, 1100, 1100, 1000, 1100, 1100, 1100, 1400],
    rows: [
      heading('申报单位基本情况'),
      row(cell('单位全称'), cell(unit.name, 3), cell('法定代表人姓名', 2), cell(unit.legalRepresentative, 2)),
      row(cell('联系人'), cell(unit.contact), cell('固定电话'), cell(unit.phone, 2), cell('手机'), cell(unit.mobile, 2)),
      row(cell('传真电话'), cell(unit.fax, 3), cell('电子邮箱', 2), cell(unit.email, 2)),
      row(cell('通信地址'), cell(unit.address, 3), cell('邮编', 2), cell(unit.postcode, 2)),
      row(
        cell('单位\n简介\n（1000字以内）', 1, { verticalMerge: d.VerticalMergeType.RESTART }),
        cell(`（包括生产、科研以及高技能人才队伍情况）\n${unit.profile}`.trimEnd(), 7, { verticalMerge: d.VerticalMergeType.RESTART }),
      ),
      row(cell('', 1, { verticalMerge: d.VerticalMergeType.CONTINUE }), cell('', 7, { verticalMerge: d.VerticalMergeType.CONTINUE })),
      heading('领衔人基本情况'),
      row(cell('姓名'), cell(lead.name), cell('性别'), cell(lead.gender), cell('民族'), cell(lead.ethnicity, 3)),
      row(cell('出生年月'), cell(lead.birth), cell('政治面貌'), cell(lead.politicalStatus), cell('学历'), cell(lead.education, 3)),
      row(cell('职业（工种）'), cell(lead.occupation), cell('职业资格等级'), cell(lead.skillLevel), cell('其它技能'), cell(lead.otherSkills, 3)),
      row(cell('职务（职称）'), cell(lead.title), cell('身份证号码'), cell(lead.idNumber), cell('从业时间'), cell(lead.yearsInTrade, 3)),
      row(cell('固定电话'), cell(lead.phone), cell('手机'), cell(lead.mobile, 5)),
      row(cell('工作\n简历'), cell(lead.workHistory, 7)),
      row(cell('技能特长\n及主要业绩'), cell(lead.achievements, 7)),
      row(cell('市级及以上\n获奖情况'), cell(lead.awards, 7)),
      heading('工作室成员情况'),
      row(...['姓名', '性别', '年龄', '学历', '职业（工种）', '职业资格等级\n或其它技能', '技能特长', '从业时间及主要业绩'].map((h) => cell(h))),
      ...Array.from({ length: memberRows }, (_, i) => memberRow(i)),
      row(cell(`工作室下一步工作计划：\n${app.workPlan}`.trimEnd(), 8)),
      row(cell(`所在单位意见：${app.opinions.unit}\n（签章）\n年  月   日`, 8)),
      row(cell(`专家评估意见：${app.opinions.expert}\n（签章）\n年  月   日`, 8)),
      row(cell(`区人力社保局审核意见：${app.opinions.bureau}\n（签章）\n年  月   日`, 8)),
    ],
  });

  const doc = new d.Document({
    creator: 'gongshu',
    title: '拱墅区技能大师工作室申报表',
    ...(options.keywords ? { keywords: options.keywords } : {}),
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        children: [
          para('附件1'),
          para('拱墅区技能大师工作室', { size: 22, font: TITLE_FONT, center: true }),
          para('申报表', { size: 22, font: TITLE_FONT, center: true }),
          para(`申报单位  ${app.coverUnit || '                              '}  （盖章）`, { size: 16 }),
          para(`工作室名称  ${app.studioName}`, { size: 16 }),
          para('拱墅区人力资源和社会保障局', { size: 16, center: true }),
          para(`${options.year}年  月`, { size: 16, center: true }),
          new d.Paragraph({ children: [new d.PageBreak()] }),
          form,
        ],
      },
    ],
  });
  return Buffer.from(await d.Packer.toBuffer(doc));
}
