/**
 * A vitest setup file (vitest.config.ts `setupFiles`): every screen a test under test/cli shows the clerk —
 * each runCli command and each menu prompt and printed line, recorded by test/helpers/screens.ts — must speak
 * the clerk's language. After each such file, the words the scanner found fail the file, each with the
 * screen (command or menu test) and the line it was on. test/cli/screen-scanner.test.ts proves that a
 * planted word fails a file through this very hook.
 */
import { afterAll } from 'vitest';
import { screenOffences } from './helpers/screens.js';

// vitest reads the first parameter as a fixture list, so it must be a (here empty) destructuring pattern.
afterAll(({}, suite) => {
  if (!/[/\\]test[/\\]cli[/\\]/u.test(suite.file.filepath)) return;
  const found = screenOffences();
  if (found.length === 0) return;
  const lines = found.slice(0, 40).map((o) => `  「${o.words.join('、')}」 on ${o.where}\n      ${o.line}`);
  const more = found.length > 40 ? [`  … and ${found.length - 40} more (GONGSHU_SCREENS=/tmp/screens.txt lists them all)`] : [];
  throw new Error(`Words a clerk does not speak, on ${found.length} screen line(s) of ${suite.file.name}:\n${[...lines, ...more].join('\n')}`);
});
