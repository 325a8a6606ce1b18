#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

// `gongshu apply list | head`: the reader went away, there is nobody left to tell; leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
