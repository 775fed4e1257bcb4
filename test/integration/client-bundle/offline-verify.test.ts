/**
 * A bundle made from a real portal, verified on a machine that only trusts the portal's first root and has never
 * been online: everything checks, the newer roots and the versions seen are kept, and the verdict says what the
 * statement allows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describePortal } from '../portal-api/harness.js';
import { ATLAS, folderState, offlineWorld } from './offline-world.js';

describePortal('offline bundle verification', (t) => {
  const world = offlineWorld(t);

  it('verifies a bundle from the portal and keeps the versions it saw', async () => {
    const w = await world();
    expect(w.atlas.length).toBeGreaterThan(0);
    const parts = await w.bundle();
    const machine = await w.machine();

    const verdict = await w.verify(machine, parts);

    expect(verdict.serials).toEqual([ATLAS]);
    expect(verdict.contract).toEqual(w.contract);
    expect(verdict.issuedAt).toBe(t.clock.now.toISOString());
    expect(verdict.packages).toEqual([
      expect.objectContaining({
        target: w.atlas[0]!.name,
        length: w.atlas[0]!.length,
        sha256: w.atlas[0]!.sha256,
        product: 'atlas',
        version: w.atlas[0]!.custom.version,
        platform: 'linux-x64',
      }),
    ]);
    const seen = JSON.parse(await readFile(join(machine.metadataDir, 'offline-seen.json'), 'utf8')) as Record<
      string,
      number
    >;
    expect(seen['targets']).toBe(verdict.targetsVersion);
    expect(seen['root']).toBe(verdict.rootVersion);
    expect(seen['timestamp']).toBeGreaterThan(0);
    const root = JSON.parse(await readFile(join(machine.metadataDir, 'root.json'), 'utf8')) as {
      signed: { version: number };
    };
    expect(root.signed.version).toBe(verdict.rootVersion);

    // The same bundle again is no rollback: it verifies, and nothing moves.
    const before = await folderState(machine.dataDirectory);
    await w.verify(machine, parts);
    expect(await folderState(machine.dataDirectory)).toEqual(before);
  });

  it('verifies several releases of one bundle, each against its signed entry', async () => {
    const w = await world();
    const parts = await w.bundle(w.atlas.slice(0, 2));
    const verdict = await w.verify(await w.machine(), parts);
    expect(verdict.packages.map((p) => p.target)).toEqual(w.atlas.slice(0, 2).map((a) => a.name));
  });
});
