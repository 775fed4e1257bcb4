/**
 * The catalog as clients read it: the release list of a product with its signed custom metadata, the TUF metadata
 * under /tuf/ (cache headers, what is never served there), a real tuf-js client refreshing through the portal, and
 * the timestamp the portal re-signs by itself before it expires.
 */
import { expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { hashedTargetPath } from '../../../portal/tuf/target-name.js';
import { DEMO_LIFECYCLES, DEMO_RELEASES } from '../../../portal/demo/catalog.js';
import { coded, describePortal, ENGINEER, NW_ADMIN, type Reply, type TestPortal } from './harness.js';
import { portalTufClient } from './tuf-client.js';

const HOUR = 3_600_000;

interface SignedTimestamp {
  signed: { _type: string; version: number; expires: string };
  signatures: unknown[];
}

/** `max-age` of a Cache-Control header, or undefined when it has none. */
function maxAge(reply: Reply): number | undefined {
  const m = /(?:^|,)\s*max-age=(\d+)/.exec(reply.headers.get('cache-control') ?? '');
  return m === null ? undefined : Number(m[1]);
}

async function withClock<T>(t: TestPortal, at: Date, fn: () => Promise<T>): Promise<T> {
  const before = t.clock.now;
  t.clock.now = at;
  try {
    return await fn();
  } finally {
    t.clock.now = before;
  }
}

describePortal('catalog and TUF metadata', (t) => {
  it('lists every atlas build with its signed custom metadata, lifecycle included, newest first', async () => {
    const reply = await t.request<{ releases: ReleaseTarget[] }>('GET', '/api/v1/products/atlas/releases', {
      token: await t.signIn(ENGINEER),
    });
    expect(reply.status).toBe(200);
    const atlas = DEMO_RELEASES.filter((r) => r.product === 'atlas');
    const expected = atlas.flatMap((r) =>
      r.platforms.map(
        (p) => `atlas/${r.version}/${p.platform}-${p.arch}/atlas-${r.version}-${p.platform}-${p.arch}.tar.gz`,
      ),
    );
    expect(reply.body.releases.map((r) => r.name).sort()).toEqual([...expected].sort());
    expect(reply.body.releases[0]?.custom.version).toBe('3.0.0-rc.1');
    expect(reply.body.releases.at(-1)?.custom.version).toBe('1.4.2');

    for (const target of reply.body.releases) {
      const release = atlas.find((r) => r.version === target.custom.version);
      expect(target.length).toBeGreaterThan(0);
      expect(target.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(target.custom).toMatchObject({
        product: 'atlas',
        publishedAt: release?.publishedAt,
        notes: release?.notes,
      });
      expect(target.custom.minUpgradeFrom).toBe(release?.minUpgradeFrom);
      expect(target.custom.installer.type).toBeTruthy();
      expect(target.custom.detection.kind).toBeTruthy();
      const major = Number(target.custom.version.split('.')[0]);
      // 3.0.0-rc.1's line has not reached GA, so it carries no lifecycle.
      expect(target.custom.lifecycle).toEqual(DEMO_LIFECYCLES.find((l) => l.product === 'atlas' && l.major === major));
    }
    const unknown = await t.request<{ releases: ReleaseTarget[] }>('GET', '/api/v1/products/zephyr/releases', {
      token: await t.signIn(NW_ADMIN),
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.releases).toEqual([]);
    expect((await t.request('GET', '/api/v1/products/atlas/releases')).status).toBe(401);
  });

  it('serves the timestamp for revalidation and versioned metadata as immutable', async () => {
    const timestamp = await t.request<SignedTimestamp>('GET', '/tuf/timestamp.json');
    expect(timestamp.status).toBe(200);
    expect(timestamp.headers.get('content-type')).toMatch(/^application\/json/);
    expect(timestamp.body.signed._type).toBe('timestamp');
    // The one entry point changes in place: a cache may keep it only briefly, or must revalidate.
    const cache = timestamp.headers.get('cache-control') ?? '';
    expect(cache).not.toMatch(/immutable/);
    expect(/no-cache|no-store/.test(cache) || (maxAge(timestamp) ?? Infinity) <= 300).toBe(true);
    // Revalidating costs nothing while it is unchanged.
    const etag = timestamp.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await t.request('GET', '/tuf/timestamp.json', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);

    const root = await t.request<{ signed: { _type: string; version: number } }>('GET', '/tuf/1.root.json');
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/^application\/json/);
    expect(root.body.signed).toMatchObject({ _type: 'root', version: 1 });
    // A versioned file never changes once written, so caches may keep it.
    expect(root.headers.get('cache-control')).toMatch(/immutable/);
    expect(maxAge(root) ?? 0).toBeGreaterThanOrEqual(24 * 3600);
    // Public metadata: no token needed, and a token changes nothing.
    expect((await t.request('GET', '/tuf/1.root.json', { token: 'not-a-token' })).status).toBe(200);
  });

  it('lets a real tuf-js client that trusts the first root refresh through the portal and find atlas 1.9.0', async () => {
    // tuf-js checks expiry against the real clock: when that is past the seed's, the portal re-signs first, as its scheduler would.
    const real = new Date();
    if (real.getTime() > t.clock.now.getTime()) await withClock(t, real, () => t.portal.refreshMetadata());
    const client = await portalTufClient(t.url, t.portal.layout.repoDir);
    try {
      const updater = client.updater();
      await updater.refresh();
      const name = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
      const info = await updater.getTargetInfo(name);
      expect(info?.custom).toMatchObject({ product: 'atlas', version: '1.9.0', platform: 'linux', arch: 'x64' });
      const listed = await t.request<{ releases: ReleaseTarget[] }>('GET', '/api/v1/products/atlas/releases', {
        token: await t.signIn(ENGINEER),
      });
      const target = listed.body.releases.find((r) => r.name === name);
      expect(info?.length).toBe(target?.length);
      expect(info?.hashes['sha256']).toBe(target?.sha256);
      expect(await updater.getTargetInfo('atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz')).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it.each([
    '/tuf/.lock',
    '/tuf/',
    '/tuf/targets/',
    '/tuf/nothing.json',
    '/tuf/../keys/online/targets.pem',
    '/tuf/%2e%2e/keys/online/targets.pem',
    '/tuf/..%2fkeys%2fonline%2ftargets.pem',
    '/tuf/..%5ckeys%5conline%5ctargets.pem',
    '/tuf/../portal.sqlite',
    '/tuf//etc/passwd',
  ])('serves nothing but metadata under /tuf/: %s → 404', async (path) => {
    const reply = await t.raw('GET', path);
    expect(reply.status).toBe(404);
    const text = reply.bytes.toString('utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('SQLite format 3');
    if (reply.bytes.length > 0) expect(coded(reply).code).toMatch(/NOT_FOUND|INVALID/);
  });

  it('does not hand out package bytes under /tuf/targets/: they need a token and a verdict', async () => {
    const listed = await t.request<{ releases: ReleaseTarget[] }>('GET', '/api/v1/products/atlas/releases', {
      token: await t.signIn(ENGINEER),
    });
    const target = listed.body.releases.find((r) => r.custom.version === '1.9.0');
    if (target === undefined) throw new Error('atlas 1.9.0 is missing from the catalog');
    for (const path of [
      `/tuf/targets/${hashedTargetPath(target.name, target.sha256)}`,
      `/tuf/targets/${target.name}`,
    ]) {
      const reply = await t.raw('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.bytes.length).toBeLessThan(1000);
    }
  });

  it('re-signs the timestamp by itself once it nears expiry, and only then', async () => {
    const before = (await t.request<SignedTimestamp>('GET', '/tuf/timestamp.json')).body.signed;
    // 20 hours after it was signed (timestamps live 24 hours), 4 hours are left: inside the 6-hour margin.
    const signedAt = Date.parse(before.expires) - 24 * HOUR;
    await withClock(t, new Date(signedAt + 20 * HOUR), async () => {
      expect(await t.portal.refreshMetadata()).toBe(true);
      const after = (await t.request<SignedTimestamp>('GET', '/tuf/timestamp.json')).body.signed;
      expect(after.version).toBeGreaterThan(before.version);
      expect(Date.parse(after.expires)).toBe(signedAt + 44 * HOUR);
      expect(await t.portal.refreshMetadata()).toBe(false);
      expect((await t.request<SignedTimestamp>('GET', '/tuf/timestamp.json')).body.signed.version).toBe(after.version);
    });
  });
});
