/** The real binary, as a clerk runs it: start-up, help, version, exit codes. */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { recordScreen } from '../helpers/screens.js';

const BIN = fileURLToPath(new URL('../../bin/gongshu.js', import.meta.url));
const ASSESSMENTS = fileURLToPath(new URL('../../data/samples/assessments/', import.meta.url));
/** Runs the binary; what it printed goes to the screen scanner as runCli's output does. */
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
  recordScreen(args, args.includes('--json') ? r.stderr : `${r.stdout}\n${r.stderr}`);
  return r;
};

describe('gongshu binary', () => {
  it('prints its version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
  });

  it('prints Chinese help with examples and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toContain('示例');
    expect(r.stdout).toContain('gongshu demo');
  });

  describe('when its output cannot be written: one Chinese line on stderr, exit 1, no trace', () => {
    let dir: string;
    let db: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongshu-output-'));
      db = path.join(dir, 'g.db');
      expect((await runCli(['--db', db, '--round', '2026', 'assess', 'import', ASSESSMENTS, '--new-studios'])).code).toBe(0);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    function expectOneLine(r: { status: number | null; stderr: string }, reason: string): void {
      expect(r.status, r.stderr).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('错误'));
      expect(errors).toEqual([`错误：输出没有写完（${reason}），结果不完整。请检查磁盘空间或接收输出的程序后重新运行`]);
      expect(r.stderr).not.toMatch(/Error|ENOSPC|EPIPE|^\s+at /mu);
    }

    it.runIf(fs.existsSync('/dev/full'))('to a full disk (gongshu studios list > /dev/full)', () => {
      for (const args of [['studios', 'list'], ['studios', 'list', '--json'], ['--help']]) {
        const full = fs.openSync('/dev/full', 'w');
        try {
          const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
          expectOneLine(r, '磁盘已满');
        } finally {
          fs.closeSync(full);
        }
      }
    });

    it('to a pipe whose reader has gone (gongshu studios list | head)', async () => {
      for (const args of [['studios', 'list'], ['--help']]) {
        const child = spawn(process.execPath, [BIN, '--db', db, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expectOneLine({ status, stderr }, '接收输出的程序已提前关闭');
      }
    });
  });

  it('prints help instead of waiting for input when not on a terminal', () => {
    const r = run([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('apply');
  });

  it('exits 2 on a usage error, with a Chinese hint and no stack trace', () => {
    const r = run(['apply', 'frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--help');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/u);
  });

  it('prints English with --lang en', () => {
    const r = run(['--lang', 'en', '--help']);
    expect(r.stdout).toContain('Usage');
  });

  it('has an example in the help of every command', () => {
    const top = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const groups = [...top.matchAll(/^ {2}([a-z]+)\b/gmu)].map((m) => m[1]!).filter((g) => g !== 'help');
    expect(groups.length).toBeGreaterThan(2);
    const english = /\[options\]|\[command\]|display help|choices:|default:|<(path|year|id|date|file|paths\.\.\.|code|studio)>/u;
    expect(top).not.toMatch(english);
    for (const group of groups) {
      const help = run([group, '--help']).stdout;
      expect(help, `gongshu ${group} --help`).not.toMatch(english);
      const subs = [...help.matchAll(/^ {2}([a-z][a-z-]*)\b/gmu)].map((m) => m[1]!).filter((s) => s !== 'help');
      const leaves = subs.length ? subs.map((s) => [group, s]) : [[group]];
      for (const leaf of leaves) {
        const leafHelp = run([...leaf, '--help']).stdout;
        expect(leafHelp, `gongshu ${leaf.join(' ')} --help`).toMatch(/示例：\n\s+\$ gongshu /u);
        expect(leafHelp, `gongshu ${leaf.join(' ')} --help`).not.toMatch(english);
      }
    }
    // About seventy processes: on a loaded machine (several test runs at once) this takes a minute.
  }, 180_000);
});
