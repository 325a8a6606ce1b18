/**
 * A review sheet imported before the experts' names were filled in is recorded under 专家1, 专家2…, and the
 * import says to fill in the names and import it again. Doing so must replace those scores, not add the
 * same experts a second time under their names (which doubled the number of experts and moved the score).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REVIEW_LABELS } from '../../src/core/review.js';
import { buildReviewTemplate, REVIEW_LAYOUT } from '../../src/documents/workbooks/review-template.js';
import { makeApplication, makeLead } from '../helpers/application-factory.js';
import { HUANG, ROUND, applications, expectOk, idFor, roundDb, type RoundDb } from '../helpers/round.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

interface Reviewed {
  id: number;
  experts: number;
  aggregate: number | null;
  recommend: { yes: number; no: number };
  entries: { expert: string; score: number | string | null }[];
}

const SCORES: Record<number, number[]> = { 0: [80, 86, 90], 1: [70, 75, 77] };

async function sheet(r: RoundDb, name: string, names: string[], rows: { id: number; studioName: string; unitName: string }[], scores = SCORES): Promise<string> {
  const workbook = buildReviewTemplate(ExcelJS, { year: Number(ROUND), rows, experts: 3, expertNames: names });
  const ws = workbook.getWorksheet(REVIEW_LABELS.sheet)!;
  rows.forEach((_, i) => {
    scores[i]!.forEach((score, e) => {
      const col = REVIEW_LAYOUT.firstExpertColumn + e * REVIEW_LAYOUT.columnsPerExpert;
      ws.getCell(REVIEW_LAYOUT.firstDataRow + i, col).value = score;
      ws.getCell(REVIEW_LAYOUT.firstDataRow + i, col + 1).value = '推荐';
    });
  });
  const file = path.join(r.dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function twoEligible(): Promise<{ r: RoundDb; rows: { id: number; studioName: string; unitName: string }[] }> {
  const r = roundDb();
  const second = makeApplication({
    studioName: '吴海峰电工技能大师工作室',
    unit: { name: '杭州半山电气安装工程有限公司' },
    lead: makeLead({ name: '吴海峰', occupation: '电工', idNumber: idFor('19800301', '031'), birth: '1980-03' }),
  });
  const files = await Promise.all([HUANG, second].map((a, i) => writeApplicationWorkbook(path.join(r.dir, 'inbox'), `${i + 1}.xlsx`, a)));
  await expectOk(r.cli('apply', 'import', ...files, '--received', '2026-05-20'), 'apply import');
  const listed = (await applications(r)).filter((a) => a.status === 'eligible');
  expect(listed).toHaveLength(2);
  return { r, rows: listed.map((a) => ({ id: a.id, studioName: a.studioName, unitName: a.unit.name })) };
}

describe('review import: a sheet imported again with the experts\' names filled in', () => {
  it('replaces the scores recorded under 专家1…专家3 instead of counting the same experts twice', async () => {
    const { r, rows } = await twoEligible();
    const unnamed = await expectOk(r.cli('review', 'import', await sheet(r, '评审-未填姓名.xlsx', [], rows)), 'review import (unnamed)');
    expect(`${unnamed.stdout}${unnamed.stderr}`).toContain('未填姓名');

    const named = await expectOk(r.cli('review', 'import', await sheet(r, '评审-已填姓名.xlsx', ['王明', '李华', '张强'], rows)), 'review import (named)');
    expect(`${named.stdout}${named.stderr}`).toMatch(/专家1[\s\S]*王明/u);

    const history = await expectOk(r.cli('history', String(rows[0]!.id)), 'history');
    expect(history.stdout).toMatch(/按“专家1”记录的评分改记在 王明 名下/u);

    const list = await r.json<Reviewed[]>('review', 'list');
    for (const [i, row] of rows.entries()) {
      const reviewed = list.find((x) => x.id === row.id)!;
      expect(reviewed.experts).toBe(3);
      expect(reviewed.recommend.yes).toBe(3);
      expect(reviewed.entries.map((e) => e.expert).sort()).toEqual(['张强', '李华', '王明'].sort());
      const mean = SCORES[i]!.reduce((a, b) => a + b, 0) / 3;
      expect(reviewed.aggregate).toBeCloseTo(mean, 2);
    }
  });

  it('keeps the 专家N scores when the named sheet is a different set of scores (another group\'s sheet), so nothing is lost', async () => {
    const { r, rows } = await twoEligible();
    await expectOk(r.cli('review', 'import', await sheet(r, '第二组-未填姓名.xlsx', [], rows)), 'review import (unnamed)');
    const other = { 0: [60, 61, 62], 1: [63, 64, 65] };
    await expectOk(r.cli('review', 'import', await sheet(r, '第一组.xlsx', ['王明', '李华', '张强'], rows, other)), 'review import (named)');
    const list = await r.json<Reviewed[]>('review', 'list');
    for (const row of rows) expect(list.find((x) => x.id === row.id)!.experts).toBe(6);
  });
});
