/**
 * Writes archive entries into a fresh staging folder, refusing anything that could land outside it: unsafe names,
 * links that leave the folder, writes through a link, device files, and archives past the size or entry limits.
 * Only the executable bits of a file's mode are kept (no setuid, no world-writable files).
 */
import { chmod, link, mkdir, open, realpath, symlink, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ArchiveEntry, ExtractLimits } from './archive-entry.js';
import { assertSafeLinkTarget, parentsOf, safeEntryPath, unsafeArchive } from './archive-paths.js';

type Kind = 'file' | 'directory' | 'symlink';

export class StagingWriter {
  /** What this writer created, by clean relative path; the staging folder starts empty, so this is all there is. */
  private readonly kinds = new Map<string, Kind>();
  private readonly links: string[] = [];
  entries = 0;
  files = 0;
  bytes = 0;

  constructor(
    private readonly root: string,
    private readonly limits: ExtractLimits,
  ) {}

  private at(path: string): string {
    return join(this.root, ...path.split('/'));
  }

  private async ensureParents(path: string, raw: string): Promise<void> {
    for (const parent of parentsOf(path)) {
      const kind = this.kinds.get(parent);
      if (kind === 'directory') continue;
      if (kind !== undefined) {
        throw unsafeArchive(
          `The package entry ${JSON.stringify(raw)} would be written through ${kind === 'symlink' ? 'a link' : 'a file'} ("${parent}").`,
          { path: raw },
        );
      }
      await mkdir(this.at(parent));
      this.kinds.set(parent, 'directory');
    }
  }

  /** A later entry may replace an earlier file or link (tar appends do that), never a folder. */
  private async clearFor(path: string, raw: string, becomes: Kind): Promise<void> {
    const existing = this.kinds.get(path);
    if (existing === undefined) return;
    if (existing === 'directory' || becomes === 'directory') {
      if (existing === becomes) return;
      throw unsafeArchive(`The package entry ${JSON.stringify(raw)} is both a folder and a file.`, { path: raw });
    }
    await unlink(this.at(path));
    this.kinds.delete(path);
    if (existing === 'symlink') this.links.splice(this.links.indexOf(path), 1);
  }

  async write(entry: ArchiveEntry): Promise<void> {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries)
      throw unsafeArchive(`The package has more than ${this.limits.maxEntries} entries.`, {
        limit: this.limits.maxEntries,
      });
    const path = safeEntryPath(entry.path);
    if (entry.type === 'device')
      throw unsafeArchive(
        `The package entry ${JSON.stringify(entry.path)} is a device or pipe, which is never installed.`,
        { path: entry.path },
      );
    if (path === '') {
      if (entry.type === 'directory') return;
      throw unsafeArchive(`The package has a ${entry.type} entry with no name.`, { path: entry.path });
    }
    await this.ensureParents(path, entry.path);
    switch (entry.type) {
      case 'directory':
        await this.clearFor(path, entry.path, 'directory');
        if (!this.kinds.has(path)) await mkdir(this.at(path));
        this.kinds.set(path, 'directory');
        return;
      case 'file':
        await this.clearFor(path, entry.path, 'file');
        await this.writeFile(path, entry);
        return;
      case 'symlink':
        assertSafeLinkTarget(path, entry.linkTarget);
        await this.clearFor(path, entry.path, 'symlink');
        await symlink(entry.linkTarget, this.at(path));
        this.kinds.set(path, 'symlink');
        this.links.push(path);
        return;
      case 'hardlink': {
        const target = safeEntryPath(entry.linkTarget);
        if (this.kinds.get(target) !== 'file' || target === path) {
          throw unsafeArchive(
            `The hard link ${JSON.stringify(entry.path)} in the package does not point at a file earlier in the package.`,
            {
              path: entry.path,
              target: entry.linkTarget,
            },
          );
        }
        await this.clearFor(path, entry.path, 'file');
        await link(this.at(target), this.at(path));
        this.kinds.set(path, 'file');
        return;
      }
    }
  }

  private async writeFile(path: string, entry: ArchiveEntry): Promise<void> {
    if (this.bytes + entry.size > this.limits.maxBytes) {
      throw unsafeArchive(`The package unpacks to more than ${this.limits.maxBytes} bytes.`, {
        limit: this.limits.maxBytes,
      });
    }
    this.bytes += entry.size;
    // 'wx' never follows or reuses anything already at that name
    const handle = await open(this.at(path), 'wx', 0o600);
    this.kinds.set(path, 'file');
    this.files += 1;
    try {
      let written = 0;
      for await (const chunk of entry.body()) {
        written += chunk.length;
        if (written > entry.size)
          throw unsafeArchive(`The package entry ${JSON.stringify(entry.path)} is longer than it declares.`, {
            path: entry.path,
          });
        await handle.write(chunk);
      }
    } finally {
      await handle.close();
    }
    // only the executable bits travel: a package cannot make a setuid or world-writable file
    await chmod(this.at(path), 0o644 | (entry.mode & 0o111));
  }

  /** Once everything is written: every link must resolve, on disk and through other links, to something inside. */
  async checkLinks(): Promise<void> {
    const root = await realpath(this.root);
    for (const path of this.links) {
      let resolved: string;
      try {
        resolved = await realpath(this.at(path));
      } catch {
        throw unsafeArchive(`The link ${JSON.stringify(path)} in the package points at nothing inside the package.`, {
          path,
        });
      }
      const rel = relative(root, resolved);
      if (rel === '..' || rel.startsWith(`..${sep}`) || rel === resolved) {
        throw unsafeArchive(`The link ${JSON.stringify(path)} in the package leads outside the install folder.`, {
          path,
        });
      }
    }
  }
}
