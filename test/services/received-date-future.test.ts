/**
 * `apply set ID 收件日期=… --reason`: a received date after today cannot be right (the form is in hand), so
 * the correction is refused and the date stays as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../src/core/china-time.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'gongshu.js');
const sample = path.join(root, 'data', 'samples', 'applications', '01-申报表-杭州拱宸精密机械有限公司.xlsx');

describe('correcting the received date', () => {
  it('refuses a date after today and keeps the old one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-recv-'));
    const args = (rest: string[]): string[] => [bin, '--db', path.join(dir, 'gongshu.db'), '--round', '2026', ...rest];
    const env = { ...process.env, GONGSHU_WORKERS: '0', COLUMNS: '400' };
    try {
      execFileSync(process.execPath, args(['round', 'set', '2026', '--deadline', '2026-05-22']), { env });
      execFileSync(process.execPath, args(['apply', 'import', sample, '--received', '2026-05-20']), { env });
      const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
      const r = spawnSync(process.execPath, args(['apply', 'set', '1', `收件日期=${tomorrow}`, '--reason', '核对']), { env, encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr + r.stdout).toContain(tomorrow);
      const shown = JSON.parse(execFileSync(process.execPath, args(['apply', 'show', '1', '--json']), { env, encoding: 'utf8' })) as Record<string, unknown>;
      expect(JSON.stringify(shown)).toContain('2026-05-20');
      expect(JSON.stringify(shown)).not.toContain(tomorrow);
      // Today itself is allowed.
      const today = spawnSync(process.execPath, args(['apply', 'set', '1', `收件日期=${chinaDate()}`, '--reason', '核对']), { env, encoding: 'utf8' });
      expect(today.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
