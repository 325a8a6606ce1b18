/**
 * 2月29日 typed without a year after an event: the year is the one nearest the event, as for any other day;
 * when that year has no 29 February the date is refused, never moved to the leap year after it (a 认定 or a
 * payment more than a year after the event, recorded without a word).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applications, expectOk, HUANG, roundDb, writeReviewSheet, type RoundDb } from '../helpers/round.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

interface Studio {
  plaque: string | null;
  subsidyPaidOn: string | null;
}

/** HUANG reviewed, shortlisted and publicized from 2026-12-28 to 2027-01-08 (over New Year). */
async function publicizedOverNewYear(): Promise<RoundDb> {
  const r = roundDb();
  const file = await writeApplicationWorkbook(path.join(r.dir, 'in'), '1.xlsx', HUANG);
  await expectOk(r.cli('apply', 'import', file, '--received', '2026-05-20'), 'import');
  const [app] = await applications(r);
  const sheet = await writeReviewSheet(r.dir, '评审.xlsx', [{ id: app!.id, studioName: app!.studioName, unitName: app!.unit.name }]);
  await expectOk(r.cli('review', 'import', sheet), 'review import');
  await expectOk(r.cli('shortlist', 'confirm'), 'shortlist confirm');
  await expectOk(r.cli('publicize', '--from', '2026-12-28', '--to', '2027-01-08'), 'publicize');
  return r;
}

describe('2月29日 near an event whose nearest February has no 29th', () => {
  it('certify --date 2月29日 after a 公示 ending 2027-01-08 is refused (2027), not certified on 2028-02-29', async () => {
    const r = await publicizedOverNewYear();
    const run = await r.cli('certify', '--date', '2月29日');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2027 年 2 月只有 28 天');
    expect(run.stdout + run.stderr).not.toContain('2028');
    expect(await r.json<Studio[]>('studios', 'list')).toEqual([]);
  }, 60_000);

  it('subsidy paid --date 2月29日 after a 认定 of 2027-01-11 is refused, nothing recorded', async () => {
    const r = await publicizedOverNewYear();
    await expectOk(r.cli('certify', '--date', '1月11日'), 'certify');
    const run = await r.cli('subsidy', 'paid', 'GS-2026-001', '--date', '2月29日');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2027 年 2 月只有 28 天');
    const [studio] = await r.json<Studio[]>('studios', 'list');
    expect(studio).toMatchObject({ plaque: 'GS-2026-001', subsidyPaidOn: null });
    // Another day is read in the nearest year as before.
    const paid = await r.cli('subsidy', 'paid', 'GS-2026-001', '--date', '2月28日');
    expect(paid.code, paid.stderr).toBe(0);
    expect(paid.stdout + paid.stderr).toContain('2027-02-28');
  }, 60_000);
});
