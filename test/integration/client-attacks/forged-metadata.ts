/**
 * Metadata an attacker can produce: old files saved from the portal, a timestamp signed with the portal's real online
 * key but saying something false (expired, pointing at a snapshot that does not match), files with their signatures
 * stripped, and files signed by a key the root does not trust.
 */
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetadataKind, Signature, Timestamp, type MetaFile } from '@tufjs/models';
import { loadKey, tufPublicKey, type SigningKey } from '../../../portal/tuf/keys.js';
import type { JsonObject } from '../../../portal/tuf/metadata-files.js';
import type { DemoPortal } from '../client-core/demo-portal.js';

export type Signer = SigningKey['signer'];

export async function repoFile(demo: DemoPortal, name: string): Promise<Buffer> {
  return readFile(join(demo.portal.layout.repoDir, name));
}

export async function currentTimestamp(demo: DemoPortal): Promise<Metadata<Timestamp>> {
  return Metadata.fromJSON(
    MetadataKind.Timestamp,
    JSON.parse((await repoFile(demo, 'timestamp.json')).toString('utf8')) as JsonObject,
  );
}

/** The portal's own timestamp key, as an insider or a thief of the online keys would have it. */
export async function timestampKey(demo: DemoPortal): Promise<Signer> {
  return (await loadKey(demo.portal.layout.keysDir, 'timestamp')).signer;
}

/** A fresh ed25519 key that no root of the portal lists. */
export function rogueSigner(): Signer {
  const { privateKey } = generateKeyPairSync('ed25519');
  const keyID = tufPublicKey(createPublicKey(privateKey)).keyID;
  return (data) => new Signature({ keyID, sig: sign(null, data, privateKey).toString('hex') });
}

export interface TimestampFields {
  version: number;
  expires: string;
  snapshotMeta: MetaFile;
}

export function signedTimestamp(fields: TimestampFields, signer: Signer): Buffer {
  const metadata = new Metadata(
    new Timestamp({
      version: fields.version,
      specVersion: '1.0.31',
      expires: fields.expires,
      snapshotMeta: fields.snapshotMeta,
    }),
  );
  metadata.sign(signer, false);
  return Buffer.from(JSON.stringify(metadata.toJSON()));
}

/** The same signed content with other signatures: none, or one from `signer`. */
export function resigned(bytes: Buffer, signer?: Signer): Buffer {
  const document = JSON.parse(bytes.toString('utf8')) as { signed: unknown; signatures: unknown[] };
  const kind = (document.signed as { _type: string })._type as MetadataKind.Timestamp | MetadataKind.Snapshot;
  const metadata = Metadata.fromJSON(
    kind as MetadataKind.Timestamp,
    { ...document, signatures: [] } as unknown as JsonObject,
  );
  if (signer !== undefined) metadata.sign(signer, false);
  return Buffer.from(JSON.stringify(metadata.toJSON()));
}
