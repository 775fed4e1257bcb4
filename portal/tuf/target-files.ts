/**
 * Bringing package bytes into the repository. The file is hashed while it is copied, in one streamed pass, so the
 * hash signed into targets is the hash of the bytes actually stored — not of a source that could change between a
 * hashing pass and a copying pass. Copies land in a private temporary folder and go to the blob store only once the
 * whole batch is known to be acceptable, so a refused batch stores nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import { packageKey, type BlobStore } from '../storage/blob-store.js';
import { asStoreError } from '../storage/space-error.js';

export interface StagedFile {
  name: string;
  tempPath: string;
  sha256: string;
  length: number;
}

/** Copies `sourcePath` to `tempPath`, hashing what it writes. */
export async function stageFile(tempPath: string, name: string, sourcePath: string): Promise<StagedFile> {
  const hash = createHash('sha256');
  let length = 0;
  const out = await open(tempPath, 'wx', 0o600).catch((error: unknown) => {
    throw asStoreError(error, 'a copy of the package', name);
  });
  try {
    for await (const chunk of createReadStream(sourcePath) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      length += chunk.length;
      await out.write(chunk);
    }
  } catch (error) {
    await out.close();
    await rm(tempPath, { force: true });
    throw asStoreError(sourceError(error, name, sourcePath), 'a copy of the package', name);
  }
  await out.close();
  return { name, tempPath, sha256: hash.digest('hex'), length };
}

function sourceError(error: unknown, name: string, sourcePath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new HicareError('NOT_FOUND.tufPackageFile', { name, path: sourcePath }, { name, path: sourcePath });
  }
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
    // The system's code (EISDIR, EACCES) is for the log, in the details; the sentence says what it means.
    return new HicareError(
      'INVALID_INPUT.tufPackageUnreadable',
      { name, path: sourcePath },
      { name, path: sourcePath, code },
    );
  }
  return error;
}

/**
 * Stages many files into a private temporary folder, with a few reads in flight at once: a large batch is bound by
 * per-file latency, not bandwidth. Nothing reaches the blob store until `commitStaged`.
 */
export async function stageFiles(
  items: readonly { name: string; path: string }[],
  concurrency = 8,
): Promise<StagedFile[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-publish-')).catch((error: unknown) => {
    throw asStoreError(error, 'the packages being published');
  });
  const staged: StagedFile[] = new Array<StagedFile>(items.length);
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        staged[index] = await stageFile(join(dir, String(index)), item.name, item.path);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== undefined || items.length === 0) {
    await rm(dir, { recursive: true, force: true });
    if (failure !== undefined) throw failure;
  }
  return staged;
}

export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  const dirs = new Set(staged.filter((s) => s !== undefined).map((s) => join(s.tempPath, '..')));
  await Promise.all([...dirs].map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * Stores the staged copies under their package keys (`tuf/targets/<dir>/<sha256>.<file>`, the path tuf-js requests
 * with consistent snapshots on), then drops the copies. If the store fails part-way (a full disk), the packages this
 * call added are taken out again, so a failed publish leaves the store as it found it.
 */
export async function commitStaged(blobs: BlobStore, staged: readonly StagedFile[]): Promise<void> {
  const added: string[] = [];
  try {
    for (const s of staged) {
      const key = packageKey({ name: s.name, sha256: s.sha256 });
      // Same name and hash means the same bytes are stored already (a republish): nothing to copy.
      if ((await blobs.head(key))?.length === s.length) continue;
      await blobs.putFile(key, s.tempPath);
      added.push(key);
    }
  } catch (error) {
    await Promise.all(added.map((key) => blobs.delete(key).catch(() => undefined)));
    throw asStoreError(error, 'the packages being published');
  } finally {
    await discardStaged(staged);
  }
}
