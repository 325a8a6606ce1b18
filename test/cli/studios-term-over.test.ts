/**
 * A studio imported from the register whose term ended long ago (certified 2019, term to 2022) is not listed
 * as 有效: `studios list` and `studios due` show 已到期（待登记）, derived from the term's end and today (China
 * date), and say what to record; the stored status is not rewritten (only `studios expire` moves it).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegisterWorkbook, REGISTER_ROWS } from '../fixtures/make-register.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { termOver } from '../../src/core/due.js';
import { chinaDate } from '../../src/core/china-time.js';

interface Listed {
  id: number;
  name: string;
  status: string;
  statusName: string;
  validUntil: string | null;
  termOver: boolean;
}

describe('a register studio whose term is over is not shown as 有效', () => {
  it('studios list and studios due say 已到期（待登记） for a term that ended, keep the stored status, and name what to do', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = path.join(dir, '工作室名册.xlsx');
    await buildRegisterWorkbook(ExcelJS, REGISTER_ROWS).xlsx.writeFile(file);
    expect((await runCli(['--db', db, 'studios', 'import', file])).code).toBe(0);

    const rows = JSON.parse((await runCli(['--db', db, 'studios', 'list', '--json'])).stdout) as Listed[];
    const liu = rows.find((r) => r.name.startsWith('刘建平'))!;
    expect(liu).toMatchObject({ status: 'valid', validUntil: '2022-06-17', termOver: true });
    const today = chinaDate();
    for (const r of rows) expect(r.termOver).toBe(termOver(r, today));

    const list = await runCli(['--db', db, 'studios', 'list']);
    expect(list.code).toBe(0);
    const liuLine = list.stdout.split('\n').find((l) => l.includes('GS-2019-001'))!;
    expect(liuLine).toContain('已到期（待登记）');
    expect(liuLine).not.toMatch(/│\s*有效\s*│/u);
    expect(list.stdout + list.stderr).toContain(`记录中仍是“有效”或“已续建”，表中显示为“已到期（待登记）”`);
    expect(list.stdout + list.stderr).toContain('gongshu studios expire 铭牌编号');

    const due = await runCli(['--db', db, 'studios', 'due']);
    const dueLine = due.stdout.split('\n').find((l) => l.includes(`#${liu.id} `))!;
    expect(dueLine).toContain('已到期（待登记）');
    expect(dueLine).toContain('已于 2022-06-17 到期');

    // Stored status unchanged; once recorded as expired it shows the plain 已到期.
    expect((await runCli(['--db', db, 'studios', 'expire', 'GS-2019-001', '--reason', '期满未续建'])).code).toBe(0);
    const after = await runCli(['--db', db, 'studios', 'list']);
    expect(after.stdout.split('\n').find((l) => l.includes('GS-2019-001'))).toMatch(/│\s*已到期\s*│/u);
  });

  it('termOver: only a running term (有效, 已续建) whose last day is before today', () => {
    const day = fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2040, 0, 1) }).map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom('valid', 'renewed', 'assessed-pass', 'assessed-fail', 'not-assessed', 'expired', 'revoked', 'merged'), fc.option(day), day, (status, validUntil, today) => {
        const running = status === 'valid' || status === 'renewed';
        expect(termOver({ status, validUntil }, today)).toBe(running && validUntil !== null && validUntil < today);
      }),
    );
  });
});
