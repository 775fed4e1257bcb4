/**
 * What the offline tests share: a real portal's Contoso contract and Atlas releases, a bundle of them made from the
 * portal, and machines — data directories whose only trust is the portal's first root file, never online.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { HicareError } from '../../../shared/errors.js';
import { verifyBundle, type BundleExpectation } from '../../../electron/core/bundle/verify.js';
import { metadataDirFor } from '../../../electron/core/bundle/offline-state.js';
import { CG_ADMIN, type TestPortal } from '../portal-api/harness.js';
import { memoryBundle, type BundleParts } from './memory-bundle.js';
import { portalBundle } from './portal-bundle.js';

export const ATLAS = 'CG-ATL-0001';

export interface Machine {
  dataDirectory: string;
  rootFile: string;
  metadataDir: string;
}

export interface OfflineWorld {
  contract: { id: string; customerId: string };
  /** Atlas 1.x builds for linux-x64 newer than the 1.4.2 installed. */
  atlas: ReleaseTarget[];
  token: string;
  /** A bundle of the Atlas releases for CG-ATL-0001, statement issued at the portal's clock. */
  bundle(targets?: readonly ReleaseTarget[]): Promise<BundleParts>;
  machine(): Promise<Machine>;
  /** Verifies as `machine` would, an hour after the statement's issue. */
  verify(machine: Machine, parts: BundleParts, expect?: Partial<BundleExpectation>): ReturnType<typeof verifyBundle>;
}

export function offlineWorld(t: TestPortal): () => Promise<OfflineWorld> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return async () => {
    const customer = t.seed.customers.find((c) => c.systems.some((s) => s.serialNumber === ATLAS))!;
    const contract = { id: customer.contractId, customerId: customer.id };
    const atlas = (await t.portal.catalog.product('atlas')).targets
      .filter(
        (x) =>
          x.custom.platform === 'linux' && x.custom.arch === 'x64' && /^1\.(?:[5-9]|4\.[3-9])/.test(x.custom.version),
      )
      .sort((a, b) => a.custom.version.localeCompare(b.custom.version, 'en', { numeric: true }));
    const token = await t.signIn(CG_ADMIN);
    const world: OfflineWorld = {
      contract,
      atlas,
      token,
      bundle: (targets = atlas.slice(0, 1)) =>
        portalBundle(t.url, t.portal.layout.keysDir, token, {
          contract,
          serials: [ATLAS],
          targets,
          issuedAt: new Date(t.clock.now),
        }),
      async machine() {
        const dataDirectory = await mkdtemp(join(tmpdir(), 'hicare-offline-machine-'));
        dirs.push(dataDirectory);
        const rootFile = join(dataDirectory, 'trusted-root.json');
        await writeFile(rootFile, Buffer.from(await (await fetch(`${t.url}/tuf/1.root.json`)).arrayBuffer()));
        return { dataDirectory, rootFile, metadataDir: metadataDirFor(dataDirectory, t.url) };
      },
      verify: (machine, parts, expectation = {}) =>
        verifyBundle(
          memoryBundle(parts),
          { dataDirectory: machine.dataDirectory, rootFile: machine.rootFile },
          { now: new Date(t.clock.now.getTime() + 3_600_000), serial: ATLAS, ...expectation },
        ),
    };
    return world;
  };
}

/** Path → SHA-256 of every file under a folder: what "nothing on disk changed" is checked against. */
export async function folderState(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else
        out[relative(dir, path)] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** The refusal a user sees: this code and key, a message and a remedy, and the machine's folder as it was. */
export async function expectRefusedOffline(
  attempt: Promise<unknown>,
  key: string,
  machine: Machine,
  before: Record<string, string>,
): Promise<HicareError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the bundle was not refused').toBeInstanceOf(HicareError);
  const coded = error as HicareError;
  expect(coded.key, coded.message).toBe(key);
  expect(coded.message.trim()).not.toBe('');
  expect(coded.remedy.trim()).not.toBe('');
  expect(await folderState(machine.dataDirectory), 'the machine changed').toEqual(before);
  return coded;
}
