/**
 * `certify --date 1月11日` after a 公示 over New Year (2026-12-28 to 2027-01-08) is 2027-01-11, not the round's
 * 2026-01-11; `subsidy paid --date 1月20日` after a 认定 in the new year likewise.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applications, expectOk, HUANG, roundDb, writeReviewSheet } from '../helpers/round.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';


describe('dates without a year after an event', () => {
  it('certify and subsidy paid after a 公示 over New Year take the new year', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(path.join(r.dir, 'inbox'), '01.xlsx', HUANG);
    await expectOk(r.cli('apply', 'import', file, '--received', '2026-05-20'), 'import');
    const eligible = (await applications(r)).filter((a) => a.status === 'eligible');
    expect(eligible).toHaveLength(1);
    const sheet = await writeReviewSheet(r.dir, '评审.xlsx', eligible.map((a) => ({ id: a.id, studioName: a.studioName, unitName: a.unit.name })));
    await expectOk(r.cli('review', 'import', sheet), 'review import');
    await expectOk(r.cli('shortlist', 'confirm'), 'shortlist confirm');
    await expectOk(r.cli('publicize', '--from', '2026-12-28', '--to', '1月8日'), 'publicize');
    // 1月8日 is the 公示's last day: refused as inside the 公示 (not taken as 2026-01-08, before it began).
    const early = await r.cli('certify', '--date', '1月8日');
    expect(early.code).not.toBe(0);
    expect(early.stdout + early.stderr).toContain('2027-01-08');
    expect(early.stdout + early.stderr).not.toContain('2026-01-08');
    const run = await expectOk(r.cli('certify', '--date', '1月11日'), 'certify');
    expect(run.stdout + run.stderr).toContain('2027-01-11');
    const studios = await r.json<{ plaque: string; certifiedOn: string }[]>('studios', 'list');
    expect(studios.map((s) => s.certifiedOn)).toEqual(['2027-01-11']);
    const paid = await expectOk(r.cli('subsidy', 'paid', studios[0]!.plaque, '--date', '1月20日'), 'subsidy paid');
    expect(paid.stdout + paid.stderr).toContain('2027-01-20');
    const after = await r.json<{ subsidyPaidOn: string }[]>('studios', 'list');
    expect(after[0]!.subsidyPaidOn).toBe('2027-01-20');
  }, 60_000);
});
