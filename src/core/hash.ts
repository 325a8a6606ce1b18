/** SHA-256 fingerprints: of a file's bytes (has this file been imported?) and of text (a clerk's corrected form). */
import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/**
 * node:crypto on first use (~4 ms to load): every command loads this module through the audit log, and
 * the read-only ones (apply list, score) hash nothing.
 */
export function nodeCrypto(): Crypto {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return crypto;
}

export function sha256Hex(data: string | Buffer): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}
