/**
 * `template review` in a round with no application at all tells the clerk to import the forms first:
 * re-checking (apply validate) cannot help when there is nothing to check.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('template review with no applications', () => {
  it('says to import the application forms first', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu.db');
    expect((await runCli(['--db', db, 'round', 'set', '2026', '--deadline', '2026-05-22'])).code).toBe(0);
    const r = await runCli(['--db', db, '--round', '2026', 'template', 'review', '-o', path.join(dir, '评审打分表.xlsx')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('apply import');
  });
});
