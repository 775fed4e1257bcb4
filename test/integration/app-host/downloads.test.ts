/**
 * Downloads as the window controls them: through a proxy set in the settings (the app's client is rebuilt for it),
 * slowed so a transfer can be paused, resumed and cancelled; progress announced at a bounded rate; `verified` only
 * once the bytes hashed to the signed target.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';
import { startSlowProxy, type SlowProxy } from './slow-proxy.js';

const CUSTOMER = 'admin@contoso.example';
const RATE = 2 * 1024 * 1024;
const SIZE = 3 * 1024 * 1024;

let demo: DemoPortal;
let app: AppUnderTest;
let proxy: SlowProxy;

/** A beacon update big enough to take a while through the proxy (random bytes do not compress). */
async function publishBigBeacon(version: string): Promise<string> {
  const file = join(demo.dir, `beacon-${version}-linux-x64.tar.gz`);
  await writeFile(
    file,
    createTarGz([
      { path: 'install.sh', mode: 0o755, content: '#!/bin/sh\nexit 0\n' },
      { path: 'payload.bin', mode: 0o644, content: randomBytes(SIZE) },
    ]),
  );
  const custom = {
    product: 'beacon',
    version,
    platform: 'linux' as const,
    arch: 'x64' as const,
    installer: { type: 'script' as const, entry: 'install.sh', args: ['{target}'], timeoutSeconds: 60, elevate: false },
    detection: { kind: 'file' as const, path: '{target}/beacon/VERSION', regex: '^(\\S+)' },
  };
  const [published] = await publishReleases(demo.portal.db, demo.portal.catalog, [{ file, custom }], new Date());
  return published?.name ?? '';
}

let first = '';
let second = '';

beforeAll(async () => {
  demo = await startDemoPortal();
  proxy = await startSlowProxy(RATE);
  first = await publishBigBeacon('2.1.5');
  second = await publishBigBeacon('2.1.6');
  app = await appOn(demo);
  await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
  await app.call('settings.update', { proxyUrl: proxy.url });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await demo?.close();
});

describe('downloads controlled from the window', () => {
  it('pauses a download where it is, resumes it to the end and verifies it', async () => {
    expect(first).toMatch(/^beacon\/2\.1\.5\//);
    const started = await app.call('downloads.start', { targetName: first, serialNumber: 'CG-BCN-0001' });
    expect(started.totalBytes).toBeGreaterThan(SIZE);
    await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.receivedBytes > 0);

    const paused = await app.call('downloads.pause', { id: started.id });
    expect(paused.state).toBe('paused');
    expect(paused.verified).toBe(false);
    const at = (await app.call('downloads.list', {})).downloads.find((d) => d.id === started.id)?.receivedBytes ?? 0;
    expect(at).toBeLessThan(paused.totalBytes);
    // Paused means the transfer is over, not merely unannounced: its connection closes and nothing more arrives.
    await expect.poll(() => proxy.openTunnelsAsking('/api/v1/packages/'), { timeout: 5_000 }).toBe(0);
    expect((await app.call('downloads.list', {})).downloads.find((d) => d.id === started.id)).toMatchObject({
      state: 'paused',
      receivedBytes: at,
    });

    const resumed = await app.call('downloads.resume', { id: started.id });
    expect(['queued', 'downloading']).toContain(resumed.state);
    const done = await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.state === 'done', 15_000);
    expect(done).toMatchObject({ verified: true, receivedBytes: started.totalBytes, error: null });
    // The proxy from the settings carried the package: the client was rebuilt for it.
    expect(proxy.tunnels).toContain(new URL(demo.url).host);
  });

  it('announces progress at most about four times a second', async () => {
    const mine = app.eventsOf('downloads.changed').filter((v) => v.targetName === first);
    const progress = mine.filter((v) => v.state === 'downloading');
    // At 2 MiB/s the transfer takes about 1.5 s of sending: a handful of announcements, not one per chunk.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThan(30);
    expect(mine.at(-1)?.state).toBe('done');
  });

  it('cancels a download: it ends cancelled, unverified, and stays so', async () => {
    const started = await app.call('downloads.start', { targetName: second });
    await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.receivedBytes > 0);
    const cancelled = await app.call('downloads.cancel', { id: started.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', verified: false, error: { code: 'DOWNLOAD_CANCELLED' } });
    await expect(app.call('downloads.resume', { id: started.id })).resolves.toMatchObject({ state: 'cancelled' });
    await expect(app.call('downloads.pause', { id: started.id })).resolves.toMatchObject({ state: 'cancelled' });
  });

  it('starting the same package twice while it runs joins the running download', async () => {
    const a = await app.call('downloads.start', { targetName: second });
    const b = await app.call('downloads.start', { targetName: second });
    expect(b.id).toBe(a.id);
    await app.call('downloads.cancel', { id: a.id });
  });

  it("another account signed in on the same desktop neither sees nor controls the first one's download", async () => {
    const started = await app.call('downloads.start', { targetName: second, serialNumber: 'CG-BCN-0001' });
    await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.receivedBytes > 0);
    await app.call('downloads.pause', { id: started.id });

    await app.call('session.signOut', {});
    await app.call('session.signIn', { email: 'it@contoso.example', password: demo.password('it@contoso.example') });
    expect((await app.call('downloads.list', {})).downloads.map((d) => d.id)).not.toContain(started.id);
    await expect(app.refused('downloads.resume', { id: started.id })).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(app.refused('downloads.cancel', { id: started.id })).resolves.toMatchObject({ code: 'NOT_FOUND' });

    // The first account finds it as it left it, paused, and can still finish it.
    await app.call('session.signOut', {});
    await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    expect((await app.call('downloads.list', {})).downloads.find((d) => d.id === started.id)).toMatchObject({
      state: 'paused',
    });
    await app.call('downloads.resume', { id: started.id });
    const done = await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.state === 'done', 15_000);
    expect(done.verified).toBe(true);
  });

  it('every change of a download raises its revision, so the window can tell the newer of two views', () => {
    const mine = app.eventsOf('downloads.changed').filter((v) => v.targetName === first);
    const revisions = mine.map((v) => v.revision);
    expect(revisions.length).toBeGreaterThan(2);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
  });
});
