/**
 * The import batch with its parse workers (the real ones, from dist/): results in input order and the same
 * as parsing in-process, a hostile file failing alone, and unchanged files skipped without parsing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importApplications, type ImportRun } from '../../src/services/import-applications.js';
import type { Workspace } from '../../src/services/context.js';
import type { PoolOptions } from '../../src/intake/parse-pool.js';
import { applicationJson } from '../../src/services/application-view.js';
import { listApplications } from '../../src/store/applications.js';
import { openStore } from '../../src/store/open.js';
import { makeApplication, makeLead } from '../helpers/application-factory.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';
import { memoryHeavyWorkbook, mergeHeavyWorkbook } from './heavy-workbook.js';

const workspace = (db: ReturnType<typeof openStore>, dbFile: string): Workspace => ({ db, dbFile, actor: { user: 'test', command: 'test' } });

const IDS = ['330105197506150010', '330105198003120025', '330105196811230031', '330105197201150046', '330105198507080053'];
const NAMES = ['张建国', '李梅', '王立新', '赵秀英', '陈海波'];

/** Five distinct applications, then a copy of the second (same bytes) and a file that is not a workbook. */
async function inbox(): Promise<{ dir: string; files: string[] }> {
  const dir = tempDir();
  const files: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const application = makeApplication({
      unit: { name: `杭州拱墅第${i + 1}机械有限公司` },
      lead: makeLead({ name, idNumber: IDS[i]! }),
      studioName: `${name}数控车工技能大师工作室`,
    });
    // Names out of alphabetical order: the order given is the order kept.
    files.push(await writeApplicationWorkbook(dir, `${9 - i}-申报表-${name}.xlsx`, application));
  }
  const copy = path.join(dir, '副本-申报表-李梅.xlsx');
  fs.copyFileSync(files[1]!, copy);
  const text = path.join(dir, '说明.xlsx');
  fs.writeFileSync(text, '这不是表格');
  files.splice(3, 0, text);
  files.push(copy);
  return { dir, files };
}

function options(dir: string, name: string, pool: PoolOptions): ImportRun & { db: string } {
  const db = path.join(dir, name);
  return { db, round: 2026, receivedDate: '2026-05-20', pool };
}

async function importInto(dir: string, name: string, files: string[], pool: PoolOptions) {
  const opts = options(dir, name, pool);
  const db = openStore(opts.db);
  try {
    const results = await importApplications(workspace(db, opts.db), files, opts);
    const stored = listApplications(db, 2026).map((a) => applicationJson(db, a));
    return { results, stored };
  } finally {
    db.close();
  }
}

const POOL: PoolOptions = { size: 2, timeoutMs: 60_000, memoryMb: 2048 };

describe('import batch with parse workers', () => {
  it('writes results in input order, exactly as parsing in-process does', async () => {
    const { dir, files } = await inbox();
    const threaded = await importInto(dir, 'threads.db', files, POOL);
    const inProcess = await importInto(dir, 'in-process.db', files, { ...POOL, size: 0 });

    expect(threaded.results.map((r) => [r.file, r.outcome])).toEqual([
      ['9-申报表-张建国.xlsx', 'imported'],
      ['8-申报表-李梅.xlsx', 'imported'],
      ['7-申报表-王立新.xlsx', 'imported'],
      ['说明.xlsx', 'failed'],
      ['6-申报表-赵秀英.xlsx', 'imported'],
      ['5-申报表-陈海波.xlsx', 'imported'],
      ['副本-申报表-李梅.xlsx', 'skipped'],
    ]);
    expect(threaded.results.map((r) => r.id)).toEqual([1, 2, 3, undefined, 4, 5, 2]);
    expect(threaded.results[3]!.error).toMatchObject({ code: 'file-not-workbook', message: expect.stringContaining('不是 Excel') });
    expect(threaded.results).toEqual(inProcess.results);
    expect(threaded.stored).toEqual(inProcess.stored);
    expect(threaded.stored.map((a) => a.lead.name)).toEqual(['张建国', '李梅', '王立新', '赵秀英', '陈海波']);
  });

  it('a file that exhausts its worker’s memory fails alone, naming the file; the batch goes on', async () => {
    const { dir, files } = await inbox();
    const heavy = path.join(dir, '异常-申报表.xlsx');
    fs.writeFileSync(heavy, memoryHeavyWorkbook());
    // A file at the cell and part limits needs ~30 MB of heap: over a 16 MB limit its worker is stopped.
    const { results } = await importInto(dir, 'g.db', [files[0]!, heavy, files[1]!, files[2]!], { ...POOL, memoryMb: 16 });
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'failed', 'imported', 'imported']);
    expect(results[1]!.error).toEqual({ code: 'parse-out-of-memory', message: expect.stringContaining('读取“异常-申报表.xlsx”所需内存超过上限（16 MB）') });
  });

  it('a file that takes too long is stopped and fails alone', async () => {
    const { dir, files } = await inbox();
    const heavy = path.join(dir, '异常-申报表.xlsx');
    // Seconds of the reader's work on a fast machine; a form takes milliseconds.
    fs.writeFileSync(heavy, mergeHeavyWorkbook({ cells: 29_000 }));
    const { results } = await importInto(dir, 'g.db', [files[0]!, heavy, files[1]!], { ...POOL, size: 1, timeoutMs: 500 });
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'failed', 'imported']);
    expect(results[1]!.error).toEqual({ code: 'parse-timeout', message: expect.stringContaining('读取“异常-申报表.xlsx”超过 0.5 秒仍未完成') });
  });

  it('skips unchanged files without parsing them again', async () => {
    const { dir, files } = await inbox();
    const workbooks = files.filter((f) => !f.endsWith('说明.xlsx'));
    const opts = options(dir, 'g.db', POOL);
    const db = openStore(opts.db);
    try {
      await importApplications(workspace(db, opts.db), workbooks, opts);
      // A worker that would answer nonsense for any file it were given: nothing may reach it.
      const fake = new URL('./fixtures/fake-parse-worker.mjs', import.meta.url);
      const again = await importApplications(workspace(db, opts.db), workbooks, { ...opts, pool: { ...POOL, workerUrl: fake } });
      expect(again.map((r) => r.outcome)).toEqual(workbooks.map(() => 'skipped'));
      expect(again.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 2]);
    } finally {
      db.close();
    }
  });

  it('runs its workers from bin/gongshu.js (dist/) too, and a second run skips every file', () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const bin = fileURLToPath(new URL('../../bin/gongshu.js', import.meta.url));
    const samples = fileURLToPath(new URL('../../data/samples/applications', import.meta.url));
    const run = (env: Record<string, string> = {}, file = db) =>
      spawnSync(process.execPath, [bin, '--db', file, '--round', '2026', 'apply', 'import', samples, '--json'], { encoding: 'utf8', env: { ...process.env, GONGSHU_WORKERS: '2', ...env } });
    // Only a worker can time out: a 1 ms limit failing files shows the binary parsed in workers. A warm worker
    // reads some forms in under a millisecond, so those are imported; none fails for another reason.
    const timedOut = run({ GONGSHU_PARSE_TIMEOUT: '0.001' }, path.join(dir, 'timeout.db'));
    expect(timedOut.status, `signal ${timedOut.signal}; ${timedOut.stderr.slice(-2000)}`).toBe(1);
    const timedOutRows = JSON.parse(timedOut.stdout) as { outcome: string; error?: { code: string } }[];
    expect(timedOutRows.map((r) => r.error?.code)).toContain('parse-timeout');
    expect(new Set(timedOutRows.map((r) => r.error?.code ?? r.outcome))).toSatisfy((codes: Set<string>) => [...codes].every((c) => c === 'parse-timeout' || c === 'imported'));
    const first = run();
    expect(first.status).toBe(0);
    const rows = JSON.parse(first.stdout) as { file: string; outcome: string }[];
    expect(rows.map((r) => r.file)).toEqual(fs.readdirSync(samples).filter((f) => f.endsWith('.xlsx')).sort((a, b) => a.localeCompare(b, 'zh')));
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['imported']));
    const second = run();
    expect((JSON.parse(second.stdout) as { outcome: string }[]).every((r) => r.outcome === 'skipped')).toBe(true);
  });
});
