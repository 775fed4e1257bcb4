/**
 * Every way a bundle can lie, each refused with its coded error and the machine left exactly as it was: no root,
 * no version, no package kept. The bundles are real (metadata served by a real portal, statements signed with its
 * own timestamp key) and spoiled one way each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata, MetadataKind, MetaFile, type Snapshot, type Timestamp } from '@tufjs/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { loadKey } from '../../../portal/tuf/keys.js';
import { rotateKey } from '../../../portal/tuf/rotate.js';
import { publishRelease } from '../client-attacks/published-release.js';
import { describePortal, type TestPortal } from '../portal-api/harness.js';
import { copyParts, type BundleParts } from './memory-bundle.js';
import { portalMetadata, signStatement } from './portal-bundle.js';
import { ATLAS, expectRefusedOffline, folderState, offlineWorld, type OfflineWorld } from './offline-world.js';

const DAY = 86_400_000;

function json(bytes: Buffer): never {
  return JSON.parse(bytes.toString('utf8')) as never;
}

/** A new statement over the same facts, changed by `edit` before it is signed (or with another role's key). */
async function restated(
  t: TestPortal,
  w: OfflineWorld,
  parts: BundleParts,
  options: Parameters<typeof signStatement>[2] & { issuedAt?: Date; validDays?: number } = {},
): Promise<BundleParts> {
  const copy = copyParts(parts);
  copy.statement = await signStatement(
    t.portal.layout.keysDir,
    {
      portal: t.url,
      contract: w.contract,
      serials: [ATLAS],
      targets: w.atlas.filter((a) => parts.packages.has(a.name)),
      issuedAt: options.issuedAt ?? new Date(t.clock.now),
      ...(options.validDays === undefined ? {} : { validDays: options.validDays }),
    },
    options,
  );
  return copy;
}

describePortal('offline bundle attacks', (t) => {
  const world = offlineWorld(t);

  async function refused(parts: BundleParts, key: string, expectation: Parameters<OfflineWorld['verify']>[2] = {}) {
    const w = await world();
    const machine = await w.machine();
    const before = await folderState(machine.dataDirectory);
    return expectRefusedOffline(w.verify(machine, parts, expectation), key, machine, before);
  }

  it('refuses a package with one byte changed', async () => {
    const w = await world();
    const parts = copyParts(await w.bundle());
    const name = w.atlas[0]!.name;
    const bytes = Buffer.from(parts.packages.get(name)!);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    parts.packages.set(name, bytes);
    await refused(parts, 'BUNDLE_PACKAGE_MISMATCH.bytesDiffer');
  });

  it('refuses a package cut short or with bytes added', async () => {
    const w = await world();
    const name = w.atlas[0]!.name;
    const short = copyParts(await w.bundle());
    short.packages.set(name, short.packages.get(name)!.subarray(1));
    await refused(short, 'BUNDLE_PACKAGE_MISMATCH.lengthDiffers');
    const long = copyParts(await w.bundle());
    long.packages.set(name, Buffer.concat([long.packages.get(name)!, Buffer.from('x')]));
    await refused(long, 'BUNDLE_PACKAGE_MISMATCH.lengthDiffers');
  });

  it('refuses a package its signed catalog does not list', async () => {
    const w = await world();
    const parts = copyParts(await w.bundle());
    parts.packages.set('atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz', Buffer.from('not signed'));
    await refused(parts, 'BUNDLE_PACKAGE_MISMATCH.notInMetadata');
  });

  it('refuses a statement for another serial, or for another contract', async () => {
    const w = await world();
    const parts = await w.bundle();
    const serial = await refused(parts, 'STATEMENT_INVALID.otherSerial', { serial: 'CG-BCN-0001' });
    expect(serial.message).toContain('CG-BCN-0001');
    await refused(parts, 'STATEMENT_INVALID.otherContract', { contracts: ['another-contract'] });
  });

  it('refuses an expired statement and says until when it held', async () => {
    const w = await world();
    const parts = await restated(t, w, await w.bundle(), { validDays: 2 });
    const error = await refused(parts, 'STATEMENT_EXPIRED.validUntil', {
      now: new Date(t.clock.now.getTime() + 3 * DAY),
    });
    expect(error.params['validUntilAt']).toBe(new Date(t.clock.now.getTime() + 2 * DAY).toISOString());
  });

  it('refuses a statement issued in the future of this machine’s clock', async () => {
    const w = await world();
    const parts = await restated(t, w, await w.bundle(), { issuedAt: new Date(t.clock.now.getTime() + 2 * DAY) });
    await refused(parts, 'STATEMENT_INVALID.issuedInFuture');
  });

  it('refuses a statement issued after the metadata had expired', async () => {
    const w = await world();
    const later = new Date(t.clock.now.getTime() + 200 * DAY);
    const parts = await restated(t, w, await w.bundle(), { issuedAt: later });
    await refused(parts, 'BUNDLE_UNTRUSTED.expiredWhenIssued', { now: later });
  });

  it('refuses a statement signed by a key that is not the timestamp role’s', async () => {
    const w = await world();
    await refused(await restated(t, w, await w.bundle(), { role: 'targets' }), 'STATEMENT_INVALID.unsigned');
  });

  it('refuses a statement changed after it was signed', async () => {
    const w = await world();
    const parts = copyParts(await w.bundle());
    const document = JSON.parse(parts.statement.toString('utf8')) as { signed: { serials: string[] } };
    document.signed.serials.push('CG-BCN-0001');
    parts.statement = Buffer.from(JSON.stringify(document));
    await refused(parts, 'STATEMENT_INVALID.unsigned', { serial: 'CG-BCN-0001' });
  });

  it('refuses a statement whose target differs from the signed catalog', async () => {
    const w = await world();
    const parts = await restated(t, w, await w.bundle(), {
      edit: (signed) => {
        signed.targets[0]!.sha256 = '0'.repeat(64);
      },
    });
    await refused(parts, 'STATEMENT_INVALID.targetDiffers');
  });

  it('refuses a statement that is not JSON or not a statement', async () => {
    const w = await world();
    const parts = copyParts(await w.bundle());
    parts.statement = Buffer.from('{"signed": {"_type": "timestamp"}, "signatures": []}');
    await refused(parts, 'STATEMENT_INVALID.malformed');
    parts.statement = Buffer.from('\u0000garbage');
    await refused(parts, 'STATEMENT_INVALID.malformed');
  });

  it('refuses a bundle without the metadata that lists its package', async () => {
    const w = await world();
    const parts = copyParts(await w.bundle());
    const targetsFile = [...parts.metadata.keys()].find((name) => name.endsWith('.targets.json'))!;
    parts.metadata.delete(targetsFile);
    await refused(parts, 'BUNDLE_UNTRUSTED.metadataMissing');
  });

  describe('metadata signed by another portal’s root', () => {
    let other: { portal: Portal; dir: string; url: string } | undefined;
    beforeAll(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hicare-other-portal-'));
      const portal = await createPortal({ dataDirectory: dir, refreshEveryMs: 0, now: () => new Date(t.clock.now) });
      await seedDemo({ db: portal.db, catalog: portal.catalog, keysDir: portal.layout.keysDir, now: t.clock.now });
      other = { portal, dir, url: await portal.listen({ host: '127.0.0.1', port: 0 }) };
    }, 60_000);
    afterAll(async () => {
      await other?.portal.close();
      if (other !== undefined) await rm(other.dir, { recursive: true, force: true });
    });

    it('refuses it, even with a statement this machine’s portal signed', async () => {
      const w = await world();
      const parts = copyParts(await w.bundle());
      const names = w.atlas.slice(0, 1).map((a) => a.name);
      parts.metadata = await portalMetadata(other!.url, names);
      await refused(parts, 'BUNDLE_UNTRUSTED.signature');
    });
  });

  describe('after the portal rotated its keys', () => {
    let before: BundleParts;
    beforeAll(async () => {
      const w = await world();
      before = await w.bundle();
      await rotateKey({ ...t.portal.catalog.repository.options, role: 'timestamp', now: t.clock.now });
      await rotateKey({ ...t.portal.catalog.repository.options, role: 'root', now: t.clock.now });
      t.portal.catalog.invalidate();
    });

    it('verifies the new bundle from the first root, through every new root', async () => {
      const w = await world();
      const verdict = await w.verify(await w.machine(), await w.bundle());
      expect(verdict.rootVersion).toBeGreaterThanOrEqual(3);
    });

    it('refuses a bundle with an intermediate root left out', async () => {
      const w = await world();
      const parts = copyParts(await w.bundle());
      parts.metadata.delete('2.root.json');
      const error = await refused(parts, 'BUNDLE_UNTRUSTED.missingRoot');
      expect(error.params['version']).toBe(2);
    });

    it('refuses a bundle older than the root the machine trusts since', async () => {
      const w = await world();
      const machine = await w.machine();
      await w.verify(machine, await w.bundle());
      const state = await folderState(machine.dataDirectory);
      await expectRefusedOffline(w.verify(machine, before), 'BUNDLE_ROLLBACK.olderRoot', machine, state);
    });
  });

  it('refuses a bundle whose package list is older than one the machine has seen', async () => {
    const w = await world();
    const old = await w.bundle();
    await publishRelease({ portal: t.portal, dir: t.portal.layout.dataDirectory } as never, {
      product: 'atlas',
      version: '1.99.0',
      content: Buffer.from('a newer catalog'),
    });
    t.portal.catalog.invalidate();
    const machine = await w.machine();
    await w.verify(machine, await w.bundle());

    // The old package list, under a newer snapshot and timestamp signed with the portal's own online keys: only
    // the version of the product's role gives it away.
    const forged = copyParts(old);
    const oldTimestamp = Metadata.fromJSON(
      MetadataKind.Timestamp,
      json(old.metadata.get('timestamp.json')!),
    ) as Metadata<Timestamp>;
    const oldSnapshotFile = `${oldTimestamp.signed.snapshotMeta.version}.snapshot.json`;
    const snapshot = Metadata.fromJSON(
      MetadataKind.Snapshot,
      json(old.metadata.get(oldSnapshotFile)!),
    ) as Metadata<Snapshot>;
    const fresh = await portalMetadata(t.url, []);
    const freshTimestamp = Metadata.fromJSON(
      MetadataKind.Timestamp,
      json(fresh.get('timestamp.json')!),
    ) as Metadata<Timestamp>;
    (snapshot.signed as { version: number }).version = freshTimestamp.signed.snapshotMeta.version + 1;
    snapshot.signatures = {};
    snapshot.sign((await loadKey(t.portal.layout.keysDir, 'snapshot')).signer);
    const snapshotBytes = Buffer.from(JSON.stringify(snapshot.toJSON()));
    forged.metadata.delete(oldSnapshotFile);
    forged.metadata.set(`${snapshot.signed.version}.snapshot.json`, snapshotBytes);
    const timestamp = freshTimestamp;
    (timestamp.signed as { version: number }).version += 1;
    (timestamp.signed as { snapshotMeta: MetaFile }).snapshotMeta = new MetaFile({ version: snapshot.signed.version });
    timestamp.signatures = {};
    timestamp.sign((await loadKey(t.portal.layout.keysDir, 'timestamp')).signer);
    forged.metadata.set('timestamp.json', Buffer.from(JSON.stringify(timestamp.toJSON())));
    for (const [name, bytes] of fresh) if (name.endsWith('.root.json')) forged.metadata.set(name, bytes);

    const state = await folderState(machine.dataDirectory);
    const error = await expectRefusedOffline(
      w.verify(machine, forged),
      'BUNDLE_ROLLBACK.olderMetadata',
      machine,
      state,
    );
    // A release is published into its product's delegated role: that role's version gives the old list away.
    expect(error.params['kind']).toBe('delegated');
  });
});
