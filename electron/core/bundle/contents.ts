/**
 * A bundle as the verifier reads it, whatever carries it: a bundle file (archive.ts) or a site mirror over HTTP
 * (mirror-source.ts). The carrier checks its own framing (member names, sizes, truncation); trust is decided only by
 * the offline verifier, from these bytes and the root the machine already trusts.
 */
import type { Readable } from 'node:stream';

export interface BundleContents {
  /** Where the bundle was read from, for messages: a file path or a mirror's address. */
  readonly origin: string;
  /** When the bundle was written, as its manifest says (informational; the statement's issue date is what counts). */
  readonly createdAt: string;
  /**
   * The TUF metadata files by their repository names: every `N.root.json` it carries, `timestamp.json`,
   * `N.snapshot.json`, `N.targets.json` and the delegated targets (`N.<role>.json`) that list its packages.
   */
  readonly metadata: ReadonlyMap<string, Buffer>;
  /** The signed entitlement statement, as stored (JSON bytes). */
  readonly statement: Buffer;
  /** Target names of the packages it carries, in the order they are stored. */
  readonly packages: readonly string[];
  /** A package's bytes as stored (not yet checked: the verifier hashes them against the signed target). */
  openPackage(name: string): Promise<Readable>;
  close(): Promise<void>;
}
