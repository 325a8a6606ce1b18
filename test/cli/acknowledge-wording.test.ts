/**
 * Confirming a reminder that has no cell (逾期提交 is about the date the form came in, not a cell of it)
 * says what was confirmed without an empty pair of brackets.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUANG, expectOk, roundDb } from '../helpers/round.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

describe('apply override of a reminder without a cell', () => {
  it('prints the confirmation without "（）"', async () => {
    const r = roundDb();
    const file = await writeApplicationWorkbook(path.join(r.dir, 'inbox'), '申报表.xlsx', HUANG);
    await expectOk(r.cli('round', 'set', '2026', '--deadline', '2026-05-22'), 'round set');
    await expectOk(r.cli('apply', 'import', file, '--received', '2026-05-25'), 'apply import');
    const done = await expectOk(r.cli('apply', 'override', '1', '逾期提交', '--reason', '邮件5月21日发出，已核实'), 'apply override');
    const said = `${done.stdout}${done.stderr}`;
    expect(said).toContain('已确认提醒“逾期提交”');
    expect(said).not.toContain('（）');

    // A reminder confirmed is said as confirmed, never as waived: again, undone, in the log, and nothing left to undo.
    const again = await r.cli('apply', 'override', '1', '逾期提交', '--reason', '再次确认');
    expect(again.stdout + again.stderr).toContain('申报 #1 的“逾期提交”已经确认过');
    const undone = await expectOk(r.cli('apply', 'override', '1', '逾期提交', '--undo', '--reason', '核实有误'), 'override --undo');
    expect(undone.stdout + undone.stderr).toContain('已撤销申报 #1 对“逾期提交”的确认');
    expect((await r.cli('history', '1')).stdout).toContain('撤销确认提醒“逾期提交”');
    const none = await r.cli('apply', 'override', '1', '逾期提交', '--undo', '--reason', '再撤销');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('没有可撤销的“逾期提交”豁免或确认');
    expect(none.stderr).not.toMatch(/[a-z]+-[a-z]+/u);
  });
});
