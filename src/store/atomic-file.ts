/**
 * A file appears under its name only when it is complete: it is written to a temporary file in the same
 * folder (`.name.<pid>-<random>.tmp`), flushed to the disk, and renamed onto the name, which is atomic on
 * one file system; then the folder itself is flushed, so the rename survives a power cut. A process killed
 * half way leaves only the temporary file, which the next write to that folder removes once its process
 * is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { nodeCrypto } from '../core/hash.js';

const TEMP = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.tmp(?:-journal|-wal|-shm)?$/u;

/** A fresh temporary name beside `file`, unique to this process. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
}

/** Creates the temporary file empty with its final permissions (0600 for private files) before anything is written. */
export function createTemp(file: string, mode: number): string {
  const temp = tempPathFor(file);
  fs.closeSync(fs.openSync(temp, 'wx', mode));
  // The umask may have taken bits away, never added any; private files are exactly 0600.
  if (mode === 0o600) fs.chmodSync(temp, 0o600);
  return temp;
}

function fsyncPath(p: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, flags);
    fs.fsyncSync(fd);
  } catch (e) {
    // Some file systems cannot flush a folder (EINVAL, EISDIR on Windows); the rename itself still stands.
    const code = (e as NodeJS.ErrnoException).code;
    if (flags === 'r+' || (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES')) throw e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Flushes a complete temporary file, renames it onto `file` and flushes the folder. */
export function commitTemp(temp: string, file: string): void {
  fsyncPath(temp, 'r+');
  fs.renameSync(temp, file);
  fsyncPath(path.dirname(file), 'r');
}

export function removeTemp(temp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what writers killed half way left in `dir` (temporary files of processes that no longer run). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[2]))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** `bytes` written to `file` through a temporary file; `mode` 0600 for a file only its owner may read. */
export function writeBytesThroughTemp(file: string, bytes: Uint8Array, mode: number): void {
  removeStaleTemps(path.dirname(file));
  const temp = createTemp(file, mode);
  try {
    const fd = fs.openSync(temp, 'r+');
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      fs.closeSync(fd);
    }
    commitTemp(temp, file);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
}

/** A private (0600) copy of `source` at `file`, through a temporary file: `file` is whole or untouched. */
export function copyPrivatelyThroughTemp(source: string, file: string): void {
  const temp = createTemp(file, 0o600);
  try {
    fs.copyFileSync(source, temp);
    fs.chmodSync(temp, 0o600);
    commitTemp(temp, file);
  } catch (e) {
    removeTemp(temp);
    throw e;
  }
}
