/** What the tar and zip readers hand the extractor: one entry at a time, its bytes streamed, nothing written yet. */

export type ArchiveEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device';

export interface ArchiveEntry {
  /** The name exactly as the archive stores it (checked by the extractor, not the reader). */
  path: string;
  type: ArchiveEntryType;
  /** Permission bits as stored (only the executable bits are kept on disk). */
  mode: number;
  /** Declared size of the contents in bytes (0 for anything but files). */
  size: number;
  /** For links: the symlink's target, or the archive path a hardlink shares its contents with. */
  linkTarget: string;
  /** The contents; read it before asking for the next entry. A reader refuses bytes beyond `size`. */
  body(): AsyncIterable<Buffer>;
}

export interface ExtractLimits {
  /** Total bytes of file contents. */
  maxBytes: number;
  /** Entries of any kind, folders included. */
  maxEntries: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxBytes: 8 * 1024 ** 3, maxEntries: 200_000 };
