/**
 * This program's version. A build bakes it in (vite's `define`), because the built file runs where no package.json
 * sits beside it; run from the sources, it is read from the checkout's package.json.
 */
import { readFileSync } from 'node:fs';

declare const __HICARE_VERSION__: string | undefined;

export function cliVersion(): string {
  if (typeof __HICARE_VERSION__ === 'string') return __HICARE_VERSION__;
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
