/**
 * A Cobalt update the vendor publishes while the app runs: a real package whose script installs the version, signed
 * into the demo portal's catalog, for the tests that watch the app notice a new release.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import type { DemoPortal } from '../client-core/demo-portal.js';

export async function publishCobaltUpdate(demo: DemoPortal, version: string): Promise<void> {
  const file = join(demo.dir, `cobalt-${version}-linux-x64.tar.gz`);
  await writeFile(
    file,
    createTarGz([
      {
        path: 'install.sh',
        mode: 0o755,
        content: `#!/bin/sh\nmkdir -p "$1/cobalt" && echo ${version} > "$1/cobalt/VERSION"\n`,
      },
    ]),
  );
  await publishReleases(
    demo.portal.db,
    demo.portal.catalog,
    [
      {
        file,
        custom: {
          product: 'cobalt',
          version,
          platform: 'linux',
          arch: 'x64',
          installer: { type: 'script', entry: 'install.sh', args: ['{target}'], timeoutSeconds: 60, elevate: false },
          detection: { kind: 'file', path: '{target}/cobalt/VERSION', regex: '^(\\S+)' },
        },
      },
    ],
    new Date(),
  );
}
