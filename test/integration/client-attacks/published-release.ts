/**
 * Releases the tests publish on the real portal next to the demo catalog, through the vendor's own publish path
 * (hashed, stored, targets → snapshot → timestamp re-signed): a package of chosen bytes, or a big archive of random
 * bytes for the transfer faults.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform, ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import type { DemoPortal } from '../client-core/demo-portal.js';

export interface ReleaseSpec {
  product: string;
  version: string;
  platform?: Platform;
  content: Buffer;
}

export async function publishRelease(demo: DemoPortal, spec: ReleaseSpec): Promise<ReleaseTarget> {
  const platform = spec.platform ?? 'linux';
  const work = await mkdtemp(join(demo.dir, 'release-'));
  try {
    const file = join(work, `${spec.product}-${spec.version}-${platform}-x64.tar.gz`);
    await writeFile(file, spec.content);
    const custom = {
      product: spec.product,
      version: spec.version,
      platform,
      arch: 'x64' as const,
      installer: { type: 'archive' as const, args: [], timeoutSeconds: 300, elevate: false },
      detection: { kind: 'file' as const, path: '{target}/payload/VERSION', regex: '^(\\S+)' },
    };
    const [target] = await publishReleases(demo.portal.db, demo.portal.catalog, [{ file, custom }], new Date());
    if (target === undefined) throw new Error(`${spec.product} ${spec.version} was not published`);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A tar.gz of `bytes` random (incompressible) bytes plus a VERSION file: about `bytes` long. */
export function randomArchive(version: string, bytes: number): Buffer {
  return createTarGz([
    { path: 'payload/VERSION', mode: 0o644, content: `${version}\n` },
    { path: 'payload/data.bin', mode: 0o644, content: randomBytes(bytes) },
  ]);
}
