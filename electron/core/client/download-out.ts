/**
 * Puts a verified package from the cache where the user asked for it, without writing its bytes a second time: a
 * hard link where the folder is on the cache's file system, else a reflink (a copy-on-write clone, on file systems
 * that have them), else a plain copy. The file appears under its name only once complete (`.part`, then a rename).
 *
 * Sharing the cache's file is safe for the cache: the cache never trusts a file without hashing it again (every
 * lookup does), so if the user edits the linked file in place, the cache's copy fails that check, is quarantined and
 * is downloaded afresh — it is never installed. Removing either name leaves the other intact. The file is not made
 * read-only: the user owns what they asked for, and on Windows a read-only file resists being deleted.
 */
import { constants } from 'node:fs';
import { copyFile, link, rename, rm } from 'node:fs/promises';

export async function placeOnce(cached: string, file: string): Promise<'linked' | 'copied'> {
  const part = `${file}.part`;
  // A `.part` left by an earlier, interrupted run would make the link fail.
  await rm(part, { force: true });
  let how: 'linked' | 'copied' = 'linked';
  try {
    await link(cached, part);
  } catch {
    // Another file system (EXDEV), or one without hard links: clone where possible, copy otherwise.
    how = 'copied';
    await copyFile(cached, part, constants.COPYFILE_FICLONE);
  }
  await rename(part, file);
  // Renaming a link onto another link of the same file does nothing (POSIX), which leaves the `.part` behind.
  await rm(part, { force: true });
  return how;
}
