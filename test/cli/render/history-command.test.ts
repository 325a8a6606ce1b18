/**
 * History shows Chinese: a step done in the menu as 菜单：<entry> (not the internal `gongshu interactive …`
 * path), and `apply show --history` heads the fingerprint column 文件指纹 (not SHA-256).
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandText } from '../../../src/cli/render/workflow.js';
import { makeApplication } from '../../helpers/application-factory.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/tmp.js';
import { writeApplicationWorkbook } from '../../helpers/workbooks.js';

describe('history wording', () => {
  it('shows a menu step as 菜单：<entry in Chinese>', () => {
    expect(commandText('gongshu interactive score confirm')).toBe('菜单：确认评分');
    expect(commandText('gongshu interactive certify')).toBe('菜单：认定');
    expect(commandText('gongshu interactive apply override')).toBe('菜单：豁免或确认提醒');
    expect(commandText('gongshu certify --date 2026-06-08')).toBe('gongshu certify --date 2026-06-08');
  });

  it('never shows the internal path of a menu step, whatever its command (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('apply', 'import', 'score', 'confirm', 'studios', 'renew', 'unknown', 'x'), { maxLength: 3 }), (words) => {
        const text = commandText(['gongshu', 'interactive', ...words].join(' '));
        expect(text).toMatch(/^菜单/u);
        expect(text).not.toMatch(/[A-Za-z]/u);
      }),
    );
  });

  it('apply show --history heads the fingerprint column 文件指纹', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'g.db');
    const file = await writeApplicationWorkbook(dir, 'a.xlsx', makeApplication());
    expect((await runCli(['--db', db, '--round', '2026', 'apply', 'import', file])).code).toBe(0);
    const show = await runCli(['--db', db, '--round', '2026', 'apply', 'show', '1', '--history']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('文件指纹');
    expect(show.stdout).not.toContain('SHA-256');
  });
});
