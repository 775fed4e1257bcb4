/**
 * The checks every carrier applies to the members it finds (a tar's headers, a folder's files, a mirror's answers),
 * against the manifest read first: a safe name, listed, found once, of the listed size. Small members (metadata and
 * the statement) are read into memory and must hash to the manifest's SHA-256; packages are left where they are and
 * streamed on demand, so memory stays flat in the bundle's size.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { HicareError } from '../../../shared/errors.js';
import type { BundleContents } from './contents.js';
import {
  MANIFEST_NAME,
  METADATA_PREFIX,
  PACKAGES_PREFIX,
  memberKind,
  printable,
  refuseUnsafeName,
  type BundleManifest,
  type ManifestMember,
} from './bundle-layout.js';

/** A bundle as any carrier opened it: the contents the verifier reads, and the manifest they were checked against. */
export interface OpenedBundle extends BundleContents {
  readonly manifest: BundleManifest;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Tracks which listed members were found, refusing any the manifest does not allow. */
export class MemberLedger {
  private readonly listed: Map<string, ManifestMember>;
  private readonly found = new Set<string>();
  readonly metadata = new Map<string, Buffer>();
  statement: Buffer | undefined;
  readonly packages: string[] = [];

  constructor(readonly manifest: BundleManifest) {
    this.listed = new Map(manifest.members.map((m) => [m.name, m]));
  }

  /** The manifest's entry for a member found with `name`, `kind` (tar type) and `size`; throws when refused. */
  admit(name: string, regular: boolean, size: number): ManifestMember {
    refuseUnsafeName(name);
    if (!regular) throw new HicareError('BUNDLE_INVALID.nonRegular', { name: printable(name) });
    if (name === MANIFEST_NAME || this.found.has(name))
      throw new HicareError('BUNDLE_INVALID.duplicateMember', { name: printable(name) });
    const member = this.listed.get(name);
    if (member === undefined) throw new HicareError('BUNDLE_INVALID.unknownMember', { name: printable(name) });
    if (size !== member.length)
      throw new HicareError('BUNDLE_INVALID.memberSize', {
        name: printable(name),
        expected: member.length,
        actual: size,
      });
    this.found.add(name);
    return member;
  }

  /** A small member's bytes, checked against the manifest's hash. */
  keep(member: ManifestMember, bytes: Buffer): void {
    if (bytes.length !== member.length || sha256Hex(bytes) !== member.sha256)
      throw new HicareError('BUNDLE_INVALID.memberHash', { name: printable(member.name) });
    if (memberKind(member.name) === 'statement') this.statement = bytes;
    else this.metadata.set(member.name.slice(METADATA_PREFIX.length), bytes);
  }

  notePackage(member: ManifestMember): void {
    this.packages.push(member.name.slice(PACKAGES_PREFIX.length));
  }

  /** Every listed member was found (a carrier ending early is a truncated bundle, one that skipped a member too). */
  finish(): { metadata: Map<string, Buffer>; statement: Buffer; packages: string[] } {
    const missing = this.manifest.members.find((m) => !this.found.has(m.name));
    if (missing !== undefined) throw new HicareError('BUNDLE_INVALID.missingMember', { name: printable(missing.name) });
    if (this.statement === undefined) throw new HicareError('BUNDLE_INVALID.missingMember', { name: 'statement.json' });
    return { metadata: this.metadata, statement: this.statement, packages: this.packages };
  }
}

/** The contents over a carrier's way of streaming one member. */
export function openedBundle(
  origin: string,
  manifest: BundleManifest,
  found: { metadata: Map<string, Buffer>; statement: Buffer; packages: string[] },
  stream: (member: ManifestMember) => Promise<Readable>,
  close: () => Promise<void> = async () => undefined,
): OpenedBundle {
  const byName = new Map(manifest.members.map((m) => [m.name, m]));
  return {
    origin,
    createdAt: manifest.createdAt,
    manifest,
    metadata: found.metadata,
    statement: found.statement,
    packages: found.packages,
    async openPackage(name: string): Promise<Readable> {
      const member = byName.get(`${PACKAGES_PREFIX}${name}`);
      if (member === undefined) throw new HicareError('BUNDLE_INVALID.packageAbsent', { name: printable(name) });
      return stream(member);
    },
    close,
  };
}
