/**
 * The portal and the client build the same releases from the same signed catalog: the portal from its repository
 * (what its verdicts judge), the client's resolver from the targets it verified over TUF. Were they to differ, the
 * app would offer a path the portal then refuses, or hide one it allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { productReleases } from '../../../electron/core/resolver/resolver.js';
import type { HicareClient } from '../../../electron/core/client/hicare-client.js';
import { startDemoPortal, type DemoPortal } from './demo-portal.js';

const CUSTOMER = 'admin@contoso.example';

let demo: DemoPortal;
let client: HicareClient;
let verified: ReleaseTarget[];
beforeAll(async () => {
  demo = await startDemoPortal();
  ({ client } = await demo.client());
  await client.login(CUSTOMER, demo.password(CUSTOMER));
  verified = await client.trust.allTargets('all');
}, 60_000);
afterAll(async () => demo.close());

const byName = (a: ReleaseTarget, b: ReleaseTarget): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

describe('one signed catalog, one list of releases on both sides', () => {
  it('lists the same products on the portal and in what the client verified', async () => {
    const products = await demo.portal.catalog.products();
    expect(products.length).toBeGreaterThan(1);
    expect([...new Set(verified.map((t) => t.custom.product))].sort()).toEqual(products);
  });

  it('serves through its releases API exactly the targets the client verified', async () => {
    for (const product of await demo.portal.catalog.products()) {
      const served = (await client.portal.call('releases', { params: { product } })).releases;
      const mine = verified.filter((t) => t.custom.product === product);
      expect([...served].sort(byName), product).toEqual([...mine].sort(byName));
    }
  });

  it('assembles identical releases (versions, platforms, minUpgradeFrom, order) on the portal and in the resolver', async () => {
    let multiPlatform = 0;
    let withHop = 0;
    for (const product of await demo.portal.catalog.products()) {
      const portalReleases = (await demo.portal.catalog.product(product)).releases;
      const clientReleases = productReleases(verified.filter((t) => t.custom.product === product));
      expect(clientReleases, product).toEqual(portalReleases);
      multiPlatform += portalReleases.filter((r) => (r.platforms?.length ?? 0) > 1).length;
      withHop += portalReleases.filter((r) => r.minUpgradeFrom !== undefined).length;
    }
    // The comparison means something only if the demo catalog has releases built for several platforms and hops.
    expect(multiPlatform).toBeGreaterThan(0);
    expect(withHop).toBeGreaterThan(0);
  });

  it('assembles the same releases whatever order the client received the targets in', () => {
    const atlas = verified.filter((t) => t.custom.product === 'atlas');
    expect(productReleases([...atlas].reverse())).toEqual(productReleases(atlas));
  });
});
