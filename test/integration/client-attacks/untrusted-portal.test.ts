/**
 * A portal whose metadata does not chain to the root the app trusts — the app's shipped vendor root, or another
 * portal's root — is refused on the first check, and nothing of it is trusted silently: no metadata kept, no
 * catalog answered, no package fetched, and a second try is refused the same way (no trust on first use).
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_ROOT } from '../../../electron/core/client/hicare-client.js';
import { initKeys } from '../../../portal/tuf/keys.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { ATLAS_SYSTEM, CUSTOMER, openClient } from './customer-client.js';
import { expectRefused, filesIn, footprint } from './nothing-installed.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';

let demo: DemoPortal;
/** The root of another portal: its own keys, its own repository. */
let otherRoot: string;

beforeAll(async () => {
  demo = await startDemoPortal();
  const other = await mkdtemp(join(demo.dir, 'other-portal-'));
  await initKeys(join(other, 'keys'));
  await initRepository({ repoDir: join(other, 'tuf'), keysDir: join(other, 'keys') });
  otherRoot = join(other, 'tuf', '1.root.json');
}, 60_000);
afterAll(async () => demo.close());

describe('a portal that does not chain to the trusted root', () => {
  it.each([
    ['the vendor root shipped with the app', () => SHIPPED_ROOT],
    ['another portal’s root', () => otherRoot],
  ])('is refused when the app trusts %s', async (_which, root) => {
    const { client, dataDirectory } = openClient(demo, { portalUrl: demo.url, trustRoot: root() });
    // Signing in is the portal's JSON API, which TLS (not TUF) protects: it works, and proves nothing about the catalog.
    await client.login(CUSTOMER, demo.password(CUSTOMER));
    const before = await footprint(client, dataDirectory);
    const refused = await expectRefused(client.check(), 'UNTRUSTED_PORTAL', { client, dataDirectory, before });
    expect(refused.message).toMatch(/not signed by keys this computer trusts/);

    // Nothing of the portal's metadata was kept: only the trusted root and its pin.
    const [trustDir] = await readdir(join(dataDirectory, 'trust'));
    expect((await readdir(join(dataDirectory, 'trust', trustDir!))).sort()).toEqual([
      'root.json',
      'trusted-root.sha256',
    ]);
    expect(client.inventory.list()).toEqual([]);

    // Asked again, by another route, it is refused again.
    await expect(client.trust.allTargets('all')).rejects.toMatchObject({ code: 'UNTRUSTED_PORTAL' });
    await expectRefused(client.download(ATLAS_190, { serialNumber: ATLAS_SYSTEM }), 'UNTRUSTED_PORTAL', {
      client,
      dataDirectory,
      before: await footprint(client, dataDirectory),
    });
    await expectRefused(client.check(), 'UNTRUSTED_PORTAL', {
      client,
      dataDirectory,
      before: await footprint(client, dataDirectory),
    });
    expect(await filesIn(join(dataDirectory, 'packages'))).toEqual([]);
  });
});
