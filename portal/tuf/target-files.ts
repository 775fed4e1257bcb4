/**
 * Bringing package bytes into the repository. The file is hashed while it is copied, in one streamed pass, so the
 * hash signed into targets is the hash of the bytes actually stored — not of a source that could change between a
 * hashing pass and a copying pass. Copies land as hidden temporary files and are renamed to their hash-prefixed
 * names only once the whole batch is known to be acceptable, so a refused batch leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import { tempPathFor } from './atomic-file.js';
import { hashedTargetPath } from './target-name.js';

export interface StagedFile {
  name: string;
  tempPath: string;
  sha256: string;
  length: number;
}

export function targetsDir(repoDir: string): string {
  return join(repoDir, 'targets');
}

export async function stageFile(repoDir: string, name: string, sourcePath: string): Promise<StagedFile> {
  const tempPath = tempPathFor(join(targetsDir(repoDir), name));
  await mkdir(dirname(tempPath), { recursive: true });
  const hash = createHash('sha256');
  let length = 0;
  const out = await open(tempPath, 'wx', 0o644);
  try {
    for await (const chunk of createReadStream(sourcePath) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      length += chunk.length;
      await out.write(chunk);
    }
    // The metadata about to be signed will point at this file; it must be on disk before that metadata is.
    await out.sync();
  } catch (error) {
    await out.close();
    await rm(tempPath, { force: true });
    throw sourceError(error, name, sourcePath);
  }
  await out.close();
  return { name, tempPath, sha256: hash.digest('hex'), length };
}

function sourceError(error: unknown, name: string, sourcePath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new HicareError('NOT_FOUND', `The package file for ${name} does not exist: ${sourcePath}.`, 'Check the path and try again.', { name, path: sourcePath });
  }
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
    return new HicareError('INVALID_INPUT', `The package file for ${name} cannot be read (${code}): ${sourcePath}.`, 'Give the path of a readable regular file.', { name, path: sourcePath });
  }
  return error;
}

/** Stages many files with a few reads in flight at once: a large batch is bound by per-file latency, not bandwidth. */
export async function stageFiles(repoDir: string, items: readonly { name: string; path: string }[], concurrency = 8): Promise<StagedFile[]> {
  const staged: StagedFile[] = new Array<StagedFile>(items.length);
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      const item = items[index]!;
      try {
        staged[index] = await stageFile(repoDir, item.name, item.path);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure !== undefined) {
    await discardStaged(staged.filter((s) => s !== undefined));
    throw failure;
  }
  return staged;
}

export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((s) => rm(s.tempPath, { force: true })));
}

/** Moves staged copies to `targets/<dir>/<sha256>.<file>`, the path tuf-js requests with consistent snapshots on. */
export async function commitStaged(repoDir: string, staged: readonly StagedFile[]): Promise<void> {
  for (const s of staged) await rename(s.tempPath, join(targetsDir(repoDir), hashedTargetPath(s.name, s.sha256)));
}
