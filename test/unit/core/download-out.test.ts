/** `hicare download --out`: the verified package lands in the folder whole, written once, and the cache stays honest. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeOnce } from '../../../electron/core/client/download-out.js';
import { PackageCache } from '../../../electron/core/downloads/package-cache.js';
import { makeTempDir, type TempDir } from '../../support/temp-dir.js';

let temp: TempDir;
let cache: PackageCache;
let bytes: Buffer;
let hex: string;

beforeEach(async () => {
  temp = await makeTempDir('hicare-out-');
  cache = new PackageCache(join(temp.dir, 'cache'));
  await cache.ensure();
  bytes = randomBytes(3 * 1024 * 1024 + 17);
  hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(cache.packagePath(hex), bytes);
});
afterEach(() => temp.remove());

function onAnotherFileSystem(dir: string): boolean {
  return existsSync(dir) && statSync(dir).dev !== statSync(tmpdir()).dev;
}

describe('a package put into the --out folder', () => {
  it('is the whole package, sharing the cached file on the same file system rather than a second copy', async () => {
    const out = join(temp.dir, 'out', 'atlas.tar.gz');
    await mkdir(join(temp.dir, 'out'));

    expect(await placeOnce(cache.packagePath(hex), out)).toBe('linked');
    expect((await readFile(out)).equals(bytes)).toBe(true);
    expect((await stat(out)).ino).toBe((await stat(cache.packagePath(hex))).ino);
    expect(await readdir(join(temp.dir, 'out'))).toEqual(['atlas.tar.gz']);
  });

  it('replaces what an interrupted earlier run left, and can be put there again', async () => {
    const out = join(temp.dir, 'atlas.tar.gz');
    await writeFile(`${out}.part`, 'half');
    await placeOnce(cache.packagePath(hex), out);
    await placeOnce(cache.packagePath(hex), out);

    expect((await readFile(out)).equals(bytes)).toBe(true);
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  // /dev/shm is a tmpfs on Linux: another file system than the temp folder's, where a hard link cannot reach.
  it.skipIf(!onAnotherFileSystem('/dev/shm'))(
    'is a copy with the same bytes when the folder is on another file system',
    async () => {
      const elsewhere = await mkdtemp('/dev/shm/hicare-out-');
      try {
        const out = join(elsewhere, 'atlas.tar.gz');
        expect(await placeOnce(cache.packagePath(hex), out)).toBe('copied');
        expect((await readFile(out)).equals(bytes)).toBe(true);
        expect(await readdir(elsewhere)).toEqual(['atlas.tar.gz']);
      } finally {
        await rm(elsewhere, { recursive: true, force: true });
      }
    },
  );

  it('edited in place by the user, makes the cache refuse its own copy instead of trusting it', async () => {
    const out = join(temp.dir, 'atlas.tar.gz');
    await placeOnce(cache.packagePath(hex), out);
    const edited = Buffer.from(bytes);
    edited[1000] = edited[1000]! ^ 0xff;
    await writeFile(out, edited, { flag: 'r+' });

    expect(await cache.lookup(hex, bytes.length, new Date('2026-01-01T00:00:00Z'))).toBe('miss');
    expect(existsSync(cache.packagePath(hex))).toBe(false);
    expect(await readdir(cache.quarantine)).toHaveLength(1);
  });
});
