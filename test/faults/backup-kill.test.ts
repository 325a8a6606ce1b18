/**
 * `kill -9` of `gongshu db backup` and of a command that makes an automatic backup (`score confirm`), at
 * random points: from start-up to exit, and inside the copy itself (once its temporary file is there).
 * Whatever is left, every file that carries a backup's final name passes `db check`, the database in use
 * still does, and the next `db backup` clears what the killed one left half-written.
 * `npm test` kills each three times; `npm run test:faults` (FAULT_ROUNDS=10) ten times.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendAudit } from '../../src/store/audit.js';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/run-cli.js';
import { fastTempDir, finished, gongshuAsync, sleep } from './helpers.js';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 3);
const SAMPLES = new URL('../../data/samples/', import.meta.url).pathname;

let dir: string;
let base: string;

/** Half-written copies: `.name.<pid>-<random>.tmp` (and its journal). */
const isTemp = (name: string): boolean => name.startsWith('.') && name.includes('.tmp');

interface Kind {
  name: string;
  args: (db: string, folder: string) => string[];
  /** Where its backups go. */
  folder: (folder: string) => string;
}

const KINDS: Kind[] = [
  { name: 'db backup', args: (db, folder) => ['--db', db, 'db', 'backup', '-o', path.join(folder, '备份.db')], folder: (f) => f },
  { name: 'score confirm (automatic backup)', args: (db) => ['--db', db, '--round', '2026', 'score', 'confirm'], folder: (f) => path.join(f, 'gongshu-backups') },
];

function names(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

/** A fresh copy of the base database in its own folder. */
function workFolder(label: string): { folder: string; db: string } {
  const folder = path.join(dir, label);
  fs.mkdirSync(folder);
  const db = path.join(folder, 'gongshu.db');
  fs.copyFileSync(base, db);
  return { folder, db };
}

/** Runs to the end, noting when the copy's temporary file was first seen (ms from start) and when it exited. */
async function timed(kind: Kind): Promise<{ copyAt: number; exitAt: number }> {
  const { folder, db } = workFolder(`calibrate-${kind.name.split(' ')[0]}`);
  const start = Date.now();
  const done = finished(gongshuAsync(kind.args(db, folder)));
  let exited = false;
  void done.then(() => (exited = true));
  let copyAt = -1;
  while (!exited) {
    if (copyAt < 0 && names(kind.folder(folder)).some(isTemp)) copyAt = Date.now() - start;
    await sleep(1);
  }
  const r = await done;
  expect(r.code, r.stderr).toBe(0);
  return { copyAt: copyAt < 0 ? 0 : copyAt, exitAt: Date.now() - start };
}

beforeAll(async () => {
  dir = fastTempDir('gongshu-backup-kill-');
  base = path.join(dir, 'base.db');
  const cli = (...args: string[]) => runCli(['--db', base, '--round', '2026', ...args]);
  expect((await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', '2026-05-20')).code).toBe(0);
  expect((await cli('assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios')).code).toBe(0);
  // Years of history: a copy of some 14 MB takes long enough (~0.1 s) to be cut off in the middle.
  const db = openStore(base);
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) appendAudit(db, { user: 'clerk', command: 'gongshu apply list' }, 'round', 2026, 'view', { note: `${'查看'.repeat(150)}${i}` });
  }).immediate();
  db.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(KINDS)('kill -9 during $name', (kind) => {
  let timing: { copyAt: number; exitAt: number };
  beforeAll(async () => {
    timing = await timed(kind);
  }, 60_000);

  test.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))('round %i', async (round) => {
    const { folder, db } = workFolder(`${kind.name.split(' ')[0]}-${round}`);
    const backups = kind.folder(folder);
    const start = Date.now();
    const child = gongshuAsync(kind.args(db, folder));
    const done = finished(child);
    let exited = false;
    void done.then(() => (exited = true));
    // Odd rounds: anywhere from start-up to exit. Even rounds: inside the copy, once its temporary file is there.
    let label: string;
    if (round % 2 === 1) {
      const at = randomInt(0, timing.exitAt + 1);
      label = `round ${round}: killed ${at} ms after start`;
      while (!exited && Date.now() - start < at) await sleep(1);
    } else {
      while (!exited && !names(backups).some(isTemp)) await sleep(1);
      const extra = randomInt(0, Math.max(1, timing.exitAt - timing.copyAt));
      label = `round ${round}: killed ${extra} ms into the copy`;
      await sleep(extra);
    }
    child.kill('SIGKILL');
    await done;

    const finals = names(backups).filter((n) => n.endsWith('.db') && !isTemp(n) && n !== 'gongshu.db');
    for (const name of finals) {
      const r = await runCli(['db', 'check', path.join(backups, name)]);
      expect(r.code, `${label}: ${name}: ${r.stderr}`).toBe(0);
    }
    const live = await runCli(['--db', db, 'db', 'check']);
    expect(live.code, `${label}: the database: ${live.stderr}`).toBe(0);

    // The next backup there completes and takes away what the killed one left half-written.
    if (kind.name === 'db backup') {
      const next = await runCli([...kind.args(db, folder), '--force']);
      expect(next.code, `${label}: ${next.stderr}`).toBe(0);
      expect(names(backups).filter(isTemp), label).toEqual([]);
    }
  }, 60_000);
});
