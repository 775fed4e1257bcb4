/**
 * The Electron shell's bundle carries no portal code: from the shell's entry points (main, preload) and from every
 * file of the client core, following every relative import (static, re-exported, dynamic, type-only too), nothing
 * under portal/ is reached. The demo portal that `npm start` runs lives in electron/demo/, outside this graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `from '…'`, `import '…'` and `import('…')` specifiers that start with a dot. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(RELATIVE_IMPORT)].map((m) => resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts')));
}

/** Every file reached from `entries`, each with the chain of imports that reaches it. */
function reachable(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = entries.map((e) => [join(ROOT, e)]);
  for (let chain = queue.shift(); chain !== undefined; chain = queue.shift()) {
    const file = chain.at(-1) ?? '';
    if (seen.has(file)) continue;
    seen.set(file, chain);
    if (!file.endsWith('.ts')) continue;
    for (const next of relativeImports(file)) if (!seen.has(next)) queue.push([...chain, next]);
  }
  return seen;
}

function portalFilesReached(entries: string[]): string[] {
  const reached = reachable(entries);
  return [...reached.entries()]
    .filter(([file]) => relative(ROOT, file).startsWith('portal/'))
    .map(([, chain]) => chain.map((f) => relative(ROOT, f)).join(' → '));
}

const coreFiles = (readdirSync(join(ROOT, 'electron/core'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join('electron/core', f));

describe('what the Electron shell bundle may reach', () => {
  it('from main.ts and preload.ts, no file under portal/', () => {
    const reached = reachable(['electron/main/main.ts', 'electron/preload/preload.ts']);
    // The walk did follow the shell into the core (else finding nothing would prove nothing).
    expect([...reached.keys()].map((f) => relative(ROOT, f))).toContain('electron/core/app/runtime.ts');
    expect(portalFilesReached(['electron/main/main.ts', 'electron/preload/preload.ts'])).toEqual([]);
  });

  it('from any file of electron/core, no file under portal/', () => {
    expect(coreFiles.length).toBeGreaterThan(50);
    expect(portalFilesReached(coreFiles)).toEqual([]);
  });

  it('finds the portal where it is used: the demo the web host runs', () => {
    expect(portalFilesReached(['electron/web-host/main.ts'])).toContainEqual(
      expect.stringMatching(/^electron\/web-host\/main\.ts → electron\/demo\/embedded-demo\.ts → portal\//),
    );
  });
});
