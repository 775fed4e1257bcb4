/** A fresh folder under the system's temp directory for a test, and the function that removes it again. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  /** Removes the folder and everything in it; does nothing when it is already gone. */
  remove(): Promise<void>;
}

/** `prefix` starts the folder's name (e.g. `hicare-dl-`), so a folder left behind tells which tests left it. */
export async function makeTempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
