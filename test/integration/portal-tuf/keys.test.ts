/** The signing keys on disk, their TUF form, and the `keys` commands. */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalize } from '@tufjs/canonical-json';
import { Metadata, Signature, Targets } from '@tufjs/models';
import { afterEach, describe, expect, it } from 'vitest';
import { HicareError, type ErrorCode } from '../../../shared/errors.js';
import { sha256Hex } from '../../../portal/tuf/canonical.js';
import { initKeys, keyFilePath, loadKey, TUF_ROLES } from '../../../portal/tuf/keys.js';
import { runKeysCommand } from '../../../portal/tuf/keys-command.js';
import { readRoot } from '../../../portal/tuf/metadata-files.js';
import { cleanup, freshRepository, tempDir } from './helpers.js';

afterEach(cleanup);

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HicareError)) throw new Error(`expected a HicareError, got ${String(error)}`);
  return error.code;
}

describe('keys', () => {
  it('`keys init` refuses without --offline-keys and writes no key at all', async () => {
    const keysDir = await tempDir();
    const error = await runKeysCommand(['init'], { keysDir, repoDir: join(keysDir, 'unused') }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('INVALID_INPUT');
    expect((error as HicareError).message).toMatch(/--offline-keys/);
    expect((error as HicareError).remedy).toMatch(/away from the portal machine/);
    expect(await readdir(keysDir)).toEqual([]);
  });

  it('`keys init --offline-keys DIR` puts the root key there and nowhere near the online keys', async () => {
    const keysDir = await tempDir();
    const offline = await tempDir();
    await runKeysCommand(['init'], { keysDir, offlineKeysDir: offline, repoDir: join(keysDir, 'unused') });
    expect(await readdir(offline)).toEqual(['root.pem']);
    expect(await readdir(keysDir)).toEqual(['online']);
    expect((await readdir(join(keysDir, 'online'))).sort()).toEqual(['snapshot.pem', 'targets.pem', 'timestamp.pem']);
  });

  it('`keys init` writes four PKCS8 PEM files, 0600, the root key apart from the online keys', async () => {
    const keysDir = await tempDir();
    const lines = await runKeysCommand(['init'], {
      keysDir,
      offlineKeysDir: join(keysDir, 'offline'),
      repoDir: join(keysDir, 'unused'),
    });

    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/Move .*root\.pem off this machine/);
    expect((await readdir(join(keysDir, 'offline'))).sort()).toEqual(['root.pem']);
    expect((await readdir(join(keysDir, 'online'))).sort()).toEqual(['snapshot.pem', 'targets.pem', 'timestamp.pem']);
    for (const role of TUF_ROLES) {
      const path = keyFilePath(keysDir, role);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const pem = await readFile(path, 'utf8');
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(createPrivateKey(pem).asymmetricKeyType).toBe('ed25519');
    }
    expect((await stat(join(keysDir, 'offline'))).mode & 0o077).toBe(0);
  });

  it('builds the TUF key object from the raw public key, with the key id the SHA-256 of its canonical JSON', async () => {
    const keysDir = await tempDir();
    await initKeys(keysDir);
    const key = await loadKey(keysDir, 'targets');
    const raw = createPublicKey(createPrivateKey(await readFile(keyFilePath(keysDir, 'targets'), 'utf8')))
      .export({ format: 'der', type: 'spki' })
      .subarray(-32);

    expect(key.publicKey.toJSON()).toEqual({
      keytype: 'ed25519',
      scheme: 'ed25519',
      keyval: { public: raw.toString('hex') },
    });
    expect(key.keyId).toBe(
      sha256Hex(`{"keytype":"ed25519","keyval":{"public":"${raw.toString('hex')}"},"scheme":"ed25519"}`),
    );
  });

  it('refuses to overwrite existing keys', async () => {
    const keysDir = await tempDir();
    await initKeys(keysDir);
    const before = await readFile(keyFilePath(keysDir, 'root'), 'utf8');
    expect(await codeOf(initKeys(keysDir))).toBe('TUF_ALREADY_INITIALIZED');
    expect(await readFile(keyFilePath(keysDir, 'root'), 'utf8')).toBe(before);
  });

  it('`keys rotate` replaces the key file, keeps it 0600, and publishes a root trusting only the new key', async () => {
    const { repoDir, keysDir } = await freshRepository();
    const old = await loadKey(keysDir, 'snapshot');
    const lines = await runKeysCommand(['rotate', 'snapshot'], { keysDir, repoDir });
    const fresh = await loadKey(keysDir, 'snapshot');
    const root = await readRoot(repoDir);

    expect(lines.join('\n')).toContain(fresh.keyId);
    expect(fresh.keyId).not.toBe(old.keyId);
    expect((await stat(keyFilePath(keysDir, 'snapshot'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(keysDir, 'online'))).not.toContain('snapshot.next.pem');
    expect(root.signed.version).toBe(2);
    expect(root.signed.roles.snapshot?.keyIDs).toEqual([fresh.keyId]);
    expect(Object.keys(root.signed.keys)).not.toContain(old.keyId);
    expect(Object.keys(root.signatures)).toEqual([(await loadKey(keysDir, 'root')).keyId]);
  });

  it('`keys rotate root` signs the new root with both the old and the new root key', async () => {
    const { repoDir, keysDir } = await freshRepository();
    const old = await loadKey(keysDir, 'root');
    await runKeysCommand(['rotate', 'root'], { keysDir, repoDir });
    const fresh = await loadKey(keysDir, 'root');
    const root = await readRoot(repoDir);

    expect(Object.keys(root.signatures).sort()).toEqual([old.keyId, fresh.keyId].sort());
    expect(root.signed.roles.root?.keyIDs).toEqual([fresh.keyId]);
  });

  it('rejects unknown commands and roles with INVALID_INPUT, changing nothing', async () => {
    const { repoDir, keysDir } = await freshRepository();
    expect(await codeOf(runKeysCommand(['rotate', 'mirror'], { keysDir, repoDir }))).toBe('INVALID_INPUT');
    expect(await codeOf(runKeysCommand(['rotate'], { keysDir, repoDir }))).toBe('INVALID_INPUT');
    expect(await codeOf(runKeysCommand(['delete', 'root'], { keysDir, repoDir }))).toBe('INVALID_INPUT');
    expect(await codeOf(runKeysCommand([], { keysDir, repoDir }))).toBe('INVALID_INPUT');
    expect((await readRoot(repoDir)).signed.version).toBe(1);
  });

  it('signing with a keys directory from another repository fails with TUF_KEYS_MISSING', async () => {
    const a = await freshRepository();
    const b = await freshRepository();
    expect(await codeOf(runKeysCommand(['rotate', 'targets'], { keysDir: b.keysDir, repoDir: a.repoDir }))).toBe(
      'TUF_KEYS_MISSING',
    );
    expect((await readRoot(a.repoDir)).signed.version).toBe(1);
  });
});

describe('canonical JSON', () => {
  it('is byte for byte what @tufjs/models signs', () => {
    const targets = new Targets({ version: 3, specVersion: '1.0.31', expires: '2030-01-01T00:00:00Z' });
    const md = new Metadata(targets);
    let signedBytes: Buffer = Buffer.alloc(0);
    md.sign((data) => {
      signedBytes = data;
      return new Signature({ keyID: 'k', sig: '00' });
    });
    expect(signedBytes.toString()).toBe(canonicalize(targets.toJSON()));
  });

  it('sorts keys, escapes only quote and backslash, and refuses what the dialect cannot carry', () => {
    expect(canonicalize({ b: [1, true, null], a: 'x"y\\z\n' })).toBe('{"a":"x\\"y\\\\z\n","b":[1,true,null]}');
    expect(() => canonicalize({ a: 1.5 })).toThrow(TypeError);
    expect(() => canonicalize({ a: undefined })).toThrow(TypeError);
  });
});
