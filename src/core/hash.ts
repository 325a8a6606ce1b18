/** SHA-256 fingerprints: of a file's bytes (has this file been imported?) and of text (a clerk's corrected form). */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
