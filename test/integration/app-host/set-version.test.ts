/**
 * Set version through the app API, as the Systems screen calls it: only a version of the product's catalog, or one
 * the admin confirms is not in it (then marked, never "up to date"); the app's remedy names the checkbox. Each
 * version entered is reported to the portal, and an allowed new major shows on the contract as licensed since then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReports } from '../../../portal/db/installed-versions.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';

let demo: DemoPortal;
let app: AppUnderTest;

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo, { firstCheckDelayMs: 3_600_000 });
  await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

describe('systems.setVersion', () => {
  it('refuses a version the catalog does not have, naming the checkbox and the known versions, and changes nothing', async () => {
    const error = await app.refused('systems.setVersion', { serialNumber: 'CG-BCN-0001', version: '9.9.9' });
    expect(error).toMatchObject({ code: 'VERSION_NOT_IN_CATALOG', message: expect.stringContaining('9.9.9') });
    expect(error.remedy).toContain('1.5.0, 1.6.3, 2.0.0, 2.1.4');
    expect(error.remedy).toContain('This version is not in the vendor’s catalog (installed by other means)');
    const { systems } = await app.call('systems.list', {});
    expect(systems.find((s) => s.serialNumber === 'CG-BCN-0001')).toMatchObject({
      installedVersion: '2.0.0',
      versionSource: 'portal',
    });
    expect((await listReports(demo.portal.db, 'CG-BCN-0001')).map((r) => r.version)).toEqual([]);
  });

  it('records a confirmed version outside the catalog as marked, and never calls it up to date', async () => {
    const system = await app.call('systems.setVersion', {
      serialNumber: 'CG-BCN-0001',
      version: '9.9.9',
      notInCatalog: true,
    });
    expect(system).toMatchObject({ installedVersion: '9.9.9', versionSource: 'entered', notInCatalog: true });
    const { resolutions } = await app.call('updates.check', {});
    expect(resolutions.find((r) => r.system.serialNumber === 'CG-BCN-0001')?.system).toMatchObject({
      installedVersion: '9.9.9',
      notInCatalog: true,
    });
    expect((await listReports(demo.portal.db, 'CG-BCN-0001')).map((r) => [r.version, r.how, r.notInCatalog])).toEqual([
      ['9.9.9', 'entered', true],
    ]);
  });

  it('reports an entered new major the contract allows, and the contract then shows the licence since that day', async () => {
    await app.call('systems.setVersion', { serialNumber: 'CG-ATL-0001', version: '2.3.1' });
    const { contracts } = await app.call('contracts.list', {});
    expect(contracts[0]?.licensedMajors['atlas']).toBe(2);
    expect(contracts[0]?.licenceAdvances).toEqual([
      expect.objectContaining({ product: 'atlas', major: 2, serialNumber: 'CG-ATL-0001', version: '2.3.1' }),
    ]);
  });
});
