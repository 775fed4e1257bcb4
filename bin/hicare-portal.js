#!/usr/bin/env node
// Runs the portal CLI from its TypeScript sources through tsx, resolved next to this file (not the caller's cwd).
import { register } from 'tsx/esm/api';

register();
const { runPortalCli } = await import('../portal/cli/main.ts');
const code = await runPortalCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
  signals: process,
});
process.exitCode = code;
