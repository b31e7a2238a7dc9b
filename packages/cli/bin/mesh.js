#!/usr/bin/env node
// The compiled CLI lives in ../dist (built by `npm install` through the root `prepare` script).
import { main } from '../dist/main.js';

// A reader that stops early (`mesh show … | head`) closes the pipe: that is not the command's
// error, so the process ends quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
