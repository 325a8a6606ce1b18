/** The parse pool: order, isolation of a misbehaving worker, fallbacks and settings. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/messages/index.js';
import type { ParseReply } from '../../src/intake/parse-file.js';
import { createParser, defaultPoolSize, poolOptionsFromEnv, RETIRE_HEAP_MB, SMALL_BATCH_FILES, type PoolOptions } from '../../src/intake/parse-pool.js';
import { makeApplication } from '../helpers/application-factory.js';
import { tempDir } from '../helpers/tmp.js';
import { writeApplicationWorkbook } from '../helpers/workbooks.js';

const FAKE = new URL('./fixtures/fake-parse-worker.mjs', import.meta.url);
const BROKEN = new URL('./fixtures/broken-parse-worker.mjs', import.meta.url);

function fakeParser(options: Partial<PoolOptions> = {}) {
  return createParser('application', undefined, { size: 2, timeoutMs: 10_000, memoryMb: 64, workerUrl: FAKE, ...options });
}

type Fake = { name: string; bytes: number; threadId: number };
const fake = (r: ParseReply): Fake | string => (r.ok ? (r.parsed as Fake) : 'error' in r ? r.error.code : 'internal');

async function parseAll(names: string[], options: Partial<PoolOptions> = {}) {
  const parser = fakeParser(options);
  try {
    return await Promise.all(names.map((n) => parser.parse(`/inbox/${n}`, Buffer.from(n))));
  } finally {
    await parser.close();
  }
}

afterEach(() => setLang('zh'));

describe('parse pool', () => {
  it('answers every file, in the order asked, using both threads', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `申报表-${i}.xlsx`);
    const replies = await parseAll(names);
    expect(replies.map((r) => (fake(r) as Fake).name)).toEqual(names);
    expect(replies.map((r) => (fake(r) as Fake).bytes)).toEqual(names.map((n) => Buffer.byteLength(n)));
    expect(new Set(replies.map((r) => (fake(r) as Fake).threadId)).size).toBe(2);
  });

  it.each([
    ['hang', 'parse-timeout', '读取“b-hang.xlsx”超过 0.5 秒仍未完成'],
    ['exit', 'parse-crashed', '读取“b-exit.xlsx”时读取程序意外退出'],
    ['throw', 'parse-crashed', '读取“b-throw.xlsx”时读取程序意外退出'],
    ['oom', 'parse-out-of-memory', '读取“b-oom.xlsx”所需内存超过上限（64 MB）'],
  ])('a worker that dies on one file (%s) fails only that file, is replaced, and the rest go on', async (how, code, text) => {
    const names = ['a.xlsx', `b-${how}.xlsx`, 'c.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx'];
    // Only the hang waits for the timeout; the others get time enough to die their own way on a busy machine.
    const replies = await parseAll(names, { size: 1, timeoutMs: how === 'hang' ? 500 : 20_000 });
    expect(replies.map(fake)).toEqual(['a.xlsx', code, 'c.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx'].map((x) => (x === code ? x : expect.objectContaining({ name: x }))));
    const failed = replies[1] as Extract<ParseReply, { error: unknown }>;
    expect(failed.error.message).toContain(text);
    // One thread: the files after the bad one were read by its replacement.
    expect((fake(replies[0]!) as Fake).threadId).not.toBe((fake(replies[2]!) as Fake).threadId);
  });

  it('speaks the clerk’s language in those messages', async () => {
    setLang('en');
    const [reply] = await parseAll(['x-exit.xlsx'], { size: 1 });
    expect((reply as Extract<ParseReply, { error: unknown }>).error.message).toContain('The reader stopped unexpectedly on “x-exit.xlsx”');
  });

  it('parses in-process with pool size 0, and when the worker cannot start or is not built', async () => {
    const dir = tempDir();
    const file = await writeApplicationWorkbook(dir, '申报表.xlsx', makeApplication());
    const bytes = fs.readFileSync(file);
    for (const options of [{ size: 0 }, { workerUrl: BROKEN }, { workerUrl: new URL('file:///nowhere/parse-worker.js') }]) {
      const parser = fakeParser(options);
      try {
        const reply = await parser.parse(file, bytes);
        expect(parser.threads).toBe(0);
        expect(reply.ok && (reply.parsed as { application: { lead: { name: string } } }).application.lead.name).toBe('张建国');
      } finally {
        await parser.close();
      }
    }
  });

  it('reads its settings from the environment', () => {
    // By default a small batch parses in-process; a number of workers given is always used (next line).
    expect(poolOptionsFromEnv({})).toEqual({ size: defaultPoolSize(), timeoutMs: 60_000, memoryMb: 256, inProcessUpTo: SMALL_BATCH_FILES });
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(16)).toBe(2);
    expect(poolOptionsFromEnv({ GONGSHU_WORKERS: '0', GONGSHU_PARSE_TIMEOUT: '1.5', GONGSHU_WORKER_MEMORY_MB: '256' })).toEqual({ size: 0, timeoutMs: 1500, memoryMb: 256 });
    expect(poolOptionsFromEnv({ GONGSHU_WORKERS: '3' }).size).toBe(3);
    // Nonsense is ignored rather than half-understood.
    expect(poolOptionsFromEnv({ GONGSHU_WORKERS: 'two', GONGSHU_PARSE_TIMEOUT: '-1', GONGSHU_WORKER_MEMORY_MB: '1' })).toEqual(poolOptionsFromEnv({}));
  });

  it('replaces a worker whose heap a file grew past RETIRE_HEAP_MB; the files queued on it are read by the next, none fails', async () => {
    const names = ['a.xlsx', 'b-grow.xlsx', 'c.xlsx', 'd.xlsx', 'e-grow.xlsx', 'f.xlsx'];
    const replies = (await parseAll(names, { size: 1 })).map((r) => fake(r) as Fake);
    expect(replies.map((r) => r.name)).toEqual(names);
    // One thread at a time: a grown one ends (a file already queued on it may still be read there) and a new one
    // takes over; without a grown heap one thread reads them all.
    expect(new Set(replies.map((r) => r.threadId)).size).toBeGreaterThanOrEqual(2);
    const calm = (await parseAll(names.map((n) => n.replace('-grow', '')), { size: 1 })).map((r) => fake(r) as Fake);
    expect(new Set(calm.map((r) => r.threadId)).size).toBe(1);
    expect(RETIRE_HEAP_MB).toBeLessThan(100);
  });

  it('a small batch parses small forms in-process and gives a file over the small-form limits to a worker', async () => {
    const dir = tempDir();
    const form = fs.readFileSync(await writeApplicationWorkbook(dir, '申报表.xlsx', makeApplication()));
    const options = { size: 2, timeoutMs: 10_000, memoryMb: 64, workerUrl: FAKE, inProcessUpTo: 3 };
    const small = createParser('application', undefined, options, 3);
    try {
      expect(small.threads).toBe(0);
      // Parsed here: the real reader's answer, not the fake worker's.
      const parsed = await small.parse('/inbox/申报表.xlsx', form);
      expect(parsed.ok && (parsed.parsed as { application: { lead: { name: string } } }).application.lead.name).toBe('张建国');
      // Refused here for what it is, whatever the limits.
      expect(fake(await small.parse('/inbox/说明.xlsx', Buffer.from('单位全称,某公司\n')))).toBe('file-not-workbook');
      // Over the small-form limits (1 MB): only a worker reads it.
      const big = await small.parse('/inbox/big.xlsx', Buffer.concat([form, Buffer.alloc(2 * 1024 * 1024)]));
      expect((fake(big) as Fake).name).toBe('big.xlsx');
    } finally {
      await small.close();
    }
    const large = createParser('application', undefined, options, 4);
    expect(large.threads).toBe(2);
    await large.close();
  });

  it('finds the built worker from source and from dist/ alike', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    expect(fs.existsSync(path.join(root, 'dist/intake/parse-worker.js'))).toBe(true);
  });
});
