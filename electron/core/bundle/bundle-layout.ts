/**
 * The offline bundle's file format: a POSIX tar a person can list with `tar tf`, its first member a manifest naming
 * every other member with its length and SHA-256. Readers check the manifest first and then every header against it,
 * so a member that is renamed, grown, shrunk, added or dropped is refused before anything reads its bytes.
 *
 * Members, in this order: `hicare-bundle.json`, `metadata/<repository file name>` (every `N.root.json`,
 * `timestamp.json`, `N.snapshot.json`, `N.targets.json`, delegated `N.<role>.json`), `statement.json`, then
 * `packages/<target name>` (target names may contain `/`).
 */
import { z } from 'zod';
import { HicareError } from '../../../shared/errors.js';

export const MANIFEST_NAME = 'hicare-bundle.json';
export const STATEMENT_NAME = 'statement.json';
export const METADATA_PREFIX = 'metadata/';
export const PACKAGES_PREFIX = 'packages/';
export const BUNDLE_FORMAT = 'hicare-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

const MiB = 1024 * 1024;
/** Caps on what a reader holds in memory: far above any real catalog, far below what would exhaust a desktop. */
export const LIMITS = {
  manifestBytes: 16 * MiB,
  statementBytes: 16 * MiB,
  metadataFileBytes: 16 * MiB,
  metadataTotalBytes: 256 * MiB,
  members: 20_000,
  memberNameChars: 1024,
} as const;

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestMemberSchema = z
  .object({
    name: z.string().min(1).max(LIMITS.memberNameChars),
    length: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256: Sha256Schema,
  })
  .strict();
export type ManifestMember = z.infer<typeof ManifestMemberSchema>;

export const ManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.number().int().min(1),
    createdAt: z.string().datetime(),
    portal: z.string().url().max(2048),
    members: z.array(ManifestMemberSchema).min(2).max(LIMITS.members),
  })
  .strict();
export type BundleManifest = z.infer<typeof ManifestSchema>;

export type MemberKind = 'metadata' | 'statement' | 'package';

/**
 * Whether a member name is safe to use as a relative path anywhere: no absolute path, no `..` or `.` segment, no
 * empty segment, no backslash (a Windows separator), no NUL or other control character.
 */
export function isSafeMemberName(name: string): boolean {
  if (name.length === 0 || name.length > LIMITS.memberNameChars) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return name.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** The member's kind by its name, or undefined for a name no bundle has. */
export function memberKind(name: string): MemberKind | undefined {
  if (name === STATEMENT_NAME) return 'statement';
  if (name.startsWith(METADATA_PREFIX) && !name.slice(METADATA_PREFIX.length).includes('/')) return 'metadata';
  if (name.startsWith(PACKAGES_PREFIX) && name.length > PACKAGES_PREFIX.length) return 'package';
  return undefined;
}

export function refuseUnsafeName(name: string): void {
  if (!isSafeMemberName(name)) throw new HicareError('BUNDLE_INVALID.memberPath', { name: printable(name) });
}

/** A name as it may be shown: control characters made visible, long names cut. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return visible.length > 200 ? `${visible.slice(0, 200)}…` : visible;
}

/**
 * The manifest as read: valid JSON of the schema, this format version, a manifest of its own only once, every name
 * safe, of a known kind and listed once, exactly one statement and at least one package.
 */
export function parseManifest(bytes: Buffer): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HicareError('BUNDLE_INVALID.manifestUnreadable');
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null)?.formatVersion;
  if (typeof format === 'number' && format > BUNDLE_FORMAT_VERSION) {
    throw new HicareError('BUNDLE_INVALID.newerFormat', { version: format });
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new HicareError('BUNDLE_INVALID.manifestUnreadable');
  const manifest = parsed.data;
  const seen = new Set<string>();
  let statements = 0;
  let packages = 0;
  for (const member of manifest.members) {
    refuseUnsafeName(member.name);
    const kind = memberKind(member.name);
    if (kind === undefined) throw new HicareError('BUNDLE_INVALID.unknownMember', { name: printable(member.name) });
    if (seen.has(member.name)) throw new HicareError('BUNDLE_INVALID.duplicateMember', { name: member.name });
    seen.add(member.name);
    if (kind === 'statement') statements++;
    if (kind === 'package') packages++;
    if (kind === 'statement' && member.length > LIMITS.statementBytes) tooLarge(member.name, LIMITS.statementBytes);
    if (kind === 'metadata' && member.length > LIMITS.metadataFileBytes)
      tooLarge(member.name, LIMITS.metadataFileBytes);
  }
  const metadataTotal = manifest.members
    .filter((m) => memberKind(m.name) === 'metadata')
    .reduce((sum, m) => sum + m.length, 0);
  if (metadataTotal > LIMITS.metadataTotalBytes) tooLarge(METADATA_PREFIX, LIMITS.metadataTotalBytes);
  if (statements !== 1) throw new HicareError('BUNDLE_INVALID.missingMember', { name: STATEMENT_NAME });
  if (packages === 0) throw new HicareError('BUNDLE_INVALID.noPackages');
  return manifest;
}

function tooLarge(name: string, limit: number): never {
  throw new HicareError('BUNDLE_INVALID.memberTooLarge', { name, limitMiB: Math.round(limit / MiB) });
}

export function refuseTooLarge(name: string, limit: number): never {
  return tooLarge(name, limit);
}

/** The member name a package is stored under. */
export function packageMember(targetName: string): string {
  return `${PACKAGES_PREFIX}${targetName}`;
}

export function metadataMember(fileName: string): string {
  return `${METADATA_PREFIX}${fileName}`;
}
