/**
 * The installer carries the desktop app and nothing of the vendor portal: the list electron-builder would pack
 * (scripts/package-files.mjs, electron-builder's own matchers) after a real build, and what the main bundle holds.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
// pino is absent on purpose: the app writes its own log through it (electron/core/logging).
const portalModules = ['fastify', 'kysely', 'better-sqlite3', 'pg', '@aws-sdk', 'tsx', 'prom-client', '@fastify/'];

let packed: string[] = [];

beforeAll(async () => {
  await run('npm', ['run', '--silent', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const { stdout } = await run(process.execPath, ['scripts/package-files.mjs'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  packed = stdout.split('\n').filter((line) => line !== '');
}, 180_000);

/** The module a packed node_modules file belongs to, e.g. `@aws-sdk/client-s3` or `fastify`. */
function moduleOf(file: string): string | null {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return match?.[1] ?? null;
}

describe('what the installer packs', () => {
  it('holds the built shell, its page and the trusted root', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'app/package.json',
        'app/dist/electron/main.js',
        'app/dist/electron/preload.cjs',
        'app/dist/renderer/index.html',
        'trust/root.json',
      ]),
    );
  });

  it('holds no portal file and none of the portal’s libraries', () => {
    expect(packed.filter((file) => /(^|\/)portal\//.test(file) && !file.startsWith('app/dist/'))).toEqual([]);
    const modules = new Set(packed.map(moduleOf).filter((name) => name !== null));
    const portalOnes = [...modules].filter((name) => portalModules.some((p) => name === p || name.startsWith(`${p}/`)));
    expect(portalOnes).toEqual([]);
  });

  it('holds no node_modules at all, because the main bundle needs none', async () => {
    expect(packed.filter((file) => moduleOf(file) !== null)).toEqual([]);
    const main = await readFile(resolve(root, 'dist/electron/main.js'), 'utf8');
    // Static imports, the bundler's require shim and dynamic imports (not the `{import('x')}` of a JSDoc type).
    const specifiers = [
      ...main.matchAll(/(?:^import [^;]*?from |^import |__require\(|(?<![{\w.])import\()["']([^"']+)["']/gm),
    ].map((m) => m[1] ?? '');
    const node = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const outside = specifiers.filter((s) => !s.startsWith('./') && !node.has(s) && s !== 'electron');
    expect([...new Set(outside)]).toEqual([]);
  });

  it('bundles no portal source and no portal library into the main process', async () => {
    const map = JSON.parse(await readFile(resolve(root, 'dist/electron/main.js.map'), 'utf8')) as { sources: string[] };
    const sources = map.sources.map((source) =>
      relative(root, resolve(root, 'dist/electron', source))
        .split('\\')
        .join('/'),
    );
    const portalCode = sources.filter(
      (source) =>
        source.startsWith('portal/') || portalModules.some((name) => source.includes(`node_modules/${name}/`)),
    );
    expect(portalCode).toEqual([]);
  });
});
