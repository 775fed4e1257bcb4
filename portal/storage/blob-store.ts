/**
 * Where the portal keeps bytes that are not rows: package files and request attachments. One interface with two
 * stores — a folder (the default, for one instance) and an S3-compatible bucket (for instances that share nothing on
 * disk) — so that publishing, the package route and attachments never ask which one they have.
 */
import type { Readable } from 'node:stream';
import { hashedTargetPath } from '../tuf/target-name.js';

export interface BlobInfo {
  length: number;
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Stores the file at `path` under `key`, whole or not at all (a reader never sees half of it). */
  putFile(key: string, path: string): Promise<void>;
  putBytes(key: string, bytes: Uint8Array): Promise<void>;
  /** The whole blob; a coded NOT_FOUND when there is none. */
  getBytes(key: string): Promise<Buffer>;
  /** Its length, or undefined when there is no such blob. */
  head(key: string): Promise<BlobInfo | undefined>;
  /** The bytes of `range` (all of them without one); a coded NOT_FOUND when there is no such blob. */
  openRead(key: string, range?: ByteRange): Promise<Readable>;
  delete(key: string): Promise<void>;
  /** The file behind a local blob, for the package route's fast path; undefined for a remote store. */
  localPath(key: string): string | undefined;
  /** Throws a coded STORE_UNAVAILABLE when the store cannot be reached (for /readyz). */
  check(): Promise<void>;
}

/** A package's bytes, named by content so that a name once published always means the same bytes. */
export function packageKey(target: { name: string; sha256: string }): string {
  return `tuf/targets/${hashedTargetPath(target.name, target.sha256)}`;
}

/** An attachment's bytes, named by the id the portal gave it (never by the uploader's file name). */
export function attachmentKey(id: string): string {
  return `attachments/${id}`;
}
