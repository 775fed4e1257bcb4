/**
 * A release the vendor withdraws stops being offered by the desktop itself, not only refused by the package route:
 * the core learns withdrawals from the portal, judges the release with RELEASE_WITHDRAWN and its remedy, tells the
 * system that downloaded it not to install it, and keeps the last list it learned while the portal cannot answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HicareClient } from '../../../electron/core/client/hicare-client.js';
import type { SystemResolution } from '../../../electron/core/resolver/resolver.js';
import { commandLineActor } from '../../../portal/admin/audit.js';
import { restoreRelease, withdrawRelease, type ReleasesContext } from '../../../portal/admin/releases.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { startDemoPortal, type DemoPortal } from './demo-portal.js';

const CONTOSO = 'admin@contoso.example';
const NORTHWIND = 'admin@northwind.example';
const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const REASON = 'The 1.9.0 installer can stop the archiver on systems with more than 64 channels.';

let demo: DemoPortal;
let proxy: PortalProxy;
let contoso: HicareClient;
let northwind: HicareClient;
let releases: ReleasesContext;

function atlas190(resolutions: SystemResolution[], serialNumber: string) {
  const system = resolutions.find((r) => r.system.serialNumber === serialNumber);
  return [...(system?.updates ?? []), ...(system?.upgrades ?? [])].find((c) => c.target.name === ATLAS_190);
}

beforeAll(async () => {
  demo = await startDemoPortal();
  proxy = await PortalProxy.start(demo.url);
  ({ client: contoso } = await demo.client({ platform: 'linux-x64' }));
  ({ client: northwind } = await demo.client({ portalUrl: proxy.url, platform: 'linux-x64' }));
  await contoso.login(CONTOSO, demo.password(CONTOSO));
  await northwind.login(NORTHWIND, demo.password(NORTHWIND));
  releases = { db: demo.portal.db, catalog: demo.portal.catalog, now: () => new Date() };
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await demo?.close();
});

describe('a withdrawn release on the desktop', () => {
  it('stops offering it with the coded reason, and tells the system that downloaded it not to install it', async () => {
    expect(atlas190(await contoso.check(), 'CG-ATL-0001')?.verdict.allowed).toBe(true);
    expect(atlas190(await northwind.check(), 'NW-ATL-0001')?.verdict.allowed).toBe(true);
    await contoso.systems();
    await contoso.download(ATLAS_190, { serialNumber: 'CG-ATL-0001' });

    await withdrawRelease(releases, commandLineActor(), 'atlas', '1.9.0', REASON);

    const downloaded = atlas190(await contoso.check(), 'CG-ATL-0001');
    expect(downloaded?.verdict.allowed).toBe(false);
    expect(downloaded?.verdict.reasons).toEqual([
      expect.objectContaining({
        code: 'RELEASE_WITHDRAWN',
        message: expect.stringContaining(REASON),
        remedy: expect.stringMatching(/another release/),
      }),
    ]);
    expect(downloaded?.withdrawn).toEqual({
      at: expect.any(String),
      reason: REASON,
      downloadedAt: expect.any(String),
    });
    expect(downloaded!.withdrawn!.downloadedAt < downloaded!.withdrawn!.at).toBe(true);

    const other = atlas190(await northwind.check(), 'NW-ATL-0001');
    expect(other?.verdict.allowed).toBe(false);
    expect(other?.verdict.reasons.map((r) => r.code)).toEqual(['RELEASE_WITHDRAWN']);
    // Another customer's download is not this system's: no notice, and nothing of who downloaded it.
    expect(other?.withdrawn).toBeUndefined();
  });

  it('keeps the last withdrawals it learned while the portal cannot answer for them', async () => {
    proxy.rule = (req) =>
      (req.url ?? '').startsWith('/api/v1/withdrawals')
        ? { kind: 'answer', status: 503, contentType: 'text/plain', body: 'down for maintenance' }
        : undefined;
    try {
      const other = atlas190(await northwind.check(), 'NW-ATL-0001');
      expect(other?.verdict.reasons.map((r) => r.code)).toEqual(['RELEASE_WITHDRAWN']);
    } finally {
      proxy.rule = undefined;
    }
  });

  it('offers it again once the vendor restores it', async () => {
    await restoreRelease(releases, commandLineActor(), 'atlas', '1.9.0');
    expect(atlas190(await northwind.check(), 'NW-ATL-0001')?.verdict.allowed).toBe(true);
    const downloaded = atlas190(await contoso.check(), 'CG-ATL-0001');
    expect(downloaded?.verdict.allowed).toBe(true);
    expect(downloaded?.withdrawn).toBeUndefined();
  });
});
