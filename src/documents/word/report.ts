/**
 * 《YYYY年度拱墅区技能大师工作室工作情况》 as a Word document in the 公示's official look (notice.ts: GB/T 9704
 * page, 小标宋 title, 仿宋 body, 黑体 headings, "— 1 —" page numbers, the same font table with fallbacks): the
 * year's figures in sentences, three bar charts (ECharts → PNG, documents/charts.ts), each with its numbers in a
 * small table under it, and the 落款. It is given figures only (services/report.ts), never a person's number.
 */
import {
  AlignmentType, Document, ImageRun, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType,
} from 'docx';
import { chineseDate } from '../print.js';
import { docxAppPart, docxCoreOptions, type DocumentProperties } from '../properties.js';
import { reportText } from '../../messages/register.js';
import type { NoticeSettings } from '../../rules/notice-data.js';
import { REPORT_GRADES, type NamedStudio, type YearReport } from '../../core/report.js';
import { CHART_FONT, drawBarChart, type BarChart, type ChartImage } from '../charts.js';
import { blank, body, BORDER, CHAR, fontTableXml, LINE, mm, NOTICE_FONTS, NOTICE_PAGE, NOTICE_SIZES, pageNumberFooter, run, title } from './notice.js';

export interface ReportInput {
  report: YearReport;
  settings: NoticeSettings;
  keywords?: string;
}

/** The charts of a report, as drawn (the tests look at them, the document embeds them). */
export interface ReportCharts {
  perYear: ChartImage;
  groups: ChartImage;
  assessment: ChartImage | null;
}

const CHART_SIZE = { width: 600, height: 250 };
/** The 版心 is 156 mm wide; a chart is shown 140 mm wide. */
const CHART_SHOWN_PX = Math.round((140 / 25.4) * 96);
const TABLE_SIZE = 24; // 小四 (12 pt): the small tables under the charts

function yuan(n: number): string {
  return n.toLocaleString('zh-CN');
}

function names(list: readonly NamedStudio[]): string {
  return list.map((s) => (s.plaque ? `${s.name}（${s.plaque}）` : s.name)).join(reportText('report.listSeparator'));
}

function heading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    children: [run(text, 'heading', NOTICE_SIZES.body)],
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

function caption(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(text, 'heading', TABLE_SIZE)], spacing: { before: 60, after: 60 } });
}

function picture(image: ChartImage): Paragraph {
  const height = Math.round((CHART_SHOWN_PX * image.height) / image.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: CHART_SHOWN_PX, height } })],
  });
}

function tableCell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: header || width < 2500 || /^\d+$/u.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, header ? 'heading' : 'body', TABLE_SIZE)] })],
  });
}

function smallTable(head: readonly string[], rows: readonly string[][], widths: readonly number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => tableCell(h, widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => tableCell(t, widths[i]!, false)) })),
    ],
  });
}

const YEARS_PER_ROW = 7;

/** Years across (a row of years, a row of counts, seven years a pair of rows): short enough to stay under its chart. */
function yearTable(perYear: readonly { year: number; count: number }[], yearLabel: string, countLabel: string): Table {
  const first = 1900;
  const width = Math.floor((8844 - first) / YEARS_PER_ROW);
  const widths = [first, ...Array.from({ length: YEARS_PER_ROW }, () => width)];
  const rows: TableRow[] = [];
  for (let i = 0; i < perYear.length; i += YEARS_PER_ROW) {
    const chunk = perYear.slice(i, i + YEARS_PER_ROW);
    const pad = (cells: string[]): string[] => [...cells, ...Array.from({ length: YEARS_PER_ROW - cells.length }, () => '')];
    rows.push(
      new TableRow({ cantSplit: true, children: [yearLabel, ...pad(chunk.map((p) => String(p.year)))].map((t, c) => tableCell(t, widths[c]!, true)) }),
      new TableRow({ cantSplit: true, children: [countLabel, ...pad(chunk.map((p) => String(p.count)))].map((t, c) => tableCell(t, widths[c]!, c === 0)) }),
    );
  }
  return new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, alignment: AlignmentType.CENTER, rows });
}

/** The three charts' data, from the figures (the same numbers as the tables under them). */
export function reportChartData(report: YearReport): { perYear: BarChart; groups: BarChart; assessment: BarChart | null } {
  const unit = reportText('report.chart.unit');
  const a = report.assessment;
  return {
    perYear: { title: reportText('report.chart.perYear'), labels: report.certifiedPerYear.map((p) => String(p.year)), values: report.certifiedPerYear.map((p) => p.count), vertical: true, unit },
    groups: { title: reportText('report.chart.groups'), labels: report.byGroup.map((g) => g.short), values: report.byGroup.map((g) => g.count), vertical: false, unit },
    assessment:
      a.total === 0
        ? null
        : { title: reportText('report.chart.assessment', { year: report.year }), labels: REPORT_GRADES.map((g) => reportText(`report.grade.${g}`)), values: REPORT_GRADES.map((g) => a.counts[g]), vertical: true, unit },
  };
}

export async function drawReportCharts(report: YearReport): Promise<ReportCharts> {
  const data = reportChartData(report);
  return {
    perYear: await drawBarChart(data.perYear, CHART_SIZE),
    groups: await drawBarChart(data.groups, { width: 600, height: 320 }),
    assessment: data.assessment ? await drawBarChart(data.assessment, CHART_SIZE) : null,
  };
}

/** The report's sentences, in order (what the tests read back beside the numbers in the tables). */
export function reportParagraphs(report: YearReport): Record<'overview' | 'perYear' | 'groups' | 'assessment' | 'subsidy' | 'renewals' | 'revocations', string> {
  const { year, assessment: a } = report;
  const first = report.certifiedPerYear[0]?.year;
  const most = Math.max(0, ...report.byGroup.map((g) => g.count));
  // Every group with the most studios: with a tie, no one of them is “the most”.
  const tops = report.byGroup.filter((g) => g.count === most && most > 0);
  const top = tops[0];
  const newThisYear = report.certifiedPerYear.find((p) => p.year === year)?.count ?? 0;
  return {
    overview: reportText('report.overview', {
      year, total: report.inRegister, active: report.active.length, newThisYear, assessed: a.total - a.incomplete,
      paidCount: report.subsidy.inYear.count, paidYuan: yuan(report.subsidy.inYear.yuan),
    }),
    perYear:
      first === undefined
        ? reportText('report.perYearNone')
        : reportText('report.perYear', { first, unknown: report.certifiedYearUnknown > 0 ? reportText('report.perYearUnknown', { count: report.certifiedYearUnknown }) : '' }),
    groups: report.active.length === 0 || !top ? reportText('report.groupsNone') : reportText('report.groups', { active: report.active.length, top: tops.map((g) => `“${g.name}”`).join('、'), topCount: tops.length > 1 ? `各${most}` : most }),
    assessment:
      a.total === 0
        ? reportText('report.assessmentNone', { year })
        : reportText('report.assessment', {
            year, total: a.total - a.incomplete, excellent: a.counts.excellent, pass: a.counts.pass, fail: a.counts.fail, notAssessed: a.counts['not-assessed'],
            incomplete: a.incomplete > 0 ? reportText('report.assessmentIncomplete', { count: a.incomplete }) : '',
          }),
    subsidy: reportText('report.subsidy', {
      year, yearCount: report.subsidy.inYear.count, yearYuan: yuan(report.subsidy.inYear.yuan), totalCount: report.subsidy.total.count, totalYuan: yuan(report.subsidy.total.yuan),
    }),
    renewals: report.renewals.length === 0 ? reportText('report.renewalsNone', { year }) : reportText('report.renewals', { year, count: report.renewals.length, names: names(report.renewals) }),
    revocations:
      report.revocations.length === 0 ? reportText('report.revocationsNone', { year }) : reportText('report.revocations', { year, count: report.revocations.length, names: names(report.revocations) }),
  };
}

/** The report's properties: its heading as title, the bureau as author and company. */
function reportProperties(input: ReportInput): DocumentProperties {
  return { title: reportTitle(input.report.year), bureau: input.settings.bureauName, ...(input.keywords ? { keywords: input.keywords } : {}) };
}

export function reportTitle(year: number): string {
  return reportText('report.title', { year }).replace('\n', '');
}

export function buildReportDocument(input: ReportInput, charts: ReportCharts): Document {
  const { report, settings } = input;
  const p = reportParagraphs(report);
  const count = reportText('report.col.count');
  let figure = 0;
  const figureBlock = (image: ChartImage, name: string, table: Table): (Paragraph | Table)[] => {
    figure++;
    return [picture(image), caption(reportText('report.figure', { n: figure, title: name })), caption(reportText('report.tableOf', { n: figure, title: name })), table, blank()];
  };
  const fallbacks = Object.values(NOTICE_FONTS).filter((f) => f.fallback !== f.name).map((f) => `${f.name}（缺少时用${f.fallback}）`).join('、');
  const a = report.assessment;
  return new Document({
    ...docxCoreOptions(reportProperties(input)),
    description: reportText('report.fonts', { fonts: fallbacks, chartFont: CHART_FONT.family }),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: { size: { width: NOTICE_PAGE.width, height: NOTICE_PAGE.height }, margin: { ...NOTICE_PAGE.margin, header: mm(15), gutter: 0 } } },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [
          title(reportText('report.title', { year: report.year })),
          blank(),
          heading(reportText('report.h.overview')),
          body(p.overview),
          heading(reportText('report.h.perYear')),
          body(p.perYear),
          ...(report.certifiedPerYear.length > 0
            ? figureBlock(charts.perYear, reportText('report.chart.perYear'), yearTable(report.certifiedPerYear, reportText('report.col.year'), count))
            : []),
          heading(reportText('report.h.groups')),
          body(p.groups),
          ...figureBlock(
            charts.groups,
            reportText('report.chart.groups'),
            smallTable([reportText('report.col.group'), count], report.byGroup.map((g) => [g.name, String(g.count)]), [6200, 2000]),
          ),
          heading(reportText('report.h.assessment', { year: report.year })),
          body(p.assessment),
          ...(charts.assessment
            ? figureBlock(
                charts.assessment,
                reportText('report.chart.assessment', { year: report.year }),
                smallTable(
                  [reportText('report.col.grade'), count, reportText('report.col.studios')],
                  REPORT_GRADES.map((g) => [reportText(`report.grade.${g}`), String(a.counts[g]), names(a.names[g])]),
                  [1500, 1500, 5500],
                ),
              )
            : []),
          heading(reportText('report.h.subsidy')),
          body(p.subsidy),
          heading(reportText('report.h.changes')),
          body(p.renewals),
          body(p.revocations),
          blank(),
          body(settings.bureauName, { indent: false, align: AlignmentType.RIGHT, right: 2 * CHAR, keepNext: true }),
          body(chineseDate(report.generatedOn), { indent: false, align: AlignmentType.RIGHT, right: 4 * CHAR }),
        ],
      },
    ],
  });
}

/** The .docx bytes and the charts in it. */
export async function buildReportDocx(input: ReportInput): Promise<{ bytes: Buffer; charts: ReportCharts }> {
  const charts = await drawReportCharts(input.report);
  const bytes = await Packer.toBuffer(buildReportDocument(input, charts), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }, docxAppPart(reportProperties(input))]);
  return { bytes, charts };
}
