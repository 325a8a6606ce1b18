/**
 * `kill -9` of `gongshu apply import` on 200 files, at random points: before the database exists, during the
 * batch (also inside a file's transaction), during the final re-check. Afterwards the file is intact, every
 * application is complete or absent, and running the import again completes the batch without duplicates.
 * `npm test` kills it twice; `npm run test:faults` (FAULT_ROUNDS=10) ten times.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dbState, fastTempDir, finished, gongshu, gongshuAsync, sleep, versionsSoFar, writeApplicationFiles } from './helpers.js';

const FILES = 200;
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 2);

let dir: string;
let inbox: string;

beforeAll(async () => {
  dir = fastTempDir('gongshu-kill-');
  inbox = path.join(dir, 'inbox');
  await writeApplicationFiles(inbox, FILES);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(`kill -9 during an import of ${FILES} files (${ROUNDS} rounds)`, () => {
  test.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i', async (round) => {
    const db = path.join(dir, `round-${round}.db`);
    // Kill once this many files are in (0: while starting or creating the database; 200: during the final
    // re-check and output), then after a few more random milliseconds, which may fall inside a transaction.
    const target = randomInt(0, FILES + 1);
    const extraMs = randomInt(0, 40);
    const label = `round ${round}: killed after ${target} files + ${extraMs} ms`;

    const child = gongshuAsync(['--db', db, '--round', '2026', 'apply', 'import', inbox, '--received', '2026-05-20']);
    const done = finished(child);
    let exited = false;
    void done.then(() => (exited = true));
    while (!exited && versionsSoFar(db) < target) await sleep(15);
    await sleep(extraMs);
    child.kill('SIGKILL');
    const killed = await done;

    const after = dbState(db);
    expect(after.integrity, label).toBe('ok');
    expect(after.foreignKeyProblems, label).toBe(0);
    expect(after.withoutVersion, label).toBe(0);
    expect(after.orphanVersions, label).toBe(0);
    expect(after.brokenVersions, label).toBe(0);
    expect(after.versions, label).toBe(after.applications);
    expect(after.distinctShas, label).toBe(after.versions);
    expect(after.auditImports, label).toBe(after.applications);
    expect(after.applications, label).toBeLessThanOrEqual(FILES);
    // A child that finished before the kill landed must have imported every file.
    expect(killed.signal === 'SIGKILL' || after.applications === FILES, `${label}: ended on its own with ${after.applications} files`).toBe(true);

    const again = gongshu(['--db', db, '--round', '2026', 'apply', 'import', inbox, '--received', '2026-05-20', '--json']);
    expect(again.status, `${label}: ${again.stderr}`).toBe(0);
    const results = JSON.parse(again.stdout) as { outcome: string }[];
    expect(results.filter((r) => r.outcome === 'imported').length + results.filter((r) => r.outcome === 'skipped').length, label).toBe(FILES);
    expect(results.filter((r) => r.outcome === 'skipped').length, label).toBe(after.applications);

    const complete = dbState(db);
    expect(complete, label).toEqual({
      integrity: 'ok', foreignKeyProblems: 0, applications: FILES, versions: FILES, distinctShas: FILES, distinctFiles: FILES,
      withoutVersion: 0, orphanVersions: 0, brokenVersions: 0, auditImports: FILES,
    });
  }, 240_000);
});
