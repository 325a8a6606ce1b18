/**
 * Shared by the fault tests: many distinct application files made fast (one workbook from the template, its
 * shared strings rewritten per file), the real binary, and the invariants a database must keep whatever
 * happened to the process that wrote it.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeIdNumber } from '../fixtures/make-samples.js';
import { person, personBytes } from '../fixtures/hostile/make-hostile.js';
import { readZip, writeZip } from '../fixtures/hostile/zip.js';

export const BIN = fileURLToPath(new URL('../../bin/gongshu.js', import.meta.url));

/** A clerk's environment: no colour forced either way (vitest forces it for itself). */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

export function gongshu(args: string[], timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: plainEnv(), timeout });
}

export function gongshuAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: plainEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the exit code (or signal) and everything printed. */
export function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/**
 * `count` applications, each its own unit and lead (ID number), written into `dir` as 申报表-NNN.xlsx.
 * Files `from`..`from+count-1` are the same bytes whichever folder they are written to.
 */
export async function writeApplicationFiles(dir: string, count: number, from = 0, name = (i: number) => `申报表-${String(i).padStart(3, '0')}.xlsx`): Promise<string[]> {
  const base = readZip(await personBytes(0));
  const template = person(0);
  const strings = base.find((p) => p.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = from; i < from + count; i++) {
    const unit = `杭州故障测试第${String(i).padStart(3, '0')}机械有限公司`;
    const id = makeIdNumber('330105', '1975-06-01', 1 + 2 * i);
    const xml = strings
      .replace(`>${template.unit.name}<`, `>${unit}<`)
      .replace(`>${template.lead.idNumber}<`, `>${id}<`);
    if (!xml.includes(unit) || !xml.includes(id)) throw new Error('the template strings moved');
    const bytes = writeZip(base.map((p) => (p.name === 'xl/sharedStrings.xml' ? { name: p.name, data: Buffer.from(xml) } : p)));
    const file = path.join(dir, name(i));
    fs.writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}

export interface DbState {
  integrity: string;
  foreignKeyProblems: number;
  applications: number;
  versions: number;
  distinctShas: number;
  distinctFiles: number;
  /** Applications without a version: half an application. */
  withoutVersion: number;
  /** Versions whose application is gone. */
  orphanVersions: number;
  /** Versions that are not the (complete) JSON of a parsed application. */
  brokenVersions: number;
  auditImports: number;
}

/** Opens the file as the next gongshu would (a hot journal is rolled back) and checks everything. */
export function dbState(file: string): DbState {
  const db = new Database(file);
  try {
    const one = <T>(sql: string): T => Object.values(db.prepare(sql).get() as Record<string, T>)[0]!;
    // Killed while the new database was being created: its first migration rolled back, no table yet, nothing stored.
    if (one<number>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'application_versions'") === 0) {
      const integrity = one<string>('PRAGMA integrity_check');
      return { integrity, foreignKeyProblems: 0, applications: 0, versions: 0, distinctShas: 0, distinctFiles: 0, withoutVersion: 0, orphanVersions: 0, brokenVersions: 0, auditImports: 0 };
    }
    const versions = db.prepare('SELECT data FROM application_versions').all() as { data: string }[];
    return {
      integrity: one<string>('PRAGMA integrity_check'),
      foreignKeyProblems: (db.prepare('PRAGMA foreign_key_check').all() as unknown[]).length,
      applications: one<number>('SELECT COUNT(*) FROM applications'),
      versions: versions.length,
      distinctShas: one<number>('SELECT COUNT(DISTINCT sha256) FROM application_versions'),
      distinctFiles: one<number>('SELECT COUNT(DISTINCT file) FROM application_versions'),
      withoutVersion: one<number>('SELECT COUNT(*) FROM applications a WHERE NOT EXISTS (SELECT 1 FROM application_versions v WHERE v.application_id = a.id)'),
      orphanVersions: one<number>('SELECT COUNT(*) FROM application_versions v WHERE NOT EXISTS (SELECT 1 FROM applications a WHERE a.id = v.application_id)'),
      brokenVersions: versions.filter((v) => {
        try {
          return typeof (JSON.parse(v.data) as { application?: { lead?: { idNumber?: unknown } } }).application?.lead?.idNumber !== 'string';
        } catch {
          return true;
        }
      }).length,
      auditImports: one<number>("SELECT COUNT(*) FROM audit_log WHERE entity = 'application' AND action = 'import'"),
    };
  } finally {
    db.close();
  }
}

/** Versions written so far, read without disturbing the writer; 0 while the file is not yet a database. */
export function versionsSoFar(file: string): number {
  if (!fs.existsSync(file)) return 0;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, timeout: 50 });
    return (db.prepare('SELECT COUNT(*) AS n FROM application_versions').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db?.close();
  }
}

/**
 * A temporary folder in memory (/dev/shm) when there is one. kill -9 ends the process, not the machine: the
 * page cache survives, so what the test checks is the same, and it does not wait for the disk's fsyncs
 * (synchronous = FULL, three per file). Power loss is SQLite's own guarantee.
 */
export function fastTempDir(prefix: string): string {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    return fs.mkdtempSync(path.join(shm, prefix));
  } catch {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
