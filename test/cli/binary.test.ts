/** The real binary, as a clerk runs it: start-up, help, version, exit codes. */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/gongshu.js', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });

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

  it('leaves quietly when the reader of its output has gone (gongshu --help | head)', () => {
    // `(exit 0)` closes the pipe before gongshu writes, as `head` does once it has its lines.
    const r = spawnSync('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" --help | (exit 0); echo "status $?"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
    expect(r.stderr).not.toMatch(/EPIPE|Error/u);
    expect(r.stdout.trim()).toBe('status 0');
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
  });
});
