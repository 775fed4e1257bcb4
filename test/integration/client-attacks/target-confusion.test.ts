/**
 * A validly signed package offered for the wrong thing: another product's or another platform's build installed on
 * a system (refused before a byte is fetched), and a portal whose JSON API describes a package differently from the
 * signed catalog (refused when the listing is confirmed). Nothing is installed.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { ATLAS_SYSTEM, customerClient } from './customer-client.js';
import { expectRefused, filesIn, footprint } from './nothing-installed.js';
import { PortalProxy } from './portal-proxy.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';

let demo: DemoPortal;
let proxy: PortalProxy;

beforeAll(async () => {
  demo = await startDemoPortal();
  proxy = await PortalProxy.start(demo.url);
}, 60_000);
afterEach(() => {
  proxy.rule = undefined;
});
afterAll(async () => {
  await proxy.close();
  await demo.close();
});

const packageRequests = (): string[] => proxy.requests.filter((r) => r.includes('/api/v1/packages/'));

describe('a signed package for another product or platform', () => {
  it.each([
    ['another product (cobalt on an atlas system)', 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz'],
    ['another platform (the Windows build on a linux system)', 'atlas/1.9.0/win-x64/atlas-1.9.0-win-x64.tar.gz'],
    ['another platform (the macOS build on a linux system)', 'atlas/1.9.0/mac-x64/atlas-1.9.0-mac-x64.tar.gz'],
  ])('is not installed: %s', async (_what, name) => {
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url });
    const before = await footprint(client, dataDirectory);
    const fetched = packageRequests().length;
    const error = await expectRefused(client.install(name, ATLAS_SYSTEM), 'PACKAGE_NOT_FOR_SYSTEM', {
      client,
      dataDirectory,
      before,
    });
    expect(error.message).toContain(ATLAS_SYSTEM);
    expect(error.remedy).toMatch(/Nothing was installed/);
    // Refused from the signed facts alone: the portal was never asked for the bytes.
    expect(packageRequests()).toHaveLength(fetched);
    expect(await filesIn(join(dataDirectory, 'packages'))).toEqual([]);
  });
});

describe('a portal whose API lists a package differently from the signed catalog', () => {
  type Listing = { releases: ReleaseTarget[] };
  const lie = (change: (target: ReleaseTarget, all: ReleaseTarget[]) => void) => (body: Buffer) => {
    const listing = JSON.parse(body.toString('utf8')) as Listing;
    const target = listing.releases.find((t) => t.name === ATLAS_190);
    if (target !== undefined) change(target, listing.releases);
    return Buffer.from(JSON.stringify(listing));
  };

  it('is believed only where it matches: the honest listing confirms', async () => {
    const { client } = await customerClient(demo, { portalUrl: proxy.url });
    const { releases } = await client.portal.call('releases', { params: { product: 'atlas' } });
    const listed = releases.find((t) => t.name === ATLAS_190);
    expect((await client.trust.confirm(listed!)).sha256).toBe(listed?.sha256);
  });

  it.each([
    ['a newer version than the signed one', 'version', (t: ReleaseTarget) => void (t.custom.version = '2.3.1')],
    ['another platform', 'platform', (t: ReleaseTarget) => void (t.custom.platform = 'win')],
    ['another product', 'product', (t: ReleaseTarget) => void (t.custom.product = 'cobalt')],
    [
      'the hash of another signed package',
      'sha256',
      (t: ReleaseTarget, all: ReleaseTarget[]) => void (t.sha256 = all.find((o) => o.name !== t.name)!.sha256),
    ],
    ['another length', 'length', (t: ReleaseTarget) => void (t.length += 1)],
  ])('is refused when it claims %s', async (_what, field, change) => {
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url });
    proxy.rule = (req) =>
      (req.url ?? '').startsWith('/api/v1/products/atlas/releases')
        ? { kind: 'forward', body: lie(change) }
        : undefined;
    const { releases } = await client.portal.call('releases', { params: { product: 'atlas' } });
    const listed = releases.find((t) => t.name === ATLAS_190);
    expect(listed).toBeDefined();
    const before = await footprint(client, dataDirectory);
    const error = await expectRefused(client.trust.confirm(listed!), 'TARGET_MISMATCH', {
      client,
      dataDirectory,
      before,
      logged: false,
    });
    expect(error.details?.['field']).toBe(field);
    expect(error.remedy).toMatch(/Nothing was downloaded or installed/);
  });
});
