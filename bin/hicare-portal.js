#!/usr/bin/env node
// Runs the portal CLI: the build in dist/portal when there is one (a deployed portal, whose npm dependencies are
// installed with `npm ci --omit=dev`), else the TypeScript sources through tsx, a development dependency.
import { existsSync } from 'node:fs';

const built = new URL('../dist/portal/hicare-portal.js', import.meta.url);
async function load() {
  if (existsSync(built) && process.env.HICARE_FROM_SOURCES !== '1') return import(built.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../portal/cli/main.ts');
}

const { runPortalCli } = await load();
const code = await runPortalCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  print: (line) => process.stdout.write(`${line}\n`),
  printError: (line) => process.stderr.write(`${line}\n`),
  signals: process,
});
process.exitCode = code;
