/**
 * The root a portal is trusted through, as the app shows it: which file, its fingerprint for the user to compare
 * with the one the portal's operator gave, and whether it is the vendor's root shipped with the app. A file the user
 * points at is checked to be TUF root metadata before it is trusted.
 */
import { readFile } from 'node:fs/promises';
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import { resolve } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import { SHIPPED_ROOT } from '../client/hicare-client.js';
import { rootFingerprint } from '../trust/trust.js';

export interface TrustRootView {
  rootPath: string;
  fingerprint: string;
  shipped: boolean;
}

const ROOT_REMEDY = "Choose the portal's root.json (e.g. <portal data>/tuf/1.root.json).";

/** Reads and checks a root file the user chose; answers its absolute path and fingerprint. */
export async function readTrustRoot(path: string): Promise<TrustRootView> {
  const file = resolve(path);
  const bytes = await readFile(file).catch(() => {
    throw new HicareError('NOT_FOUND', `${file} cannot be read.`, ROOT_REMEDY);
  });
  let root: { signed?: { _type?: unknown } };
  try {
    root = JSON.parse(bytes.toString('utf8')) as typeof root;
  } catch {
    throw new HicareError('INVALID_INPUT', `${file} is not JSON.`, ROOT_REMEDY);
  }
  if (root === null || typeof root !== 'object' || root.signed?._type !== 'root') {
    throw new HicareError('INVALID_INPUT', `${file} is not TUF root metadata.`, ROOT_REMEDY);
  }
  assertSelfSigned(root, file);
  return { rootPath: file, fingerprint: rootFingerprint(bytes), shipped: file === SHIPPED_ROOT };
}

/** The root in force for the settings' `trustRootPath` (the shipped one when null); null when it cannot be read. */
export async function trustRootInForce(trustRootPath: string | null): Promise<TrustRootView | null> {
  const file = trustRootPath ?? SHIPPED_ROOT;
  try {
    const bytes = await readFile(file);
    return { rootPath: file, fingerprint: rootFingerprint(bytes), shipped: file === SHIPPED_ROOT };
  } catch {
    return null;
  }
}

/**
 * A root is only a root if a threshold of its own root keys signed it: a copy whose signatures were broken, or
 * whose key list was edited afterwards, would otherwise be trusted as it stands.
 */
function assertSelfSigned(json: unknown, file: string): void {
  let metadata: Metadata<Root>;
  try {
    metadata = Metadata.fromJSON(MetadataKind.Root, json as Parameters<typeof Metadata.fromJSON>[1]);
  } catch (error) {
    throw new HicareError('INVALID_INPUT', `${file} is not valid TUF root metadata (${error instanceof Error ? error.message : String(error)}).`, ROOT_REMEDY);
  }
  try {
    metadata.verifyDelegate('root', metadata);
  } catch {
    throw new HicareError('UNTRUSTED_PORTAL', `${file} is not signed by its own root keys: it has been altered or is not a root at all.`, `Nothing was trusted. ${ROOT_REMEDY}`);
  }
}
