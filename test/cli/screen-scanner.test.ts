/**
 * The screen scanner cannot pass on nothing: vitest run on planted screens (test/cli/fixtures/planted-screens:
 * an imported studio named in English, a menu prompt and a printed line in English) with the project's own
 * setup files must fail the file and name each word, the screen it was on and the line.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('a planted English word on a command or menu screen fails its test file', () => {
  const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/cli/fixtures/planted-screens/vitest.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', GONGSHU_SCREENS: '' },
    timeout: 120_000,
  });
  const out = stripVTControlCharacters(run.stdout + run.stderr);
  // The tests themselves pass: only the hook fails the file.
  expect(out).toMatch(/Tests\s+2 passed/u);
  expect(run.status, out).toBe(1);
  expect(out).toMatch(/FAIL\s+test\/cli\/fixtures\/planted-screens\/planted\.fixture\.ts/u);
  expect(out).toMatch(/「Plantedcommand」 on --db \S+ --round 2026 apply import \S+a\.xlsx --received 2026-05-20\n\s+.*Plantedcommand技能大师工作室/u);
  expect(out).toMatch(/「Plantedprompt」 on 菜单（a menu asks and prints in English）\n\s+\? Plantedprompt 请输入/u);
  expect(out).toMatch(/「Plantedprint」 on 菜单（a menu asks and prints in English）\n\s+Plantedprint 已完成/u);
  expect(out).not.toMatch(/「[^」]*(?:好|请输入)/u);
});
