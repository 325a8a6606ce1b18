/** Builds dist/ once, so end-to-end tests run the real `gongshu` binary exactly as a clerk would. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (e) {
    // tsc still emits on type errors; the type check itself is its own test (test/typecheck.test.ts)
    process.stderr.write(`tsc reported errors while building dist/:\n${String((e as { stdout?: Buffer }).stdout ?? e)}\n`);
  }
}
