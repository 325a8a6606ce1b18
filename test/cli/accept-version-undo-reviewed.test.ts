/**
 * `apply accept-version` on an application already reviewed, then one `history --undo`: the state before the
 * acceptance comes back in one step (status 已评审, the earlier version in effect and the accepted one held
 * again, the same findings, the committee's manual shortlist change in force again), not a half-way 已提交.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUnit } from '../helpers/application-factory.js';
import { applications, expectOk, HUANG, roundDb, writeReviewSheet, type RoundDb } from '../helpers/round.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

const LI = HUANG;

async function state(r: RoundDb): Promise<unknown> {
  const app = (await applications(r)).find((a) => a.id === 1)!;
  const shortlist = await r.json<unknown>('shortlist');
  return { app, shortlist };
}

/** A reviewed application with a held second version; `manual` also records a committee's removal from the shortlist. */
async function reviewedWithHeldVersion(manual: boolean): Promise<RoundDb> {
  const r = roundDb(tempDir());
  const first = await writeApplicationWorkbook(path.join(r.dir, 'in'), '1.xlsx', LI);
  await expectOk(r.cli('apply', 'import', first, '--received', '2026-05-20'), 'import');
  const sheet = await writeReviewSheet(r.dir, '评审.xlsx', [{ id: 1, studioName: LI.studioName, unitName: LI.unit.name }]);
  await expectOk(r.cli('review', 'import', sheet), 'review import');
  if (manual) await expectOk(r.cli('shortlist', 'remove', '1', '--reason', '评审委员会决定'), 'shortlist remove');
  const corrected = { ...LI, unit: makeUnit({ ...HUANG.unit, phone: '12345' }) };
  const second = await writeApplicationWorkbook(path.join(r.dir, 'in2'), '1改.xlsx', corrected);
  await expectOk(r.cli('apply', 'import', second, '--received', '2026-05-25'), 'import held');
  return r;
}

describe('undo of apply accept-version on a reviewed application', () => {
  for (const manual of [false, true]) {
    it(`restores the state before in one undo${manual ? ' (with a manual shortlist change)' : ''}`, async () => {
      const r = await reviewedWithHeldVersion(manual);
      const before = await state(r);
      expect((before as { app: { status: string; pendingVersions: number[] } }).app).toMatchObject({ status: 'reviewed', version: 1, pendingVersions: [2] });
      await expectOk(r.cli('apply', 'accept-version', '1', '--reason', '单位来函'), 'accept-version');
      expect((await applications(r))[0]).toMatchObject({ status: 'eligible', version: 2 });
      const undo = await expectOk(r.cli('history', '1', '--undo', '--reason', '核实有误'), 'undo');
      expect(await state(r)).toEqual(before);
      expect(undo.stdout + undo.stderr).toContain('第 1 版');
      // Accepting again after the undo does the same as the first time, and undoing it again restores again.
      await expectOk(r.cli('apply', 'accept-version', '1', '--reason', '再次采用'), 'accept-version again');
      expect((await applications(r))[0]).toMatchObject({ status: 'eligible', version: 2 });
      await expectOk(r.cli('history', '1', '--undo', '--reason', '仍有误'), 'undo again');
      expect(await state(r)).toEqual(before);
    }, 60_000);
  }

  it('is refused while a reminder confirmed or an error waived since still stands, and goes through once that is undone', async () => {
    const r = await reviewedWithHeldVersion(false);
    const before = await state(r);
    await expectOk(r.cli('apply', 'accept-version', '1', '--reason', '单位来函'), 'accept-version');
    const shown = await r.json<{ findings: { code: string; severity: string; field?: string }[] }>('apply', 'show', '1');
    const warning = shown.findings.find((f) => f.severity === 'warning')!;
    expect(warning).toBeDefined();
    const field = warning.field ? ['--field', warning.field] : [];
    await expectOk(r.cli('apply', 'override', '1', warning.code, ...field, '--reason', '已电话核实'), 'acknowledge');
    const refused = await r.cli('history', '1', '--undo', '--reason', '核实有误');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('不能撤销申报 #1 采用第 2 版：之后又豁免或确认了');
    expect((await applications(r))[0]).toMatchObject({ status: 'eligible', version: 2 });
    await expectOk(r.cli('apply', 'override', '1', warning.code, ...field, '--undo', '--reason', '先撤销确认'), 'override --undo');
    await expectOk(r.cli('history', '1', '--undo', '--reason', '核实有误'), 'undo');
    expect(await state(r)).toEqual(before);
  }, 60_000);
});
