/**
 * `studios set --certified-on` records when an older studio was certified: never over a renewed term, never a
 * date in the future or outside the studio's 认定年度 (and the next), and a date typed without a year stays there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const REGISTER = path.resolve('data/samples/register/工作室名册.xlsx');
const ASSESSMENTS = path.resolve('data/samples/assessments');

interface Listed {
  plaque: string;
  status: string;
  certifiedOn: string | null;
  validUntil: string | null;
}

describe('studios set --certified-on', () => {
  it('keeps a renewed term, refuses dates in the future or another year, and reads 12月20日 in the studio’s year', async () => {
    const db = path.join(tempDir(), 'g.db');
    const cli = (...args: string[]) => runCli(['--db', db, '--round', '2026', ...args]);
    const list = async (plaque: string): Promise<Listed> => (JSON.parse((await cli('studios', 'list', '--json')).stdout) as Listed[]).find((s) => s.plaque === plaque)!;
    expect((await cli('studios', 'import', REGISTER)).code).toBe(0);
    expect((await cli('assess', 'import', ASSESSMENTS)).code).toBe(0);
    expect((await cli('score', 'confirm')).code).toBe(0);
    const renew = await cli('studios', 'renew', 'GS-2023-001');
    expect(renew.code, renew.stderr).toBe(0);
    const renewed = await list('GS-2023-001');
    expect(renewed.validUntil).toBe('2029-06-19');

    // The date it already had, typed again: the renewed term stays.
    const again = await cli('studios', 'set', 'GS-2023-001', '--certified-on', renewed.certifiedOn!);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已续建');
    expect(await list('GS-2023-001')).toEqual(renewed);

    const before = await list('GS-2019-001');
    expect(before.certifiedOn).toBe('2019-06-18');
    for (const [date, words] of [
      ['2099-01-01', '晚于今天'],
      ['2021-06-18', '不在'],
      ['2018-12-20', '不在'],
    ] as const) {
      const r = await cli('studios', 'set', 'GS-2019-001', '--certified-on', date);
      expect(r.code, date).not.toBe(0);
      expect(r.stderr).toContain(words);
    }
    expect(await list('GS-2019-001')).toEqual(before);

    // Nearest to 2019-06-18 among 2019 and 2020 (not 2018-12-20, the nearest of all).
    const typed = await cli('studios', 'set', 'GS-2019-001', '--certified-on', '12月20日');
    expect(typed.code, typed.stderr).toBe(0);
    expect(typed.stderr).toContain('有效期 2019-12-20 至 2022-12-19');

    // The same date again: nothing written, nothing logged.
    const same = await cli('studios', 'set', 'GS-2019-001', '--certified-on', '2019-12-20');
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('认定日期已是 2019-12-20（有效期至 2022-12-19），未改动');
    expect((await cli('history', 'GS-2019-001', '--studio')).stdout.match(/登记认定日期 2019-12-20/gu)).toHaveLength(1);

    // Undone from the history: the date and the term it had come back, and both steps are in the log.
    const log = await cli('history', 'GS-2019-001', '--studio');
    expect(log.stdout).toContain('登记认定日期 2019-12-20，有效期至 2022-12-19（原为 2019-06-18）');
    const undo = await cli('history', 'GS-2019-001', '--studio', '--undo', '--reason', '日期录错');
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout + undo.stderr).toContain('认定日期登记：2019-12-20 → 2019-06-18');
    expect(await list('GS-2019-001')).toEqual(before);
    expect((await cli('history', 'GS-2019-001', '--studio')).stdout).toContain('撤销登记认定日期：改回 2019-06-18（有效期至 2022-06-17）');
  });

  it('the register fills in the 认定 date of a studio renewed since, and leaves its renewed term alone', async () => {
    const db = path.join(tempDir(), 'g.db');
    const cli = (...args: string[]) => runCli(['--db', db, '--round', '2026', ...args]);
    expect((await cli('assess', 'import', ASSESSMENTS, '--new-studios')).code).toBe(0);
    expect((await cli('score', 'confirm')).code).toBe(0);
    const studios = JSON.parse((await cli('studios', 'list', '--json')).stdout) as (Listed & { id: number; name: string })[];
    const lv = studios.find((s) => s.name.startsWith('吕建明'))!;
    expect((await cli('studios', 'renew', String(lv.id), '--date', '2026-06-20')).code).toBe(0);
    const imported = await cli('studios', 'import', REGISTER);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout + imported.stderr).toContain('认定日期 2023-06-20（已续建，有效期按续建不变）');
    const after = (JSON.parse((await cli('studios', 'list', '--json')).stdout) as (Listed & { id: number; termStartedOn: string })[]).find((s) => s.id === lv.id)!;
    expect(after).toMatchObject({ status: 'renewed', certifiedOn: '2023-06-20', termStartedOn: '2026-06-20', validUntil: '2029-06-19' });
    // And by hand: the renewed term is not reset either.
    expect((await cli('studios', 'set', String(lv.id), '--certified-on', '2023-06-20')).code).not.toBe(0);
  });
});
