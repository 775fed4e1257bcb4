/**
 * `writeBundle`: the bundle file in one pass. The manifest comes first, so every member's length and SHA-256 must
 * be known before any byte is written: metadata and the statement are hashed in memory, and packages carry the
 * length and hash their signed targets state (the cache holds only bytes that were verified against them). Each
 * package is still hashed as it streams into the archive, so a cache file changed since it was verified is caught
 * here rather than at the site. Written to `FILE.part`, synced, then renamed: a reader never sees half a bundle.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { pack, type Pack } from 'tar-stream';
import { HicareError } from '../../../shared/errors.js';
import { withFile } from '../files/file-error.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_NAME,
  STATEMENT_NAME,
  metadataMember,
  packageMember,
  parseManifest,
  type BundleManifest,
  type ManifestMember,
} from './bundle-layout.js';
import { sha256Hex } from './bundle-members.js';

export interface BundlePackageSource {
  /** The target name. */
  name: string;
  length: number;
  sha256: string;
  open(): Readable | Promise<Readable>;
}

export interface BundleInput {
  createdAt: string;
  /** The portal's origin, whose catalog the metadata is. */
  portal: string;
  /** Repository file name → bytes, in the order they are stored. */
  metadata: ReadonlyArray<{ name: string; bytes: Buffer }>;
  statement: Buffer;
  packages: readonly BundlePackageSource[];
  /** Bytes of one package written so far, for progress. */
  onPackageBytes?: (name: string, written: number, total: number) => void;
}

export interface WrittenBundle {
  file: string;
  manifest: BundleManifest;
  bytes: number;
}

export function bundleManifest(input: Omit<BundleInput, 'onPackageBytes'>): BundleManifest {
  const members: ManifestMember[] = [
    ...input.metadata.map((m) => ({
      name: metadataMember(m.name),
      length: m.bytes.length,
      sha256: sha256Hex(m.bytes),
    })),
    { name: STATEMENT_NAME, length: input.statement.length, sha256: sha256Hex(input.statement) },
    ...input.packages.map((p) => ({ name: packageMember(p.name), length: p.length, sha256: p.sha256 })),
  ];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: input.createdAt,
    portal: new URL(input.portal).origin,
    members,
  };
  // What this writes must be what every reader accepts: the same rules refuse a bad name here, before the file.
  parseManifest(Buffer.from(JSON.stringify(manifest)));
  return manifest;
}

export async function writeBundle(out: string, input: BundleInput): Promise<WrittenBundle> {
  const manifest = bundleManifest(input);
  const part = `${out}.part`;
  const use = { file: 'commandLineFile' as const, path: out };
  await withFile(use, () => mkdir(dirname(out), { recursive: true }));
  try {
    const bytes = await withFile(use, () => writeArchive(part, manifest, input));
    await withFile(use, async () => {
      const handle = await open(part, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(part, out);
    });
    return { file: out, manifest, bytes };
  } catch (error) {
    await rm(part, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function writeArchive(part: string, manifest: BundleManifest, input: BundleInput): Promise<number> {
  const archive = pack();
  const file = createWriteStream(part, { highWaterMark: 1024 * 1024 });
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(file);
  const mtime = new Date(manifest.createdAt);
  const small = async (name: string, bytes: Buffer) =>
    new Promise<void>((resolve, reject) =>
      archive.entry({ name, size: bytes.length, mtime, mode: 0o644 }, bytes, (e) => (e ? reject(e) : resolve())),
    );
  try {
    await small(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    for (const m of input.metadata) await small(metadataMember(m.name), m.bytes);
    await small(STATEMENT_NAME, input.statement);
    for (const p of input.packages) await writePackage(archive, p, mtime, input.onPackageBytes);
    archive.finalize();
  } catch (error) {
    // The archive's own error after being destroyed is this one's echo, not a second failure.
    done.catch(() => undefined);
    archive.destroy();
    // Closed before the caller removes the .part file, so no late write brings it back.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()).destroy());
    throw error;
  }
  await done;
  return file.bytesWritten;
}

async function writePackage(
  archive: Pack,
  source: BundlePackageSource,
  mtime: Date,
  onBytes: BundleInput['onPackageBytes'],
): Promise<void> {
  let finish: (error?: Error | null) => void = () => undefined;
  const entryDone = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  // A refused source destroys the entry; that rejection is the refusal's, not a second error.
  entryDone.catch(() => undefined);
  const sink = archive.entry({ name: packageMember(source.name), size: source.length, mtime, mode: 0o644 }, (e) =>
    finish(e),
  );
  const hash = createHash('sha256');
  let count = 0;
  for await (const chunk of await source.open()) {
    const bytes = chunk as Buffer;
    count += bytes.length;
    if (count > source.length) break;
    hash.update(bytes);
    if (!sink.write(bytes)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
    onBytes?.(source.name, count, source.length);
  }
  if (count !== source.length || hash.digest('hex') !== source.sha256) {
    throw new HicareError('BUNDLE_INVALID.sourceChanged', { name: source.name });
  }
  // streamx's end takes an optional last chunk; its typing makes it required.
  sink.end(undefined);
  await entryDone;
}
