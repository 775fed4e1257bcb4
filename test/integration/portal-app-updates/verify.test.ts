/**
 * The app's gate before it installs an update of itself, run with the client core's real TUF trust against a real
 * portal: the installer the vendor published passes; a changed byte, extra or missing bytes, a version or platform
 * that was never signed, a renamed file, and a portal that does not chain to the trusted root are refused, coded.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Trust } from '../../../electron/core/trust/trust.js';
import { verifyAppUpdate } from '../../../electron/core/self-update/verify-app-update.js';
import { publishAppRelease } from '../../../portal/app-updates/publish-app.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { installer, sha256Hex, sha512Base64 } from './helpers.js';

const NAME = 'hicare-update-manager-0.2.0-x86_64.AppImage';

let demo: DemoPortal;
let pending = '';
let signed: { path: string; bytes: Buffer };
let trust: Trust;

/** A download as electron-updater leaves it: the feed's file name, in its pending directory. */
async function downloaded(name: string, bytes: Buffer): Promise<string> {
  const path = join(pending, name);
  await writeFile(path, bytes);
  return path;
}

beforeAll(async () => {
  demo = await startDemoPortal();
  const work = join(demo.dir, 'installers');
  pending = join(demo.dir, 'pending');
  await mkdir(work);
  await mkdir(pending);
  signed = await installer(work, NAME, 2 * 1024 * 1024 + 5);
  // The app's trust has read the catalog before the release exists, as it has by the time an update is downloaded.
  trust = (await demo.client()).client.trust;
  await trust.allTargets('all');
  await publishAppRelease(
    demo.portal.catalog,
    { file: signed.path, version: '0.2.0', os: 'linux', arch: 'x64' },
    new Date(),
  );
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

describe('verifyAppUpdate', () => {
  it('accepts the installer the vendor published, read from metadata refreshed since the release appeared', async () => {
    const file = await downloaded(NAME, signed.bytes);
    const release = await verifyAppUpdate(trust, { version: '0.2.0', os: 'linux', arch: 'x64', file });
    expect(release).toMatchObject({
      name: `hicare-update-manager/0.2.0/linux-x64/${NAME}`,
      length: signed.bytes.length,
      sha256: sha256Hex(signed.bytes),
      custom: { kind: 'app', version: '0.2.0', os: 'linux', arch: 'x64', sha512: sha512Base64(signed.bytes) },
    });
  });

  it('refuses a file with one byte changed, and leaves the file as it was', async () => {
    const changed = Buffer.from(signed.bytes);
    changed[1_000_000] = (changed[1_000_000]! + 1) % 256;
    const file = await downloaded(NAME, changed);
    await expect(verifyAppUpdate(trust, { version: '0.2.0', os: 'linux', arch: 'x64', file })).rejects.toMatchObject({
      code: 'HASH_MISMATCH',
      details: { expected: sha256Hex(signed.bytes), actual: sha256Hex(changed) },
    });
    expect((await readFile(file)).equals(changed)).toBe(true);
  });

  it('refuses a file longer than the signed length, and one shorter', async () => {
    const longer = await downloaded(NAME, Buffer.concat([signed.bytes, Buffer.from('#!/bin/sh\n')]));
    await expect(
      verifyAppUpdate(trust, { version: '0.2.0', os: 'linux', arch: 'x64', file: longer }),
    ).rejects.toMatchObject({
      code: 'LENGTH_EXCEEDED',
      details: { expected: signed.bytes.length, actual: signed.bytes.length + 10 },
    });
    const shorter = await downloaded(NAME, signed.bytes.subarray(0, signed.bytes.length - 1));
    await expect(
      verifyAppUpdate(trust, { version: '0.2.0', os: 'linux', arch: 'x64', file: shorter }),
    ).rejects.toMatchObject({ code: 'HASH_MISMATCH' });
  });

  it.each([
    ['a version that was never signed', { version: '0.4.0', os: 'linux', arch: 'x64' }, NAME],
    ['the signed file offered for another architecture', { version: '0.2.0', os: 'linux', arch: 'arm64' }, NAME],
    ['the signed file offered for another system', { version: '0.2.0', os: 'win', arch: 'x64' }, NAME],
    [
      'the signed bytes under another file name',
      { version: '0.2.0', os: 'linux', arch: 'x64' },
      'hicare-update-manager-0.2.0.AppImage',
    ],
    ['a customer package’s name', { version: '1.9.0', os: 'linux', arch: 'x64' }, 'atlas-1.9.0-linux-x64.tar.gz'],
  ])('refuses %s as not signed', async (_what, release, name) => {
    const file = await downloaded(name, signed.bytes);
    await expect(verifyAppUpdate(trust, { ...release, file })).rejects.toMatchObject({
      code: 'TARGET_UNKNOWN',
      message: expect.stringContaining('is not signed by the vendor'),
    });
  });

  it('refuses a version that is not one, before asking the portal anything', async () => {
    const file = await downloaded(NAME, signed.bytes);
    await expect(verifyAppUpdate(trust, { version: 'v0.2.0', os: 'linux', arch: 'x64', file })).rejects.toMatchObject({
      code: 'INVALID_VERSION',
    });
    await expect(verifyAppUpdate(trust, { version: '0.2.0', os: 'linux', arch: 'mips', file })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('refuses when the portal’s catalog does not chain to the root the app trusts', async () => {
    const other = join(demo.dir, 'other-vendor');
    await initKeys(join(other, 'keys'));
    await initRepository({ repoDir: join(other, 'tuf'), keysDir: join(other, 'keys') });
    const rootFile = join(demo.dir, 'other-root.json');
    await copyFile(join(other, 'tuf', '1.root.json'), rootFile);
    const stranger = new Trust({ dataDirectory: join(demo.dir, 'stranger'), portalUrl: demo.url, rootFile });
    const file = await downloaded(NAME, signed.bytes);
    await expect(verifyAppUpdate(stranger, { version: '0.2.0', os: 'linux', arch: 'x64', file })).rejects.toMatchObject(
      { code: 'UNTRUSTED_PORTAL' },
    );
  });
});
