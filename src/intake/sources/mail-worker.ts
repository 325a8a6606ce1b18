/**
 * Parses one saved mail in a thread of its own and ends (see mail.ts, readMail): the decoding's garbage goes
 * with the thread, and only the attachments the batch reads come back, moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mailWorkerReply } from './mail.js';

const { bytes, display } = workerData as { bytes: ArrayBuffer; display: string };
const { reply, transfer } = await mailWorkerReply(bytes, display);
parentPort!.postMessage(reply, transfer);
