/** When the menu opens, and that nothing else pays for loading it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namesNoCommand, opensMenu } from '../../../src/cli/main.js';
import { recordScreen } from '../../helpers/screens.js';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/gongshu.js');

describe('opening the menu', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    [tty, tty, {}, true],
    [tty, tty, { CI: '' }, true],
    [tty, tty, { CI: 'false' }, true],
    [tty, tty, { CI: 'true' }, false],
    [tty, tty, { CI: '1' }, false],
    [pipe, tty, {}, false],
    [tty, pipe, {}, false],
    [{}, {}, {}, false],
  ])('stdin %o, stdout %o, env %o → %s', (stdin, stdout, env, expected) => {
    expect(opensMenu(stdin, stdout, env)).toBe(expected);
  });

  it.each([
    [[], true],
    [['--db', 'x.db'], true],
    [['--round', '2026', '--debug', '--lang=zh'], true],
    [['--db'], false],
    [['apply', 'list'], false],
    [['--round', '2026', 'i'], false],
    [['--help'], false],
    [['-V'], false],
  ])('%o names no command: %s', (args, expected) => {
    expect(namesNoCommand(args)).toBe(expected);
  });
});

describe('the binary off a terminal', () => {
  /** Runs the binary; what it printed goes to the screen scanner as runCli's output does. */
  const run = (args: string[], input: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, cwd: tempDir(), env: { ...process.env, NO_COLOR: '1', CI: '' }, timeout: 20_000 });
    recordScreen(args, `${r.stdout}\n${r.stderr}`, [input]);
    return r;
  };

  it('`gongshu` with global options only prints help and exits 0 when stdin is not a terminal', () => {
    const r = run(['--round', '2026'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).not.toContain('请选择要做的事');
  });

  it('`gongshu interactive` leaves cleanly when its input ends, writing nothing', () => {
    const r = run(['interactive'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已退出');
    expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/u);
  });

  it('`gongshu i` is the same command', () => {
    const r = run(['i', '--help'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('菜单模式');
  });
});

describe('loading', () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('only the menu’s prompts module imports @inquirer/prompts, and only dynamically', () => {
    const importers = sources(path.join(ROOT, 'src')).filter((f) => fs.readFileSync(f, 'utf8').includes("'@inquirer/prompts'"));
    expect(importers.map((f) => path.relative(ROOT, f))).toEqual([path.join('src', 'cli', 'interactive', 'prompts.ts')]);
    const text = fs.readFileSync(importers[0]!, 'utf8');
    expect(text).toMatch(/await import\('@inquirer\/prompts'\)/u);
    expect(text).not.toMatch(/^import [^;]*'@inquirer\/prompts'/mu);
  });

  it('nothing outside the menu imports the menu statically', () => {
    const outside = sources(path.join(ROOT, 'src')).filter((f) => !f.includes(`${path.sep}interactive${path.sep}`));
    for (const f of outside) expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/^import [^;]*interactive\//mu);
  });
});
