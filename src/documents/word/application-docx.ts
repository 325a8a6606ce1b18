/**
 * The Word version of 附件1 (拱墅区技能大师工作室申报表), for units that prefer to fill the form in Word or WPS.
 * The same labels as the workbook template, in one table of eight grid columns: label cells beside their value
 * cells (merged across with w:gridSpan); the member table on a page of its own, then the plan and
 * the opinions. gongshu's own .docx reader reads it back (test/documents/word/application-docx.test.ts); given an
 * application it writes it filled in (tests and the benchmark).
 */
import { createRequire } from 'node:module';
import { emptyApplication, type Application } from '../../core/application.js';
import { noticeDefaults } from '../../rules/notice-data.js';
import { docxAppPart, docxCoreOptions, type DocumentProperties } from '../properties.js';
import { coverDateText } from '../workbooks/application-template.js';

export interface ApplicationDocxOptions {
  year: number;
  /** Values to write into the form (default: blank). */
  application?: Application;
  /** Rows of the member table (default 10, or as many as the application has). */
  memberRows?: number;
  /** Title, bureau and kind mark (properties.ts); without them the form's own title and the default bureau's name. */
  properties?: DocumentProperties;
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
  Footer: new (options: object) => Node;
  PageBreak: new () => Node;
  Packer: { toBuffer(doc: Node, prettify?: boolean, overrides?: readonly { path: string; data: string }[]): Promise<Uint8Array> };
  AlignmentType: { CENTER: string; RIGHT: string; LEFT: string };
  VerticalAlign: { CENTER: string; TOP: string; BOTTOM: string };
  VerticalMergeType: { RESTART: string; CONTINUE: string };
  WidthType: { DXA: string };
  HeightRule: { ATLEAST: string };
  TableLayoutType: { FIXED: string };
  PageNumber: { CURRENT: string };
}

const FONT = '仿宋';
const TITLE_FONT = '方正小标宋简体';
/** Points: 五号 in the form's cells (the least a printed form may use), 三号 on the cover. */
const CELL_PT = 10.5;
const COVER_PT = 16;
/** Twips between the margins of A4 with 2.3 cm left and right. */
const TEXT_WIDTH = 11906 - 2 * 1300;
/**
 * The grid of the information tables, in twips. A label column is as wide as its longest label at 五号 plus the
 * cell margins (职业资格等级, 法定代表人姓名 over two columns), so no label wraps a character at a time; the
 * column of 身份证号码 takes 18 digits.
 */
const GRID = [1560, 1100, 1560, 2200, 1100, 660, 563, 563];
/** The member table has a grid of its own: short columns for 性别 and 年龄, wide ones for what is written. */
const MEMBER_GRID = [1000, 680, 680, 1000, 1300, 1500, 1300, 1846];
const CELL_MARGIN = 100;
/** Row heights in twips (1 cm ≈ 567): a line to write on, and room for what is written by hand. */
const LINE_ROW = 520;
const MEMBER_ROW = 620;

/** The document as a buffer (docx is loaded here: only this command needs it). */
export async function buildApplicationDocx(options: ApplicationDocxOptions): Promise<Buffer> {
  const d = createRequire(import.meta.url)('docx') as DocxLib;
  const app = options.application ?? emptyApplication();
  const { unit, lead } = app;

  type Align = 'left' | 'center' | 'right';
  const ALIGN = { left: d.AlignmentType.LEFT, center: d.AlignmentType.CENTER, right: d.AlignmentType.RIGHT };
  const para = (text: string, opts: { size?: number; bold?: boolean; font?: string; align?: Align; before?: number; after?: number } = {}): Node =>
    new d.Paragraph({
      alignment: ALIGN[opts.align ?? 'left'],
      spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
      children: [new d.TextRun({ text, size: (opts.size ?? CELL_PT) * 2, bold: opts.bold, font: opts.font ?? FONT })],
    });
  /** One paragraph per line: Word keeps line breaks as paragraphs. */
  const lines = (text: string, align: Align = 'left'): Node[] => (text === '' ? [para('', { align })] : text.split('\n').map((l) => para(l, { align })));
  const margins = { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 };
  const cell = (text: string, span = 1, extra: Record<string, unknown> = {}): Node =>
    new d.TableCell({ children: lines(text), columnSpan: span > 1 ? span : undefined, verticalAlign: d.VerticalAlign.CENTER, margins, ...extra });
  const label = (text: string, span = 1, extra: Record<string, unknown> = {}): Node =>
    new d.TableCell({ children: lines(text, 'center'), columnSpan: span > 1 ? span : undefined, verticalAlign: d.VerticalAlign.CENTER, margins, ...extra });
  /** A block to write in: its text at the top, then room down to the row's height. */
  const block = (text: string, span: number): Node => new d.TableCell({ children: lines(text), columnSpan: span, verticalAlign: d.VerticalAlign.TOP, margins });
  const row = (height: number, ...cells: Node[]): Node => new d.TableRow({ children: cells, cantSplit: true, height: { value: height, rule: d.HeightRule.ATLEAST } });
  const heading = (text: string, span = 8): Node =>
    new d.TableRow({ tableHeader: false, cantSplit: true, height: { value: LINE_ROW, rule: d.HeightRule.ATLEAST }, children: [new d.TableCell({ children: [para(text, { bold: true, align: 'center' })], columnSpan: span, verticalAlign: d.VerticalAlign.CENTER, margins })] });
  const table = (grid: readonly number[], rows: Node[]): Node =>
    new d.Table({ width: { size: TEXT_WIDTH, type: d.WidthType.DXA }, columnWidths: [...grid], layout: d.TableLayoutType.FIXED, rows });
  /** An opinion: what was written, room to write, then 签章 and the date at the bottom right. */
  const opinion = (title: string, text: string): Node =>
    row(
      2300,
      new d.TableCell({
        columnSpan: 8,
        margins,
        children: [
          ...lines(`${title}${text}`),
          para('', { before: 900 }),
          para('（签章）', { align: 'right' }),
          para('年    月    日', { align: 'right', after: 80 }),
        ],
      }),
    );

  const members = app.members;
  const memberRows = Math.max(options.memberRows ?? 10, members.length);
  const memberRow = (i: number): Node => {
    const m = members[i];
    const values = m ? [m.name, m.gender, m.age === null ? '' : String(m.age), m.education, m.occupation, m.skillLevel, m.specialty, m.experience] : Array<string>(8).fill('');
    return row(MEMBER_ROW, ...values.map((v) => cell(v)));
  };

  const info = table(GRID, [
    heading('申报单位基本情况'),
    row(LINE_ROW, label('单位全称'), cell(unit.name, 3), label('法定代表人姓名', 2), cell(unit.legalRepresentative, 2)),
    row(LINE_ROW, label('联系人'), cell(unit.contact), label('固定电话'), cell(unit.phone, 2), label('手机'), cell(unit.mobile, 2)),
    row(LINE_ROW, label('传真电话'), cell(unit.fax, 3), label('电子邮箱', 2), cell(unit.email, 2)),
    row(LINE_ROW, label('通信地址'), cell(unit.address, 3), label('邮编', 2), cell(unit.postcode, 2)),
    row(
      2200,
      // （1000字以内） does not fit the label column on one line: it goes with the other hint, both read as hints.
      label('单位简介'),
      block(`（包括生产、科研以及高技能人才队伍情况）（1000字以内）\n${unit.profile}`.trimEnd(), 7),
    ),
    heading('领衔人基本情况'),
    row(LINE_ROW, label('姓名'), cell(lead.name), label('性别'), cell(lead.gender), label('民族'), cell(lead.ethnicity, 3)),
    row(LINE_ROW, label('出生年月'), cell(lead.birth), label('政治面貌'), cell(lead.politicalStatus), label('学历'), cell(lead.education, 3)),
    row(LINE_ROW, label('职业（工种）'), cell(lead.occupation), label('职业资格等级'), cell(lead.skillLevel), label('其它技能'), cell(lead.otherSkills, 3)),
    row(LINE_ROW, label('职务（职称）'), cell(lead.title), label('身份证号码'), cell(lead.idNumber), label('从业时间'), cell(lead.yearsInTrade, 3)),
    row(LINE_ROW, label('固定电话'), cell(lead.phone), label('手机'), cell(lead.mobile, 5)),
    row(1900, label('工作简历'), block(lead.workHistory, 7)),
    row(1900, label('技能特长\n及主要业绩'), block(lead.achievements, 7)),
    row(1400, label('市级及以上\n获奖情况'), block(lead.awards, 7)),
  ]);
  const team = table(MEMBER_GRID, [
    heading('工作室成员情况'),
    new d.TableRow({
      tableHeader: true,
      cantSplit: true,
      height: { value: 760, rule: d.HeightRule.ATLEAST },
      children: ['姓名', '性别', '年龄', '学历', '职业\n（工种）', '职业资格等级\n或其它技能', '技能特长', '从业时间及\n主要业绩'].map((h) => label(h)),
    }),
    ...Array.from({ length: memberRows }, (_, i) => memberRow(i)),
  ]);
  const plan = table([TEXT_WIDTH], [
    row(3600, new d.TableCell({ children: lines(`工作室下一步工作计划：\n${app.workPlan}`.trimEnd()), verticalAlign: d.VerticalAlign.TOP, margins })),
    opinion('所在单位意见：', app.opinions.unit),
    opinion('专家评估意见：', app.opinions.expert),
    opinion('区人力社保局审核意见：', app.opinions.bureau),
  ]);

  const pageNumber = new d.Footer({
    children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], size: 28, font: 'Times New Roman' })] })],
  });
  const coverLine = (name: string, value: string, after = ''): Node =>
    new d.Paragraph({
      spacing: { before: 360 },
      indent: { left: 900 },
      children: [
        new d.TextRun({ text: `${name}`, size: COVER_PT * 2, font: FONT }),
        new d.TextRun({ text: value || '\u3000'.repeat(12), size: COVER_PT * 2, font: FONT, underline: {} }),
        ...(after ? [new d.TextRun({ text: after, size: COVER_PT * 2, font: FONT })] : []),
      ],
    });

  const properties: DocumentProperties = options.properties ?? { title: '拱墅区技能大师工作室申报表', bureau: noticeDefaults().bureauName };
  const doc = new d.Document({
    ...docxCoreOptions(properties),
    subject: `${options.year}年拱墅区技能大师工作室申报`,
    description: '附件1',
    styles: { default: { document: { run: { font: FONT, size: CELL_PT * 2 } } } },
    sections: [
      {
        // The cover carries no page number; the form's pages are numbered — 2 —, — 3 — … as in 公文.
        properties: { titlePage: true, page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300, footer: 720 } } },
        footers: { default: pageNumber, first: new d.Footer({ children: [new d.Paragraph({ children: [] })] }) },
        children: [
          para('附件1', { size: COVER_PT, font: '黑体' }),
          para('拱墅区技能大师工作室', { size: 26, font: TITLE_FONT, align: 'center', before: 2400 }),
          para('申报表', { size: 26, font: TITLE_FONT, align: 'center', before: 240, after: 2400 }),
          coverLine('申报单位：', app.coverUnit, '（盖章）'),
          coverLine('工作室名称：', app.studioName),
          para('拱墅区人力资源和社会保障局', { size: COVER_PT, align: 'center', before: 4200 }),
          para(coverDateText('{year}年    月', options.year), { size: COVER_PT, align: 'center', before: 200 }),
          new d.Paragraph({ children: [new d.PageBreak()] }),
          info,
          // The member table starts a page of its own, so it never leaves a lone row on the next one.
          new d.Paragraph({ children: [new d.PageBreak()] }),
          team,
          para(''),
          plan,
        ],
      },
    ],
  });
  return Buffer.from(await d.Packer.toBuffer(doc, false, [docxAppPart(properties)]));
}
