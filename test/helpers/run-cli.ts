/** Runs the CLI in-process and captures what it prints, as a clerk's terminal would see it. */
import { main } from '../../src/cli/main.js';
import { recordScreen } from './screens.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const outWrite = process.stdout.write.bind(process.stdout);
  const errWrite = process.stderr.write.bind(process.stderr);
  const savedEnv = { ...process.env };
  // Tables fit $COLUMNS when stdout is no terminal: a test that wants a width says so.
  delete process.env.COLUMNS;
  Object.assign(process.env, { NO_COLOR: '1' }, env);
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'gongshu', ...args]);
    recordScreen(args, args.includes('--json') ? stderr : `${stdout}\n${stderr}`);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
    process.exitCode = undefined;
    process.env = savedEnv;
  }
}
