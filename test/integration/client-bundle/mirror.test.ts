/**
 * The site mirror over a bundle made by `hicare bundle create` against a real portal: the metadata and packages
 * served byte for byte as the bundle holds them, Range for resumed downloads, read-only, no way out of the bundles;
 * openMirror reads it back as the bundle file reads; and a mirror over a tampered bundle serves what it holds.
 */
import { copyFile, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBundleFile } from '../../../electron/core/bundle/bundle-reader.js';
import { openMirror } from '../../../electron/core/bundle/mirror-source.js';
import { serveMirror, type RunningMirror } from '../../../electron/core/bundle/mirror-server.js';
import { describePortal, type TestPortal } from '../portal-api/harness.js';
import { bundleWorld, ok, type BundleWorld } from './bundle-world.js';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function encoded(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

describePortal('site mirror', (t: TestPortal) => {
  let world: BundleWorld;
  let file = '';
  let mirror: RunningMirror;
  beforeAll(async () => {
    world = await bundleWorld(t);
    file = join(world.dir, 'site.tar');
    ok(await world.hicare(['bundle', 'create', '--serial', 'CG-ATL-0001', '--updates', '--out', file]));
    mirror = await serveMirror([file]);
  }, 120_000);
  afterAll(async () => {
    await mirror.close();
    await world.close();
  });

  it('serves the metadata and packages byte for byte, and says what it serves', async () => {
    const bundle = await openBundleFile(file);
    for (const [name, bytes] of bundle.metadata) {
      const reply = await fetch(`${mirror.url}/tuf/${name}`);
      expect(reply.status).toBe(200);
      expect(Buffer.from(await reply.arrayBuffer()).equals(bytes)).toBe(true);
    }
    for (const name of bundle.packages) {
      const reply = await fetch(`${mirror.url}/packages/${encoded(name)}`);
      expect(reply.status).toBe(200);
      expect(Buffer.from(await reply.arrayBuffer()).equals(await bytesOf(await bundle.openPackage(name)))).toBe(true);
    }
    const index = (await (await fetch(`${mirror.url}/mirror.json`)).json()) as {
      bundles: { serials: string[]; targets: string[]; validUntil: string }[];
    };
    expect(index.bundles[0]?.serials).toEqual(['CG-ATL-0001']);
    expect(index.bundles[0]?.targets).toEqual(bundle.packages);
    expect(Date.parse(index.bundles[0]?.validUntil ?? '')).toBeGreaterThan(Date.now());
  });

  it('answers a Range with the part asked for, and refuses one outside the file', async () => {
    const bundle = await openBundleFile(file);
    const name = bundle.packages[0]!;
    const whole = await bytesOf(await bundle.openPackage(name));
    const reply = await fetch(`${mirror.url}/packages/${encoded(name)}`, { headers: { range: 'bytes=100-1099' } });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes 100-1099/${whole.length}`);
    expect(Buffer.from(await reply.arrayBuffer()).equals(whole.subarray(100, 1100))).toBe(true);
    const tail = await fetch(`${mirror.url}/packages/${encoded(name)}`, { headers: { range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 10))).toBe(true);
    const outside = await fetch(`${mirror.url}/packages/${encoded(name)}`, {
      headers: { range: `bytes=${whole.length}-` },
    });
    expect(outside.status).toBe(416);
    expect(((await outside.json()) as { code: string }).code).toBe('RANGE_NOT_SATISFIABLE');
  });

  it('is read-only and never leaves its bundles', async () => {
    const post = await fetch(`${mirror.url}/tuf/timestamp.json`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(((await post.json()) as { code: string }).code).toBe('METHOD_NOT_ALLOWED');
    for (const path of [
      '/tuf/..%2F..%2Fetc%2Fpasswd',
      '/packages/../../etc/passwd',
      '/bundles/0/../statement.json',
      '/',
      '/bundles/9/statement.json',
    ]) {
      const direct = await fetch(`${mirror.url}${path}`);
      expect(direct.status).toBe(404);
    }
  });

  it('reads back over HTTP as the bundle file reads', async () => {
    const bundle = await openBundleFile(file);
    const served = await openMirror(mirror.url);
    expect(served.packages).toEqual(bundle.packages);
    expect(served.statement.equals(bundle.statement)).toBe(true);
    expect([...served.metadata.keys()]).toEqual([...bundle.metadata.keys()]);
    const name = bundle.packages[0]!;
    expect((await bytesOf(await served.openPackage(name))).equals(await bytesOf(await bundle.openPackage(name)))).toBe(
      true,
    );
  });

  it('mirror serving a tampered package: serves the changed byte as the file holds it (the offline verifier refuses it)', async () => {
    const tampered = join(world.dir, 'tampered.tar');
    await copyFile(file, tampered);
    const bundle = await openBundleFile(file);
    const name = bundle.packages[0]!;
    const original = await bytesOf(await bundle.openPackage(name));
    // The package is the archive's last member: its last byte sits just before the padding and end blocks.
    const size = (await readFile(tampered)).length;
    const raw = await readFile(tampered);
    const at = raw.lastIndexOf(original.subarray(original.length - 64)) + 63;
    expect(at).toBeLessThan(size);
    const handle = await open(tampered, 'r+');
    await handle.write(Buffer.from([raw[at]! ^ 0xff]), 0, 1, at);
    await handle.close();
    const bad = await serveMirror([tampered]);
    try {
      const served = Buffer.from(await (await fetch(`${bad.url}/packages/${encoded(name)}`)).arrayBuffer());
      expect(served.length).toBe(original.length);
      expect(served.equals(original)).toBe(false);
      const contents = await openMirror(bad.url);
      expect((await bytesOf(await contents.openPackage(name))).equals(served)).toBe(true);
      // Extend here once verify.ts lands: verifyBundle(contents, …) must refuse with BUNDLE_PACKAGE_MISMATCH.
    } finally {
      await bad.close();
    }
  });
});
