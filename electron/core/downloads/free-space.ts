/** Free space where the cache lives, as the user who runs the app may use it (root's reserve does not count). */
import { statfs } from 'node:fs/promises';

export async function statfsFreeSpace(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Headroom kept beyond the package itself: the disk must not be filled to the last byte by a download. */
export const SPACE_HEADROOM = 16 * 1024 * 1024;
