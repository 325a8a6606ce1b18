/**
 * The hostile-input corpus (test/fixtures/hostile/, see cases.json) through the real import commands, as one
 * batch mixed with good files: every case gets exactly its Chinese error or warnings with file and cell,
 * the good files are imported, a refused file leaves no trace in the database, nothing prints a stack trace
 * or an escape sequence, and the whole batch runs in bounded time under a 256 MB heap.
 *
 * After changing make-hostile.ts: `UPDATE_HOSTILE=1 npx vitest run test/hostile/corpus.test.ts`, review the
 * files, update cases.json if an expected message changed, and commit.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, test } from 'vitest';
import { CASE_BUILDS, HOSTILE_DIR, writeHostileCorpus } from '../fixtures/hostile/make-hostile.js';
import { readZip } from '../fixtures/hostile/zip.js';
import { runCli } from '../helpers/run-cli.js';
import os from 'node:os';

interface Problem {
  code: string;
  severity: string;
  cell?: string;
  message: string;
}

interface Case {
  file: string;
  kind: 'apply' | 'assess';
  what: string;
  large?: boolean;
  outcome: 'failed' | 'imported' | 'skipped' | 'absent' | 'not-imported' | 'bundle';
  /** A bundle's files, each checked as a case of its own under `bundle.zip › name`. */
  entries?: Omit<Case, 'kind' | 'what'>[];
  code?: string;
  message?: string;
  sheet?: string;
  sameAs?: string;
  problems?: Problem[];
  findings?: string[];
  values?: Record<string, string | number>;
}

interface FileResult {
  file: string;
  outcome: string;
  id?: number;
  errors: number;
  warnings: number;
  error?: { code: string; message: string; sheet?: string; cell?: string };
  problems: Problem[];
}

const CASES = (JSON.parse(fs.readFileSync(path.join(HOSTILE_DIR, 'cases.json'), 'utf8')) as { cases: Case[] }).cases;
/** Every row an import shows: a bundle's files are rows of their own, named `bundle.zip › name`. */
const ROWS: Case[] = CASES.flatMap((c) =>
  c.outcome === 'bundle' ? (c.entries ?? []).map((e) => ({ ...e, file: `${c.file} › ${e.file}`, kind: c.kind, what: `${c.what}: ${e.file}` })) : [c],
);
const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/gongshu.js', import.meta.url));
const HOW_TO_UPDATE = 'test/fixtures/hostile is out of date: run `UPDATE_HOSTILE=1 npx vitest run test/hostile/corpus.test.ts` and commit the files';

/** What a file holds, independent of zip timestamps and compression: its parts' contents, or its bytes. */
function fingerprint(bytes: Buffer): string[] {
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
  try {
    return readZip(bytes).map((p) => `${p.name} ${sha(p.data)}`).sort();
  } catch {
    return [`bytes ${sha(bytes)}`];
  }
}

function committedFiles(): string[] {
  return (['apply', 'assess'] as const).flatMap((kind) => {
    const dir = path.join(HOSTILE_DIR, kind);
    return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => `${kind}/${f}`) : [];
  });
}

/** The environment of a clerk's script: no colour forced either way (vitest itself forces colour). */
function plainEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
}

describe('the corpus files', () => {
  if (process.env.UPDATE_HOSTILE === '1') {
    test('regenerate', async () => {
      for (const kind of ['apply', 'assess']) fs.rmSync(path.join(HOSTILE_DIR, kind), { recursive: true, force: true });
      const written = await writeHostileCorpus(HOSTILE_DIR, { committed: true, large: false });
      console.error(`wrote ${written.length} files to ${HOSTILE_DIR}`);
    }, 120_000);
  }

  test('cases.json describes every generated file, at least 40 of them, and nothing else is committed', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const manifest = CASES.map((c) => `${c.kind}/${c.file}`);
    expect(new Set(manifest).size).toBe(manifest.length);
    expect(manifest.sort()).toEqual(CASE_BUILDS.map((c) => `${c.kind}/${c.file}`).sort());
    expect(committedFiles().sort(), HOW_TO_UPDATE).toEqual(CASE_BUILDS.filter((c) => !c.large).map((c) => `${c.kind}/${c.file}`).sort());
    for (const c of CASES) {
      expect(c.what, c.file).not.toBe('');
      expect(Boolean(c.large), c.file).toBe(Boolean(CASE_BUILDS.find((b) => b.kind === c.kind && b.file === c.file)!.large));
      if (c.outcome === 'failed') expect(c.message, c.file).toMatch(/[\u4e00-\u9fff]/u);
      if (c.outcome === 'bundle') expect(c.entries?.length, c.file).toBeGreaterThan(0);
    }
  });

  test('the committed files are what make-hostile.ts makes', async () => {
    for (const c of CASE_BUILDS.filter((b) => !b.large)) {
      const committed = fs.readFileSync(path.join(HOSTILE_DIR, c.kind, c.file));
      expect(fingerprint(committed), `${c.file}: ${HOW_TO_UPDATE}`).toEqual(fingerprint(await c.build()));
    }
  }, 120_000);
});

describe('the corpus through the import commands, as one batch with good files', () => {
  let dir: string;
  const goodApplications = fs.readdirSync(path.join(SAMPLES, 'applications')).filter((f) => f.endsWith('.xlsx'));
  const goodAssessments = fs.readdirSync(path.join(SAMPLES, 'assessments')).filter((f) => f.endsWith('.xlsx'));

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-hostile-'));
    for (const kind of ['apply', 'assess']) fs.cpSync(path.join(HOSTILE_DIR, kind), path.join(dir, 'inbox', kind), { recursive: true });
    await writeHostileCorpus(path.join(dir, 'inbox'), { committed: false, large: true });
    // The good files sit among the bad ones, in a sub-folder as a clerk's inbox would have them.
    fs.cpSync(path.join(SAMPLES, 'applications'), path.join(dir, 'inbox', 'apply', '样例'), { recursive: true });
    fs.cpSync(path.join(SAMPLES, 'assessments'), path.join(dir, 'inbox', 'assess', '样例'), { recursive: true });
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  function tableCounts(db: string): Record<string, number> {
    const conn = new Database(db, { readonly: true });
    try {
      const tables = (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      return Object.fromEntries(tables.map((t) => [t, (conn.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    } finally {
      conn.close();
    }
  }

  function mentions(db: string, file: string): string[] {
    const conn = new Database(db, { readonly: true });
    try {
      const rows = [
        ...(conn.prepare('SELECT file FROM application_versions UNION ALL SELECT file FROM assessment_versions').all() as { file: string }[]).map((r) => r.file),
        ...(conn.prepare('SELECT detail FROM audit_log').all() as { detail: string }[]).map((r) => r.detail),
      ];
      return rows.filter((r) => r.includes(file));
    } finally {
      conn.close();
    }
  }

  function checkCase(c: Case, results: FileResult[]): void {
    const r = results.find((x) => x.file === c.file);
    const label = `${c.kind}/${c.file} (${c.what})`;
    if (c.outcome === 'absent') {
      expect(r, label).toBeUndefined();
      return;
    }
    expect(r, label).toBeDefined();
    expect(r!.outcome, label).toBe(c.outcome);
    if (c.outcome === 'failed' || c.outcome === 'not-imported') {
      expect(r!.error, label).toEqual({ code: c.code, message: c.message, ...(c.sheet ? { sheet: c.sheet } : {}) });
      return;
    }
    if (c.outcome === 'skipped') {
      const original = results.find((x) => x.file === c.sameAs)!;
      expect(original.outcome, label).toBe('imported');
      expect(r!.id, label).toBe(original.id);
      return;
    }
    const shown = r!.problems.filter((p) => p.severity !== 'info').map((p) => ({ code: p.code, severity: p.severity, cell: p.cell, message: p.message }));
    expect(shown, label).toEqual(c.problems);
    for (const p of c.problems ?? []) expect(p.cell, `${label}: every warning names its cell`).toMatch(/^.+!\$?[A-Z]+\$?\d+$/u);
  }

  test('apply import', async () => {
    const db = path.join(dir, 'apply.db');
    // Something already in the database, which the batch must not disturb.
    await runCli(['--db', db, '--round', '2025', 'apply', 'import', path.join(SAMPLES, 'applications'), '--received', '2025-05-20']);
    const before = tableCounts(db);

    // Bounded time is the per-file parse timeout's job (tested in test/intake/batch.test.ts) and this test's own timeout.
    const run = await runCli(['--db', db, '--round', '2026', 'apply', 'import', path.join(dir, 'inbox', 'apply'), '--received', '2026-05-20', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as FileResult[];

    const cases = ROWS.filter((c) => c.kind === 'apply');
    for (const c of cases) checkCase(c, results);
    expect(results.filter((r) => goodApplications.includes(r.file)).map((r) => r.outcome)).toEqual(goodApplications.map(() => 'imported'));
    expect(results).toHaveLength(cases.filter((c) => c.outcome !== 'absent').length + goodApplications.length);

    // A refused file leaves nothing behind; the imported ones are exactly one application, one version and two
    // audit entries (the import and the status change of the eligibility check) each.
    for (const c of cases.filter((x) => x.outcome === 'failed')) expect(mentions(db, c.file), c.file).toEqual([]);
    const imported = results.filter((r) => r.outcome === 'imported').length;
    const after = tableCounts(db);
    expect(after.applications! - before.applications!).toBe(imported);
    expect(after.application_versions! - before.application_versions!).toBe(imported);
    // Each import is logged, and so is the eligibility verdict that moves it from 已提交.
    expect(after.audit_log! - before.audit_log!).toBe(imported * 2);

    const list = JSON.parse((await runCli(['--db', db, '--round', '2026', 'apply', 'list', '--json'])).stdout) as Record<string, unknown>[];
    for (const c of cases.filter((x) => x.outcome === 'imported')) {
      const app = list.find((a) => (a.source as { file: string }).file === c.file)!;
      expect(app, c.file).toBeDefined();
      const fired = (app.findings as { code: string; severity: string }[]).map((f) => `${f.code}:${f.severity}`);
      expect(fired.sort(), `${c.file}: rules`).toEqual([...(c.findings ?? [])].sort());
      for (const [key, value] of Object.entries(c.values ?? {})) {
        const actual = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], app);
        expect(actual, `${c.file}: ${key}`).toEqual(value);
      }
    }
  }, 120_000);

  test('assess import', async () => {
    const db = path.join(dir, 'assess.db');
    const run = await runCli(['--db', db, '--round', '2026', 'assess', 'import', path.join(dir, 'inbox', 'assess'), '--new-studios', '--json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as FileResult[];
    const cases = ROWS.filter((c) => c.kind === 'assess');
    for (const c of cases) checkCase(c, results);
    expect(results.filter((r) => goodAssessments.includes(r.file)).map((r) => r.outcome)).toEqual(goodAssessments.map(() => 'imported'));
    for (const c of cases.filter((x) => x.outcome === 'failed')) expect(mentions(db, c.file), c.file).toEqual([]);
    expect(tableCounts(db).assessment_versions).toBe(results.filter((r) => r.outcome === 'imported').length);
  }, 120_000);

  test('the real binary: readable Chinese, no escape sequence, no stack trace, bounded time and memory', () => {
    for (const kind of ['apply', 'assess'] as const) {
      const db = path.join(dir, `bin-${kind}.db`);
      const r = spawnSync(
        process.execPath,
        ['--max-old-space-size=256', BIN, '--db', db, '--round', '2026', kind, 'import', path.join(dir, 'inbox', kind), ...(kind === 'apply' ? ['--received', '2026-05-20'] : ['--new-studios'])],
        { encoding: 'utf8', env: plainEnv(), timeout: 90_000 },
      );
      expect(r.error, kind).toBeUndefined();
      expect(r.status, `${kind}: ${r.stderr}`).toBe(1);
      const output = r.stdout + r.stderr;
      // Not a terminal: chalk writes no colour, and nothing from the workbooks or file names reaches it raw.
      // eslint-disable-next-line no-control-regex
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/mu);
      expect(output).not.toMatch(/TypeError|RangeError|Cannot read|undefined/u);
      for (const c of ROWS.filter((x) => x.kind === kind)) {
        if (c.outcome === 'absent') expect(output, c.file).not.toContain(c.file);
        else expect(r.stdout, c.file).toContain(c.file.slice(0, 8));
        if (c.outcome === 'failed' || c.outcome === 'not-imported') expect(r.stdout.replace(/[\s│]/gu, ''), c.file).toContain(c.message!.replace(/\s/gu, ''));
        for (const p of c.problems ?? []) {
          if (p.severity !== 'info') expect(r.stdout.replace(/\s+/gu, ' '), `${c.file} ${p.code}`).toContain(`› ${p.cell}：`);
        }
      }
    }
  }, 180_000);
});
