/**
 * Publishing one of the manager's own installers: it becomes a TUF target under `hicare-update-manager/…`, signed by
 * the same keys and in the same targets → snapshot → timestamp chain as the customer releases, so that the app can
 * refuse an update of itself that the vendor did not sign.
 *
 * The repository's `addTargets` validates every entry as a customer release; an installer of the manager is not one,
 * so this module drives the repository's own steps (lock, staging, signing) with the app's metadata instead. Like a
 * release publish, a refused publish stores and signs nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  AppArchSchema,
  AppOsSchema,
  AppTargetCustomSchema,
  appTargetName,
  isAppTargetCustom,
  type AppTarget,
  type AppTargetCustom,
} from '../../shared/contracts/catalog.js';
import { parseVersion } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import type { Catalog } from '../catalog/catalog.js';
import { loadTrustedKey } from '../tuf/keys.js';
import { readState } from '../tuf/metadata-files.js';
import { resign } from '../tuf/publish.js';
import { commitStaged, discardStaged, stageFiles, type StagedFile } from '../tuf/target-files.js';
import { assertTargetName } from '../tuf/target-name.js';
import { targetEntry, type TargetEntry } from '../tuf/targets-metadata.js';

export interface AppReleaseInput {
  /** The installer as electron-builder made it; its file name is the name the feed serves it under. */
  file: string;
  version: string;
  os: string;
  arch: string;
  notes?: string;
  /** ISO instant; when absent, now (or, for the same installer published again, when it was first published). */
  publishedAt?: string;
}

const ONLINE_ROLES = ['targets', 'snapshot', 'timestamp'] as const;
const MAX_NOTES = 20_000;

/** Everything that can be checked before the repository is touched. */
function checkInput(input: AppReleaseInput) {
  parseVersion(input.version);
  const os = AppOsSchema.safeParse(input.os);
  if (!os.success) throw new HicareError('INVALID_INPUT.appOs', { os: String(input.os) }, { os: input.os });
  const arch = AppArchSchema.safeParse(input.arch);
  if (!arch.success) throw new HicareError('INVALID_INPUT.appArch', { arch: String(input.arch) }, { arch: input.arch });
  const notes = input.notes ?? '';
  if (notes.length > MAX_NOTES) throw new HicareError('INVALID_INPUT.appNotesTooLong', { maxChars: MAX_NOTES });
  const name = appTargetName(input.version, os.data, arch.data, basename(input.file));
  // The installer's own name is part of the URL electron-updater fetches: it must be a safe path segment.
  assertTargetName(name);
  return { name, custom: { kind: 'app' as const, version: input.version, os: os.data, arch: arch.data, notes } };
}

/** A republished installer keeps the date it was first published, unless one is given: the release did not move. */
function publishedAtFor(input: AppReleaseInput, existing: TargetEntry | undefined, now: Date): string {
  if (input.publishedAt !== undefined) return input.publishedAt;
  const earlier = AppTargetCustomSchema.safeParse(existing?.custom);
  return earlier.success ? earlier.data.publishedAt : now.toISOString();
}

/** Base64 SHA-512 of the staged copy: the bytes that will be served, not a source that could change meanwhile. */
async function sha512Base64(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest('base64');
}

function entryFor(staged: StagedFile, custom: AppTargetCustom): TargetEntry {
  // A JSON round trip keeps only what canonical JSON (and so the signature) can encode.
  return {
    length: staged.length,
    hashes: { sha256: staged.sha256 },
    custom: JSON.parse(JSON.stringify(custom)) as unknown,
  };
}

export async function publishAppRelease(catalog: Catalog, input: AppReleaseInput, now: Date): Promise<AppTarget> {
  const { name, custom: partial } = checkInput(input);
  const { keysDir, metadata, blobs, lock } = catalog.repository;
  const published = await lock.run(async () => {
    const state = await readState(metadata);
    // Missing keys found now, before any bytes are stored, keep a refused publish from leaving files behind.
    for (const role of ONLINE_ROLES) await loadTrustedKey(keysDir, role, state.root.signed);
    const [staged] = (await stageFiles([{ name, path: input.file }])) as [StagedFile];
    let entry: TargetEntry;
    let changed: boolean;
    try {
      if (staged.length === 0) {
        throw new HicareError('INVALID_INPUT.appInstallerEmpty', { file: input.file }, { file: input.file });
      }
      const existing = targetEntry(state.targets.signed, name);
      const parsed = AppTargetCustomSchema.safeParse({
        ...partial,
        publishedAt: publishedAtFor(input, existing, now),
        sha512: await sha512Base64(staged.tempPath),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new HicareError('INVALID_INPUT.publishedReleaseInvalid', {
          field: issue?.path.join('.') ?? '',
          problem: issue?.message ?? '',
        });
      }
      entry = entryFor(staged, parsed.data);
      if (
        existing !== undefined &&
        (!isAppTargetCustom(existing.custom) ||
          existing.hashes['sha256'] !== staged.sha256 ||
          existing.length !== staged.length)
      ) {
        throw new HicareError(
          'TARGET_CONFLICT.appInstaller',
          { name },
          { name, published: existing.hashes['sha256'], offered: staged.sha256 },
        );
      }
      changed = existing === undefined || !isDeepStrictEqual(existing, entry);
    } catch (error) {
      await discardStaged([staged]);
      throw error;
    }
    await commitStaged(blobs, [staged]);
    if (changed) {
      await resign({
        metadata,
        keysDir,
        state,
        from: 'targets',
        now,
        targets: { ...state.targets.signed.targets, [name]: entry },
      });
    }
    return { name, length: entry.length, sha256: staged.sha256, custom: entry.custom as AppTargetCustom };
  });
  catalog.invalidate();
  return published;
}
