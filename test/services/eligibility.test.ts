/** The round facts an application is checked against, and duplicate leads found across a round. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/services/context.js';
import { checkRound, RoundFacts } from '../../src/services/eligibility.js';
import { importApplications } from '../../src/services/import-applications.js';
import { listApplications } from '../../src/store/applications.js';
import { openStore } from '../../src/store/open.js';
import { makeApplication, makeLead } from '../helpers/application-factory.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

const ROUND = { year: 2026, deadline: '2026-05-22', settings: {} };
const ID = '330105197506150010';
const ID15 = '330105750615001';
const STUDIO = { studioName: '张建国数控车工技能大师工作室', plaque: 'GS-2023-001', idNumber: ID, applicationId: 7 };

describe('RoundFacts', () => {
  const facts = () =>
    new RoundFacts(
      ROUND,
      [STUDIO],
      [
        { id: 7, idNumber: ID, status: 'certified' },
        { id: 2, idNumber: ` ${ID.toLowerCase()} `, status: 'submitted' },
        { id: 3, idNumber: '330105198003120025', status: 'eligible' },
        { id: 4, idNumber: '', status: 'ineligible' },
        { id: 5, idNumber: ID15, status: 'submitted' },
        { id: 6, idNumber: ID, status: 'withdrawn' },
        { id: 8, idNumber: ID, status: 'rejected' },
      ],
      new Set([3]),
    );

  it('gives the other applications with the same person (15 or 18 digits), in id order, then studios', () => {
    expect(facts().othersFor(2, ID)).toEqual([
      { ref: '#5', idNumber: ID15, kind: 'application' },
      { ref: '#7', idNumber: ID, kind: 'application' },
      { ref: '张建国数控车工技能大师工作室（GS-2023-001）', idNumber: ID, kind: 'studio' },
    ]);
    expect(facts().othersFor(3, '330105198003120025')).toEqual([]);
    expect(facts().othersFor(4, '')).toEqual([]);
  });

  it('never matches an application against its own studio', () => {
    expect(facts().othersFor(7, ID).map((o) => o.ref)).toEqual(['#2', '#5']);
  });

  it('leaves withdrawn and rejected applications out, both ways', () => {
    expect(facts().othersFor(2, ID).map((o) => o.ref)).not.toContain('#6');
    expect(facts().othersFor(2, ID).map((o) => o.ref)).not.toContain('#8');
    expect(facts().othersFor(6, ID).map((o) => o.ref)).toEqual(['#2', '#5', '#7', '张建国数控车工技能大师工作室（GS-2023-001）']);
    expect(facts().sameLeadAs([6])).toEqual([]);
  });

  it('follows a changed lead or status and knows whose materials are tracked', () => {
    const f = facts();
    f.setApplicationLead(7, '330105198003120025', 'certified');
    f.setApplicationLead(9, ID, 'submitted');
    expect(f.othersFor(2, ID).map((o) => o.ref)).toEqual(['#5', '#9', '张建国数控车工技能大师工作室（GS-2023-001）']);
    expect(f.othersFor(3, '330105198003120025').map((o) => o.ref)).toEqual(['#7']);
    f.setApplicationLead(9, ID, 'withdrawn');
    expect(f.othersFor(2, ID).map((o) => o.ref)).toEqual(['#5', '张建国数控车工技能大师工作室（GS-2023-001）']);
    expect([f.materialsTracked(3), f.materialsTracked(2)]).toEqual([true, false]);
  });
});

describe('duplicate leads across an import', () => {
  const workspace = (dir: string): Workspace => {
    const dbFile = path.join(dir, 'g.db');
    return { db: openStore(dbFile), dbFile, actor: { user: 't', command: 't' } };
  };

  it('a form for the same person from another unit is held as a version of the first application, not a second application', async () => {
    const dir = tempDir();
    const files = [];
    for (const [i, idNumber] of [ID, '330105198003120025', ID15].entries()) {
      const lead = makeLead({ idNumber, ...(i === 1 ? { name: '李梅', gender: '女', birth: '1980-03' } : {}) });
      files.push(await writeApplicationWorkbook(dir, `${i}.xlsx`, makeApplication({ unit: { name: `杭州第${i}机械有限公司` }, lead })));
    }
    const ws = workspace(dir);
    try {
      const results = await importApplications(ws, files, { round: 2026, receivedDate: '2026-05-20' });
      expect(results.map((r) => [r.id, r.outcome])).toEqual([[1, 'imported'], [2, 'imported'], [1, 'pending']]);
      expect(results[2]!.problems.map((p) => p.message).join('')).toMatch(/申报单位不同（原：杭州第0机械有限公司；新：杭州第2机械有限公司）/u);
      const apps = listApplications(ws.db, 2026);
      expect(apps.map((a) => [a.id, a.current.version, a.current.parsed.application.unit.name])).toEqual([
        [1, 1, '杭州第0机械有限公司'],
        [2, 1, '杭州第1机械有限公司'],
      ]);
      expect(apps.flatMap((a) => a.findings.filter((f) => f.code === 'duplicate-lead'))).toEqual([]);
    } finally {
      ws.db.close();
    }
  });

  it('an earlier application sharing an unreadable lead ID is checked again at the end of the import, as a round check would', async () => {
    const dir = tempDir();
    const typo = '330105197506150011';
    const files = [];
    for (const i of [0, 1, 2]) {
      const lead = makeLead({ idNumber: i === 1 ? '330105198003120025' : typo, ...(i === 1 ? { name: '李梅', gender: '女', birth: '1980-03' } : {}) });
      files.push(await writeApplicationWorkbook(dir, `${i}.xlsx`, makeApplication({ unit: { name: `杭州第${i}机械有限公司` }, lead })));
    }
    const ws = workspace(dir);
    try {
      const dup = (id: number) => listApplications(ws.db, 2026).find((a) => a.id === id)!.findings.filter((f) => f.code === 'duplicate-lead').map((f) => f.message);
      const verdicts = () => listApplications(ws.db, 2026).map((a) => [a.id, a.eligible, a.findings]);
      const results = await importApplications(ws, files, { round: 2026, receivedDate: '2026-05-20' });
      expect(results.map((r) => r.id)).toEqual([1, 2, 3]);
      expect(dup(1)).toEqual([expect.stringContaining('#3')]);
      expect(dup(2)).toEqual([]);
      expect(dup(3)).toEqual([expect.stringContaining('#1')]);
      const imported = verdicts();
      checkRound(ws, 2026);
      expect(verdicts()).toEqual(imported);
    } finally {
      ws.db.close();
    }
  });
});
