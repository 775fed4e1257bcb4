/**
 * The desktop tells the portal what each system runs: after a successful install and after an entered version, at
 * once when the portal answers, else queued on disk and sent with the next call that reaches it — recorded once, even
 * when the first answer was lost. Entered versions are the catalog's, or marked as outside it when confirmed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HicareClient } from '../../../electron/core/client/hicare-client.js';
import { listInstalledVersions, listReports } from '../../../portal/db/installed-versions.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { startDemoPortal, type DemoPortal } from './demo-portal.js';

const CUSTOMER = 'admin@contoso.example';
const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const REPORTS = /^\/api\/v1\/systems\/[^/]+\/installed$/;

let demo: DemoPortal;
let proxy: PortalProxy;
let client: HicareClient;

async function reportsOf(serial: string, version: string) {
  return (await listReports(demo.portal.db, serial)).filter((r) => r.version === version);
}

beforeAll(async () => {
  demo = await startDemoPortal();
  proxy = await PortalProxy.start(demo.url);
  ({ client } = await demo.client({ portalUrl: proxy.url, platform: 'linux-x64' }));
  await client.login(CUSTOMER, demo.password(CUSTOMER));
  await client.systems();
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await demo?.close();
});

describe('installation reports from the desktop', () => {
  it('reports a successful install to the portal, which records the system’s new version', async () => {
    const result = await client.install(ATLAS_190, 'CG-ATL-0001');
    expect(result.detectedVersion).toBe('1.9.0');
    expect(await reportsOf('CG-ATL-0001', '1.9.0')).toEqual([
      expect.objectContaining({ how: 'installed', notInCatalog: false }),
    ]);
    expect((await listInstalledVersions(demo.portal.db, ['CG-ATL-0001']))[0]).toMatchObject({
      installedVersion: '1.9.0',
      how: 'installed',
    });
    expect(await client.installReports.list()).toEqual([]);
  });

  it('queues a report while the portal cannot take it, and sends it once when the portal answers again', async () => {
    proxy.rule = (req) =>
      req.method === 'POST' && REPORTS.test(req.url ?? '')
        ? { kind: 'answer', status: 503, contentType: 'text/plain', body: 'down for maintenance' }
        : undefined;
    const system = await client.setVersion('CG-BCN-0001', '2.1.4');
    expect(system).toMatchObject({ installedVersion: '2.1.4', versionSource: 'entered' });
    expect(await reportsOf('CG-BCN-0001', '2.1.4')).toEqual([]);
    expect((await client.installReports.list()).map((r) => [r.serialNumber, r.report.version, r.report.how])).toEqual([
      ['CG-BCN-0001', '2.1.4', 'entered'],
    ]);

    proxy.rule = undefined;
    await client.check();
    expect(await reportsOf('CG-BCN-0001', '2.1.4')).toHaveLength(1);
    expect(await client.installReports.list()).toEqual([]);
    await client.check();
    expect(await reportsOf('CG-BCN-0001', '2.1.4')).toHaveLength(1);
  });

  it('records a report once when the portal stored it but its answer was lost', async () => {
    // The portal receives every attempt; the answers never come back.
    proxy.rule = (req) =>
      req.method === 'POST' && REPORTS.test(req.url ?? '') ? { kind: 'forward', cutAfter: 0 } : undefined;
    await client.setVersion('CG-BCN-0001', '2.0.0');
    expect(await client.installReports.list()).toHaveLength(1);
    proxy.rule = undefined;
    await client.systems();
    expect(await client.installReports.list()).toEqual([]);
    expect(await reportsOf('CG-BCN-0001', '2.0.0')).toHaveLength(1);
  });

  it('skips a queued report cut short by a crash, and sends the others', async () => {
    await mkdir(client.installReports.dir, { recursive: true });
    await writeFile(join(client.installReports.dir, 'cut-short.json'), '{"id":"0b6f');
    proxy.rule = (req) =>
      req.method === 'POST' && REPORTS.test(req.url ?? '')
        ? { kind: 'answer', status: 503, contentType: 'text/plain', body: 'busy' }
        : undefined;
    await client.setVersion('CG-BCN-0001', '1.6.3');
    proxy.rule = undefined;
    await expect(client.systems()).resolves.toHaveLength(3);
    expect(await client.installReports.list()).toEqual([]);
    expect(await reportsOf('CG-BCN-0001', '1.6.3')).toHaveLength(1);
  });

  it('refuses a version the catalog does not have unless confirmed, and then marks it', async () => {
    const before = client.inventory.get('CG-COB-0001');
    const refused = await client.setVersion('CG-COB-0001', '9.9.9').then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string; remedy: string },
    );
    expect(refused).toMatchObject({ code: 'VERSION_NOT_IN_CATALOG', message: expect.stringContaining('9.9.9') });
    expect(refused?.remedy).toContain('4.0.0, 4.1.0, 4.2.0, 4.2.1');
    // Nothing changed (the sync before the check only refreshes when the portal's record was read).
    const after = client.inventory.get('CG-COB-0001');
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    expect(await reportsOf('CG-COB-0001', '9.9.9')).toEqual([]);
    expect(await client.installReports.list()).toEqual([]);

    const marked = await client.setVersion('CG-COB-0001', '9.9.9', { notInCatalog: true });
    expect(marked).toMatchObject({ installedVersion: '9.9.9', versionSource: 'entered', notInCatalog: true });
    expect(await reportsOf('CG-COB-0001', '9.9.9')).toEqual([
      expect.objectContaining({ how: 'entered', notInCatalog: true }),
    ]);
    const resolution = (await client.check()).find((r) => r.system.serialNumber === 'CG-COB-0001');
    expect(resolution?.system.notInCatalog).toBe(true);
    // A catalog version entered later drops the mark.
    expect(await client.setVersion('CG-COB-0001', '4.2.0')).not.toHaveProperty('notInCatalog');
  });
});
