/**
 * Runs a program in a real pseudo-terminal through util-linux `script` (in Debian's essential
 * bsdutils package, so on every Debian-based Node image and CI machine; tmux is not). The test reads
 * what the terminal received and types into it, as a clerk would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { recordScreen } from './screens.js';

/** Why a pseudo-terminal cannot be had here, or undefined when it can. */
export function ptyUnavailable(): string | undefined {
  if (process.platform === 'win32') return 'no pseudo-terminal on Windows';
  const v = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (v.error) return '`script` (util-linux) is not installed';
  if (!/util-linux/u.test(v.stdout + v.stderr)) return '`script` is not the util-linux one (BSD script takes other options)';
  return undefined;
}

export const KEY = {
  enter: '\r',
  down: '\u001b[B',
  up: '\u001b[A',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
} as const;

const quote = (s: string): string => `'${s.replace(/'/gu, `'\\''`)}'`;

export class Pty {
  private raw = '';
  private mark = 0;
  private readonly typed: string[] = [];
  private readonly child: ChildProcess;
  private readonly argv: string[];
  readonly exited: Promise<number | null>;

  constructor(argv: string[], options: { cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number }) {
    // A pipe gives the terminal no size; set one so tables and prompts lay out as on a real screen.
    this.argv = argv;
    const command = `stty cols ${options.cols ?? 160} rows ${options.rows ?? 50} && exec ${argv.map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: options.cwd, env: { ...options.env, SHELL: '/bin/sh' }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.raw += chunk;
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Everything the terminal received, escape sequences removed. */
  text(): string {
    return stripVTControlCharacters(this.raw);
  }

  /** Waits until `what` appears in the output received since the last key typed. */
  async waitFor(what: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const recent = stripVTControlCharacters(this.raw.slice(this.mark));
      if (typeof what === 'string' ? recent.includes(what) : what.test(recent)) return recent;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${String(what)}; the terminal shows:\n${recent.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  type(keys: string): void {
    this.typed.push(keys);
    this.mark = this.raw.length;
    this.child.stdin!.write(keys);
  }

  /** Ends the program; what the terminal showed goes to the screen scanner (test/helpers/screens.ts). */
  kill(): void {
    recordScreen(['终端：', ...this.argv], this.text(), this.typed);
    this.child.kill('SIGKILL');
  }
}
