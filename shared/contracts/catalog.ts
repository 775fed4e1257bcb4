/**
 * The signed catalog: each package is a TUF target whose `custom` metadata says what it is, how to install it and
 * how to tell afterwards that it is installed (DESIGN.md §4, §5).
 */
import { z } from 'zod';
import { CalendarDateSchema, InstantSchema, ProductIdSchema, Sha256Schema, TextSchema, VersionSchema } from './common.js';

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
  z.object({ kind: z.literal('command'), argv: z.array(z.string().max(400)).min(1).max(16), regex: z.string().min(1).max(200) }),
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
