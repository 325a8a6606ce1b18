/**
 * `-o 文件夹/` (written with a trailing slash) means a folder: when it does not exist gongshu says so and
 * writes nothing, instead of writing a backup or a list into a file named like the folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

describe('-o naming a folder that does not exist', () => {
  it('db backup -o 备份/ refuses and names the missing folder; no file of that name appears', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu.db');
    expect((await runCli(['--db', db, 'round', 'set', '2026', '--deadline', '2026-05-22'])).code).toBe(0);
    const target = path.join(dir, '备份');
    const r = await runCli(['--db', db, 'db', 'backup', '-o', `${target}/`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('备份');
    expect(r.stderr).toMatch(/文件夹/u);
    expect(fs.existsSync(target)).toBe(false);
    // The folder is named once, not once as the place and again in the message.
    expect(r.stderr.split(target).length - 1).toBe(1);
  });

  it('a folder that exists, written with a trailing slash, still gets the default name inside it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gongshu.db');
    expect((await runCli(['--db', db, 'round', 'set', '2026', '--deadline', '2026-05-22'])).code).toBe(0);
    const target = path.join(dir, '备份');
    fs.mkdirSync(target);
    const r = await runCli(['--db', db, 'db', 'backup', '-o', `${target}/`]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(target).filter((f) => f.endsWith('.db'))).toHaveLength(1);
  });
});
