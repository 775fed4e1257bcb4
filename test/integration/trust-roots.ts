/**
 * Real TUF roots for the trust tests, made the way the portal makes them (fresh ed25519 keys, @tufjs/models signing)
 * and then spoiled one way each: expired, signatures stripped, a role's threshold 0.
 */
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Metadata, Root, Signature } from '@tufjs/models';
import { canonicalize } from '@tufjs/canonical-json';
import { tufPublicKey } from '../../portal/tuf/keys.js';

export type RootFlaw = 'none' | 'expired' | 'unsigned' | 'threshold-0' | 'signed-by-stranger';

const DAY = 86_400_000;

function signWith(privateKey: KeyObject, signed: unknown): Signature {
  const keyID = tufPublicKey(createPublicKey(privateKey)).keyID;
  return new Signature({ keyID, sig: sign(null, Buffer.from(canonicalize(signed)), privateKey).toString('hex') });
}

/** A root document (bytes as the portal writes them) with the given flaw. */
export function makeRoot(flaw: RootFlaw, now = new Date()): Buffer {
  const keys = Object.fromEntries(
    ['root', 'targets', 'snapshot', 'timestamp'].map((role) => [role, generateKeyPairSync('ed25519').privateKey]),
  );
  const expires = new Date(now.getTime() + (flaw === 'expired' ? -DAY : 365 * DAY))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const root = new Root({ version: 1, specVersion: '1.0.31', expires, consistentSnapshot: true });
  for (const [role, key] of Object.entries(keys)) root.addKey(tufPublicKey(createPublicKey(key)), role);
  const signed = new Metadata(root).toJSON().signed as { roles: Record<string, { threshold: number }> };
  // The models refuse to build a threshold of 0; a hostile file is not built, it is written.
  if (flaw === 'threshold-0') signed.roles['snapshot']!.threshold = 0;
  const signer = flaw === 'signed-by-stranger' ? generateKeyPairSync('ed25519').privateKey : keys['root']!;
  const signatures = flaw === 'unsigned' ? [] : [signWith(signer, signed).toJSON()];
  return Buffer.from(JSON.stringify({ signatures, signed }, null, 1));
}
