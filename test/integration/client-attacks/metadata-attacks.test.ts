/**
 * Attacks on the signed catalog's metadata, through a proxy in front of the real portal: mix-and-match (an older
 * snapshot under the new name, a timestamp naming a snapshot that is not the one served), rollback to an older
 * timestamp, a frozen (expired) timestamp, and metadata with too few valid signatures. The app that sees one refuses
 * the check; after a restart it refuses to install from it; and nothing is installed either time.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Metadata, MetadataKind, MetaFile, Snapshot } from '@tufjs/models';
import type { JsonObject } from '../../../portal/tuf/metadata-files.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { ATLAS_SYSTEM, CUSTOMER, customerClient, openClient, type CustomerClient } from './customer-client.js';
import { currentTimestamp, repoFile, resigned, rogueSigner, signedTimestamp, timestampKey } from './forged-metadata.js';
import { expectRefused, footprint } from './nothing-installed.js';
import { PortalProxy, type ProxyRule } from './portal-proxy.js';
import { publishRelease, randomArchive } from './published-release.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const HOUR = 3_600_000;

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

/** Serves `files` (by metadata file name) in place of the portal's, forwards everything else. */
function serving(files: Record<string, Buffer>): ProxyRule {
  return (req) => {
    const body = files[(req.url ?? '').replace(/^\/tuf\//, '')];
    return (req.url ?? '').startsWith('/tuf/') && body !== undefined ? { kind: 'answer', body } : undefined;
  };
}

const inADay = (): string => new Date(Date.now() + 24 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The attacked app refuses its check; restarted, it refuses to install from the same metadata. Nothing is installed
 * either time and both failures are in the operation log.
 */
async function refusedEverywhere(
  app: CustomerClient,
  code: string | readonly string[],
  target = ATLAS_190,
): Promise<string[]> {
  const before = await footprint(app.client, app.dataDirectory);
  const checked = await expectRefused(app.client.check(), code, {
    client: app.client,
    dataDirectory: app.dataDirectory,
    before,
  });
  const restarted = app.reopen();
  const afterCheck = await footprint(restarted, app.dataDirectory);
  const installed = await expectRefused(restarted.install(target, ATLAS_SYSTEM), code, {
    client: restarted,
    dataDirectory: app.dataDirectory,
    before: afterCheck,
  });
  return [`${checked.message} ${checked.remedy}`, `${installed.message} ${installed.remedy}`];
}

describe('mix-and-match metadata', () => {
  it('an older snapshot served under the name of the new one is refused', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    const older = (await currentTimestamp(demo)).signed.snapshotMeta.version;
    const olderSnapshot = await repoFile(demo, `${older}.snapshot.json`);
    const release = await publishRelease(demo, {
      product: 'atlas',
      version: '1.9.2',
      content: randomArchive('1.9.2', 2048),
    });
    const newer = (await currentTimestamp(demo)).signed.snapshotMeta.version;
    expect(newer).toBe(older + 1);

    proxy.rule = serving({ [`${newer}.snapshot.json`]: olderSnapshot });
    const texts = await refusedEverywhere(app, 'TRUST_METADATA_INVALID', release.name);
    for (const text of texts)
      expect(text).toMatch(
        /metadata files do not match each other \(snapshot metadata\)\. This looks like mixed or altered metadata/,
      );
  });

  it('a validly signed timestamp naming a snapshot other than the one served is refused', async () => {
    const app = openClient(demo, { portalUrl: proxy.url });
    await app.client.login(CUSTOMER, demo.password(CUSTOMER));
    const current = await currentTimestamp(demo);
    const meta = current.signed.snapshotMeta;
    // Signed with the portal's real timestamp key: only the snapshot's hash is a lie.
    const lying = signedTimestamp(
      {
        version: current.signed.version + 1,
        expires: inADay(),
        snapshotMeta: new MetaFile({
          version: meta.version,
          ...(meta.length === undefined ? {} : { length: meta.length }),
          hashes: { sha256: 'ab'.repeat(32) },
        }),
      },
      await timestampKey(demo),
    );
    proxy.rule = serving({ 'timestamp.json': lying });
    const before = await footprint(app.client, app.dataDirectory);
    const error = await expectRefused(app.client.check(), 'TRUST_METADATA_INVALID', {
      client: app.client,
      dataDirectory: app.dataDirectory,
      before,
    });
    expect(error.message).toMatch(/do not match each other/);
    await expectRefused(app.client.download(ATLAS_190, { serialNumber: ATLAS_SYSTEM }), 'TRUST_METADATA_INVALID', {
      client: app.client,
      dataDirectory: app.dataDirectory,
      before: await footprint(app.client, app.dataDirectory),
    });
  });
});

describe('rollback', () => {
  it('an older, still validly signed timestamp is refused once a newer one was seen', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    const older = await repoFile(demo, 'timestamp.json');
    // The portal's scheduler re-signs the timestamp (as it does hours before expiry); the app sees the new one.
    expect(await demo.portal.catalog.repository.refreshTimestamp({ now: new Date(Date.now() + 20 * HOUR) })).toBe(true);
    const seen = await currentTimestamp(demo);
    await app.client.check();
    expect(seen.signed.version).toBeGreaterThan(
      Metadata.fromJSON(MetadataKind.Timestamp, JSON.parse(older.toString('utf8')) as JsonObject).signed.version,
    );

    proxy.rule = serving({ 'timestamp.json': older });
    for (const text of await refusedEverywhere(app, 'TRUST_METADATA_INVALID')) expect(text).toMatch(/rollback/i);
  });
});

describe('freeze', () => {
  it('a timestamp that has expired is refused, however new its version', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    const current = await currentTimestamp(demo);
    const frozen = signedTimestamp(
      {
        version: current.signed.version + 1,
        expires: new Date(Date.now() - HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        snapshotMeta: current.signed.snapshotMeta,
      },
      await timestampKey(demo),
    );
    proxy.rule = serving({ 'timestamp.json': frozen });
    for (const text of await refusedEverywhere(app, 'TRUST_METADATA_INVALID')) expect(text).toMatch(/expired/i);
  });
});

describe('too few valid signatures', () => {
  it('a timestamp with its signature removed is refused', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    proxy.rule = serving({ 'timestamp.json': resigned(await repoFile(demo, 'timestamp.json')) });
    for (const text of await refusedEverywhere(app, 'UNTRUSTED_PORTAL'))
      expect(text).toMatch(/not signed by keys this computer trusts/);
  });

  it('a newer timestamp signed by a key the root does not trust is refused', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    const current = await currentTimestamp(demo);
    const rogue = signedTimestamp(
      { version: current.signed.version + 1, expires: inADay(), snapshotMeta: current.signed.snapshotMeta },
      rogueSigner(),
    );
    proxy.rule = serving({ 'timestamp.json': rogue });
    await refusedEverywhere(app, 'UNTRUSTED_PORTAL');
  });

  it('a snapshot signed by an untrusted key is refused even behind a timestamp signed with the real key', async () => {
    const app = await customerClient(demo, { portalUrl: proxy.url });
    const current = await currentTimestamp(demo);
    const version = current.signed.snapshotMeta.version;
    const honest = Metadata.fromJSON(
      MetadataKind.Snapshot,
      JSON.parse((await repoFile(demo, `${version}.snapshot.json`)).toString('utf8')) as JsonObject,
    );
    // A thief of the timestamp key alone: the new snapshot it needs can only carry a signature of its own.
    const forged = new Metadata(
      new Snapshot({
        version: version + 1,
        specVersion: honest.signed.specVersion,
        expires: inADay(),
        meta: honest.signed.meta,
      }),
    );
    forged.sign(rogueSigner(), false);
    const forgedBytes = Buffer.from(JSON.stringify(forged.toJSON()));
    const timestamp = signedTimestamp(
      {
        version: current.signed.version + 1,
        expires: inADay(),
        snapshotMeta: new MetaFile({
          version: version + 1,
          length: forgedBytes.length,
          hashes: { sha256: createHash('sha256').update(forgedBytes).digest('hex') },
        }),
      },
      await timestampKey(demo),
    );
    proxy.rule = serving({ 'timestamp.json': timestamp, [`${version + 1}.snapshot.json`]: forgedBytes });
    for (const text of await refusedEverywhere(app, 'UNTRUSTED_PORTAL'))
      expect(text).toMatch(/not signed by keys this computer trusts \(snapshot metadata\)/);
  });
});
