/**
 * A round taken through the real commands up to 认定, for the tests of what happens around it: application
 * forms and review sheets built in code, imported, reviewed, shortlisted, publicized and certified.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Application } from '../../src/core/application.js';
import { emptyAssessment, type Assessment } from '../../src/core/assessment.js';
import { idCheckChar } from '../../src/core/id-number.js';
import { loadRubric } from '../../src/core/rubric.js';
import { buildAssessmentTemplate } from '../../src/documents/workbooks/assessment-template.js';
import { fillAssessmentTemplate } from '../../src/documents/workbooks/fill-assessment.js';
import { REVIEW_LABELS } from '../../src/core/review.js';
import { buildReviewTemplate, REVIEW_LAYOUT } from '../../src/documents/workbooks/review-template.js';
import { makeApplication, makeLead } from './application-factory.js';
import { runCli, type CliRun } from './run-cli.js';
import { tempDir } from './tmp.js';
import { writeApplicationWorkbook } from './workbooks.js';

export const ROUND = '2026';

/** A valid ID number of someone born on `ymd` (an odd sequence: a man). */
export function idFor(ymd: string, seq = '011'): string {
  const first17 = `330105${ymd}${seq}`;
  return first17 + idCheckChar(first17);
}

/** 黄志刚 (装配钳工) of 杭州半山重工机械有限公司: the lead of the typo case. */
export const HUANG: Application = makeApplication({
  studioName: '黄志刚装配钳工技能大师工作室',
  coverUnit: '杭州半山重工机械有限公司',
  unit: { name: '杭州半山重工机械有限公司' },
  lead: makeLead({ name: '黄志刚', occupation: '装配钳工', birth: '1978-03', idNumber: idFor('19780315') }),
});

export interface RoundDb {
  dir: string;
  db: string;
  cli(...args: string[]): Promise<CliRun>;
  json<T>(...args: string[]): Promise<T>;
}

export function roundDb(dir: string = tempDir()): RoundDb {
  const db = path.join(dir, 'g.db');
  const cli = (...args: string[]): Promise<CliRun> => runCli(['--db', db, '--round', ROUND, ...args]);
  return {
    dir,
    db,
    cli,
    async json<T>(...args: string[]): Promise<T> {
      const r = await cli(...args, '--json');
      if (r.code !== 0 && r.stdout.trim() === '') throw new Error(`${args.join(' ')}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
  };
}

export interface Listed {
  id: number;
  studioName: string;
  status: string;
  eligible: boolean | null;
  eligibility: string;
  version: number;
  pendingVersions: number[];
  findings: { code: string; severity: string; field?: string; overridden?: boolean; message: string }[];
  unit: { name: string };
}

export async function applications(r: RoundDb): Promise<Listed[]> {
  return r.json<Listed[]>('apply', 'list');
}

/** A review sheet in which one expert gives each application `score` (推荐). */
export async function writeReviewSheet(dir: string, name: string, rows: { id: number; studioName: string; unitName: string }[], score = 90): Promise<string> {
  const workbook = buildReviewTemplate(ExcelJS, { year: Number(ROUND), rows, experts: 1, expertNames: ['王明'] });
  const sheet = workbook.getWorksheet(REVIEW_LABELS.sheet)!;
  rows.forEach((_, i) => {
    sheet.getCell(REVIEW_LAYOUT.firstDataRow + i, REVIEW_LAYOUT.firstExpertColumn).value = score;
    sheet.getCell(REVIEW_LAYOUT.firstDataRow + i, REVIEW_LAYOUT.firstExpertColumn + 1).value = '推荐';
  });
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export async function expectOk(run: Promise<CliRun>, what: string): Promise<CliRun> {
  const r = await run;
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}): ${r.stderr}\n${r.stdout}`);
  return r;
}

/**
 * Imports `apps` and takes every eligible one through review, shortlist and 公示 (2026-06-01 to 06-05) to
 * 认定 on `certifyOn` (default 2026-06-08). Returns the applications as listed afterwards.
 */
export async function certifiedRound(r: RoundDb, apps: Application[], options: { certifyOn?: string; stopAt?: 'publicized' } = {}): Promise<Listed[]> {
  const files = await Promise.all(apps.map((a, i) => writeApplicationWorkbook(path.join(r.dir, 'inbox'), `${String(i + 1).padStart(2, '0')}-${a.unit.name}.xlsx`, a)));
  await expectOk(r.cli('apply', 'import', ...files, '--received', '2026-05-20'), 'apply import');
  const eligible = (await applications(r)).filter((a) => a.status === 'eligible');
  const sheet = await writeReviewSheet(r.dir, '评审.xlsx', eligible.map((a) => ({ id: a.id, studioName: a.studioName, unitName: a.unit.name })));
  await expectOk(r.cli('review', 'import', sheet), 'review import');
  await expectOk(r.cli('shortlist', 'confirm'), 'shortlist confirm');
  await expectOk(r.cli('publicize', '--from', '2026-06-01', '--to', '2026-06-05'), 'publicize');
  if (options.stopAt !== 'publicized') await expectOk(r.cli('certify', '--date', options.certifyOn ?? '2026-06-08'), 'certify');
  return applications(r);
}

/** A filled 考核表 for a studio (gongshu's template), with plausible scores. */
export async function writeAssessmentForm(dir: string, name: string, studio: { studioName: string; leadName: string; unitName: string; plaque?: string }, base = 8): Promise<string> {
  const a: Assessment = emptyAssessment();
  a.unitName = studio.unitName;
  a.studioName = studio.studioName;
  a.leadName = studio.leadName;
  a.selectionYear = 2026;
  a.phone = '0571-88000000';
  a.subsidyDate = '2026-07';
  a.occupationAtSelection = '装配钳工';
  a.occupationNow = '装配钳工';
  a.skillLevelAtSelection = '高级技师（一级）';
  a.skillLevelNow = '高级技师（一级）';
  // Every item of the bundled rubric, scored at base/10 of its maximum (the rubric's values, not a copy).
  a.rows = loadRubric().categories.flatMap((c) => c.items).map((item) => {
    const score = Math.min(item.max, Math.round((base / 10) * item.max));
    return { itemKey: item.key, self: score, assessor: score };
  });
  a.filledDate = '2029-05-10';
  const workbook = fillAssessmentTemplate(buildAssessmentTemplate(ExcelJS, { year: 2029 }), a);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}
