/**
 * A clerk who keeps gongshu.db in the folder of the forms and imports that folder (`apply import .`): the
 * database, its backups and its journal are gongshu's own files, not sources, and are never read as forms,
 * whether they are named by a link, by a hard link or by their own name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'gongshu.js');
const sample = path.join(root, 'data', 'samples', 'applications', '01-申报表-杭州拱宸精密机械有限公司.xlsx');

function gongshu(cwd: string, args: string[]): string {
  return execFileSync(process.execPath, [bin, '--db', path.join(cwd, 'gongshu.db'), '--round', '2026', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GONGSHU_WORKERS: '0', COLUMNS: '400' } });
}

describe('the database inside the import folder', () => {
  it('is listed as gongshu’s own file, with its backups, and not read as a form', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-dbin-'));
    try {
      gongshu(dir, ['round', 'set', '2026', '--deadline', '2026-05-22']);
      fs.copyFileSync(sample, path.join(dir, 'a.xlsx'));
      fs.mkdirSync(path.join(dir, 'gongshu-backups'));
      fs.copyFileSync(path.join(dir, 'gongshu.db'), path.join(dir, 'gongshu-backups', 'gongshu-x.db'));
      const out = gongshu(dir, ['apply', 'import', '.', '--received', '2026-05-20', '--json']);
      const rows = (JSON.parse(out) as { file: string; error?: { code: string } }[]).map((r) => ({ file: r.file, code: r.error?.code }));
      const byName = (name: string): { code?: string } | undefined => rows.find((r) => r.file === name);
      expect(byName('gongshu.db')?.code).toBe('link-to-database');
      expect(byName('gongshu-x.db')?.code).toBe('link-to-database');
      expect(rows.filter((r) => r.code !== 'link-to-database')).toHaveLength(1);
      // Named directly, the same.
      const direct = (JSON.parse(gongshu(dir, ["apply", "import", "gongshu.db", "--json"])) as { error?: { code: string } }[]).map((r) => ({ code: r.error?.code }));
      expect(direct[0]?.code).toBe('link-to-database');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
