/** The round facts an application is checked against, and duplicate leads found across a round. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importApplicationFiles } from '../../src/import/application-import.js';
import { evaluateRound, RoundFacts } from '../../src/services/eligibility.js';
import { listApplications } from '../../src/store/applications.js';
import { openStore } from '../../src/store/open.js';
import { makeApplication, makeLead } from '../helpers/application-factory.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

const ROUND = { year: 2026, deadline: '2026-05-22', settings: {} };
const ID = '330105197506150010';
const ID15 = '330105750615001';

describe('RoundFacts', () => {
  const facts = () =>
    new RoundFacts(
      ROUND,
      [{ studioName: '张建国数控车工技能大师工作室', idNumber: ID }],
      [
        { id: 7, idNumber: ID },
        { id: 2, idNumber: ` ${ID.toLowerCase()} ` },
        { id: 3, idNumber: '330105198003120025' },
        { id: 4, idNumber: '' },
        { id: 5, idNumber: ID15 },
      ],
      new Set([3]),
    );

  it('gives the other applications with the same person (15 or 18 digits), in id order, then studios', () => {
    expect(facts().othersFor(2, ID)).toEqual([
      { ref: '#5', idNumber: ID15, kind: 'application' },
      { ref: '#7', idNumber: ID, kind: 'application' },
      { ref: '张建国数控车工技能大师工作室', idNumber: ID, kind: 'studio' },
    ]);
    expect(facts().othersFor(3, '330105198003120025')).toEqual([]);
    expect(facts().othersFor(4, '')).toEqual([]);
  });

  it('follows a changed lead and knows whose materials are tracked', () => {
    const f = facts();
    f.setApplicationLead(7, '330105198003120025');
    f.setApplicationLead(9, ID);
    expect(f.othersFor(2, ID).map((o) => o.ref)).toEqual(['#5', '#9', '张建国数控车工技能大师工作室']);
    expect(f.othersFor(3, '330105198003120025').map((o) => o.ref)).toEqual(['#7']);
    expect([f.materialsTracked(3), f.materialsTracked(2)]).toEqual([true, false]);
  });
});

describe('duplicate leads across an import', () => {
  it('an earlier application with the same lead is checked again at the end of the import, as a round check would', async () => {
    const dir = tempDir();
    const files = [];
    for (const [i, idNumber] of [ID, '330105198003120025', ID15].entries()) {
      const lead = makeLead({ idNumber, ...(i === 1 ? { name: '李梅', gender: '女', birth: '1980-03' } : {}) });
      files.push(await writeApplicationWorkbook(dir, `${i}.xlsx`, makeApplication({ unit: { name: `杭州第${i}机械有限公司` }, lead })));
    }
    const db = openStore(path.join(dir, 'g.db'));
    try {
      const dup = (id: number) => listApplications(db, 2026).find((a) => a.id === id)!.findings.filter((f) => f.code === 'duplicate-lead').map((f) => f.message);
      const verdicts = () => listApplications(db, 2026).map((a) => [a.id, a.eligible, a.findings]);
      const results = await importApplicationFiles(db, files, { round: 2026, receivedDate: '2026-05-20', actor: { user: 't', command: 't' }, dbFile: 'g.db' });
      expect(results.map((r) => r.id)).toEqual([1, 2, 3]);
      // The first file's row was counted before the third arrived; its stored verdict was then renewed.
      expect(results[0]!.errors).toBe(0);
      expect(dup(1)).toEqual([expect.stringContaining('#3')]);
      expect(dup(2)).toEqual([]);
      expect(dup(3)).toEqual([expect.stringContaining('#1')]);
      const imported = verdicts();
      evaluateRound(db, 2026, { user: 't', command: 't' });
      expect(verdicts()).toEqual(imported);
    } finally {
      db.close();
    }
  });
});
