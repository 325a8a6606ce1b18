/**
 * Two clerks (or two windows) run `gongshu apply import` on the same database at the same moment, on
 * overlapping folders, starting before the database exists. Both finish (the second waits for the first's
 * write lock, busy timeout 15 s), and every file is in exactly once: imported by one, skipped by the other.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dbState, fastTempDir, finished, gongshuAsync, writeApplicationFiles } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = fastTempDir('gongshu-concurrent-');
  // Files 40–79 are in both folders, byte for byte. The second folder names them so that it is read in the
  // opposite order: the two processes meet in the middle, parsing the same files at the same time.
  await writeApplicationFiles(path.join(dir, 'a'), 80, 0);
  await writeApplicationFiles(path.join(dir, 'b'), 80, 40, (i) => `申报表-${String(999 - i).padStart(3, '0')}.xlsx`);
  await writeApplicationFiles(path.join(dir, 'same'), 40, 200);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Result {
  file: string;
  outcome: string;
  id: number;
}

test('two imports at once on one database: both finish, nothing lost or doubled', async () => {
  const db = path.join(dir, 'shared.db');
  const args = (folder: string) => ['--db', db, '--round', '2026', 'apply', 'import', path.join(dir, folder), '--received', '2026-05-20', '--json'];
  const [a, b] = await Promise.all([finished(gongshuAsync(args('a'))), finished(gongshuAsync(args('b')))]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  const ra = JSON.parse(a.stdout) as Result[];
  const rb = JSON.parse(b.stdout) as Result[];
  expect(ra).toHaveLength(80);
  expect(rb).toHaveLength(80);
  expect([...ra, ...rb].every((r) => r.outcome === 'imported' || r.outcome === 'skipped')).toBe(true);

  // Each of the 120 distinct files was imported exactly once, by one of the two; the other skipped it.
  const imported = [...ra, ...rb].filter((r) => r.outcome === 'imported').map((r) => r.id);
  expect(imported).toHaveLength(120);
  expect(new Set(imported).size).toBe(120);
  const skipped = [...ra, ...rb].filter((r) => r.outcome === 'skipped').map((r) => r.id);
  expect(skipped).toHaveLength(40);
  expect(skipped.every((id) => imported.includes(id))).toBe(true);

  expect(dbState(db)).toEqual({
    integrity: 'ok', foreignKeyProblems: 0, applications: 120, versions: 120, distinctShas: 120, distinctFiles: 120,
    withoutVersion: 0, orphanVersions: 0, brokenVersions: 0, auditImports: 120,
  });
}, 120_000);

test('the same folder twice at once: the two run side by side on the same files, each file imported once', async () => {
  const db = path.join(dir, 'same.db');
  const args = ['--db', db, '--round', '2026', 'apply', 'import', path.join(dir, 'same'), '--received', '2026-05-20', '--json'];
  const [a, b] = await Promise.all([finished(gongshuAsync(args)), finished(gongshuAsync(args))]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  const all = [...(JSON.parse(a.stdout) as Result[]), ...(JSON.parse(b.stdout) as Result[])];
  expect(all.filter((r) => r.outcome === 'imported')).toHaveLength(40);
  expect(all.filter((r) => r.outcome === 'skipped')).toHaveLength(40);
  expect(dbState(db)).toMatchObject({ integrity: 'ok', applications: 40, versions: 40, distinctShas: 40, withoutVersion: 0, orphanVersions: 0, auditImports: 40 });
}, 120_000);
