/**
 * The database's folder is missing, read-only, or on a full disk: a clear Chinese error naming the file,
 * nothing half-written, and the same import completes once the cause is gone.
 *
 * Read-only and full disks are real file systems: a tmpfs mounted read-only, and a 1 MB tmpfs filled up.
 * That needs root (CAP_SYS_ADMIN); elsewhere those tests are skipped, and the read-only folder is made with
 * chmod instead (which root would ignore).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dbState, gongshu, writeApplicationFiles } from './helpers.js';

let dir: string;
let files: string[];

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmdirSync(probe);
  }
}

const MOUNTABLE = canMount();
const mounted: string[] = [];

function mountTmpfs(options: string): string {
  const point = fs.mkdtempSync(path.join(dir, 'mnt-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', point]);
  mounted.push(point);
  return point;
}

function remount(point: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, point]);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-storage-'));
  files = await writeApplicationFiles(path.join(dir, 'inbox'), 12, 300);
}, 60_000);

afterAll(() => {
  for (const point of mounted) execFileSync('umount', [point]);
  fs.rmSync(dir, { recursive: true, force: true });
});

const importArgs = (db: string, ...paths: string[]): string[] => ['--db', db, '--round', '2026', 'apply', 'import', ...paths, '--received', '2026-05-20'];

function expectClearError(r: ReturnType<typeof gongshu>, words: RegExp): void {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stdout + r.stderr).toMatch(words);
  expect(r.stderr).not.toMatch(/程序内部错误|^\s+at /mu);
}

describe('the database folder', () => {
  test('missing: says so with the folder, and creates nothing', () => {
    const db = path.join(dir, '没有这个文件夹', 'gongshu.db');
    const r = gongshu(importArgs(db, files[0]!));
    expectClearError(r, /数据库所在文件夹不存在：.*没有这个文件夹/u);
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  test.skipIf(process.getuid?.() === 0)('read-only (chmod, as a non-root user): says so, and creates nothing', () => {
    const folder = fs.mkdtempSync(path.join(dir, 'ro-'));
    fs.chmodSync(folder, 0o500);
    try {
      const r = gongshu(importArgs(path.join(folder, 'gongshu.db'), files[0]!));
      expectClearError(r, /无法写入数据库 .*只读、或没有权限/u);
      expect(fs.readdirSync(folder)).toEqual([]);
    } finally {
      fs.chmodSync(folder, 0o700);
    }
  });

  test.skipIf(!MOUNTABLE)('read-only file system (tmpfs mounted ro; needs root): a new database cannot be made, an existing one is read but not changed', () => {
    const point = mountTmpfs('size=4m');
    const db = path.join(point, 'gongshu.db');
    expect(gongshu(importArgs(db, files[0]!, files[1]!)).status).toBe(0);
    remount(point, 'ro');

    const fresh = gongshu(importArgs(path.join(point, 'new.db'), files[2]!));
    expectClearError(fresh, /无法写入数据库 .*new\.db：文件或文件夹只读、或没有权限/u);

    const more = gongshu(importArgs(db, files[2]!, files[3]!));
    expectClearError(more, /无法写入数据库 .*gongshu\.db：文件或文件夹只读、或没有权限/u);
    const list = gongshu(['--db', db, '--round', '2026', 'apply', 'list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(2);

    remount(point, 'rw');
    expect(dbState(db)).toMatchObject({ integrity: 'ok', applications: 2, versions: 2, withoutVersion: 0, orphanVersions: 0 });
    expect(gongshu(importArgs(db, files[2]!, files[3]!)).status).toBe(0);
    expect(dbState(db)).toMatchObject({ integrity: 'ok', applications: 4, versions: 4 });
  });
});

describe.skipIf(!MOUNTABLE)('a full disk (1 MB tmpfs; needs root)', () => {
  test('every file that does not fit is refused with the disk-full message, the database stays whole, and the import completes once there is space', () => {
    const point = mountTmpfs('size=1m');
    const db = path.join(point, 'gongshu.db');
    expect(gongshu(importArgs(db, files[0]!, files[1]!)).status).toBe(0);
    const before = dbState(db);

    // Leave 16 KB: less than one more application needs (journal and pages).
    const free = fs.statfsSync(point).bavail * fs.statfsSync(point).bsize;
    fs.writeFileSync(path.join(point, 'filler'), Buffer.alloc(free - 16 * 1024));
    const full = gongshu(importArgs(db, ...files));
    expect(full.status).toBe(1);
    expect(full.stdout).toContain('磁盘已满，无法写入');
    expect(full.stdout).toContain('本次操作未保存，已有数据未受影响；请清理磁盘后重试');
    expect(full.stderr).not.toMatch(/程序内部错误|^\s+at /mu);
    const during = dbState(db);
    expect(during).toMatchObject({ integrity: 'ok', foreignKeyProblems: 0, withoutVersion: 0, orphanVersions: 0, brokenVersions: 0 });
    expect(during.applications).toBeGreaterThanOrEqual(before.applications);
    expect(during.versions).toBe(during.applications);

    fs.rmSync(path.join(point, 'filler'));
    const again = gongshu(importArgs(db, ...files));
    expect(again.status, again.stdout).toBe(0);
    expect(dbState(db)).toMatchObject({ integrity: 'ok', applications: files.length, versions: files.length, distinctShas: files.length, auditImports: files.length });
  });

  test('a database that cannot even be created on a full disk says so', () => {
    const point = mountTmpfs('size=64k');
    const free = fs.statfsSync(point).bavail * fs.statfsSync(point).bsize;
    fs.writeFileSync(path.join(point, 'filler'), Buffer.alloc(free));
    const r = gongshu(importArgs(path.join(point, 'gongshu.db'), files[0]!));
    expectClearError(r, /磁盘已满，无法写入 .*gongshu\.db/u);
  });
});

test.runIf(!MOUNTABLE)('read-only and full-disk file systems are skipped: mounting a tmpfs needs root (CAP_SYS_ADMIN)', () => {
  expect(MOUNTABLE).toBe(false);
});
