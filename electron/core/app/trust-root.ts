/**
 * The root a portal is trusted through, as the app shows it: which file, its fingerprint for the user to compare
 * with the one the portal's operator gave, and whether it is the vendor's root shipped with the app. A file the user
 * points at is checked completely before it is trusted.
 */
import { readFile } from 'node:fs/promises';
import { SHIPPED_ROOT } from '../client/hicare-client.js';
import { readRootFile } from '../trust/root-file.js';
import { rootFingerprint } from '../trust/trust.js';

export interface TrustRootView {
  rootPath: string;
  fingerprint: string;
  shipped: boolean;
}

/** Reads and checks a root file the user chose (completely: see readRootFile); answers its absolute path and fingerprint. */
export async function readTrustRoot(path: string, now: Date): Promise<TrustRootView> {
  const root = await readRootFile(path, { now, namedIn: 'settings' });
  return { rootPath: root.file, fingerprint: root.fingerprint, shipped: root.file === SHIPPED_ROOT };
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
