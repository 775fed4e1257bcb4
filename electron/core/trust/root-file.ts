/**
 * A TUF root a user asks to trust, checked completely before anything trusts it: read with a bound (a root is a few
 * kilobytes; /dev/zero or a mistaken disk image must not fill memory), JSON, root metadata, a threshold of at least
 * one key for every top-level role, signed by a threshold of its own root keys, and not expired. The app's trust
 * setting and `hicare trust` both go through here, so both refuse the same roots in the same words.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import { HicareError, type ErrorKey } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';
import { withFile } from '../files/file-error.js';
import { rootFingerprint } from './trust.js';

/** Far above any real root (kilobytes), far below what would hurt. */
export const ROOT_MAX_BYTES = 1024 * 1024;

const TOP_LEVEL_ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;

export interface CheckedRoot {
  /** Absolute path. */
  file: string;
  bytes: Buffer;
  fingerprint: string;
  version: number;
  expires: string;
}

export interface RootCheckOptions {
  now: Date;
  /** Where the root was named, for the remedy's words: Settings' Trusted root, or `hicare trust`'s argument. */
  namedIn: 'settings' | 'command line';
  maxBytes?: number;
}

/** At most `maxBytes` + 1 bytes of a file: enough to tell that it is too large without reading the rest. */
export async function readBounded(file: string, maxBytes: number): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: maxBytes, highWaterMark: 64 * 1024 })) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { bytes: Buffer.concat(chunks, size), tooLarge: size > maxBytes };
}

export async function readRootFile(path: string, options: RootCheckOptions): Promise<CheckedRoot> {
  const file = resolve(path);
  const maxBytes = options.maxBytes ?? ROOT_MAX_BYTES;
  const kind = options.namedIn === 'settings' ? 'trustRoot' : 'trustRootArgument';
  const { bytes, tooLarge } = await withFile({ file: kind, path: file }, () => readBounded(file, maxBytes));
  if (tooLarge) throw invalid('TRUST_ROOT_INVALID.tooLarge', { maxKiB: maxBytes / 1024 }, options, file);
  return checkRoot(bytes, file, options);
}

/** The checks on a root's bytes, in the order a user would fix them. */
export function checkRoot(bytes: Buffer, file: string, options: RootCheckOptions): CheckedRoot {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('TRUST_ROOT_INVALID.notJson', {}, options, file);
  }
  const signed = (
    json as { signed?: { _type?: unknown; roles?: Record<string, { threshold?: unknown; keyids?: unknown }> } } | null
  )?.signed;
  if (signed?._type !== 'root') throw invalid('TRUST_ROOT_INVALID.notRoot', {}, options, file);
  for (const role of TOP_LEVEL_ROLES) {
    const entry = signed.roles?.[role];
    const threshold = entry?.threshold;
    if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1) {
      throw invalid(
        'TRUST_ROOT_INVALID.threshold',
        { role, threshold: typeof threshold === 'number' ? String(threshold) : 'none' },
        options,
        file,
      );
    }
    if (!Array.isArray(entry?.keyids) || entry.keyids.length < threshold) {
      throw invalid('TRUST_ROOT_INVALID.fewerKeys', { role, threshold }, options, file);
    }
  }
  let metadata: Metadata<Root>;
  try {
    metadata = Metadata.fromJSON(MetadataKind.Root, json as Parameters<typeof Metadata.fromJSON>[1]);
  } catch {
    throw invalid('TRUST_ROOT_INVALID.incomplete', {}, options, file);
  }
  try {
    metadata.verifyDelegate('root', metadata);
  } catch {
    const needed = metadata.signed.roles['root']?.threshold ?? 1;
    throw invalid('TRUST_ROOT_UNSIGNED.ownKeys', { needed }, options, file);
  }
  if (metadata.signed.isExpired(options.now)) {
    throw invalid('TRUST_ROOT_EXPIRED.root', { expiredAt: metadata.signed.expires }, options, file);
  }
  return {
    file,
    bytes,
    fingerprint: rootFingerprint(bytes),
    version: metadata.signed.version,
    expires: metadata.signed.expires,
  };
}

/** A refused root: the message names the file, the remedy says where to choose another (Settings or the command line). */
function invalid(
  key: Extract<ErrorKey, `TRUST_ROOT_${string}`>,
  params: MessageParams,
  options: RootCheckOptions,
  file: string,
): HicareError {
  return new HicareError(
    key,
    { ...params, file, namedIn: options.namedIn === 'settings' ? 'settings' : 'cli' },
    { file },
  );
}
