/**
 * An install from a bundle on a machine that never signed in: verified, copied into the package cache, installed
 * through the same installer as online, recorded in the inventory and the log — with every network route dead.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../electron/core/adapters.js';
import { installFromBundle } from '../../../electron/core/bundle/install-from-bundle.js';
import { HicareClient } from '../../../electron/core/client/hicare-client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { describePortal } from '../portal-api/harness.js';
import { memoryBundle } from './memory-bundle.js';
import { ATLAS, expectRefusedOffline, folderState, offlineWorld, type Machine } from './offline-world.js';

function offlineClient(machine: Machine, portalUrl: string): HicareClient {
  return new HicareClient({
    dataDirectory: machine.dataDirectory,
    portalUrl,
    secrets: new FileSecretStore(join(machine.dataDirectory, 'secrets')),
    clock: systemClock,
    logger: silentLogger,
    trustRoot: machine.rootFile,
    platform: 'linux-x64',
    // Any call to the network would go to a proxy that is not there, and fail.
    network: { proxy: 'http://127.0.0.1:9' },
    env: { NO_PROXY: '' },
  });
}

describePortal('install from an offline bundle', (t) => {
  const world = offlineWorld(t);

  it('installs the newest release of the bundle on a system this machine never saw', async () => {
    const w = await world();
    const machine = await w.machine();
    const client = offlineClient(machine, t.url);
    const parts = await w.bundle(w.atlas.slice(0, 2));
    const { verdict, results } = await installFromBundle(
      client,
      memoryBundle(parts),
      { dataDirectory: machine.dataDirectory, rootFile: machine.rootFile },
      { serial: ATLAS },
    );
    expect(verdict.serials).toContain(ATLAS);
    expect(results.at(-1)!.result.detectedVersion).toBe(w.atlas[1]!.custom.version);
    const system = client.inventory.get(ATLAS);
    expect(system.installedVersion).toBe(w.atlas[1]!.custom.version);
    expect(system.contractIds).toEqual([w.contract.id]);
    const log = await client.operations.list();
    expect(log.some((r) => r.kind === 'install')).toBe(true);
    expect((await client.installReports.list()).length).toBeGreaterThan(0);
  });

  it('installs nothing from a bundle with a changed byte', async () => {
    const w = await world();
    const machine = await w.machine();
    const client = offlineClient(machine, t.url);
    const parts = await w.bundle();
    const name = w.atlas[0]!.name;
    const bytes = Buffer.from(parts.packages.get(name)!);
    bytes[bytes.length - 1]! ^= 0xff;
    parts.packages.set(name, bytes);
    const before = await folderState(join(machine.dataDirectory, 'trust'));
    await expectRefusedOffline(
      installFromBundle(
        client,
        memoryBundle(parts),
        { dataDirectory: machine.dataDirectory, rootFile: machine.rootFile },
        { serial: ATLAS },
      ),
      'BUNDLE_PACKAGE_MISMATCH.bytesDiffer',
      { ...machine, dataDirectory: join(machine.dataDirectory, 'trust') },
      before,
    );
    expect(client.inventory.list()).toEqual([]);
    expect(await folderState(join(machine.dataDirectory, 'installs'))).toEqual({});
  });
});
