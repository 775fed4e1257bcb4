/**
 * Writes archive entries into a fresh staging folder, refusing anything that could land outside it: unsafe names,
 * links that leave the folder, writes through a link, device files, and archives past the size or entry limits.
 * Only the executable bits of a file's mode are kept (no setuid, no world-writable files).
 */
import { chmod, link, mkdir, open, realpath, symlink, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ArchiveEntry, ExtractLimits } from './archive-entry.js';
import { assertSafeLinkTarget, parentsOf, safeEntryPath, shownName, unsafeArchive } from './archive-paths.js';

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
          kind === 'symlink' ? 'INVALID_INPUT.archiveThroughLink' : 'INVALID_INPUT.archiveThroughFile',
          { path: shownName(raw), parent: shownName(parent) },
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
      throw unsafeArchive('INVALID_INPUT.archiveFolderAndFile', { path: shownName(raw) }, { path: raw });
    }
    await unlink(this.at(path));
    this.kinds.delete(path);
    if (existing === 'symlink') this.links.splice(this.links.indexOf(path), 1);
  }

  async write(entry: ArchiveEntry): Promise<void> {
    this.entries += 1;
    if (this.entries > this.limits.maxEntries)
      throw unsafeArchive(
        'INVALID_INPUT.archiveTooManyEntries',
        { limit: this.limits.maxEntries },
        { limit: this.limits.maxEntries },
      );
    const path = safeEntryPath(entry.path);
    if (entry.type === 'device')
      throw unsafeArchive('INVALID_INPUT.archiveDevice', { path: shownName(entry.path) }, { path: entry.path });
    if (path === '') {
      if (entry.type === 'directory') return;
      throw unsafeArchive('INVALID_INPUT.archiveRootNotFolder', { type: entry.type }, { path: entry.path });
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
            'INVALID_INPUT.archiveHardLinkTarget',
            { path: shownName(entry.path) },
            { path: entry.path, target: entry.linkTarget },
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
      throw unsafeArchive(
        'INVALID_INPUT.archiveTooLarge',
        { limit: this.limits.maxBytes },
        { limit: this.limits.maxBytes },
      );
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
          throw unsafeArchive(
            'INVALID_INPUT.archiveLongerThanDeclared',
            { path: shownName(entry.path) },
            { path: entry.path },
          );
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
        throw unsafeArchive('INVALID_INPUT.archiveLinkAtNothing', { path: shownName(path) }, { path });
      }
      const rel = relative(root, resolved);
      if (rel === '..' || rel.startsWith(`..${sep}`) || rel === resolved) {
        throw unsafeArchive('INVALID_INPUT.archiveLinkLeadsOutside', { path: shownName(path) }, { path });
      }
    }
  }
}
