/**
 * The repository's signing keys: ed25519, stored as PKCS8 PEM files readable by their owner only. The root key lives
 * in `offline/`, apart from the keys the portal needs every day (`online/`: targets, snapshot, timestamp), so that
 * a production setup can keep `offline/` on a machine or medium the portal never sees.
 *
 * A rotation first stages the new key as `<role>.next.pem`, then publishes the root that trusts it, then promotes the
 * file. A crash between those steps leaves both files, and the loader picks whichever one the current root trusts.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { access, chmod, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canonicalize } from '@tufjs/canonical-json';
import { Key, Signature, type Root } from '@tufjs/models';
import { HicareError } from '../../shared/errors.js';
import { writeFileAtomic } from './atomic-file.js';
import { sha256Hex } from './canonical.js';

export const TUF_ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type TufRole = (typeof TUF_ROLES)[number];

export interface SigningKey {
  readonly role: TufRole;
  readonly keyId: string;
  /** The public half as root metadata lists it. */
  readonly publicKey: Key;
  /** Signs canonical bytes; shaped for `Metadata.sign`. */
  readonly signer: (data: Buffer) => Signature;
}

export function isTufRole(value: unknown): value is TufRole {
  return typeof value === 'string' && (TUF_ROLES as readonly string[]).includes(value);
}

/**
 * Where the keys are: a directory with `online/` and `offline/` inside, or the online keys' directory and, apart
 * from it, the one that holds the root key (`keys init --offline-keys DIR`), so the root key can live on a medium
 * the portal never sees.
 */
export type KeyDirs = string | { keysDir: string; offlineDir: string };

export function describeKeyDirs(keys: KeyDirs): string {
  return typeof keys === 'string' ? keys : `${keys.keysDir} and ${keys.offlineDir}`;
}

export function keyFilePath(keys: KeyDirs, role: TufRole, stage: 'current' | 'next' = 'current'): string {
  const dir =
    typeof keys === 'string'
      ? join(keys, role === 'root' ? 'offline' : 'online')
      : role === 'root'
        ? keys.offlineDir
        : join(keys.keysDir, 'online');
  return join(dir, stage === 'current' ? `${role}.pem` : `${role}.next.pem`);
}

/** The TUF key object for an ed25519 public key: `keyval.public` is the raw 32-byte key in hex, as the spec has it. */
export function tufPublicKey(publicKey: KeyObject): Key {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new TypeError('not an ed25519 public key');
  const json = {
    keytype: 'ed25519',
    scheme: 'ed25519',
    keyval: { public: Buffer.from(jwk.x, 'base64url').toString('hex') },
  };
  return new Key({
    keyID: sha256Hex(canonicalize(json)),
    keyType: json.keytype,
    scheme: json.scheme,
    keyVal: json.keyval,
  });
}

function signingKey(role: TufRole, privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new HicareError('TUF_KEYS_MISSING.tufNotEd25519', { role }, { role });
  }
  const publicKey = tufPublicKey(createPublicKey(privateKey));
  const keyId = publicKey.keyID;
  return {
    role,
    keyId,
    publicKey,
    signer: (data) => new Signature({ keyID: keyId, sig: sign(null, data, privateKey).toString('hex') }),
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function writeKey(path: string, privateKey: KeyObject): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  await writeFileAtomic(path, pem, 0o600);
  // The create mode is filtered by the umask only downwards, but an explicit chmod states the intent and survives odd umasks.
  await chmod(path, 0o600);
}

async function readKey(role: TufRole, path: string): Promise<SigningKey> {
  const pem = await readFile(path, 'utf8');
  return signingKey(role, createPrivateKey({ key: pem, format: 'pem' }));
}

function generate(role: TufRole): { key: SigningKey; privateKey: KeyObject } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { key: signingKey(role, privateKey), privateKey };
}

/** `keys init`: one new key per role. Refuses to overwrite, since losing a key that a root trusts cannot be undone. */
export async function initKeys(keysDir: KeyDirs): Promise<Record<TufRole, SigningKey>> {
  for (const role of TUF_ROLES) {
    if (await exists(keyFilePath(keysDir, role))) {
      throw new HicareError(
        'TUF_ALREADY_INITIALIZED.tufKeyExists',
        { role, keysDir: describeKeyDirs(keysDir) },
        { role },
      );
    }
  }
  const keys = {} as Record<TufRole, SigningKey>;
  for (const role of TUF_ROLES) {
    const { key, privateKey } = generate(role);
    await writeKey(keyFilePath(keysDir, role), privateKey);
    keys[role] = key;
  }
  return keys;
}

/** Reads the current key of a role, without checking any root (used before a repository exists). */
export async function loadKey(keysDir: KeyDirs, role: TufRole): Promise<SigningKey> {
  const path = keyFilePath(keysDir, role);
  if (!(await exists(path))) {
    throw new HicareError('TUF_KEYS_MISSING.tufNoKey', { role, path }, { role });
  }
  return readKey(role, path);
}

/**
 * The key to sign a role's metadata with: the stored key that `root` trusts for that role. Finishes a rotation that
 * was interrupted after its root was published (the trusted key is still `.next.pem`).
 */
export async function loadTrustedKey(keysDir: KeyDirs, role: TufRole, root: Root): Promise<SigningKey> {
  const trusted = root.roles[role]?.keyIDs ?? [];
  const current = keyFilePath(keysDir, role);
  const next = keyFilePath(keysDir, role, 'next');
  if (await exists(current)) {
    const key = await readKey(role, current);
    if (trusted.includes(key.keyId)) return key;
  }
  if (await exists(next)) {
    const key = await readKey(role, next);
    if (trusted.includes(key.keyId)) {
      await rename(next, current);
      return key;
    }
  }
  throw new HicareError(
    'TUF_KEYS_MISSING.tufUntrustedKeys',
    { role, keysDir: describeKeyDirs(keysDir), version: root.version },
    { role, trusted },
  );
}

/** Writes a fresh key as `<role>.next.pem`, to be promoted once a root that trusts it is published. */
export async function stageNextKey(keysDir: KeyDirs, role: TufRole): Promise<SigningKey> {
  const { key, privateKey } = generate(role);
  await writeKey(keyFilePath(keysDir, role, 'next'), privateKey);
  return key;
}

export async function promoteNextKey(keysDir: KeyDirs, role: TufRole): Promise<void> {
  await rename(keyFilePath(keysDir, role, 'next'), keyFilePath(keysDir, role));
}

export async function discardNextKey(keysDir: KeyDirs, role: TufRole): Promise<void> {
  await rm(keyFilePath(keysDir, role, 'next'), { force: true });
}
