/**
 * The client core against the real demo portal, as a new user walks it: sign in, the systems with their versions,
 * what each may take and why, a download into the verified cache, an upgrade through its intermediate hop, and the
 * failing installer's typed result — every step recorded in the operation log.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInstallFailure } from '../../../electron/core/install/index.js';
import type { SystemResolution } from '../../../electron/core/resolver/resolver.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { startDemoPortal, type DemoPortal } from './demo-portal.js';

let demo: DemoPortal;
beforeAll(async () => {
  demo = await startDemoPortal();
}, 60_000);
afterAll(async () => demo.close());

function allowedVersions(r: SystemResolution | undefined): string[] {
  return [...(r?.updates ?? []), ...(r?.upgrades ?? [])]
    .filter((c) => c.verdict.allowed)
    .map((c) => c.target.custom.version);
}

describe('client core journey', () => {
  it('shows a Support customer its updates and locks its upgrades with the reason', async () => {
    const { client } = await demo.client();
    await client.login('admin@northwind.example', demo.password('admin@northwind.example'));
    const resolutions = await client.check();
    const atlas = resolutions.find((r) => r.system.serialNumber === 'NW-ATL-0001');
    expect(atlas?.system.installedVersion).toBe('1.4.2');
    expect(allowedVersions(atlas)).toEqual(['1.9.0', '1.8.0']);
    expect(atlas?.upgrades.map((c) => [c.target.custom.version, c.verdict.reasons.map((x) => x.code)])).toEqual([
      ['3.0.0-rc.1', ['UPGRADE_REQUIRES_UPGRADE_SUPPORT', 'PRERELEASE']],
      ['2.3.1', ['UPGRADE_REQUIRES_UPGRADE_SUPPORT']],
      ['2.0.0', ['UPGRADE_REQUIRES_UPGRADE_SUPPORT']],
    ]);
    expect(atlas?.recommended?.version).toBe('1.9.0');
    expect(resolutions.map((r) => r.system.serialNumber).sort()).toEqual(['NW-ATL-0001', 'NW-BCN-0001', 'NW-COB-0001']);
  });

  it('plans an Upgrade Support customer’s upgrade through the intermediate hop, downloads and installs both', async () => {
    const { client, dataDirectory } = await demo.client();
    await client.login('admin@contoso.example', demo.password('admin@contoso.example'));
    const resolutions = await client.check();
    const atlas = resolutions.find((r) => r.system.serialNumber === 'CG-ATL-0001');
    expect(atlas?.recommended?.version).toBe('2.3.1');
    const plan = atlas?.recommended?.plan;
    expect(plan?.ok && plan.hops.map((h) => h.version)).toEqual(['1.9.0', '2.3.1']);

    for (const version of ['1.9.0', '2.3.1']) {
      const name = `atlas/${version}/linux-x64/atlas-${version}-linux-x64.tar.gz`;
      const result = await client.install(name, 'CG-ATL-0001');
      expect(result.detectedVersion).toBe(version);
    }
    const system = client.inventory.get('CG-ATL-0001');
    expect(system).toMatchObject({ installedVersion: '2.3.1', versionSource: 'installed' });
    expect((await readFile(join(system.installDir ?? '', 'atlas', 'VERSION'), 'utf8')).trim()).toBe('2.3.1');
    // Detected again on the next check: nothing newer is allowed (3.0.0-rc.1 is a preview).
    const again = (await client.check()).find((r) => r.system.serialNumber === 'CG-ATL-0001');
    expect(again?.system.installedVersion).toBe('2.3.1');
    expect(allowedVersions(again)).toEqual([]);
    const kinds = (await client.operations.list()).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['check', 'download', 'install']));
    expect((await client.operations.verify()).ok).toBe(true);
    expect((await stat(join(dataDirectory, 'packages'))).isDirectory()).toBe(true);
  });

  it('answers several checks at once (the app loads its screens together) from one refresh of the signed catalog', async () => {
    const { client } = await demo.client();
    await client.login('it@northwind.example', demo.password('it@northwind.example'));
    const results = await Promise.all([
      client.check(),
      client.check(),
      client.systems(),
      client.trust.allTargets('all'),
    ]);
    expect(results[0].map((r) => r.system.serialNumber)).toEqual(results[1].map((r) => r.system.serialNumber));
    expect(results[3].length).toBe(42);
  });

  it('downloads into a folder for IT staff and recognises the file by its signed hash', async () => {
    const { client, dataDirectory } = await demo.client();
    await client.login('it@contoso.example', demo.password('it@contoso.example'));
    await client.check();
    const out = join(dataDirectory, 'out');
    const result = await client.download('beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz', { out });
    expect(result.file).toBe(join(out, 'beacon-2.1.4-linux-x64.tar.gz'));
    expect((await client.verify(result.file)).name).toBe('beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz');
    // The Windows build is for none of this customer's systems (all run on linux-x64): the portal says so.
    await expect(client.download('beacon/2.1.4/win-x64/beacon-2.1.4-win-x64.tar.gz', { out })).rejects.toMatchObject({
      code: 'NOT_FOR_PLATFORM',
    });
  });

  it('returns the failing installer’s typed failure with everything a service request needs', async () => {
    const { client } = await demo.client();
    await client.login('admin@contoso.example', demo.password('admin@contoso.example'));
    await client.check();
    const failure = await client.install('cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz', 'CG-COB-0001').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isInstallFailure(failure)).toBe(true);
    if (!isInstallFailure(failure)) return;
    expect(failure.code).toBe('INSTALL_FAILED');
    expect(failure.details).toMatchObject({
      product: 'cobalt',
      fromVersion: '4.2.0',
      toVersion: '4.2.1',
      exitCode: DEMO_INSTALL_FAILURE.exitCode,
      serialNumber: 'CG-COB-0001',
    });
    expect(failure.details.log).toContain(DEMO_INSTALL_FAILURE.signature);
    expect(client.inventory.get('CG-COB-0001').installedVersion).toBe('4.2.0');
    expect((await client.operations.recent(1))[0]?.kind).toBe('failure');
  });
});
