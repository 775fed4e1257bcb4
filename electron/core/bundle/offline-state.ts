/**
 * What this machine already trusts and has seen for one portal, read from the same metadata folder the online client
 * keeps (Trust.metadataDir), so online and offline updates guard each other against rollback: the newest verified
 * root, and the highest versions of timestamp, snapshot, targets and each delegated bin it ever accepted. Written
 * only after a bundle passed every check; a refusal leaves the folder as it was.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import { HicareError } from '../../../shared/errors.js';
import { readBounded, ROOT_MAX_BYTES } from '../trust/root-file.js';

/** Highest accepted versions by role name (`root`, `timestamp`, `snapshot`, `targets`, bins by their role name). */
export type SeenVersions = Record<string, number>;

export const SEEN_FILE = 'offline-seen.json';
const PIN_FILE = 'trusted-root.sha256';

/** The folder the online client uses for this portal: same rule as Trust, so both read and write one history. */
export function metadataDirFor(dataDirectory: string, portalUrl: string): string {
  const portal = createHash('sha256').update(new URL(portalUrl).origin).digest('hex').slice(0, 16);
  return join(dataDirectory, 'trust', portal);
}

export interface MachineTrust {
  metadataDir: string;
  /** The newest root this machine trusts for the portal. */
  root: Metadata<Root>;
  seen: SeenVersions;
  /** The user's root file as bytes, pinned by fingerprint as the online client pins it. */
  rootFileBytes: Buffer;
  /** Whether the folder's history belongs to the user's root (else it is ignored, as the online client drops it). */
  pinned: boolean;
}

function parseRoot(bytes: Buffer): Metadata<Root> | undefined {
  try {
    const root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(bytes.toString('utf8')) as never);
    root.verifyDelegate('root', root);
    return root;
  } catch {
    return undefined;
  }
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch(() => undefined);
}

/** Versions of the files tuf-js keeps in the folder: it writes only what it verified, so their versions were seen. */
async function versionsOnDisk(dir: string): Promise<SeenVersions> {
  const seen: SeenVersions = {};
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.json') || /^\d+\./.test(name) || name === SEEN_FILE) continue;
    const bytes = await readOptional(join(dir, name));
    const version = (() => {
      try {
        return (JSON.parse(bytes?.toString('utf8') ?? '') as { signed?: { version?: unknown } }).signed?.version;
      } catch {
        return undefined;
      }
    })();
    if (typeof version === 'number') seen[decodeURIComponent(name.slice(0, -'.json'.length))] = version;
  }
  return seen;
}

function merged(a: SeenVersions, b: SeenVersions): SeenVersions {
  const out = { ...a };
  for (const [role, version] of Object.entries(b)) out[role] = Math.max(out[role] ?? 0, version);
  return out;
}

export async function readMachineTrust(
  dataDirectory: string,
  portalUrl: string,
  rootFile: string,
): Promise<MachineTrust> {
  const metadataDir = metadataDirFor(dataDirectory, portalUrl);
  const unreadable = () => new HicareError('UNTRUSTED_PORTAL.rootUnreadable', { file: rootFile });
  const { bytes: rootFileBytes, tooLarge } = await readBounded(rootFile, ROOT_MAX_BYTES).catch(() => {
    throw unreadable();
  });
  const userRoot = tooLarge ? undefined : parseRoot(rootFileBytes);
  if (userRoot === undefined) throw unreadable();
  const fingerprint = createHash('sha256').update(rootFileBytes).digest('hex');
  const pinned = (await readFile(join(metadataDir, PIN_FILE), 'utf8').catch(() => '')).trim() === fingerprint;
  if (!pinned) return { metadataDir, root: userRoot, seen: { root: userRoot.signed.version }, rootFileBytes, pinned };

  const cachedBytes = await readOptional(join(metadataDir, 'root.json'));
  const cached = cachedBytes === undefined ? undefined : parseRoot(cachedBytes);
  const root = cached !== undefined && cached.signed.version > userRoot.signed.version ? cached : userRoot;
  const recorded = await readOptional(join(metadataDir, SEEN_FILE));
  let fromFile: SeenVersions = {};
  try {
    const parsed = JSON.parse(recorded?.toString('utf8') ?? '{}') as unknown;
    if (typeof parsed === 'object' && parsed !== null)
      for (const [role, version] of Object.entries(parsed))
        if (typeof version === 'number' && Number.isInteger(version)) fromFile[role] = version;
  } catch {
    // A damaged record is rebuilt from what tuf-js keeps; the root stays the guard either way.
    fromFile = {};
  }
  const seen = merged(merged(fromFile, await versionsOnDisk(metadataDir)), { root: root.signed.version });
  return { metadataDir, root, seen, rootFileBytes, pinned };
}

async function writeAtomic(file: string, bytes: Buffer | string): Promise<void> {
  await writeFile(`${file}.tmp`, bytes);
  await rename(`${file}.tmp`, file);
}

/**
 * Keeps what a verified bundle taught: its newer roots (as `N.root.json` and `root.json`, where tuf-js looks for the
 * newest) and the versions seen. A folder that belonged to another root is started afresh from the user's root
 * first, as the online client would.
 */
export async function persistAccepted(
  trust: MachineTrust,
  newRoots: readonly { version: number; bytes: Buffer }[],
  seen: SeenVersions,
): Promise<void> {
  const dir = trust.metadataDir;
  if (!trust.pinned) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'root.json'), trust.rootFileBytes);
    await writeFile(join(dir, PIN_FILE), `${createHash('sha256').update(trust.rootFileBytes).digest('hex')}\n`);
  }
  for (const root of newRoots) await writeAtomic(join(dir, `${root.version}.root.json`), root.bytes);
  const newest = newRoots.at(-1);
  if (newest !== undefined) await writeAtomic(join(dir, 'root.json'), newest.bytes);
  const previous = trust.pinned ? trust.seen : {};
  await writeAtomic(join(dir, SEEN_FILE), `${JSON.stringify(merged(previous, seen), null, 2)}\n`);
}
