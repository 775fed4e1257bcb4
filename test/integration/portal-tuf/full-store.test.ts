/**
 * A disk or store that fills up during a publish: the publisher gets INSUFFICIENT_SPACE in plain words, the
 * repository keeps its versions, no lock is left behind, and the next publish (once there is room) works.
 */
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import type { BlobStore } from '../../../portal/storage/blob-store.js';
import { FolderMetadataStore, type MetadataStore } from '../../../portal/tuf/metadata-store.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { openRepository, type TufRepository } from '../../../portal/tuf/repository.js';
import { cleanup, freshRepository, packageFile, publishedTargets, releaseCustom } from './helpers.js';

afterEach(cleanup);

function noSpace(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/** The real folder store, except that the write of `failing` runs out of space once. */
function fillingMetadata(repoDir: string, failing: string): MetadataStore {
  const store = new FolderMetadataStore(repoDir);
  let failed = false;
  const put = store.put.bind(store);
  store.put = async (name, bytes) => {
    if (name === failing && !failed) {
      failed = true;
      // The real store maps a full disk to the coded error; fail the way the disk would, below that mapping.
      const { asStoreError } = await import('../../../portal/storage/space-error.js');
      throw asStoreError(noSpace(), 'the signed catalog');
    }
    return put(name, bytes);
  };
  return store;
}

/** The repository's own blob store, except that the first package write runs out of space. */
function fillingBlobs(real: BlobStore): BlobStore {
  let failed = false;
  return Object.assign(Object.create(real) as BlobStore, {
    putFile: async (key: string, path: string) => {
      if (!failed) {
        failed = true;
        const { asStoreError } = await import('../../../portal/storage/space-error.js');
        throw asStoreError(noSpace(), 'a file');
      }
      return real.putFile(key, path);
    },
  });
}

async function versions(repoDir: string): Promise<number[]> {
  const s = await readState(repoDir);
  return [s.targets.signed.version, s.snapshot.signed.version, s.timestamp.signed.version];
}

const publishOne = async (repo: TufRepository, workDir: string, v: string): Promise<unknown> =>
  repo.addTarget({
    name: `hicare-server/${v}/linux-x64/hicare-server-${v}.tar.gz`,
    path: await packageFile(workDir, v, `bytes ${v}`),
    custom: ReleaseTargetCustomSchema.parse(releaseCustom()),
  });

describe('a full disk or store during publish', () => {
  it.each([
    [
      'the package bytes',
      (repoDir: string, keysDir: string, base: TufRepository) =>
        openRepository({ repoDir, keysDir, blobs: fillingBlobs(base.blobs) }),
    ],
    [
      "the product's targets metadata",
      (repoDir: string, keysDir: string) =>
        openRepository({ repoDir, keysDir, metadata: fillingMetadata(repoDir, '1.product.hicare-server.json') }),
    ],
    [
      'the timestamp',
      (repoDir: string, keysDir: string) =>
        openRepository({ repoDir, keysDir, metadata: fillingMetadata(repoDir, 'timestamp.json') }),
    ],
  ])(
    'while storing %s: INSUFFICIENT_SPACE, nothing published, no lock left, the next publish works',
    async (_what, make) => {
      const { repoDir, keysDir, workDir, repo: base } = await freshRepository();
      const repo = make(repoDir, keysDir, base);
      const error: unknown = await publishOne(repo, workDir, '1.0.0').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HicareError);
      expect((error as HicareError).code).toBe('INSUFFICIENT_SPACE');
      expect((error as HicareError).message).not.toMatch(/ENOSPC/);
      expect(await versions(repoDir)).toEqual([1, 1, 1]);
      expect(await readdir(repoDir)).not.toContain('.publish.lock');

      await publishOne(repo, workDir, '1.0.0');
      expect(await versions(repoDir)).toEqual([2, 2, 2]);
      expect(Object.keys(await publishedTargets(repoDir))).toHaveLength(1);
    },
  );
});
