/**
 * A parse worker thread: receives {seq, path, bytes}, opens the bytes safely, parses them with its kind's
 * parser and posts {seq, ...ParseReply} back. Always run from dist/ (see parse-pool.ts).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { setLang, type Lang } from '../messages/index.js';
import { isKindName } from './kinds.js';
import { parseWorkbook } from './parse-file.js';

export interface WorkerInit {
  kind: string;
  arg: unknown;
  lang: Lang;
}

export interface WorkerTask {
  seq: number;
  path: string;
  bytes: Uint8Array;
}

const init = workerData as WorkerInit;
const port = parentPort;
if (!port || !isKindName(init.kind)) throw new Error(`parse worker started without a known kind (${String(init?.kind)})`);
const kind = init.kind;
setLang(init.lang);

// One file at a time, in the order given: the pool times each file from the moment the previous one ended.
let queue: Promise<void> = Promise.resolve();
port.on('message', (task: WorkerTask) => {
  queue = queue.then(async () => {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const reply = await parseWorkbook(kind, init.arg, task.path, bytes);
    // The heap this thread holds now (V8 keeps what a large file made it grow to): the pool retires a grown worker.
    port.postMessage({ seq: task.seq, ...reply, heapMb: getHeapStatistics().total_heap_size / 1024 / 1024 });
  });
});

// Say when the thread is ready (the pool starts a file's timeout only from then). SheetJS is not loaded here:
// most forms are read without it (adapters/ooxml.ts), and the first file that needs it loads it.
port.postMessage({ ready: true });
