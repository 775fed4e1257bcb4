/**
 * A bundle as a folder, for the app's "export to folder" (a USB stick a person browses): the same members as plain
 * files under their member names, the manifest beside them. `openBundleFolder` reads it back with the same checks
 * as the file reader; a link, a special file or a file the manifest does not list is refused, so a folder can never
 * lead a reader outside itself.
 */
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { HicareError } from '../../../shared/errors.js';
import { withFile } from '../files/file-error.js';
import type { BundleContents } from './contents.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  LIMITS,
  MANIFEST_NAME,
  STATEMENT_NAME,
  memberKind,
  metadataMember,
  packageMember,
  parseManifest,
  refuseTooLarge,
  type BundleManifest,
  type ManifestMember,
} from './bundle-layout.js';
import { MemberLedger, openedBundle, sha256Hex, type OpenedBundle } from './bundle-members.js';

function memberPath(dir: string, name: string): string {
  return join(dir, ...name.split('/'));
}

/** The portal a bundle came from: its manifest's, else the statement's. */
function portalOf(contents: BundleContents & { manifest?: BundleManifest }): string {
  if (contents.manifest !== undefined) return contents.manifest.portal;
  const portal = (JSON.parse(contents.statement.toString('utf8')) as { signed?: { portal?: unknown } }).signed?.portal;
  if (typeof portal !== 'string') throw new HicareError('BUNDLE_INVALID.manifestUnreadable');
  return new URL(portal).origin;
}

/**
 * Writes every member of `contents` into the new folder `dir` (written beside it as `dir.part`, then renamed, so an
 * interrupted export leaves no folder that looks complete). Packages are streamed and hashed on the way.
 */
export async function exportFolder(
  contents: BundleContents & { manifest?: BundleManifest },
  dir: string,
): Promise<BundleManifest> {
  const use = { file: 'commandLineFile' as const, path: dir };
  const existing = await readdir(dir).catch(() => undefined);
  if (existing !== undefined && existing.length > 0)
    throw new HicareError('INVALID_INPUT.bundleFolderExists', { path: dir });
  const part = `${dir}.part`;
  try {
    return await withFile(use, async () => {
      await rm(part, { recursive: true, force: true });
      const members: ManifestMember[] = [];
      const small = async (name: string, bytes: Buffer) => {
        const path = memberPath(part, name);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, bytes);
        members.push({ name, length: bytes.length, sha256: sha256Hex(bytes) });
      };
      for (const [name, bytes] of contents.metadata) await small(metadataMember(name), bytes);
      await small(STATEMENT_NAME, contents.statement);
      for (const name of contents.packages) {
        const member = packageMember(name);
        const path = memberPath(part, member);
        await mkdir(dirname(path), { recursive: true });
        const hash = createHash('sha256');
        let length = 0;
        const tap = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            length += chunk.length;
            done(null, chunk);
          },
        });
        await pipeline(await contents.openPackage(name), tap, createWriteStream(path));
        members.push({ name: member, length, sha256: hash.digest('hex') });
      }
      const manifest: BundleManifest = {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_FORMAT_VERSION,
        createdAt: contents.createdAt,
        portal: portalOf(contents),
        members,
      };
      await writeFile(join(part, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
      await rm(dir, { recursive: true, force: true });
      await rename(part, dir);
      return manifest;
    });
  } catch (error) {
    await rm(part, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

/** Every entry under `dir` as a member name with `/` separators; links and special files are kept to be refused. */
async function walk(dir: string, prefix = ''): Promise<{ name: string; regular: boolean; size: number }[]> {
  const out: { name: string; regular: boolean; size: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path, name)));
    else {
      const stat = await lstat(path);
      out.push({ name, regular: stat.isFile(), size: stat.size });
    }
  }
  return out;
}

export async function openBundleFolder(dir: string): Promise<OpenedBundle> {
  const use = { file: 'commandLineFile' as const, path: dir };
  return withFile(use, async () => {
    const manifestPath = join(dir, MANIFEST_NAME);
    const manifestStat = await lstat(manifestPath).catch(() => undefined);
    if (manifestStat === undefined || !manifestStat.isFile()) throw new HicareError('BUNDLE_INVALID.manifestMissing');
    if (manifestStat.size > LIMITS.manifestBytes) refuseTooLarge(MANIFEST_NAME, LIMITS.manifestBytes);
    const manifest = parseManifest(await readFile(manifestPath));
    const ledger = new MemberLedger(manifest);
    const entries = (await walk(dir)).filter((e) => e.name !== MANIFEST_NAME);
    if (entries.length > LIMITS.members) throw new HicareError('BUNDLE_INVALID.unknownMember', { name: dir });
    const byName = new Map(manifest.members.map((m, i) => [m.name, i]));
    // In the manifest's order, so packages are listed as stored; unlisted names are refused by admit.
    entries.sort((a, b) => (byName.get(a.name) ?? -1) - (byName.get(b.name) ?? -1));
    for (const entry of entries) {
      const member = ledger.admit(entry.name.split(sep).join('/'), entry.regular, entry.size);
      if (memberKind(member.name) === 'package') ledger.notePackage(member);
      else ledger.keep(member, await readFile(memberPath(dir, member.name)));
    }
    const found = ledger.finish();
    return openedBundle(dir, manifest, found, async (member) => {
      const path = memberPath(dir, member.name);
      // Opened without following a link put there after the folder was checked.
      const handle = await withFile(use, () => open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)));
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size !== member.length) {
        await handle.close();
        throw new HicareError('BUNDLE_INVALID.memberSize', {
          name: member.name,
          expected: member.length,
          actual: stat.size,
        });
      }
      return createReadStream(path, { fd: handle, highWaterMark: 1024 * 1024 });
    });
  });
}
