/**
 * Recovery and the audit log under attack, with real processes (bin/gongshu.js on dist/):
 * - `db check` while three imports write: never a false alarm (one read transaction per check);
 * - `db restore` killed with SIGKILL at random points: the live file never carries the backup mark, always
 *   opens and passes `db check`, holds the old state or the new one, and `db backup --force` never
 *   replaces it;
 * - fast-check sequences of commands (imports, backups, restores, checks), each possibly killed at a random
 *   moment, and tampering steps (an added trigger, an edited entry, a faked downgrade, a trimmed tail behind
 *   an automatic backup): after every step the live database opens and passes `db check`, or `db check`
 *   names the tampering; a restore of the last manual backup brings it back; no kept or manual backup is lost.
 * `npm test` runs a few draws; FAULT_ROUNDS=10 runs more.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { autoBackup } from '../../src/store/backup.js';
import { fastTempDir, finished, gongshu, gongshuAsync, sleep, writeApplicationFiles } from './helpers.js';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 2);
let dir: string;
const batches: string[] = [];

beforeAll(async () => {
  dir = fastTempDir('gongshu-recovery-');
  for (let b = 0; b < 3; b++) {
    const inbox = path.join(dir, `batch-${b}`);
    await writeApplicationFiles(inbox, 30, b * 30);
    batches.push(inbox);
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const importArgs = (db: string, inbox: string): string[] => ['--db', db, '--round', '2026', 'apply', 'import', inbox, '--received', '2026-05-20'];

function pragma(file: string, name: string): number {
  const c = new Database(file, { readonly: true, timeout: 15_000 });
  try {
    return c.pragma(name, { simple: true }) as number;
  } finally {
    c.close();
  }
}

function count(file: string, sql: string): number {
  const c = new Database(file, { readonly: true, timeout: 15_000 });
  try {
    return Object.values(c.prepare(sql).get() as Record<string, number>)[0]!;
  } finally {
    c.close();
  }
}

/** Runs a command, SIGKILLed after `killAfterMs` unless it ends first. */
async function run(args: string[], killAfterMs: number | null): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = gongshuAsync(args);
  const done = finished(child);
  if (killAfterMs !== null) {
    let exited = false;
    void done.then(() => (exited = true));
    await sleep(killAfterMs);
    if (!exited) child.kill('SIGKILL');
  }
  return done;
}

test('db check while three imports write: every check passes (no false alarm)', async () => {
  const db = path.join(dir, 'concurrent.db');
  expect(gongshu(importArgs(db, batches[0]!)).status).toBe(0);
  const writers = batches.map((b) => finished(gongshuAsync(importArgs(db, b))));
  let running = true;
  void Promise.all(writers).then(() => (running = false));
  const checks: { code: number | null; stderr: string }[] = [];
  while (running || checks.length < 3) {
    const r = await finished(gongshuAsync(['--db', db, 'db', 'check']));
    checks.push(r);
    if (checks.length > 40) break;
  }
  for (const w of await Promise.all(writers)) expect(w.code, w.stderr).toBe(0);
  for (const c of checks) {
    expect(c.stderr).not.toMatch(/最后的记录被删除|未通过检查|程序内部错误/u);
    expect(c.code, c.stderr).toBe(0);
  }
  expect(count(db, 'SELECT COUNT(*) FROM applications')).toBe(90);
}, 240_000);

describe('db restore killed at random points', () => {
  test(`the live file is the old state or the new, never marked, always sound (${ROUNDS * 3} kills)`, async () => {
    const base = path.join(dir, 'restore-base.db');
    expect(gongshu(importArgs(base, batches[0]!)).status).toBe(0);
    const old = path.join(dir, 'restore-old.db');
    expect(gongshu(['--db', base, 'db', 'backup', '-o', old]).status).toBe(0);
    expect(gongshu(importArgs(base, batches[1]!)).status).toBe(0);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1500 }), async (killAfter) => {
        const work = path.join(dir, `restore-${n++}`);
        fs.mkdirSync(work);
        const live = path.join(work, 'gongshu.db');
        fs.copyFileSync(base, live);
        const r = await run(['--db', live, 'db', 'restore', old, '--yes'], killAfter);
        expect(pragma(live, 'application_id')).toBe(0);
        const apps = count(live, 'SELECT COUNT(*) FROM applications');
        expect([30, 60]).toContain(apps);
        if (r.code === 0) expect(apps).toBe(30);
        const check = gongshu(['--db', live, 'db', 'check']);
        expect(check.status, `killed after ${killAfter} ms: ${check.stderr}`).toBe(0);
        // Another gongshu may never take the live file for a backup to replace.
        const over = gongshu(['--db', path.join(work, 'other.db'), 'db', 'backup', '-o', live, '--force']);
        expect(over.status).not.toBe(0);
        expect(count(live, 'SELECT COUNT(*) FROM applications')).toBe(apps);
        // A restore the kill cut off leaves no copy of the data behind once db check has run.
        expect(fs.readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      }),
      { numRuns: ROUNDS * 3 },
    );
  }, 300_000);
});

type Step =
  | { kind: 'import'; batch: number; kill: number | null }
  | { kind: 'backup'; kill: number | null }
  | { kind: 'restore'; kill: number | null }
  | { kind: 'check' }
  | { kind: 'tamper'; how: 'trigger' | 'edit' | 'downgrade' | 'trim' };

const killAt = fc.option(fc.integer({ min: 0, max: 1200 }), { nil: null, freq: 2 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('import' as const), batch: fc.integer({ min: 0, max: 2 }), kill: killAt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('backup' as const), kill: killAt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), kill: killAt }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'check' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tamper' as const), how: fc.constantFrom('trigger' as const, 'edit' as const, 'downgrade' as const, 'trim' as const) }) },
);

const NO_DELETE = "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";
const NO_UPDATE = "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END";

function tamper(live: string, how: 'trigger' | 'edit' | 'downgrade' | 'trim'): void {
  const c = new Database(live);
  try {
    const last = (c.prepare('SELECT MAX(id) AS n FROM audit_log').get() as { n: number | null }).n ?? 0;
    if (how === 'trigger') c.exec('CREATE TRIGGER zz_quiet BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END');
    if (how === 'edit') c.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user = 'someone-else' WHERE id = ${Math.max(1, last - 1)}; ${NO_UPDATE}`);
    if (how === 'downgrade') {
      c.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; UPDATE audit_log SET user = 'someone-else' WHERE id = 1`);
      c.pragma('user_version = 4');
    }
    if (how === 'trim') {
      // The automatic copy a bulk command makes, then the newest two entries cut and the sequence set back.
      autoBackup(c, live, 'certify');
      c.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > ${last - 2}; UPDATE sqlite_sequence SET seq = ${last - 2} WHERE name = 'audit_log'; ${NO_DELETE}`);
    }
  } finally {
    c.close();
  }
}

/** Backups that must never be lost: the clerk's own, and the kept copies (before a restore or a migration). */
function protectedFiles(work: string): string[] {
  const folder = path.join(work, 'gongshu-backups');
  const kept = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.db.keep')).map((f) => path.join(folder, f.slice(0, -'.keep'.length))) : [];
  const manual = fs.readdirSync(work).filter((f) => /^manual-\d+\.db$/u.test(f)).map((f) => path.join(work, f));
  return [...kept, ...manual].filter((f) => fs.existsSync(f));
}

describe('command sequences with kill -9 and tampering', () => {
  test(`the database opens and passes db check, or db check names the tampering (${ROUNDS * 2} sequences)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 6 }), async (steps) => {
        const work = path.join(dir, `seq-${n++}`);
        fs.mkdirSync(work);
        const live = path.join(work, 'gongshu.db');
        expect(gongshu(importArgs(live, batches[0]!)).status).toBe(0);
        const manual: string[] = [];
        for (const [i, step] of steps.entries()) {
          const label = `step ${i} ${JSON.stringify(step)} of ${JSON.stringify(steps)}`;
          const before = protectedFiles(work);
          if (step.kind === 'import') await run(importArgs(live, batches[step.batch]!), step.kill);
          if (step.kind === 'backup') {
            const target = path.join(work, `manual-${i}.db`);
            const r = await run(['--db', live, 'db', 'backup', '-o', target], step.kill);
            if (r.code === 0) manual.push(target);
            // Killed half way: nothing carries the name, or a whole copy does.
            if (fs.existsSync(target)) expect(gongshu(['db', 'check', target]).status, label).toBe(0);
          }
          if (step.kind === 'restore' && manual.length > 0) {
            const r = await run(['--db', live, 'db', 'restore', manual[manual.length - 1]!, '--yes'], step.kill);
            if (step.kill === null) expect(r.code, `${label}: ${r.stderr}`).toBe(0);
          }
          if (step.kind === 'tamper') {
            tamper(live, step.how);
            const caught = gongshu(['--db', live, 'db', 'check']);
            expect(caught.status, `${label}: ${caught.stderr}`).toBe(1);
            expect(caught.stderr, label).toMatch(/多出触发器|校验值不符|版本号被改旧过|数据库中却没有/u);
            expect(caught.stderr, label).not.toMatch(/程序内部错误/u);
            // Brought back by the clerk's last backup, if there is one; otherwise the sequence ends here.
            if (manual.length === 0) break;
            const back = gongshu(['--db', live, 'db', 'restore', manual[manual.length - 1]!, '--yes']);
            expect(back.status, `${label}: ${back.stderr}`).toBe(0);
          }
          expect(pragma(live, 'application_id'), label).toBe(0);
          const check = gongshu(['--db', live, 'db', 'check']);
          expect(check.status, `${label}: ${check.stderr}`).toBe(0);
          for (const f of before) expect(fs.existsSync(f), `${label}: ${f} lost`).toBe(true);
        }
      }),
      { numRuns: ROUNDS * 2 },
    );
  }, 600_000);
});
