#!/usr/bin/env node
import { guardOutputStreams, main } from '../dist/cli/main.js';

// A full disk or a closed pipe on stdout: one Chinese line and exit 1, never a stack trace.
guardOutputStreams();

main(process.argv).then((code) => {
  process.exitCode = code;
});
