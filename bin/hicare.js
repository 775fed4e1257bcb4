#!/usr/bin/env node
// Runs the `hicare` CLI: the built file when there is one (an installed package, a checkout after `npm run build`),
// else the TypeScript sources through tsx, a development dependency, in a checkout that was not built.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/hicare.js', import.meta.url);
if (existsSync(built) && process.env.HICARE_FROM_SOURCES !== '1') {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/entry.ts');
}
