/**
 * Every export printed as a clerk prints it — LibreOffice to PDF — and measured: A4 pages, text at least 五号
 * (10.5 pt), every word on the paper, no line printed over another (a row too short for its text), no
 * character of any cell missing from the PDF, header rows on every page, page numbers, and the 落款 and
 * signature lines. Runs the demo's exports and larger made-up lists that take several pages.
 *
 * Every template too: the blank 申报表 (Excel and Word), the blank 考核表, the 评审打分表; and a 形式审查汇总表 of
 * 400 applications, whose rows must be as tall as their text.
 *
 * Needs LibreOffice, poppler-utils, the Noto CJK fonts and Carlito. `.ci/run` installs them when missing;
 * where they are missing anyway the tests are skipped with the reason — except on CI (CI=true), where a
 * print check that cannot run fails.
 *
 *   GONGSHU_PRINT_DIR=/tmp/print npx vitest run test/print    # keeps the documents and PDFs to look at
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { loadRubric } from '../../src/core/rubric.js';
import { buildEligibilitySummary } from '../../src/documents/workbooks/eligibility-summary.js';
import { MIN_BODY_PT } from '../../src/documents/print.js';
import { buildReviewTemplate } from '../../src/documents/workbooks/review-template.js';
import { buildShortlistWorkbook } from '../../src/documents/workbooks/shortlist.js';
import { buildSubsidyWorkbook } from '../../src/documents/workbooks/subsidy.js';
import { buildNoticeDocx } from '../../src/documents/word/notice.js';
import { noticeDefaults } from '../../src/rules/notice-data.js';
import { summaryColumns } from '../../src/rules/summary-groups.js';
import { paragraphs, unzip } from '../helpers/docx-text.js';
import { isA4, missingCharacters, outsidePage, overlaps, pageText, printCheckUnavailable, printedSize, readPdf, toPdf, type Page } from '../helpers/pdf-check.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const unavailable = printCheckUnavailable();
const onCi = process.env.CI === 'true' || process.env.CI === '1';
if (unavailable) process.stderr.write(`test/print/print.test.ts ${onCi ? 'FAILS' : 'skipped'}: ${unavailable}\n`);

describe.runIf(unavailable !== null && onCi)('printing on CI', () => {
  it('has LibreOffice, poppler and the fonts (.ci/run installs them)', () => {
    expect.fail(`the print check cannot run on CI: ${unavailable}; .ci/run installs libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-crosextra-carlito`);
  });
});

const BUREAU = '杭州市拱墅区人力资源和社会保障局';
const signOff = { bureau: BUREAU, date: '2026-06-01' };

/** What each document must show: the texts of its cells (or paragraphs), and what repeats on every page. */
interface Printed {
  file: string;
  texts: string[];
  pages: Page[];
}

/** Every text a workbook prints: string cells of every sheet (numbers are printed formatted, so left out). */
async function workbookTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const texts: string[] = [];
  wb.eachSheet((ws) =>
    ws.state !== 'visible' ? undefined : ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

const LONG_NAMES = ['杭州市拱墅区运河传统手工艺品制作与非物质文化遗产传承技能大师工作室', '欧阳建国数控车工技能大师工作室', '杭州拱墅某某某某某某某某文化创意产业发展有限公司'];

function finding(code: string, severity: Finding['severity'], message: string, cell?: string): Finding {
  return { code, severity, message, ...(cell ? { cell } : {}) };
}

async function madeUpDocuments(dir: string): Promise<string[]> {
  const n = 36;
  const summaryRows = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    studioName: i % 3 === 0 ? LONG_NAMES[0]! : `第${i + 1}号数控车工技能大师工作室`,
    unitName: LONG_NAMES[2]!,
    leadName: i % 2 ? '欧阳建国' : '张三',
    idNumber: '330105197506150017',
    eligibility: i % 4 === 0 ? '不合格' : '合格',
    findings: i % 4 === 0
      ? [
          finding('retirement-margin', 'error', '领衔人欧阳建国（男，1967-03 出生）法定退休年龄为 60岁7个月，2027-10 退休；距本批次截止日 2026-05-22 只有 17 个月，通知要求原则上距法定退休年龄 3 年（36 个月）以上。如确需放宽，请用 gongshu apply override 5 retirement-margin --reason 理由 豁免。', '申报表!B9'),
          finding('missing-material', 'warning', '尚未收到必交材料“身份证”。收到后请用 gongshu apply materials 5 --received id-cards 登记。'),
          finding('team-size', 'error', '工作室成员（不含领衔人）只有 2 人，至少需要 3 人（须为申报单位人员）。请申报单位补充成员后重新提交。', '申报表!A18'),
        ]
      : [],
    waivers: (i % 8 === 0 ? { 'retirement-margin': '经专家委员会研究同意' } : {}) as Record<string, string>,
  }));
  const summary = buildEligibilitySummary(ExcelJS, summaryRows, {
    sheetName: '形式审查汇总', title: '2026年拱墅区技能大师工作室申报形式审查汇总表', checkColumns: summaryColumns(),
    headers: { id: '编号', studio: '工作室名称\n申报单位', lead: '领衔人\n身份证号码', eligibility: '资格', messages: '问题说明' },
    marks: { pass: '✓', fail: '✗', warning: '!', waived: '豁免' },
    labels: { error: '错误：', warning: '提醒：', waived: (f) => `已豁免（理由：${f.waiverReason ?? ''}）：`, acknowledged: (f) => `已确认（理由：${f.waiverReason ?? ''}）：` },
    full: false, generatedNote: `共 ${n} 份申报`, signOff,
  });
  const listRows = summaryRows.map((r) => ({ studioName: r.studioName, leadName: r.leadName, occupation: '工艺品雕刻工', unitName: r.unitName }));
  const internal = buildShortlistWorkbook(ExcelJS, {
    year: 2026, internal: true, note: '排序规则：按评审得分从高到低排列。', signOff,
    rows: summaryRows.map((r, i) => ({ ...listRows[i]!, score: 90 - i / 4, findings: r.findings, waivers: r.waivers, ...(i === 3 ? { addedBy: '评审委员会决定增补' } : {}) })),
  });
  const subsidy = buildSubsidyWorkbook(ExcelJS, {
    year: 2026, signOff,
    rows: listRows.map((r, i) => ({ plaque: `GS-2026-${String(i + 1).padStart(3, '0')}`, studioName: r.studioName, unitName: r.unitName, leadName: r.leadName, amount: 20000, paidOn: i % 2 ? '2026-07-15' : null })),
  });
  const review = buildReviewTemplate(ExcelJS, { year: 2026, experts: 7, expertNames: ['王明', '李华', '张强', '赵敏', '陈刚', '欧阳修远', '司马光'], rows: summaryRows.map((r) => ({ id: r.id, studioName: r.studioName, unitName: r.unitName })) });
  // A round of 400: names as long as real ones, most rows without findings, some with one or two.
  const trades = ['数控车工', '中式烹调师', '汽车维修工', '电梯安装维修工', '工艺品雕刻工', '茶艺师'];
  const round400 = Array.from({ length: 400 }, (_, i) => ({
    id: i + 1,
    studioName: `${'王李张刘陈杨'[i % 6]}建国${trades[i % trades.length]}技能大师工作室`,
    unitName: ['杭州拱墅拱宸精密机械有限公司', '杭州湖墅南路餐饮管理有限公司', '浙江半山电气安装工程股份有限公司'][i % 3]!,
    leadName: `${'王李张刘陈杨'[i % 6]}建国`,
    idNumber: '330105197506150017',
    eligibility: i % 25 === 0 ? '不合格' : '合格',
    findings: [
      ...(i % 10 === 0 ? [finding('missing-material', 'warning', '尚未收到必交材料“身份证”。')] : []),
      ...(i % 25 === 0 ? [finding('team-size', 'error', '工作室成员（不含领衔人）只有 2 人，至少需要 3 人（须为申报单位人员）。请申报单位补充成员后重新提交。', '申报表!A18')] : []),
    ],
  }));
  const summary400 = buildEligibilitySummary(ExcelJS, round400, {
    sheetName: '形式审查汇总', title: '2026年拱墅区技能大师工作室申报形式审查汇总表', checkColumns: summaryColumns(),
    headers: { id: '编号', studio: '工作室名称\n申报单位', lead: '领衔人\n身份证号码', eligibility: '资格', messages: '问题说明' },
    marks: { pass: '✓', fail: '✗', warning: '!', waived: '豁免' },
    labels: { error: '错误：', warning: '提醒：', waived: (f) => `已豁免（理由：${f.waiverReason ?? ''}）：`, acknowledged: (f) => `已确认（理由：${f.waiverReason ?? ''}）：` },
    full: false, generatedNote: '共 400 份申报', signOff,
  });
  const files: [string, ExcelJS.Workbook][] = [['400份-形式审查汇总表.xlsx', summary400], ['多页-形式审查汇总表.xlsx', summary], ['多页-拟认定名单（内部）.xlsx', internal], ['多页-补助发放名单.xlsx', subsidy], ['多页-评审打分表-7位专家.xlsx', review]];
  const out: string[] = [];
  for (const [name, wb] of files) {
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    out.push(file);
  }
  const notice = path.join(dir, '多页-拟认定名单公示.docx');
  fs.writeFileSync(notice, await buildNoticeDocx({ year: 2026, period: { from: '2026-09-30', to: '2026-10-12', workingDays: 5 }, rows: listRows, settings: noticeDefaults() }));
  out.push(notice);
  return out;
}

describe.skipIf(unavailable !== null)('exports printed by LibreOffice', () => {
  const printed: Printed[] = [];

  beforeAll(async () => {
    // GONGSHU_PRINT_DIR keeps the documents and their PDFs, to look at them (pdftoppm -png -r 60 …).
    const dir = process.env.GONGSHU_PRINT_DIR ? path.resolve(process.env.GONGSHU_PRINT_DIR) : tempDir();
    fs.mkdirSync(dir, { recursive: true });
    const demo = await runCli(['demo', '-o', dir]);
    if (demo.code !== 0) throw new Error(`demo failed: ${demo.stderr}`);
    const templates: [string[], string][] = [
      [['template', 'application'], '模板-申报表.xlsx'],
      [['template', 'application', '--docx'], '模板-申报表（Word）.docx'],
      [['template', 'assessment'], '模板-考核表.xlsx'],
    ];
    for (const [args, name] of templates) {
      const run = await runCli([...args, '-o', path.join(dir, name), '--force', '--db', path.join(dir, 'gongshu-demo.db')]);
      if (run.code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
    }
    const documents = [
      ...fs.readdirSync(dir).filter((f) => /\.(xlsx|docx)$/u.test(f)).map((f) => path.join(dir, f)),
      ...(await madeUpDocuments(dir)),
    ];
    const pdfs = toPdf(documents, path.join(dir, 'pdf'));
    for (const [i, file] of documents.entries()) {
      const texts = file.endsWith('.docx') ? paragraphs(unzip(fs.readFileSync(file)).get('word/document.xml')!.toString('utf8')) : await workbookTexts(file);
      printed.push({ file: path.basename(file), texts, pages: readPdf(pdfs[i]!) });
    }
  }, 240_000);

  it('prints every export and template: the demo\'s, the blank forms and the long made-up ones', () => {
    expect(printed.map((p) => p.file).sort()).toEqual(
      [
        '2026年形式审查汇总表.xlsx', '2026年评审打分表.xlsx', '2026年拟认定名单.xlsx', '2026年拟认定名单（内部）.xlsx', '2026年拟认定名单公示.docx',
        '2026年补助发放名单.xlsx', '2026年考核结果.xlsx', '2026年度技能大师工作室工作情况.docx', '多页-形式审查汇总表.xlsx', '多页-拟认定名单（内部）.xlsx', '多页-补助发放名单.xlsx',
        '多页-评审打分表-7位专家.xlsx', '多页-拟认定名单公示.docx', '400份-形式审查汇总表.xlsx',
        '模板-申报表.xlsx', '模板-申报表（Word）.docx', '模板-考核表.xlsx',
      ].sort(),
    );
    for (const p of printed) expect(p.pages.length, p.file).toBeGreaterThan(0);
  });

  it('on A4 paper, every word on the page', () => {
    for (const p of printed) {
      for (const [i, page] of p.pages.entries()) {
        expect(isA4(page), `${p.file} page ${i + 1}: ${page.width}×${page.height}`).toBe(true);
        expect(outsidePage(page), `${p.file} page ${i + 1}`).toEqual([]);
      }
    }
  });

  it('with text at least 五号 (10.5 pt)', () => {
    for (const p of printed) {
      const small = p.pages.flatMap((page, i) => page.words.filter((w) => printedSize(w) < MIN_BODY_PT - 0.25).map((w) => `page ${i + 1}: ${w.text} ${printedSize(w).toFixed(1)} pt`));
      expect(small, p.file).toEqual([]);
    }
  });

  it('with nothing cut: no line printed over another, no character of any cell missing', () => {
    for (const p of printed) {
      for (const [i, page] of p.pages.entries()) {
        expect(overlaps(page).map(([a, b]) => `${a.text} × ${b.text}`), `${p.file} page ${i + 1}`).toEqual([]);
      }
      // ✓ and ✗ come from a symbol font that pdftotext may report as other characters.
      const text = p.pages.map(pageText).join('\n');
      expect(missingCharacters(p.texts.map((t) => t.replace(/[✓✗]/gu, '')), text).join(''), p.file).toBe('');
    }
  });

  it('with the header row and the page number on every page of a list that runs over several', () => {
    const headers: Record<string, string> = {
      '多页-形式审查汇总表.xlsx': '问题说明',
      '多页-拟认定名单（内部）.xlsx': '工作室名称',
      '多页-补助发放名单.xlsx': '铭牌编号',
      '多页-评审打分表-7位专家.xlsx': '工作室名称',
      '多页-拟认定名单公示.docx': '工作室名称',
      '400份-形式审查汇总表.xlsx': '问题说明',
      '模板-考核表.xlsx': '考核项目',
    };
    for (const [file, header] of Object.entries(headers)) {
      const p = printed.find((x) => x.file === file)!;
      expect(p.pages.length, file).toBeGreaterThan(1);
      // The 公示's list follows its text; the 考核表's scoring table starts on page 2, under 基本情况 on page 1.
      const attachmentStart = file.endsWith('.docx') || file === '模板-考核表.xlsx' ? p.pages.findIndex((page) => pageText(page).includes(header)) : 0;
      for (const [i, page] of p.pages.entries()) {
        const text = pageText(page).replace(/\s/gu, '');
        if (i >= attachmentStart) expect(text, `${file} page ${i + 1}`).toContain(header);
        expect(text, `${file} page ${i + 1}`).toMatch(file.endsWith('.docx') ? new RegExp(`—${i + 1}—`, 'u') : new RegExp(`第${i + 1}页共${p.pages.length}页`, 'u'));
      }
    }
  });

  it('with the bureau and the date where a signature goes, and the lines people sign', () => {
    const last = (file: string): string => pageText(printed.find((x) => x.file === file)!.pages.at(-1)!).replace(/\s/gu, '');
    for (const file of ['2026年形式审查汇总表.xlsx', '2026年拟认定名单.xlsx', '2026年拟认定名单（内部）.xlsx', '2026年补助发放名单.xlsx', '2026年考核结果.xlsx']) {
      expect(last(file), file).toContain(BUREAU);
      expect(last(file), file).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/u);
    }
    expect(last('2026年补助发放名单.xlsx')).toMatch(/经办人：_+审核人：_+负责人：_+/u);
    expect(last('2026年评审打分表.xlsx')).toContain('评审专家签名：');
    const notice = pageText(printed.find((x) => x.file === '2026年拟认定名单公示.docx')!.pages[0]!).replace(/\s/gu, '');
    expect(notice).toContain(`${BUREAU}2026年6月1日`);
  });

  it('the 7-expert review sheet runs over two page widths at full size, experts 6 and 7 named in full', () => {
    const p = printed.find((x) => x.file === '多页-评审打分表-7位专家.xlsx')!;
    const text = p.pages.map((page) => pageText(page).replace(/\s/gu, '')).join('');
    for (const name of ['专家6', '专家7', '欧阳修远', '司马光']) expect(text).toContain(name);
    // Every page of the second width repeats 编号, 工作室名称 and 申报单位.
    for (const page of p.pages) expect(pageText(page)).toContain('工作室名称');
  });

  it('the 400-application 汇总表: rows as tall as their text, so a round fits on few pages', () => {
    const p = printed.find((x) => x.file === '400份-形式审查汇总表.xlsx')!;
    // Each row starts with its 编号 in the first column; the row's text ends where its lowest word ends. Excel
    // sets text a little wider than LibreOffice, so a row sized for Excel may be a line taller here.
    const ratios: string[] = [];
    for (const [i, page] of p.pages.entries()) {
      const starts = page.words.filter((w) => /^\d+$/u.test(w.text) && w.xMin < 70).sort((a, b) => a.yMin - b.yMin);
      for (let k = 0; k + 1 < starts.length; k++) {
        const top = starts[k]!.yMin;
        const next = starts[k + 1]!.yMin;
        const bottom = Math.max(...page.words.filter((w) => w.yMin >= top - 1 && w.yMin < next - 1).map((w) => w.yMax));
        const ratio = (next - top) / (bottom - top);
        if (ratio > 1.6) ratios.push(`page ${i + 1} row ${starts[k]!.text}: ${(next - top).toFixed(0)} pt for ${(bottom - top).toFixed(0)} pt of text`);
      }
    }
    expect(ratios).toEqual([]);
    // Two or three lines a row, 10 to 12 rows a page: 400 rows on under 40 pages (51 when rows were twice as tall).
    expect(p.pages.length).toBeLessThanOrEqual(40);
  });

  it('the blank forms print as forms: the 考核表 over several pages at full size, the 申报表 with its cover', () => {
    const text = (file: string): string => printed.find((x) => x.file === file)!.pages.map((page) => pageText(page).replace(/\s/gu, '')).join('');
    const assessment = printed.find((x) => x.file === '模板-考核表.xlsx')!;
    expect(assessment.pages.length).toBeGreaterThan(1);
    for (const word of ['拱墅区技能大师工作室考核表', '考核项目', '评分标准', '一票否决项', '合计', '填表人']) expect(text('模板-考核表.xlsx')).toContain(word);
    for (const file of ['模板-申报表.xlsx', '模板-申报表（Word）.docx']) {
      for (const word of ['拱墅区技能大师工作室', '申报单位基本情况', '领衔人基本情况', '工作室成员情况', '区人力社保局审核意见']) expect(text(file), file).toContain(word);
    }
  });

  it('the blank 考核表 never prints its header row alone at the foot of a page: each page with it shows scoring rows', () => {
    const p = printed.find((x) => x.file === '模板-考核表.xlsx')!;
    // The first characters of every 考核内容: a page whose header row is followed by rows shows at least one.
    const contents = loadRubric().categories.flatMap((c) => c.items.map((i) => i.content.replace(/\s/gu, '').slice(0, 5)));
    const withHeader = p.pages.map((page) => pageText(page).replace(/\s/gu, '')).map((text, i) => ({ page: i + 1, text })).filter((x) => x.text.includes('评分标准'));
    expect(withHeader.length).toBeGreaterThan(0);
    for (const { page, text } of withHeader) expect(contents.some((c) => text.includes(c)), `page ${page}: the header row with no scoring row under it`).toBe(true);
    // The 基本情况 block spans the table's width: its right edge is the scoring table's right edge.
    const right = (page: Page, pick: (text: string) => boolean): number => Math.max(...page.words.filter((w) => pick(w.text)).map((w) => w.xMax));
    const first = p.pages[0]!;
    const table = p.pages.find((page) => pageText(page).includes('相关数据'))!;
    expect(right(first, (t) => t.includes('技能等级')), 'the right-hand labels of 基本情况 sit over the 相关数据 columns').toBeGreaterThan(right(table, (t) => t === '考核分'));
  });

  it('the blank forms never break a label inside its brackets: 填表单位（公章）：, （30分）, （1000字以内）, （工种）, （盖章）', () => {
    for (const file of ['模板-考核表.xlsx', '模板-申报表.xlsx']) {
      const p = printed.find((x) => x.file === file)!;
      const words = p.pages.flatMap((page) => page.words.map((w) => w.text));
      // Labels are the short texts (long ones are rubric text and notes, which wrap as paragraphs do).
      const groups = new Set(p.texts.filter((t) => t.replace(/\s/gu, '').length <= 24).flatMap((t) => [...t.matchAll(/[（(][^（()）\n]{1,12}[)）]/gu)].map((m) => m[0])));
      expect(groups.size, file).toBeGreaterThan(2);
      const broken = [...groups].filter((g) => !words.some((w) => w.includes(g)));
      expect(broken, `${file}: bracketed parts printed over two lines`).toEqual([]);
    }
    const unitLabel = printed.find((x) => x.file === '模板-考核表.xlsx')!.pages[0]!.words.map((w) => w.text);
    expect(unitLabel).toContain('填表单位（公章）：');
  });

  it('the Word 申报表 prints as an official form: labels on one line, a dated cover, numbered pages, no lone member row', () => {
    const p = printed.find((x) => x.file === '模板-申报表（Word）.docx')!;
    const pages = p.pages.map((page) => pageText(page).replace(/\s/gu, ''));
    expect(pages[0]).toContain('二〇二六年月');
    expect(pages[0]).not.toMatch(/—\d+—/u);
    for (let i = 1; i < pages.length; i++) expect(pages[i], `page ${i + 1}`).toContain(`—${i + 1}—`);
    // Each label is one word on the paper: a label wrapped a character at a time prints as two.
    const words = p.pages.flatMap((page) => page.words.map((w) => w.text));
    for (const label of ['单位全称', '固定电话', '传真电话', '电子邮箱', '法定代表人姓名', '职业资格等级', '身份证号码', '从业时间', '出生年月', '政治面貌', '其它技能', '年龄', '性别']) {
      expect(words, label).toContain(label);
    }
    // The member table and the work plan share a page: every member row is on it.
    const team = pages.findIndex((t) => t.includes('工作室成员情况'));
    expect(pages[team]).toContain('工作室下一步工作计划');
  });
});
