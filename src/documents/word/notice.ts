/**
 * The 公示 as the bureau publishes it: 关于YYYY年度拱墅区技能大师工作室拟认定名单的公示, its text (who is listed,
 * the period with its dates, how to raise an objection, the contact person and telephone), the 落款 (the
 * bureau's name and the date), and the list as 附件 on a page of its own.
 *
 * Laid out after GB/T 9704-2012 (党政机关公文格式): A4; 天头 37 mm, 订口 28 mm, a 156 × 225 mm 版心; title in
 * 2号 (22 pt) 方正小标宋简体; body in 3号 (16 pt) 仿宋_GB2312, 22 lines of 28 characters a page (fixed line
 * pitch 29 pt), paragraphs indented two characters; page numbers in 4号 (14 pt) 宋体 as "— 1 —", on the right
 * of odd pages and the left of even ones. The fonts a machine may lack are named in the document with their
 * fallbacks (the font table's altName, which Word uses when a font is missing: 仿宋_GB2312 → 仿宋,
 * 方正小标宋简体 → 宋体), and in its description.
 *
 * Privacy by construction: a row has the four public fields only, read one by one.
 *
 * Written with the `docx` package (9.x); only the font table is given as XML, because the package writes
 * one for embedded fonts only.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import { officialText } from '../../messages/export.js';
import type { NoticeSettings } from '../../rules/notice-data.js';
import { chineseDate } from '../print.js';
import { docxAppPart, docxCoreOptions, type DocumentProperties } from '../properties.js';
import { describedWithWitness } from '../workbooks/witness.js';

export interface NoticeRow {
  studioName: string;
  leadName: string;
  occupation: string;
  unitName: string;
}

export interface NoticeInput {
  year: number;
  /** The 公示 period as recorded by `publicize`; the first day is also the date of the notice (落款). */
  period: { from: string; to: string; workingDays: number | null };
  rows: readonly NoticeRow[];
  settings: NoticeSettings;
  /** Document keywords: the kind marker gongshu checks before replacing its own earlier file. */
  keywords?: string;
  /** The audit log's head, added to the document's description (witness.ts). */
  witness?: string;
}

export const NOTICE_FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading: { name: '黑体', fallback: '黑体' },
  pageNumber: { name: '宋体', fallback: '宋体' },
} as const;

/** Half-points, as Word counts font sizes. */
export const NOTICE_SIZES = { title: 44, body: 32, table: 28, pageNumber: 28 } as const;

export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
/** GB/T 9704-2012 5.2.1: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm on A4 (210 × 297 mm). */
export const NOTICE_PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(297 - 37 - 225), left: mm(28), right: mm(210 - 28 - 156), footer: mm(297 - 37 - 225 - 7 - 5) },
} as const;
/** 22 lines in the 225 mm 版心: a fixed pitch of about 29 pt (580 twips). */
export const LINE = 580;
/** One 3号 character: 16 pt = 320 twips. */
export const CHAR = 320;

function fontOf(which: keyof typeof NOTICE_FONTS): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  const name = NOTICE_FONTS[which].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

export function run(text: string, which: keyof typeof NOTICE_FONTS, size: number): TextRun {
  return new TextRun({ text, font: fontOf(which), size });
}

/** A body paragraph: 仿宋 16 pt, two characters indented, justified, fixed line pitch. */
export function body(text: string, options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; right?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, 'body', NOTICE_SIZES.body)],
    ...(options.keepNext ? { keepNext: true, keepLines: true } : {}),
    alignment: options.align ?? AlignmentType.BOTH,
    indent: { ...(options.indent === false ? {} : { firstLine: 2 * CHAR }), ...(options.right ? { right: options.right } : {}) },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

export function blank(): Paragraph {
  return body('', { indent: false });
}

/** The title in 2号 小标宋, centred; a line break in the text splits it where the meaning allows (GB/T 9704 7.3.1). */
export function title(text: string): Paragraph {
  return new Paragraph({
    children: text.split('\n').map((line, i) => new TextRun({ text: line, font: fontOf('title'), size: NOTICE_SIZES.title, ...(i > 0 ? { break: 1 } : {}) })),
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

/** — 1 —, 4号 宋体, on the outer side of the page (GB/T 9704-2012 7.5). */
export function pageNumberFooter(align: 'right' | 'left'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: CHAR } : { left: CHAR },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontOf('pageNumber'), size: NOTICE_SIZES.pageNumber })],
      }),
    ],
  });
}

export const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
/** The 版心 is 156 mm = 8,844 twips wide. */
const COLUMN_WIDTHS = [760, 2900, 1300, 1850, 2034];

function cell(text: string, which: 'body' | 'heading', width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, which, NOTICE_SIZES.table)] })],
  });
}

/** The list: 序号, 工作室名称, 领衔人, 职业（工种）, 申报单位; the header row repeats on every page. */
function listTable(rows: readonly NoticeRow[]): Table {
  const headers = ['export.col.serial', 'export.col.studio', 'export.col.lead', 'export.col.occupation', 'export.col.unit'] as const;
  return new Table({
    width: { size: COLUMN_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((key, i) => cell(officialText(key), 'heading', COLUMN_WIDTHS[i]!)) }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            // Field by field: nothing but the four public values can reach the document.
            children: [String(i + 1), r.studioName, r.leadName, r.occupation, r.unitName].map((text, c) => cell(text, 'body', COLUMN_WIDTHS[c]!)),
          }),
      ),
    ],
  });
}

/** The paragraphs of the notice's text, in order (also what the tests read back). */
export function noticeParagraphs(input: NoticeInput): string[] {
  const { year, period, rows, settings } = input;
  const first = rows[0]?.studioName ?? '';
  return [
    officialText(rows.length === 1 ? 'export.notice.listedOne' : 'export.notice.listed', { year, first, count: rows.length }),
    period.workingDays === null
      ? officialText('export.notice.periodUncounted', { from: chineseDate(period.from), to: chineseDate(period.to) })
      : officialText('export.notice.period', { from: chineseDate(period.from), to: chineseDate(period.to), days: period.workingDays }),
    officialText('export.notice.objection', { bureau: settings.bureauName, department: settings.department }),
    officialText('export.notice.contact', { person: settings.contactPerson, phone: settings.contactPhone }),
  ];
}

/** The title on one line (the document shows it on two, split by meaning). */
export function noticeTitle(year: number): string {
  return officialText('export.notice.title', { year }).replace('\n', '');
}

function escapeXml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** The notice's properties: its heading as title, the bureau that signs it as author and company. */
function noticeProperties(input: NoticeInput): DocumentProperties {
  return { title: noticeTitle(input.year), bureau: input.settings.bureauName, ...(input.keywords ? { keywords: input.keywords } : {}) };
}

/** word/fontTable.xml naming each font's fallback (w:altName) and its Chinese character set (GB2312). */
export function fontTableXml(): string {
  const fonts = Object.values(NOTICE_FONTS).filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i);
  const entries = fonts
    .map((f) => `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.fallback)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

export function buildNoticeDocument(input: NoticeInput): Document {
  const { year, rows, settings } = input;
  const fallbacks = Object.values(NOTICE_FONTS).filter((f) => f.fallback !== f.name).map((f) => `${f.name}（缺少时用${f.fallback}）`).join('、');
  return new Document({
    ...docxCoreOptions(noticeProperties(input)),
    description: describedWithWitness(officialText('export.notice.fonts', { fonts: fallbacks }), input.witness)!,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: NOTICE_PAGE.width, height: NOTICE_PAGE.height },
            margin: { ...NOTICE_PAGE.margin, header: mm(15), gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [
          title(officialText('export.notice.title', { year })),
          blank(),
          ...noticeParagraphs(input).map((text) => body(text)),
          blank(),
          body(officialText('export.notice.attachment', { year }), { indent: true }),
          blank(),
          // 落款: the bureau, then the date four characters from the right margin (GB/T 9704-2012 7.3.5), on
          // the same page.
          body(settings.bureauName, { indent: false, align: AlignmentType.RIGHT, right: 2 * CHAR, keepNext: true }),
          body(chineseDate(input.period.from), { indent: false, align: AlignmentType.RIGHT, right: 4 * CHAR }),
          // 附件 on a page of its own: the word in 黑体 at the top left, the list's title, the table.
          new Paragraph({
            pageBreakBefore: true,
            children: [run(officialText('export.notice.attachmentLabel'), 'heading', NOTICE_SIZES.body)],
            spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          }),
          blank(),
          title(officialText('export.notice.listTitle', { year })),
          blank(),
          listTable(rows),
        ],
      },
    ],
  });
}

/** The .docx bytes. */
export async function buildNoticeDocx(input: NoticeInput): Promise<Buffer> {
  return Packer.toBuffer(buildNoticeDocument(input), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }, docxAppPart(noticeProperties(input))]);
}
