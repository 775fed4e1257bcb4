/** The package extractor on real files: what it unpacks, and every unsafe or damaged archive it refuses untouched. */
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFormatOf, extractArchive } from '../../../electron/core/install/archive.js';
import { buildDemoPackage } from '../../../portal/demo/packages.js';
import { writeTarGz } from '../../../portal/demo/tar.js';
import { rawTarGz, rawZip, type RawTarEntry, type RawZipEntry } from './raw-archives.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-archive-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tarFile(entries: RawTarEntry[]): Promise<string> {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.tar.gz`);
  await writeFile(file, rawTarGz(entries));
  return file;
}

async function zipFile(entries: RawZipEntry[]): Promise<string> {
  const file = join(dir, `z${Math.random().toString(36).slice(2)}.zip`);
  await writeFile(file, rawZip(entries));
  return file;
}

/** Everything under the temp dir except the archives themselves: a refused extraction must add nothing. */
async function leftovers(): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !n.endsWith('.tar.gz') && !n.endsWith('.zip')).sort();
}

describe('extracting good packages', () => {
  it('unpacks a demo package with its folders, contents and executable bits', async () => {
    const pkg = await buildDemoPackage(
      { product: 'atlas', version: '1.8.0', platform: 'linux', arch: 'x64' },
      join(dir, 'pkgs'),
    );
    const out = join(dir, 'out');
    const result = await extractArchive(pkg.file, out);
    expect(result).toMatchObject({ format: 'tar.gz', files: 5 });
    expect((await stat(join(out, 'install.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(out, 'payload/bin/atlas'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(out, 'payload/README.txt'))).mode & 0o777).toBe(0o644);
    expect(await readFile(join(out, 'payload/README.txt'), 'utf8')).toContain('1.8.0');
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reads GNU long names, pax paths, in-folder links, and strips setuid and write-for-all bits', async () => {
    const long = `${'deep/'.repeat(30)}file.txt`;
    const file = await tarFile([
      { name: './', type: '5' },
      { name: 'truncated-name', content: 'long', longName: long },
      { name: 'ignored-short-name', content: 'pax', pax: { path: 'pax/named by pax.txt' } },
      { name: 'bin/tool', content: '#!/bin/sh\n', mode: 0o4777 },
      { name: 'bin/tool-link', type: '2', linkname: 'tool' },
      { name: 'bin/tool-hard', type: '1', linkname: 'bin/tool' },
    ]);
    const out = join(dir, 'out');
    await extractArchive(file, out);
    // the GNU entry's header holds a truncated name: the long one wins
    expect(await readFile(join(out, long), 'utf8')).toBe('long');
    expect(await readFile(join(out, 'pax/named by pax.txt'), 'utf8')).toBe('pax');
    expect((await stat(join(out, 'bin/tool'))).mode & 0o7777).toBe(0o755);
    expect(await readlink(join(out, 'bin/tool-link'))).toBe('tool');
    expect((await stat(join(out, 'bin/tool-hard'))).ino).toBe((await stat(join(out, 'bin/tool'))).ino);
  });

  it('reads ustar names split into prefix and name', async () => {
    const path = `${'p/'.repeat(60)}file.txt`;
    const file = join(dir, 'prefixed.tar.gz');
    await writeTarGz([{ path, mode: 0o644, content: 'prefixed' }], file);
    await extractArchive(file, join(dir, 'out'));
    expect(await readFile(join(dir, 'out', path), 'utf8')).toBe('prefixed');
  });

  it('unpacks zip files, stored and deflated, with unix modes and an in-folder link', async () => {
    const big = 'x'.repeat(100_000);
    const file = await zipFile([
      { name: 'app/', unixMode: 0o040755 },
      { name: 'app/stored.txt', content: 'stored', method: 0 },
      { name: 'app/deflated.txt', content: big, method: 8 },
      { name: 'app/run.sh', content: '#!/bin/sh\n', unixMode: 0o100755 },
      { name: 'app/current', content: 'run.sh', unixMode: 0o120777 },
    ]);
    expect(await archiveFormatOf(file)).toBe('zip');
    const out = join(dir, 'out');
    const result = await extractArchive(file, out);
    expect(result).toMatchObject({ format: 'zip', files: 3, bytes: 6 + big.length + 10 });
    expect(await readFile(join(out, 'app/stored.txt'), 'utf8')).toBe('stored');
    expect(await readFile(join(out, 'app/deflated.txt'), 'utf8')).toBe(big);
    expect((await stat(join(out, 'app/run.sh'))).mode & 0o777).toBe(0o755);
    expect(await readlink(join(out, 'app/current'))).toBe('run.sh');
  });

  it('replaces the top-level entries of an existing folder and keeps the rest', async () => {
    const out = join(dir, 'out');
    await mkdir(join(out, 'payload'), { recursive: true });
    await writeFile(join(out, 'payload/old-only.txt'), 'old');
    await writeFile(join(out, 'keep.txt'), 'mine');
    const file = join(dir, 'new.tar.gz');
    await writeTarGz([{ path: 'payload/new.txt', mode: 0o644, content: 'new' }], file);
    await extractArchive(file, out);
    expect(await readdir(join(out, 'payload'))).toEqual(['new.txt']);
    expect(await readFile(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('refusing unsafe packages, leaving nothing behind', () => {
  const tarCases: [string, RawTarEntry[], RegExp][] = [
    ['an absolute path', [{ name: '/etc/evil', content: 'x' }], /absolute/],
    ['a ".." segment', [{ name: 'a/../../evil', content: 'x' }], /climbs out/],
    ['a leading ".."', [{ name: '../evil', content: 'x' }], /climbs out/],
    ['a drive letter', [{ name: 'C:/Windows/evil.dll', content: 'x' }], /drive/],
    ['a backslash trick', [{ name: '..\\..\\evil', content: 'x' }], /backslash/],
    ['a stream name', [{ name: 'file.txt:hidden', content: 'x' }], /stream/],
    ['a control character', [{ name: 'evil\u001b[2J', content: 'x' }], /control character/],
    ['a symlink to an absolute path', [{ name: 'link', type: '2', linkname: '/etc/passwd' }], /points outside/],
    ['a symlink climbing out', [{ name: 'sub/link', type: '2', linkname: '../../outside' }], /points outside/],
    [
      'a write through a symlink',
      [
        { name: 'dirlink', type: '2', linkname: 'real' },
        { name: 'real/', type: '5' },
        { name: 'dirlink/evil', content: 'x' },
      ],
      /through a link/,
    ],
    [
      'a symlink out through another symlink',
      [
        // "a/.." reads as the folder itself, but on disk a is the folder, so a/.. is its parent
        { name: 'a', type: '2', linkname: '.' },
        { name: 'b', type: '2', linkname: 'a/..' },
      ],
      /leads outside/,
    ],
    ['a symlink pointing at nothing', [{ name: 'dangling', type: '2', linkname: 'nowhere' }], /points at nothing/],
    ['a hardlink to outside', [{ name: 'hard', type: '1', linkname: '/etc/passwd' }], /absolute/],
    [
      'a hardlink to a name not in the package',
      [{ name: 'hard', type: '1', linkname: 'missing' }],
      /earlier in the package/,
    ],
    ['a character device', [{ name: 'dev', type: '3' }], /device or pipe/],
    ['a block device', [{ name: 'dev', type: '4' }], /device or pipe/],
    ['a fifo', [{ name: 'fifo', type: '6' }], /device or pipe/],
    ['a pax path climbing out', [{ name: 'innocent', content: 'x', pax: { path: '../evil' } }], /climbs out/],
    [
      'a GNU long name that is absolute',
      [{ name: 'short', content: 'x', longName: `/${'a'.repeat(120)}` }],
      /absolute/,
    ],
  ];

  it.each(tarCases)('tar.gz with %s → INVALID_INPUT', async (_what, entries, why) => {
    const file = await tarFile([{ name: 'good.txt', content: 'fine' }, ...entries]);
    const out = join(dir, 'out');
    const failure = await extractArchive(file, out).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({
      code: 'INVALID_INPUT',
      remedy: expect.stringMatching(/\S/),
      message: expect.stringMatching(why),
    });
    expect(await leftovers()).toEqual([]);
  });

  const zipCases: [string, RawZipEntry[], RegExp][] = [
    ['an absolute path', [{ name: '/etc/evil', content: 'x' }], /absolute/],
    ['a ".." segment', [{ name: '../evil', content: 'x' }], /climbs out/],
    ['a backslash trick', [{ name: 'a\\..\\..\\evil', content: 'x' }], /backslash/],
    ['a drive letter', [{ name: 'C:evil', content: 'x' }], /drive/],
    ['a symlink climbing out', [{ name: 'link', content: '../../../etc', unixMode: 0o120777 }], /points outside/],
    ['a character device', [{ name: 'dev', content: '', unixMode: 0o020644 }], /device or pipe/],
    ['a size that lies (zip bomb)', [{ name: 'bomb', content: 'y'.repeat(50_000), declaredSize: 10 }], /declared size/],
  ];

  it.each(zipCases)('zip with %s → INVALID_INPUT', async (_what, entries, why) => {
    const file = await zipFile([{ name: 'good.txt', content: 'fine' }, ...entries]);
    await expect(extractArchive(file, join(dir, 'out'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(why),
    });
    expect(await leftovers()).toEqual([]);
  });

  it('keeps an existing install folder exactly as it was when the package is refused', async () => {
    const out = join(dir, 'out');
    await mkdir(join(out, 'payload'), { recursive: true });
    await writeFile(join(out, 'payload/VERSION'), '1.0.0\n');
    const file = await tarFile([
      { name: 'payload/VERSION', content: '2.0.0\n' },
      { name: '../evil', content: 'x' },
    ]);
    await expect(extractArchive(file, out)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await readFile(join(out, 'payload/VERSION'), 'utf8')).toBe('1.0.0\n');
    expect(await leftovers()).toEqual(['out']);
    await expect(lstat(join(dir, 'evil'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('caps the total size and the number of entries', async () => {
    const many = await tarFile(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, content: 'x' })));
    await expect(extractArchive(many, join(dir, 'a'), { limits: { maxEntries: 10 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const large = await tarFile([{ name: 'big', content: Buffer.alloc(5000) }]);
    await expect(extractArchive(large, join(dir, 'b'), { limits: { maxBytes: 4096 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const bigZip = await zipFile([{ name: 'big', content: Buffer.alloc(5000) }]);
    await expect(extractArchive(bigZip, join(dir, 'c'), { limits: { maxBytes: 4096 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await leftovers()).toEqual([]);
  });

  it('refuses damaged and foreign files', async () => {
    const good = rawTarGz([{ name: 'a.txt', content: 'x'.repeat(2000) }]);
    const cut = join(dir, 'cut.tar.gz');
    await writeFile(cut, good.subarray(0, good.length - 20));
    await expect(extractArchive(cut, join(dir, 'out'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const text = join(dir, 'notes.zip');
    await writeFile(text, 'just some text');
    await expect(extractArchive(text, join(dir, 'out'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await leftovers()).toEqual([]);
  });
});
