/**
 * Verifies a bundle with no network: everything is checked as online — signatures, thresholds, versions, hashes
 * and lengths, rollback against what this machine has seen — except the timestamp's freshness, which the
 * portal-signed statement replaces: every file must have been unexpired when the statement was issued, and the
 * statement valid now. Only when all of it passed are the newer roots and the versions seen kept; a refusal changes
 * nothing on disk.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Metadata, Root, Snapshot, Targets, Timestamp } from '@tufjs/models';
import type { EntitlementStatement } from '../../../shared/contracts/bundle.js';
import { ReleaseTargetCustomSchema, type ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { platformOfBuild } from '../../../shared/domain/release-assembly.js';
import { HicareError } from '../../../shared/errors.js';
import type { BundleContents } from './contents.js';
import { chainRoots, findTarget, verifyTopLevel, type MetadataKindWord } from './offline-chain.js';
import { persistAccepted, readMachineTrust, type SeenVersions } from './offline-state.js';
import {
  checkStatementCovers,
  checkStatementDates,
  checkStatementSignature,
  readStatement,
} from './offline-statement.js';

export interface OfflineTrustOptions {
  dataDirectory: string;
  /** The root the user trusts (Settings' trusted root or the shipped vendor root). */
  rootFile: string;
}

export interface BundleExpectation {
  now: Date;
  /** The system the bundle is used for; it must be one of the statement's serials. */
  serial?: string | undefined;
  /** Contracts the machine knows the system is on (or the one the user named); the statement's must be one of them. */
  contracts?: readonly string[] | undefined;
}

export interface VerifiedPackage {
  target: string;
  /** The file name a user recognises. */
  file: string;
  length: number;
  sha256: string;
  product: string;
  version: string;
  platform: string;
}

export interface BundleVerdict {
  portal: string;
  issuedAt: string;
  validUntil: string;
  contract: EntitlementStatement['contract'];
  serials: string[];
  rootVersion: number;
  targetsVersion: number;
  packages: VerifiedPackage[];
  /** The packages' signed targets, for an install from the bundle. */
  releases: ReleaseTarget[];
}

/** Every signed file must have been valid on the day the portal vouched for the bundle. */
function checkUnexpired(
  files: readonly { kind: MetadataKindWord | 'root'; metadata: Metadata<Root | Timestamp | Snapshot | Targets> }[],
  issuedAt: string,
): void {
  for (const { kind, metadata } of files) {
    if (metadata.signed.isExpired(new Date(issuedAt))) {
      if (kind === 'root')
        throw new HicareError('BUNDLE_UNTRUSTED.rootNotChained', { version: metadata.signed.version });
      throw new HicareError('BUNDLE_UNTRUSTED.expiredWhenIssued', {
        kind,
        expiresAt: metadata.signed.expires,
        issuedAt,
      });
    }
  }
}

function checkNotOlder(seen: SeenVersions, role: string, kind: MetadataKindWord, version: number): void {
  const before = seen[role];
  if (before !== undefined && version < before) {
    throw new HicareError('BUNDLE_ROLLBACK.olderMetadata', { kind, version, seen: before });
  }
}

/**
 * Hashes a package's bytes as stored, reading at most one byte beyond its signed length, and refuses them unless
 * length and SHA-256 are the signed ones. `sink` sees every byte as it is hashed (a copy into the package cache),
 * so bytes taken from a bundle are checked in the same pass that copies them.
 */
export async function checkPackageBytes(
  contents: BundleContents,
  release: ReleaseTarget,
  sink?: (bytes: Buffer) => Promise<void>,
): Promise<void> {
  const stream = await contents.openPackage(release.name);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > release.length) break;
      hash.update(bytes);
      if (sink !== undefined) await sink(bytes);
    }
  } finally {
    stream.destroy();
  }
  if (size !== release.length) {
    throw new HicareError(
      'BUNDLE_PACKAGE_MISMATCH.lengthDiffers',
      { name: release.name, length: release.length },
      { target: release.name },
    );
  }
  if (hash.digest('hex') !== release.sha256) {
    throw new HicareError('BUNDLE_PACKAGE_MISMATCH.bytesDiffer', { name: release.name }, { target: release.name });
  }
}

export async function verifyBundle(
  contents: BundleContents,
  trustOptions: OfflineTrustOptions,
  expect: BundleExpectation,
): Promise<BundleVerdict> {
  const { statement, raw, signatures } = readStatement(contents.statement);
  const trust = await readMachineTrust(trustOptions.dataDirectory, statement.portal, trustOptions.rootFile);
  const { root, newRoots } = chainRoots(trust.root, contents.metadata);
  checkStatementSignature(root, raw, signatures);
  checkStatementDates(statement, expect.now);
  checkStatementCovers(statement, { serial: expect.serial, contracts: expect.contracts });

  const verified = verifyTopLevel(root, contents.metadata);
  const seen: SeenVersions = {
    root: root.signed.version,
    timestamp: verified.timestamp.signed.version,
    snapshot: verified.snapshot.signed.version,
    targets: verified.targets.signed.version,
  };
  checkNotOlder(trust.seen, 'timestamp', 'timestamp', seen['timestamp']!);
  checkNotOlder(trust.seen, 'snapshot', 'snapshot', seen['snapshot']!);
  checkNotOlder(trust.seen, 'targets', 'targets', seen['targets']!);

  const releases: ReleaseTarget[] = [];
  // A bundle for a whole site carries each system's packages: every one is checked, but a package the statement
  // allows only to other systems is not this system's to take, so the verdict offers it only those for its serial.
  const forSerial: string[] = [];
  for (const name of contents.packages) {
    const found = findTarget(verified, contents.metadata, name);
    if (found === undefined) throw new HicareError('BUNDLE_PACKAGE_MISMATCH.notInMetadata', { name }, { target: name });
    const custom = ReleaseTargetCustomSchema.safeParse(found.entry.custom);
    const sha256 = found.entry.hashes['sha256'];
    if (!custom.success || sha256 === undefined)
      throw new HicareError('BUNDLE_PACKAGE_MISMATCH.entryIncomplete', { name }, { target: name });
    const covered = statement.targets.find((t) => t.name === name);
    if (covered === undefined) throw new HicareError('STATEMENT_INVALID.targetNotCovered', { name }, { target: name });
    if (covered.sha256 !== sha256 || covered.length !== found.entry.length)
      throw new HicareError('STATEMENT_INVALID.targetDiffers', { name }, { target: name });
    releases.push({ name, length: found.entry.length, sha256, custom: custom.data });
    if (expect.serial === undefined || covered.serials.includes(expect.serial)) forSerial.push(name);
  }
  for (const [role, delegated] of verified.delegated) {
    seen[role] = delegated.signed.version;
    checkNotOlder(trust.seen, role, 'delegated', delegated.signed.version);
  }
  checkUnexpired(
    [
      { kind: 'root', metadata: root },
      { kind: 'timestamp', metadata: verified.timestamp },
      { kind: 'snapshot', metadata: verified.snapshot },
      { kind: 'targets', metadata: verified.targets },
      ...[...verified.delegated.values()].map((metadata) => ({ kind: 'delegated' as const, metadata })),
    ],
    statement.issuedAt,
  );
  // The bytes last: they are the long part, and a refusal above must not wait for a gigabyte to be hashed.
  for (const release of releases) await checkPackageBytes(contents, release);

  await persistAccepted(trust, newRoots, seen);
  const offered = releases.filter((r) => forSerial.includes(r.name));
  return {
    portal: statement.portal,
    issuedAt: statement.issuedAt,
    validUntil: statement.validUntil,
    contract: statement.contract,
    serials: statement.serials,
    rootVersion: root.signed.version,
    targetsVersion: verified.targets.signed.version,
    packages: offered.map((r) => ({
      target: r.name,
      file: basename(r.name),
      length: r.length,
      sha256: r.sha256,
      product: r.custom.product,
      version: r.custom.version,
      platform: platformOfBuild(r),
    })),
    releases: offered,
  };
}
