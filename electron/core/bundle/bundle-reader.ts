/**
 * `openBundleFile`: a bundle file as BundleContents. The tar's headers are indexed once by seeking (no member's
 * bytes are read to list them), checked against the manifest, and each package is then streamed from its offset:
 * random access for the site mirror, flat memory for a bundle of any size.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { HicareError } from '../../../shared/errors.js';
import { withFile } from '../files/file-error.js';
import { LIMITS, MANIFEST_NAME, memberKind, parseManifest, printable, refuseTooLarge } from './bundle-layout.js';
import { MemberLedger, openedBundle, type OpenedBundle } from './bundle-members.js';
import { BLOCK, readEntry, type ReadAt } from './tar-headers.js';

/** After the end-of-archive blocks only zero padding may follow (tar pads to 10 KiB records), and not much of it. */
const TRAILING_ZEROS_MAX = 64 * 1024;

export async function openBundleFile(path: string): Promise<OpenedBundle> {
  const handle = await withFile({ file: 'commandLineFile', path }, () => open(path, 'r'));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new HicareError('BUNDLE_INVALID.manifestMissing');
    const size = stat.size;
    const readAt = reader(handle);
    const found = await indexArchive(readAt, size);
    await handle.close();
    return openedBundle(path, found.manifest, found.contents, async (member) => {
      const at = found.offsets.get(member.name);
      if (at === undefined) throw new HicareError('BUNDLE_INVALID.packageAbsent', { name: printable(member.name) });
      if (member.length === 0) return Readable.from([]);
      return withFile({ file: 'commandLineFile', path }, async () =>
        createReadStream(path, { start: at, end: at + member.length - 1, highWaterMark: 1024 * 1024 }),
      );
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

function reader(handle: FileHandle): ReadAt {
  return async (position, length) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  };
}

async function indexArchive(readAt: ReadAt, fileSize: number) {
  const first = await readEntry(readAt, 0, fileSize).catch((error: unknown) => {
    // A file too short for one header, or not a tar at all, is not a bundle; say so rather than "damaged".
    if (error instanceof HicareError && error.key === 'BUNDLE_INVALID.damagedHeader')
      throw new HicareError('BUNDLE_INVALID.manifestMissing');
    throw error;
  });
  if (first === 'end' || first.name !== MANIFEST_NAME || !first.regular)
    throw new HicareError('BUNDLE_INVALID.manifestMissing');
  if (first.size > LIMITS.manifestBytes) refuseTooLarge(MANIFEST_NAME, LIMITS.manifestBytes);
  const manifest = parseManifest(await readAt(first.dataOffset, first.size));
  const ledger = new MemberLedger(manifest);
  const offsets = new Map<string, number>();
  let offset = first.nextOffset;
  for (;;) {
    const entry = await readEntry(readAt, offset, fileSize);
    if (entry === 'end') {
      await refuseTrailingData(readAt, offset + 2 * BLOCK, fileSize);
      break;
    }
    const member = ledger.admit(entry.name, entry.regular, entry.size);
    if (memberKind(member.name) === 'package') {
      offsets.set(member.name, entry.dataOffset);
      ledger.notePackage(member);
    } else ledger.keep(member, await readAt(entry.dataOffset, entry.size));
    offset = entry.nextOffset;
  }
  return { manifest, contents: ledger.finish(), offsets };
}

async function refuseTrailingData(readAt: ReadAt, from: number, fileSize: number): Promise<void> {
  if (fileSize - from > TRAILING_ZEROS_MAX) throw new HicareError('BUNDLE_INVALID.trailingData');
  if (fileSize <= from) return;
  const rest = await readAt(from, fileSize - from);
  if (rest.some((byte) => byte !== 0)) throw new HicareError('BUNDLE_INVALID.trailingData');
}
