import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentKey, packageKey } from '../../../portal/storage/blob-store.js';
import { LocalBlobStore } from '../../../portal/storage/local-blob-store.js';

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hicare-blobs-'));
  store = new LocalBlobStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('LocalBlobStore', () => {
  it('keeps packages where the repository always kept them, and attachments by id', () => {
    expect(store.localPath(packageKey({ name: 'p/1.0.0/linux-x64/p.tar.gz', sha256: 'ab' }))).toBe(
      join(root, 'tuf/targets/p/1.0.0/linux-x64/ab.p.tar.gz'),
    );
    expect(store.localPath(attachmentKey('abc'))).toBe(join(root, 'attachments/abc'));
  });

  it('stores a file and bytes whole, reads them back whole and by range', async () => {
    const source = join(root, 'source.bin');
    await writeFile(source, 'hello, blob');
    await store.putFile('tuf/targets/a/x.bin', source);
    await store.putBytes('attachments/y', Buffer.from('second'));
    expect((await store.getBytes('tuf/targets/a/x.bin')).toString()).toBe('hello, blob');
    expect(await store.head('attachments/y')).toEqual({ length: 6 });
    expect(await text(await store.openRead('tuf/targets/a/x.bin', { start: 7, end: 10 }))).toBe('blob');
    // No temporary file is left beside what was stored.
    expect(await readdir(join(root, 'tuf/targets/a'))).toEqual(['x.bin']);
  });

  it('answers a missing blob with a coded NOT_FOUND in plain words, and head with undefined', async () => {
    expect(await store.head('attachments/none')).toBeUndefined();
    await expect(store.getBytes('attachments/none')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.not.stringContaining('ENOENT'),
    });
    await expect(store.openRead('attachments/none')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses keys that climb out of its folder', async () => {
    await expect(store.putBytes('../escape', Buffer.from('x'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(() => store.localPath('/etc/passwd')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('leaves nothing under the key when the source cannot be read', async () => {
    await expect(store.putFile('attachments/z', join(root, 'no-such-file'))).rejects.toBeDefined();
    expect(await store.head('attachments/z')).toBeUndefined();
    expect(await readdir(join(root, 'attachments'))).toEqual([]);
  });

  it('says the store is unavailable when its folder cannot be written', async () => {
    await writeFile(join(root, 'file'), 'not a folder');
    await expect(new LocalBlobStore(join(root, 'file', 'below')).check()).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    await expect(store.check()).resolves.toBeUndefined();
  });
});
