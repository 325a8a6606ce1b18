/**
 * Parses workbooks in a small pool of worker threads: on two cores an import parses two files at once, and
 * a hostile file (one that would exhaust memory or never finish) stops only its own worker. Such a file
 * gets a failed reply with a Chinese message naming it; the worker is replaced and the batch goes on.
 *
 * Workers always run compiled JS from dist/ (built by `npm run build`, the package's `prepare`, and the
 * tests' global setup). The worker file is found relative to this module: src/intake/ and dist/intake/
 * are both two levels below the package root, so the same URL works when this module runs from dist/
 * (bin/gongshu.js) and from TypeScript source (vitest). When dist/ has not been built, files are parsed
 * in-process, without the isolation.
 *
 * A batch of at most SMALL_BATCH_FILES files is parsed in-process by default: starting workers (a thread and
 * the reader loaded in it) costs more than they save on a few dozen forms. Each file there is first checked by
 * safe-open with the much smaller SMALL_FORM_LIMITS, which bound what the parse can cost; a file over them is
 * handed to a worker (started for it), so a hostile file still meets a worker's time and memory limits.
 *
 * Settings (environment): GONGSHU_WORKERS (threads; 0 = parse in-process; default min(2, cores - 1), and small
 * batches in-process as above; a number given here is always used), GONGSHU_PARSE_TIMEOUT (seconds per file,
 * default 60), GONGSHU_WORKER_MEMORY_MB (heap limit per worker, default 256: a form at every limit needs under 100 MB; see safe-open.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getLang, msg } from '../messages/index.js';
import type { OpenOptions } from './open/safe-open.js';
import type { KindName } from './kinds.js';
import type { ParseReply } from './parse-file.js';
import type { WorkerInit, WorkerTask } from './parse-worker.js';

export interface PoolOptions {
  /** Worker threads; 0 parses in the calling thread. */
  size: number;
  /** Longest a worker may spend on one file, in milliseconds. */
  timeoutMs: number;
  /** V8 old-generation heap limit of each worker, in MB. */
  memoryMb: number;
  /** The worker script; tests substitute their own. */
  workerUrl?: URL;
  /** Batches of at most this many files parse in-process, each file within SMALL_FORM_LIMITS (see above). */
  inProcessUpTo?: number;
}

/** Worker start-up (~200 ms on a slow machine: a thread, SheetJS loaded) is the parse of about this many forms. */
export const SMALL_BATCH_FILES = 100;

/**
 * What a file parsed in-process may be, checked by safe-open before the parse: a form is ~15 KB with a few
 * hundred cells; these bound the parse to well under a second and tens of MB. Larger files go to a worker.
 */
export const SMALL_FORM_LIMITS: OpenOptions = {
  maxBytes: 1024 * 1024,
  maxEntries: 1000,
  maxUncompressedBytes: 8 * 1024 * 1024,
  maxPartBytes: 1024 * 1024,
  maxMergedCells: 50_000,
  maxCells: 20_000,
  maxWordCells: 5_000,
};

/** The refusals of a file over SMALL_FORM_LIMITS that the default limits may still accept. */
const OVER_SMALL_LIMITS: ReadonlySet<string> = new Set(['file-too-large', 'file-zip-bomb', 'file-too-many-cells']);

export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_WORKER_MEMORY_MB = 256;
export const WORKER_URL = new URL('../../dist/intake/parse-worker.js', import.meta.url);

function envNumber(value: string | undefined, min: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= min ? n : undefined;
}

/**
 * Two workers at most, with a core left to the main thread, which checks and writes every parsed form: on two
 * cores, two workers and the main thread contend, and the bench measured the import slower than with one.
 */
export function defaultPoolSize(cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1));
}

export function poolOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PoolOptions {
  const workers = envNumber(env.GONGSHU_WORKERS, 0);
  return {
    size: workers === undefined ? defaultPoolSize() : Math.floor(workers),
    timeoutMs: (envNumber(env.GONGSHU_PARSE_TIMEOUT, 0.001) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    memoryMb: Math.floor(envNumber(env.GONGSHU_WORKER_MEMORY_MB, 16) ?? DEFAULT_WORKER_MEMORY_MB),
    ...(workers === undefined ? { inProcessUpTo: SMALL_BATCH_FILES } : {}),
  };
}

export interface Parser {
  /** Worker threads in use (0 = in-process). */
  readonly threads: number;
  parse(file: string, bytes: Buffer): Promise<ParseReply>;
  close(): Promise<void>;
}

/**
 * A parser for one batch of `files` files: a worker pool of `options.size` threads, in-process when that is 0
 * or dist/ is missing, or small forms in-process and the rest in a worker for a batch of at most
 * `options.inProcessUpTo` files.
 */
export function createParser(kind: KindName, arg: unknown, options: PoolOptions, files = Infinity): Parser {
  const url = options.workerUrl ?? WORKER_URL;
  if (options.size <= 0 || !fs.existsSync(fileURLToPath(url))) return inProcessParser(kind, arg);
  if (options.inProcessUpTo !== undefined && files <= options.inProcessUpTo) return new SmallBatchParser(kind, arg, { ...options, size: 1, workerUrl: url });
  return new ParsePool(kind, arg, { ...options, workerUrl: url });
}

/** Small forms parsed here (within SMALL_FORM_LIMITS, after safe-open's checks); any other file in a worker started for it. */
class SmallBatchParser implements Parser {
  readonly threads = 0;
  private pool: ParsePool | undefined;

  constructor(
    private readonly kind: KindName,
    private readonly arg: unknown,
    private readonly options: PoolOptions & { workerUrl: URL },
  ) {}

  async parse(file: string, bytes: Buffer): Promise<ParseReply> {
    const { parseWorkbook } = await import('./parse-file.js');
    const reply = await parseWorkbook(this.kind, this.arg, file, bytes, SMALL_FORM_LIMITS);
    if (reply.ok || !('error' in reply) || !OVER_SMALL_LIMITS.has(reply.error.code)) return reply;
    this.pool ??= new ParsePool(this.kind, this.arg, this.options);
    return this.pool.parse(file, bytes);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

function inProcessParser(kind: KindName, arg: unknown): Parser {
  return {
    threads: 0,
    // The readers load only when a file is parsed here: with workers, the main thread never needs them.
    parse: async (file, bytes) => (await import('./parse-file.js')).parseWorkbook(kind, arg, file, bytes),
    close: async () => {},
  };
}

interface Job {
  seq: number;
  file: string;
  bytes: Buffer;
  resolve: (reply: ParseReply) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and listening: a worker that dies before this failed to start, which is not its file's fault. */
  ready: boolean;
  /** Files given to this worker, in order; the first is the one it is reading. */
  jobs: Job[];
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  error?: Error;
  /** Ended by the pool after a file that grew its heap: its files are given to the next worker, not failed. */
  retired?: boolean;
}

/**
 * A worker whose heap has grown past this after a file (a file at the limits: a real form leaves it at ~20 MB)
 * is replaced: V8 keeps the heap a thread grew to, and two such threads would hold it together for the batch.
 */
export const RETIRE_HEAP_MB = 64;

/** Files queued per worker: the next one is already there when the main thread is busy writing. */
const DEPTH = 2;
/** Consecutive workers dying before they are ready, after which the pool parses in-process. */
const MAX_START_FAILURES = 2;

class ParsePool implements Parser {
  private readonly queue: Job[] = [];
  private readonly slots = new Set<Slot>();
  private seq = 0;
  private startFailures = 0;
  private fallback: Parser | undefined;
  private closing = false;

  constructor(
    private readonly kind: KindName,
    private readonly arg: unknown,
    private readonly options: PoolOptions & { workerUrl: URL },
  ) {
    // Start the workers now: their start-up (loading the reader) overlaps the caller's own preparations.
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  get threads(): number {
    return this.fallback ? 0 : this.options.size;
  }

  parse(file: string, bytes: Buffer): Promise<ParseReply> {
    if (this.fallback) return this.fallback.parse(file, bytes);
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, file, bytes, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closing) {
      if (this.fallback) {
        for (const job of this.queue.splice(0)) void this.fallback.parse(job.file, job.bytes).then(job.resolve);
        return;
      }
      if (this.slots.size < this.options.size) this.spawn();
      let slot: Slot | undefined;
      for (const s of this.slots) if (!s.retired && s.jobs.length < DEPTH && (!slot || s.jobs.length < slot.jobs.length)) slot = s;
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const init: WorkerInit = { kind: this.kind, arg: this.arg, lang: getLang() };
    const worker = new Worker(this.options.workerUrl, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker, ready: false, jobs: [], timedOut: false };
    this.slots.add(slot);
    worker.on('message', (m: { ready?: true; seq?: number } & Partial<ParseReply>) => {
      if (m.ready) {
        slot.ready = true;
        this.startFailures = 0;
        this.startTimer(slot);
      } else {
        this.finish(slot, m as ParseReply & { seq: number });
      }
    });
    worker.on('error', (e) => {
      slot.error = e;
    });
    worker.on('exit', () => this.onExit(slot));
    return slot;
  }

  private assign(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    if (slot.jobs.length === 1) this.startTimer(slot);
    // Copied, not transferred: if this worker dies, a file queued behind the one it was reading goes to another.
    const task: WorkerTask = { seq: job.seq, path: job.file, bytes: job.bytes };
    slot.worker.postMessage(task);
  }

  /** Times the file the worker is reading now (from when it is ready and done with the previous one). */
  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (!slot.ready || slot.jobs.length === 0) return;
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void slot.worker.terminate();
    }, this.options.timeoutMs);
  }

  private finish(slot: Slot, reply: ParseReply & { seq: number; heapMb?: number }): void {
    const { seq, heapMb, ...plain } = reply;
    const i = slot.jobs.findIndex((j) => j.seq === seq);
    if (i < 0) return;
    const [job] = slot.jobs.splice(i, 1);
    if (i === 0) this.startTimer(slot);
    if (heapMb !== undefined && heapMb > RETIRE_HEAP_MB && !this.closing) {
      slot.retired = true;
      void slot.worker.terminate();
    }
    // Give the worker more work before the caller spends time writing this file.
    this.pump();
    job!.resolve(plain as ParseReply);
  }

  private onExit(slot: Slot): void {
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    if (this.closing) return;
    if (slot.retired) {
      this.queue.unshift(...slot.jobs);
      slot.jobs = [];
      this.pump();
      return;
    }
    const [current, ...queued] = slot.jobs;
    slot.jobs = [];
    this.queue.unshift(...queued);
    if (current && !slot.ready) {
      // Died while starting (a broken install, not this file): try again, then give up on threads.
      this.startFailures += 1;
      this.queue.unshift(current);
      if (this.startFailures >= MAX_START_FAILURES) this.fallback = inProcessParser(this.kind, this.arg);
    } else if (current) {
      current.resolve(this.failure(current, slot));
    }
    this.pump();
  }

  private failure(job: Job, slot: Slot): ParseReply {
    const file = path.basename(job.file);
    if (slot.timedOut) {
      const seconds = Math.round((this.options.timeoutMs / 1000) * 10) / 10;
      return { ok: false, error: { code: 'parse-timeout', message: msg('import.parseTimeout', { file, seconds }) } };
    }
    if ((slot.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return { ok: false, error: { code: 'parse-out-of-memory', message: msg('import.parseOutOfMemory', { file, limit: this.options.memoryMb }) } };
    }
    return { ok: false, error: { code: 'parse-crashed', message: msg('import.parseCrashed', { file }) } };
  }
}
