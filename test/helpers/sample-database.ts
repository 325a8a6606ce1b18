/**
 * The sample applications and assessments of 2026 (data/samples), imported once per test file through the
 * real commands, and copied per test: a test that breaks its copy leaves the others theirs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { runCli, type CliRun } from './run-cli.js';
import { tempDir } from './tmp.js';

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

export interface SampleCopy {
  dir: string;
  db: string;
  cli: (...args: string[]) => Promise<CliRun>;
}

/** Registers the file's beforeAll/afterAll and gives a function that copies the base into a new folder (0600). */
export function sampleDatabaseCopies(prefix: string): (name?: string) => SampleCopy {
  let baseDir = '';
  let base = '';
  beforeAll(async () => {
    baseDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    base = path.join(baseDir, 'base.db');
    const cli = (...args: string[]) => runCli(['--db', base, '--round', '2026', ...args]);
    expect((await cli('apply', 'import', path.join(SAMPLES, 'applications'), '--received', '2026-05-20')).code).toBe(0);
    expect((await cli('assess', 'import', path.join(SAMPLES, 'assessments'), '--new-studios')).code).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(baseDir, { recursive: true, force: true }));
  return (name = 'gongshu.db') => {
    const dir = tempDir();
    const db = path.join(dir, name);
    fs.copyFileSync(base, db);
    fs.chmodSync(db, 0o600);
    return { dir, db, cli: (...args: string[]) => runCli(['--db', db, '--round', '2026', ...args]) };
  };
}
