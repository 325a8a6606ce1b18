/**
 * Issue 20's cases as plain commands, and the purge proved by generation: reasons holding generated ID and
 * mobile numbers (random digit forms, X-like characters, separators) are typed into every command of a
 * round; after `db purge` the raw file holds none of the numbers (UTF-8 or UTF-16) and none of the reasons
 * as typed, and gongshu lists the round's exports still on disk, deleting them only when told.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalisedDigits } from '../../src/core/personal-numbers.js';
import { runCli } from '../helpers/run-cli.js';
import { plantedArb, type Planted } from '../helpers/spellings.js';
import { tempDir } from '../helpers/tmp.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const ROUND = '2025';

function dbCli(db: string) {
  return async (...args: string[]) => {
    const r = await runCli(['--db', db, '--round', ROUND, ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    expect(r.stderr).not.toMatch(/程序内部错误/u);
    return r;
  };
}

/** The database file and what SQLite keeps beside it. */
function rawBytes(db: string): Buffer {
  return Buffer.concat([db, `${db}-wal`, `${db}-journal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

function holds(bytes: Buffer, text: string): boolean {
  const be = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le')) || bytes.includes(be);
}

describe('issue 20, case by case', () => {
  it('masks the clerk’s number echoed as an unknown command', async () => {
    for (const word of ['13812345678', '138/1234/5678', '33010519841021191×']) {
      const r = await runCli([word]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('这个命令');
      expect(normalisedDigits(r.stderr)).not.toMatch(/13812345678|33010519841021191X/u);
    }
  });

  it('prints a backup path of a database named gongshu2025.db intact, and the file is there', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu2025.db');
    const cli = dbCli(db);
    await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
    const backup = path.join(dir, 'backup-copy.db');
    await cli('db', 'backup', '-o', backup);
    const r = await cli('db', 'restore', backup, '--yes');
    const shown = /操作前已自动备份数据库：(.+)$/mu.exec(r.stderr)?.[1];
    expect(shown, r.stderr).toMatch(/gongshu2025-\d{8}-\d{6}Z-before-restore\.db$/u);
    expect(fs.existsSync(shown!)).toBe(true);
  });

  it('shows a unit’s fixed line in apply show, and masks a mobile however it is written', async () => {
    const dir = tempDir();
    const cli = dbCli(path.join(dir, 'g.db'));
    await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
    const list = JSON.parse((await cli('apply', 'list', '--json')).stdout) as { id: number; unit: { phone: string } }[];
    const withPhone = list.find((a) => a.unit.phone.replace(/\D/gu, '').length >= 7)!;
    await cli('apply', 'set', String(withPhone.id), '单位手机=159/0005/3265', '--reason', '单位来电更正，手机 (159)0005-3265');
    const show = await cli('apply', 'show', String(withPhone.id), '--history');
    const text = show.stdout + show.stderr;
    expect(text).toContain(withPhone.unit.phone);
    expect(text).toContain('159****3265');
    expect(normalisedDigits(text)).not.toContain('15900053265');
  });
});

describe('db purge, proved by generation', () => {
  it('leaves none of the generated numbers and reasons in the raw file, and lists the exports left on disk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plantedArb, { minLength: 4, maxLength: 4 }), async (planted: Planted[]) => {
        const dir = tempDir();
        const db = path.join(dir, 'g.db');
        const cli = dbCli(db);
        const reasons = planted.map((p, i) => `理由${i}：${p.text}，请核对`);
        await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', `${ROUND}-05-20`);
        await cli('apply', 'override', '5', 'retirement-margin', '--reason', reasons[0]!);
        await cli('review', 'import', path.join(SAMPLES, 'reviews'));
        await cli('shortlist', 'remove', '9', '--reason', reasons[1]!);
        await cli('shortlist', '--min-score', '75');
        await cli('shortlist', 'confirm');
        await cli('publicize', '--from', `${ROUND}-06-02`);
        await cli('object', '2', '--reason', reasons[2]!);
        await cli('object', '2', '--resolve', '--reason', reasons[3]!);
        const exports = [path.join(dir, '出口', '名单.xlsx'), path.join(dir, '出口', '内部名单.xlsx'), path.join(dir, '出口', '审查.xlsx')];
        fs.mkdirSync(path.dirname(exports[0]!));
        await cli('export', 'shortlist', '-o', exports[0]!);
        await cli('export', 'shortlist', '--internal', '-o', exports[1]!);
        await cli('export', 'review', '-o', exports[2]!);
        fs.rmSync(exports[2]!); // deleted by the clerk already: not listed
        // Sanity: what was typed is in the file before the purge.
        const before = rawBytes(db);
        for (const r of reasons) expect(holds(before, r), r).toBe(true);

        const purged = await cli('db', 'purge', '--yes');
        const raw = rawBytes(db);
        for (const p of planted) expect(holds(raw, p.value), p.value).toBe(false);
        for (const r of reasons) expect(holds(raw, r), r).toBe(false);
        // The audit log keeps each reason, masked from the start.
        const history = await cli('history', '2');
        expect(history.stdout + history.stderr).toContain('理由2：');
        expect(normalisedDigits(history.stdout + history.stderr)).not.toContain(planted[2]!.value);
        // The exports still on disk are listed by their full paths and kept: --yes answers the purge only.
        for (const f of exports.slice(0, 2)) expect(purged.stderr).toContain(f);
        expect(purged.stderr).not.toContain(exports[2]!);
        expect(purged.stderr).toContain('--delete-exports');
        for (const f of exports.slice(0, 2)) expect(fs.existsSync(f)).toBe(true);
        const deleted = await cli('db', 'purge', '--yes', '--delete-exports');
        expect(deleted.stderr).toContain('已删除 2 个导出文件');
        for (const f of exports) expect(fs.existsSync(f)).toBe(false);
      }),
      { numRuns: 2, seed: 2020 },
    );
  }, 180_000);
});
