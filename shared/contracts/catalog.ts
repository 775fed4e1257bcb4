/**
 * The signed catalog: each package is a TUF target whose `custom` metadata says what it is, how to install it and
 * how to tell afterwards that it is installed (DESIGN.md §4, §5).
 */
import { z } from 'zod';
import { platformKey } from '../domain/platform.js';
import {
  CalendarDateSchema,
  InstantSchema,
  ProductIdSchema,
  Sha256Schema,
  TextSchema,
  VersionSchema,
} from './common.js';

export const PLATFORMS = ['linux', 'win', 'mac'] as const;
export const ARCHES = ['x64', 'arm64'] as const;
export const INSTALLER_TYPES = ['archive', 'script', 'msi', 'exe', 'pkg', 'deb', 'rpm', 'appimage'] as const;

export const PlatformSchema = z.enum(PLATFORMS);
export const ArchSchema = z.enum(ARCHES);
export const InstallerTypeSchema = z.enum(INSTALLER_TYPES);

export const InstallerSchema = z.object({
  type: InstallerTypeSchema,
  /** argv passed to the installer (never a shell string); `{target}`, `{package}` and `{version}` are substituted. */
  args: z.array(z.string().max(400)).max(32).default([]),
  /** For `script`: the script's path inside the archive. */
  entry: z.string().max(200).optional(),
  timeoutSeconds: z.number().int().min(1).max(7200).default(900),
  elevate: z.boolean().default(false),
});

export const DetectionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(400), regex: z.string().max(200).optional() }),
  z.object({
    kind: z.literal('command'),
    argv: z.array(z.string().max(400)).min(1).max(16),
    regex: z.string().min(1).max(200),
  }),
  z.object({ kind: z.literal('registry'), key: z.string().min(1).max(400), value: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('plist'), path: z.string().min(1).max(400), key: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('dpkg'), package: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('rpm'), package: z.string().min(1).max(200) }),
]);

export const LifecycleSchema = z.object({
  product: ProductIdSchema,
  major: z.number().int().min(0),
  ga: CalendarDateSchema,
  endOfMaintenance: CalendarDateSchema.optional(),
  endOfService: CalendarDateSchema.optional(),
});

export const ReleaseTargetCustomSchema = z.object({
  product: ProductIdSchema,
  version: VersionSchema,
  platform: PlatformSchema,
  arch: ArchSchema,
  installer: InstallerSchema,
  detection: DetectionRuleSchema,
  minUpgradeFrom: z.string().max(200).optional(),
  publishedAt: InstantSchema,
  notes: TextSchema(20_000).default(''),
  lifecycle: LifecycleSchema.optional(),
});

/** A target as the catalog lists it: TUF's name, length and hash, plus the custom metadata. */
export const ReleaseTargetSchema = z.object({
  name: z.string().min(1).max(300),
  length: z.number().int().min(0),
  sha256: Sha256Schema,
  custom: ReleaseTargetCustomSchema,
});

export type Installer = z.infer<typeof InstallerSchema>;
export type DetectionRule = z.infer<typeof DetectionRuleSchema>;
export type ReleaseTargetCustom = z.infer<typeof ReleaseTargetCustomSchema>;
export type ReleaseTarget = z.infer<typeof ReleaseTargetSchema>;
export type Platform = z.infer<typeof PlatformSchema>;

/**
 * The manager's own installers, signed into the same repository so that the app can hold an update of itself to the
 * vendor's signature. They live under a reserved prefix and carry `kind: 'app'`: they are not customer releases, and
 * every reader of the catalog (portal index, verdicts, client trust, resolver) leaves them out.
 */
export const APP_PRODUCT = 'hicare-update-manager';
/** electron-builder's `${os}` and `${arch}` names, the segments of the `/app-updates/<os>/<arch>` feed. */
export const APP_OSES = ['win', 'mac', 'linux'] as const;
export const APP_ARCHES = ['x64', 'arm64', 'ia32', 'armv7l'] as const;

export const AppOsSchema = z.enum(APP_OSES);
export const AppArchSchema = z.enum(APP_ARCHES);

export const AppTargetCustomSchema = z.strictObject({
  kind: z.literal('app'),
  version: VersionSchema,
  os: AppOsSchema,
  arch: AppArchSchema,
  /** Base64 SHA-512 of the bytes, the form electron-updater's channel files carry; signed with the rest. */
  sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a base64 SHA-512'),
  publishedAt: InstantSchema,
  notes: TextSchema(20_000).default(''),
});

export const AppTargetSchema = z.object({
  name: z.string().min(1).max(300),
  length: z.number().int().min(0),
  sha256: Sha256Schema,
  custom: AppTargetCustomSchema,
});

export type AppOs = z.infer<typeof AppOsSchema>;
export type AppArch = z.infer<typeof AppArchSchema>;
export type AppTargetCustom = z.infer<typeof AppTargetCustomSchema>;
export type AppTarget = z.infer<typeof AppTargetSchema>;

/** Whether signed custom metadata marks the manager's own release (checked before any release schema is applied). */
export function isAppTargetCustom(custom: unknown): boolean {
  return typeof custom === 'object' && custom !== null && (custom as { kind?: unknown }).kind === 'app';
}

/** `hicare-update-manager/<version>/<os>-<arch>/<file>`: the one name an installer is signed under. */
export function appTargetName(version: string, os: AppOs, arch: AppArch, fileName: string): string {
  return `${APP_PRODUCT}/${version}/${platformKey(os, arch)}/${fileName}`;
}
