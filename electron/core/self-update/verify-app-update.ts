/**
 * The gate before the manager installs an update of itself. electron-updater checks the download against the sha512
 * of the portal's channel file, which nobody signs; here the file must match the manager's release as the vendor
 * signed it into the TUF catalog — name, version, platform, length and hashes — or it is refused.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  AppArchSchema,
  AppOsSchema,
  AppTargetCustomSchema,
  appTargetName,
  type AppTarget,
} from '../../../shared/contracts/catalog.js';
import { parseVersion } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';
import type { SignedEntry } from '../trust/trust.js';

/** What the check needs of the client core's Trust (electron/core/trust/trust.ts). */
export interface AppUpdateTrust {
  signedEntry(name: string): Promise<SignedEntry | undefined>;
}

export interface DownloadedAppUpdate {
  /** The version electron-updater downloaded, from its channel file. */
  version: string;
  /** electron-builder's `${os}` and `${arch}` of this installation. */
  os: string;
  arch: string;
  /** electron-updater's `downloadedFile`: the installer under the name the feed served it as. */
  file: string;
}

async function hashes(path: string): Promise<{ sha256: string; sha512: string }> {
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    sha256.update(chunk);
    sha512.update(chunk);
  }
  return { sha256: sha256.digest('hex'), sha512: sha512.digest('base64') };
}

/** Resolves with the signed release when the downloaded file is exactly it; rejects with a coded error otherwise. */
export async function verifyAppUpdate(trust: AppUpdateTrust, download: DownloadedAppUpdate): Promise<AppTarget> {
  const os = AppOsSchema.safeParse(download.os);
  const arch = AppArchSchema.safeParse(download.arch);
  if (!os.success || !arch.success) {
    throw new HicareError(
      'INVALID_INPUT.appUpdatePlatform',
      { platform: `${download.os}-${download.arch}` },
      { os: download.os, arch: download.arch },
    );
  }
  parseVersion(download.version);
  const fileName = basename(download.file);
  const name = appTargetName(download.version, os.data, arch.data, fileName);
  const details = { target: name, file: download.file };

  const entry = await trust.signedEntry(name);
  const custom = AppTargetCustomSchema.safeParse(entry?.custom);
  const sha256 = entry?.hashes['sha256'];
  if (entry === undefined || !custom.success || sha256 === undefined)
    throw new HicareError('TARGET_UNKNOWN.appUpdateUnsigned', { version: download.version, file: fileName }, details);
  // The name says it, but the signed metadata is what counts.
  if (custom.data.version !== download.version || custom.data.os !== os.data || custom.data.arch !== arch.data) {
    throw new HicareError('TARGET_MISMATCH.appUpdateEntry', { name }, details);
  }

  let size: number;
  try {
    size = (await stat(download.file)).size;
  } catch {
    throw new HicareError('NOT_FOUND.appUpdateGone', { file: download.file }, details);
  }
  if (size > entry.length) {
    throw new HicareError(
      'LENGTH_EXCEEDED.appUpdateLonger',
      { size, length: entry.length },
      { ...details, expected: entry.length, actual: size },
    );
  }
  const actual = await hashes(download.file);
  if (size !== entry.length || actual.sha256 !== sha256 || actual.sha512 !== custom.data.sha512) {
    throw new HicareError(
      'HASH_MISMATCH.appUpdateBytes',
      { name },
      {
        ...details,
        expected: sha256,
        actual: actual.sha256,
      },
    );
  }
  return { name, length: entry.length, sha256, custom: custom.data };
}
