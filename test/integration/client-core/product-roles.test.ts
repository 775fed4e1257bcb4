/**
 * A customer's catalog is its products' delegated roles: counted at a loopback server, a client listing products A
 * and B fetches and verifies A's and B's roles and never C's; a new release of A is seen after a refresh while B's
 * unchanged role is not fetched again; a product role signed by another key, or altered after signing, is refused
 * with a coded error naming the product, and nothing of that listing is returned. Lookups by name walk the same
 * delegations (tuf-js's own walk).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trust } from '../../../electron/core/trust/trust.js';
import { cleanup, serve, tempDir, type Served } from '../portal-tuf/helpers.js';
import { ProductCatalog, releaseName } from './product-catalog.js';

let catalog: ProductCatalog;
let served: Served;
let dataDir = '';

beforeEach(async () => {
  const repoDir = await tempDir('hicare-products-repo-');
  dataDir = await tempDir('hicare-products-client-');
  catalog = new ProductCatalog(repoDir);
  await catalog.create({ alpha: ['1.0.0', '1.1.0'], beta: ['2.0.0'], gamma: ['3.0.0', '3.1.0'] });
  served = await serve(repoDir);
});

afterEach(cleanup);

function trust(): Trust {
  return new Trust({
    dataDirectory: dataDir,
    portalUrl: served.metadataUrl,
    rootFile: join(catalog.repoDir, '1.root.json'),
  });
}

/** The product roles fetched since the last call. */
function fetchedRoles(): string[] {
  const roles = served.requests.map((path) => /\/\d+\.(product\.[^/]+)\.json$/.exec(path)?.[1]).filter(Boolean);
  served.requests.length = 0;
  return (roles as string[]).sort();
}

const names = (targets: readonly { name: string }[]) => targets.map((t) => t.name).sort();

describe("a customer's products", () => {
  it("lists A's and B's releases from their roles and never fetches C's", async () => {
    const client = trust();
    const listed = await client.allTargets(['alpha', 'beta']);
    expect(names(listed)).toEqual(
      [releaseName('alpha', '1.0.0'), releaseName('alpha', '1.1.0'), releaseName('beta', '2.0.0')].sort(),
    );
    expect(fetchedRoles()).toEqual(['product.alpha', 'product.beta']);
    // Listing again, or a product without a role, fetches nothing more.
    await client.allTargets(['alpha', 'beta', 'delta']);
    expect(fetchedRoles()).toEqual([]);
  });

  it("sees A's new release after a refresh while B's unchanged role is not fetched again", async () => {
    const client = trust();
    await client.allTargets(['alpha', 'beta']);
    fetchedRoles();
    await catalog.publish('alpha', '1.2.0');
    await client.refresh();
    const listed = await client.allTargets(['alpha', 'beta']);
    expect(names(listed)).toContain(releaseName('alpha', '1.2.0'));
    expect(fetchedRoles()).toEqual(['product.alpha']);
  });

  it("finds a release by name through its product's role, as a download does", async () => {
    const client = trust();
    const found = await client.verifiedTarget(releaseName('gamma', '3.1.0'));
    expect(found.custom).toMatchObject({ product: 'gamma', version: '3.1.0' });
    expect(fetchedRoles()).toEqual(['product.gamma']);
    await expect(client.verifiedTarget(releaseName('gamma', '7.0.0'))).rejects.toMatchObject({
      code: 'TARGET_UNKNOWN',
    });
  });

  it("lists every product's releases for a vendor's full listing", async () => {
    const listed = await trust().allTargets('all');
    expect(listed).toHaveLength(5);
    expect(fetchedRoles()).toEqual(['product.alpha', 'product.beta', 'product.gamma']);
  });

  it.each([
    ['stranger', 'UNTRUSTED_PORTAL.unsignedMetadata'],
    ['altered', 'TRUST_METADATA_INVALID.mixed'],
  ] as const)('refuses a product role %s, naming the product, and lists nothing', async (how, key) => {
    await catalog.tamper('beta', how);
    const client = trust();
    const refusal = await client.allTargets(['alpha', 'beta']).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ key, params: { role: 'product', product: 'beta' } });
    expect((refusal as Error).message).toContain('beta');
    // The other products are still listed; the refused role was not kept.
    expect(names(await client.allTargets(['alpha']))).toHaveLength(2);
    await expect(client.verifiedTarget(releaseName('beta', '9.9.9'))).rejects.toMatchObject({
      code: expect.stringMatching(/UNTRUSTED_PORTAL|TRUST_METADATA_INVALID/) as unknown,
    });
  });
});
