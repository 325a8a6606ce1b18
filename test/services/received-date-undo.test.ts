/**
 * `history ID --undo` right after `apply set ID 收件日期=…` undoes that correction (the date in force before
 * comes back, lateness is checked again), not an older status change; a second undo goes on to that change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'gongshu.js');
const sample = path.join(root, 'data', 'samples', 'applications', '01-申报表-杭州拱宸精密机械有限公司.xlsx');

describe('undoing a received-date correction', () => {
  it('puts the earlier date back and leaves the status alone, then undoes the status change before it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-recv-undo-'));
    const args = (rest: string[]): string[] => [bin, '--db', path.join(dir, 'gongshu.db'), '--round', '2026', ...rest];
    const env = { ...process.env, GONGSHU_WORKERS: '0', COLUMNS: '400' };
    const run = (rest: string[]): string => execFileSync(process.execPath, args(rest), { env, encoding: 'utf8' });
    const show = (): { status: string; text: string } => {
      const json = JSON.parse(run(['apply', 'show', '1', '--json'])) as { status?: string };
      return { status: String(json.status), text: JSON.stringify(json) };
    };
    try {
      run(['round', 'set', '2026', '--deadline', '2026-05-22']);
      run(['apply', 'import', sample, '--received', '2026-05-20']);
      const before = show();
      run(['apply', 'set', '1', '收件日期=2026-05-25', '--reason', '邮件日期有误']);
      const corrected = show();
      expect(corrected.text).toContain('2026-05-25');

      const undone = spawnSync(process.execPath, args(['history', '1', '--undo', '--reason', '改错了']), { env, encoding: 'utf8' });
      expect(undone.status).toBe(0);
      expect(undone.stdout + undone.stderr).toContain('2026-05-25 → 2026-05-20');
      const after = show();
      expect(after.text).toContain('2026-05-20');
      expect(after.text).not.toContain('"2026-05-25"');
      expect(after.status).toBe(before.status);

      // The next undo reaches the status change made before the correction.
      run(['history', '1', '--undo', '--reason', '再退一步']);
      const older = show();
      expect(older.text).toContain('2026-05-20');
      expect(older.status).not.toBe(before.status);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
