/**
 * The ustar writer, checked against the system's GNU tar: what it writes extracts to the same files, modes and
 * contents, long names survive the prefix split, and an unsafe entry path is refused before any file is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSafeEntryPath, createTar, createTarGz, writeTarGz, type TarEntry } from '../../../portal/demo/tar.js';
import { extract, list, scratch } from './harness.js';
import { codeOf } from '../../support.js';

let root = '';
let cleanup: () => Promise<void> = async () => {};
let counter = 0;

beforeAll(async () => {
  ({ dir: root, cleanup } = await scratch('tar'));
});
afterAll(() => cleanup());

async function fresh(): Promise<string> {
  const dir = join(root, String(++counter));
  await mkdir(dir);
  return dir;
}

describe('writeTarGz', () => {
  it('writes an archive the system tar extracts exactly', async () => {
    const dir = await fresh();
    const binary = Buffer.from(Array.from({ length: 1500 }, (_, i) => i % 256));
    const longDir = `deep/${'d'.repeat(90)}/${'e'.repeat(40)}`;
    const entries: TarEntry[] = [
      { path: 'run.sh', mode: 0o755, content: '#!/bin/sh\necho hi\n' },
      { path: 'data/blob.bin', mode: 0o600, content: binary },
      { path: 'data/empty.txt', mode: 0o644, content: '' },
      { path: 'data/exact-512.txt', mode: 0o644, content: 'x'.repeat(512) },
      { path: 'unicode/café.txt', mode: 0o644, content: 'naïve\n' },
      // 150 bytes: needs ustar's prefix field
      { path: `${longDir}/${'f'.repeat(10)}.txt`, mode: 0o644, content: 'long\n' },
    ];
    const file = join(dir, 'a.tar.gz');
    const facts = await writeTarGz(entries, file);
    expect(facts.length).toBe((await stat(file)).size);
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);

    const out = join(dir, 'x');
    await mkdir(out);
    extract(file, out);
    expect(await readFile(join(out, 'run.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
    expect((await stat(join(out, 'run.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(out, 'data/blob.bin'))).mode & 0o777).toBe(0o600);
    expect(Buffer.compare(await readFile(join(out, 'data/blob.bin')), binary)).toBe(0);
    expect(await readFile(join(out, 'data/empty.txt'), 'utf8')).toBe('');
    expect(await readFile(join(out, 'data/exact-512.txt'), 'utf8')).toBe('x'.repeat(512));
    expect(await readFile(join(out, 'unicode/café.txt'), 'utf8')).toBe('naïve\n');
    expect(await readFile(join(out, longDir, `${'f'.repeat(10)}.txt`), 'utf8')).toBe('long\n');
  });

  it('is deterministic: sorted entries, same bytes whatever the input order', () => {
    const a: TarEntry[] = [
      { path: 'b/2.txt', mode: 0o644, content: 'two' },
      { path: 'a.txt', mode: 0o644, content: 'one' },
      { path: 'b/1.txt', mode: 0o644, content: 'zero' },
    ];
    const gz = createTarGz(a);
    expect(Buffer.compare(createTarGz([...a].reverse()), gz)).toBe(0);
    // gzip header: mtime 0 and the "unknown" OS byte, so no machine detail leaks in
    expect(gz.readUInt32LE(4)).toBe(0);
    expect(gz[9]).toBe(0xff);
    expect(Buffer.compare(gunzipSync(gz), createTar(a))).toBe(0);
  });

  it('adds parent directories and lists them before their contents', async () => {
    const dir = await fresh();
    const file = join(dir, 'd.tar.gz');
    await writeTarGz(
      [
        { path: 'p/q/r.txt', mode: 0o644, content: 'r' },
        { path: 'p/a.txt', mode: 0o644, content: 'a' },
      ],
      file,
    );
    expect(list(file).map((l) => l.split(' ').pop())).toEqual(['p/', 'p/a.txt', 'p/q/', 'p/q/r.txt']);
  });

  it('ends with two zero blocks and pads to 512 bytes', () => {
    const tar = createTar([{ path: 'a', mode: 0o644, content: 'abc' }]);
    expect(tar.length % 512).toBe(0);
    expect(tar.subarray(tar.length - 1024).every((b) => b === 0)).toBe(true);
  });
});

describe('unsafe entry paths are refused with INVALID_INPUT, and nothing is written', () => {
  it.each([
    ['absolute', '/etc/passwd'],
    ['parent', '../evil.sh'],
    ['parent in the middle', 'payload/../../evil.sh'],
    ['parent at the end', 'payload/..'],
    ['backslash', 'payload\\evil.sh'],
    ['backslash parent', '..\\evil.sh'],
    ['NUL', 'payload/a\0.sh'],
    ['drive letter', 'C:/Windows/evil.exe'],
    ['empty', ''],
    ['empty part', 'payload//a'],
    ['dot part', './install.sh'],
    ['trailing slash', 'payload/'],
    ['control character', 'payload/a\nb'],
  ])('%s: %j', async (_name, path) => {
    expect(codeOf(() => assertSafeEntryPath(path))).toBe('INVALID_INPUT');
    const dir = await fresh();
    const entries: TarEntry[] = [
      { path: 'ok.txt', mode: 0o644, content: 'fine' },
      { path, mode: 0o644, content: 'bad' },
    ];
    await expect(writeTarGz(entries, join(dir, 'x.tar.gz'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each<[string, TarEntry[]]>([
    [
      'duplicate path',
      [
        { path: 'a', mode: 0o644, content: '1' },
        { path: 'a', mode: 0o644, content: '2' },
      ],
    ],
    [
      'file and directory of the same name',
      [
        { path: 'a', mode: 0o644, content: '1' },
        { path: 'a/b', mode: 0o644, content: '2' },
      ],
    ],
    ['bad mode', [{ path: 'a', mode: 0o10000, content: '1' }]],
    ['fractional mode', [{ path: 'a', mode: 1.5, content: '1' }]],
    ['name too long to split', [{ path: 'x'.repeat(101), mode: 0o644, content: '1' }]],
  ])('%s', (_name, entries) => {
    expect(codeOf(() => createTar(entries))).toBe('INVALID_INPUT');
  });
});
