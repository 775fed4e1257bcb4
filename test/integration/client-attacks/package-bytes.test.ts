/**
 * Attacks on a package's bytes, against the real portal: the stored file altered on the portal (same length, so the
 * portal's own size check lets it out), bytes changed on the way, more bytes than the signed length (with a fixed
 * Content-Length or chunked), and the bytes of another validly signed package of the same length. Each is refused by
 * the client's own checks against the signed target, and nothing is installed.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { ATLAS_SYSTEM, COBALT_SYSTEM, customerClient } from './customer-client.js';
import { expectRefused, filesIn, footprint } from './nothing-installed.js';
import { PortalProxy } from './portal-proxy.js';
import { publishRelease } from './published-release.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';

let demo: DemoPortal;
let proxy: PortalProxy;
/** Two validly signed packages of exactly the same length, for different products. */
let atlasTwin: ReleaseTarget;
let cobaltTwin: ReleaseTarget;

beforeAll(async () => {
  demo = await startDemoPortal();
  proxy = await PortalProxy.start(demo.url);
  atlasTwin = await publishRelease(demo, { product: 'atlas', version: '1.9.1', content: randomBytes(4096) });
  cobaltTwin = await publishRelease(demo, { product: 'cobalt', version: '4.2.2', content: randomBytes(4096) });
}, 60_000);
afterEach(() => {
  proxy.rule = undefined;
});
afterAll(async () => {
  await proxy.close();
  await demo.close();
});

const isPackage = (url: string | undefined): boolean => (url ?? '').startsWith('/api/v1/packages/');

describe('a package whose bytes are not the signed ones', () => {
  it('altered on the portal with the same length: the portal serves it, the client refuses and quarantines it', async () => {
    const target = await demo.portal.catalog.target(ATLAS_190);
    // The demo portal keeps packages in its data directory: the file behind the blob is the one to alter.
    const stored = demo.portal.catalog.repository.blobs.localPath(demo.portal.catalog.packageKey(target!)) ?? '';
    const original = await readFile(stored);
    const altered = Buffer.from(original);
    for (let i = 100; i < 140; i++) altered[i] = altered[i]! ^ 0xff;
    await writeFile(stored, altered);
    try {
      const { client, dataDirectory } = await customerClient(demo, { portalUrl: demo.url });
      const before = await footprint(client, dataDirectory);
      const error = await expectRefused(client.install(ATLAS_190, ATLAS_SYSTEM), 'HASH_MISMATCH', {
        client,
        dataDirectory,
        before,
      });
      expect(error.message).toMatch(/quarantined/);
      expect(await filesIn(join(dataDirectory, 'packages', 'quarantine'))).toHaveLength(1);
      expect(await filesIn(join(dataDirectory, 'packages', 'sha256'))).toEqual([]);
      expect(await filesIn(join(dataDirectory, 'packages', 'partial'))).toEqual([]);
    } finally {
      await writeFile(stored, original);
    }
  });

  it('changed on the way by someone between the portal and the app', async () => {
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url });
    proxy.rule = (req) =>
      isPackage(req.url)
        ? {
            kind: 'forward',
            body: (body) => {
              const changed = Buffer.from(body);
              changed[changed.length - 1] = changed[changed.length - 1]! ^ 0x01;
              return changed;
            },
          }
        : undefined;
    const before = await footprint(client, dataDirectory);
    await expectRefused(client.install(ATLAS_190, ATLAS_SYSTEM), 'HASH_MISMATCH', { client, dataDirectory, before });
    expect(await filesIn(join(dataDirectory, 'packages', 'quarantine'))).toHaveLength(1);
  });
});

describe('a server sending more than the signed length', () => {
  const appended = (body: Buffer): Buffer => Buffer.concat([body, Buffer.from('#!/bin/sh\nrm -rf "$HOME"\n')]);

  it.each([
    ['with Content-Length fixed to match', false],
    ['chunked, with no length announced', true],
  ])('is refused %s', async (_how, chunked) => {
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url });
    let served = 0;
    proxy.rule = (req) =>
      isPackage(req.url)
        ? { kind: 'forward', body: appended, chunked, onEnd: ({ bytes }) => (served = bytes) }
        : undefined;
    const before = await footprint(client, dataDirectory);
    await expectRefused(client.install(ATLAS_190, ATLAS_SYSTEM), 'LENGTH_EXCEEDED', { client, dataDirectory, before });
    expect(served).toBeGreaterThan((await client.trust.verifiedTarget(ATLAS_190)).length);
    // The part is worthless once the server has shown it serves something else: nothing of it is kept.
    expect(await filesIn(join(dataDirectory, 'packages', 'partial'))).toEqual([]);
    expect(await filesIn(join(dataDirectory, 'packages', 'sha256'))).toEqual([]);
  });
});

describe('the bytes of another validly signed package', () => {
  it('come back for a rewritten package address: the hash check refuses them', async () => {
    expect(atlasTwin.length).toBe(cobaltTwin.length);
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url });
    const asked: string[] = [];
    proxy.rule = (req) => {
      if (!isPackage(req.url)) return undefined;
      asked.push(req.url ?? '');
      // Ask the portal, with the customer's own token, for the cobalt package of the same length.
      return { kind: 'forward', path: `/api/v1/packages/${cobaltTwin.name}?serialNumber=${COBALT_SYSTEM}` };
    };
    const before = await footprint(client, dataDirectory);
    await expectRefused(client.install(atlasTwin.name, ATLAS_SYSTEM), 'HASH_MISMATCH', {
      client,
      dataDirectory,
      before,
    });
    expect(asked[0]).toContain(atlasTwin.name);
    expect(await filesIn(join(dataDirectory, 'packages', 'quarantine'))).toHaveLength(1);
  });
});
