/**
 * The manager's own updates, end to end on a real demo portal: the vendor publishes installers with
 * `hicare-portal publish-app`; electron-updater's generic provider reads the feed the portal serves and finds the
 * newest release with the installer's real sha512 and size; the installer streams whole, by range and as HEAD; no
 * other name is served; customers never see the manager among their releases; and the app's trust still reads the
 * signed catalog it shares with them.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestTransform } from 'builder-util-runtime';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import type { SystemEntitlement } from '../../../shared/contracts/entitlement.js';
import { packagePath } from '../../../shared/contracts/portal-api.js';
import { publishAppRelease } from '../../../portal/app-updates/publish-app.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { rawRequest } from '../portal-files/helpers.js';
import { installer, publishApp, readFeed, sha256Hex, sha512Base64, signedVersions } from './helpers.js';

const MiB = 1024 * 1024;
const APPIMAGE = 'hicare-update-manager-0.2.0-x86_64.AppImage';
const NOTES = 'Starts faster.\nThe tray shows the count again — on KDE too: “fixed”.';
const PUBLISHED_AT = '2026-04-02T08:15:00.000Z';

let demo: DemoPortal;
let work = '';
let appImage: { path: string; bytes: Buffer };
let zip: { path: string; bytes: Buffer };
let cli: { code: number | null; stdout: string; stderr: string };

async function customerToken(): Promise<string> {
  const admin = demo.seed.accounts.find((a) => a.role === 'customer-admin');
  const res = await fetch(`${demo.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin?.email, password: admin?.password }),
  });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  demo = await startDemoPortal();
  work = join(demo.dir, 'installers');
  await mkdir(work);
  appImage = await installer(work, APPIMAGE, 3 * MiB + 123);
  // The vendor's CLI, as a separate process next to the running portal.
  cli = await publishApp(demo.portal.layout.dataDirectory, [
    '--file',
    appImage.path,
    '--version',
    '0.2.0',
    '--os',
    'linux',
    '--arch',
    'x64',
    '--notes',
    NOTES,
  ]);

  // The rest through the admin function the command runs: an older and a prerelease version next to it, another
  // architecture, and a macOS release with the zip Squirrel.Mac installs from and the dmg people download.
  const catalog = demo.portal.catalog;
  const publish = async (name: string, version: string, os: string, arch: string, size = 64 * 1024) => {
    const file = await installer(work, name, size);
    await publishAppRelease(
      catalog,
      { file: file.path, version, os, arch, notes: `Release ${version}.`, publishedAt: PUBLISHED_AT },
      new Date(),
    );
    return file;
  };
  await publish('hicare-update-manager-0.1.5-x86_64.AppImage', '0.1.5', 'linux', 'x64');
  await publish('hicare-update-manager-0.3.0-rc.1-x86_64.AppImage', '0.3.0-rc.1', 'linux', 'x64');
  await publish('hicare-update-manager-0.2.0-arm64.AppImage', '0.2.0', 'linux', 'arm64');
  await publish('hicare-update-manager-0.2.0-mac-arm64.dmg', '0.2.0', 'mac', 'arm64');
  zip = await publish('hicare-update-manager-0.2.0-mac-arm64.zip', '0.2.0', 'mac', 'arm64', 200 * 1024);
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

describe('publish-app', () => {
  it('signs the installer as hicare-update-manager/<version>/<os>-<arch>/<file> and says where it is served', async () => {
    expect(cli.code, cli.stderr).toBe(0);
    const name = `hicare-update-manager/0.2.0/linux-x64/${APPIMAGE}`;
    expect(cli.stdout).toContain(
      `Published ${name} (${appImage.bytes.length} bytes, sha256 ${sha256Hex(appImage.bytes)})`,
    );
    expect(cli.stdout).toContain('/app-updates/linux/x64/');
    expect((await signedVersions(demo.portal.layout.repoDir)).names).toContain(name);
  });
});

describe('the feed, as electron-updater reads it', () => {
  it('names the newest generally available release with the installer’s sha512, size, date and notes', async () => {
    const { info, files } = await readFeed(demo.url, 'linux', 'x64', 'linux');
    expect(info.version).toBe('0.2.0');
    expect(info.path).toBe(APPIMAGE);
    expect(info.sha512).toBe(sha512Base64(appImage.bytes));
    expect(info.files).toEqual([{ url: APPIMAGE, sha512: sha512Base64(appImage.bytes), size: appImage.bytes.length }]);
    expect(Date.parse(info.releaseDate)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(info.releaseNotes).toBe(NOTES);
    expect(files.map((f) => f.url.href)).toEqual([`${demo.url}/app-updates/linux/x64/${APPIMAGE}`]);
  });

  it('serves the bytes electron-updater then accepts against that sha512', async () => {
    const { files } = await readFeed(demo.url, 'linux', 'x64', 'linux');
    const file = files[0]!;
    const res = await fetch(file.url);
    expect(res.status).toBe(200);
    let received = 0;
    // electron-updater's own check of a download against the channel file's sha512.
    await pipeline(
      Readable.fromWeb(res.body as never),
      new DigestTransform(file.info.sha512, 'sha512', 'base64'),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          received += chunk.length;
          done();
        },
      }),
    );
    expect(received).toBe(appImage.bytes.length);
  });

  it('answers the channel file each platform asks for, and nothing is published for the others', async () => {
    const arm = await readFeed(demo.url, 'linux', 'arm64', 'linux', 'arm64');
    expect([arm.info.version, arm.info.path]).toEqual(['0.2.0', 'hicare-update-manager-0.2.0-arm64.AppImage']);
    const mac = await readFeed(demo.url, 'mac', 'arm64', 'darwin', 'arm64');
    // Squirrel.Mac installs from the zip: it is the release's path, the dmg is listed after it.
    expect(mac.info.path).toBe('hicare-update-manager-0.2.0-mac-arm64.zip');
    expect(mac.info.sha512).toBe(sha512Base64(zip.bytes));
    expect(mac.info.files.map((f) => f.url)).toEqual([
      'hicare-update-manager-0.2.0-mac-arm64.zip',
      'hicare-update-manager-0.2.0-mac-arm64.dmg',
    ]);
    expect(mac.info.releaseDate).toBe(PUBLISHED_AT);
    await expect(readFeed(demo.url, 'win', 'x64', 'win32')).rejects.toMatchObject({
      code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    });
    const none = await rawRequest(demo.url, '/app-updates/win/x64/latest.yml');
    expect(none.status).toBe(404);
    expect(JSON.parse(none.body.toString())).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No release of the manager is published for win-x64.',
    });
  });

  it('makes every check revalidate the channel file, and answers HEAD and If-None-Match', async () => {
    const path = '/app-updates/linux/x64/latest-linux.yml';
    const get = await rawRequest(demo.url, path);
    expect(get.headers['cache-control']).toBe('no-cache');
    expect(get.headers['content-type']).toMatch(/^application\/yaml/);
    const head = await rawRequest(demo.url, path, { method: 'HEAD' });
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(get.body.length)]);
    const again = await rawRequest(demo.url, path, { headers: { 'if-none-match': String(get.headers.etag) } });
    expect([again.status, again.body.length]).toEqual([304, 0]);
  });
});

describe('the installer', () => {
  const path = `/app-updates/linux/x64/${APPIMAGE}`;

  it('streams whole, and from a byte range as a resumed download asks', async () => {
    const whole = await rawRequest(demo.url, path);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(appImage.bytes)).toBe(true);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const start = 2 * MiB + 7;
    const part = await rawRequest(demo.url, path, {
      headers: { range: `bytes=${start}-`, 'if-range': String(whole.headers.etag) },
    });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes ${start}-${appImage.bytes.length - 1}/${appImage.bytes.length}`);
    expect(part.body.equals(appImage.bytes.subarray(start))).toBe(true);
  });

  it('answers HEAD with its length and no bytes', async () => {
    const head = await rawRequest(demo.url, path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(appImage.bytes.length));
    expect(head.headers.etag).toBe(`"sha256-${sha256Hex(appImage.bytes)}"`);
    expect(head.body.length).toBe(0);
  });

  it.each([
    ['a traversal out of the feed', '/app-updates/linux/x64/../../../tuf/root.json'],
    ['an encoded traversal to the keys', '/app-updates/linux/x64/..%2F..%2F..%2Fkeys%2Fonline%2Ftargets.pem'],
    ['an encoded dot segment', '/app-updates/linux/x64/%2e%2e/%2e%2e/tuf/timestamp.json'],
    ['a path below the installer', `/app-updates/linux/x64/${APPIMAGE}/x`],
    ['the installer under another architecture', `/app-updates/linux/arm64/${APPIMAGE}`],
    // {sha256} is the installer's: only known once it is made.
    ['the stored, hash-prefixed name', `/app-updates/linux/x64/{sha256}.${APPIMAGE}`],
    ['a customer package', '/app-updates/linux/x64/atlas-1.9.0-linux-x64.tar.gz'],
    ['another platform’s channel file', '/app-updates/linux/x64/latest.yml'],
    ['an unknown operating system', '/app-updates/bsd/x64/latest-linux.yml'],
    ['an unknown architecture', '/app-updates/linux/mips/latest-linux.yml'],
    ['the feed’s directory', '/app-updates/linux/x64/'],
    ['the top of the feed', '/app-updates/'],
  ])('%s is the coded 404, with no bytes of any file', async (_what, requested) => {
    const res = await rawRequest(demo.url, requested.replace('{sha256}', sha256Hex(appImage.bytes)));
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.body.length).toBeLessThan(1024);
  });
});

describe('customers', () => {
  const appTarget = `hicare-update-manager/0.2.0/linux-x64/${APPIMAGE}`;

  it('never see the manager among the releases, the entitlement verdicts or the packages', async () => {
    const token = await customerToken();
    const headers = { authorization: `Bearer ${token}` };
    const manager = (await (
      await fetch(`${demo.url}/api/v1/products/hicare-update-manager/releases`, { headers })
    ).json()) as { releases: ReleaseTarget[] };
    expect(manager.releases).toEqual([]);
    const serials = demo.seed.customers.flatMap((c) => c.systems.map((s) => s.serialNumber));
    let listed = 0;
    for (const serial of serials) {
      const res = await fetch(`${demo.url}/api/v1/systems/${serial}/entitlement`, { headers });
      if (res.status !== 200) continue; // the other customer's systems
      const body = (await res.json()) as SystemEntitlement;
      listed += body.releases.length;
      expect(body.releases.map((r) => r.target.name).filter((n) => n.startsWith('hicare-update-manager/'))).toEqual([]);
    }
    expect(listed).toBeGreaterThan(0);
    const bytes = await fetch(`${demo.url}${packagePath(appTarget)}`, { headers });
    expect(bytes.status).toBe(404);
    expect(((await bytes.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it('keep their app’s view of the signed catalog: every customer release, none of the manager’s', async () => {
    const { client } = await demo.client();
    const targets = await client.trust.allTargets('all');
    expect(targets).toHaveLength(demo.seed.targets);
    expect(targets.filter((t) => t.name.startsWith('hicare-update-manager/'))).toEqual([]);
    await expect(client.trust.verifiedTarget(appTarget)).rejects.toMatchObject({ code: 'TRUST_METADATA_INVALID' });
    const admin = demo.seed.accounts.find((a) => a.role === 'customer-admin');
    await client.login(admin?.email ?? '', admin?.password ?? '');
    const resolutions = await client.check();
    expect(resolutions.length).toBeGreaterThan(0);
    expect(JSON.stringify(resolutions)).not.toContain('hicare-update-manager');
  });
});
