/** A signed-in `hicare` for the bundle tests: the portal's root trusted, IT staff of Contoso signed in, fresh metadata. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CG_IT, type TestPortal } from '../portal-api/harness.js';
import { INTERNAL_TEXT, runHicare, type Run } from '../client-cli/run-hicare.js';

export interface BundleWorld {
  dir: string;
  hicare(args: string[], env?: Record<string, string>): Promise<Run>;
  close(): Promise<void>;
}

export function ok(run: Run): Run {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout + run.stderr).not.toMatch(INTERNAL_TEXT);
  return run;
}

export async function bundleWorld(t: TestPortal): Promise<BundleWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bundle-'));
  // The CLI runs on the machine's clock: the portal signs fresh metadata for now, not for the seed's day.
  t.clock.now = new Date();
  await t.portal.refreshMetadata();
  const hicare = (args: string[], env: Record<string, string> = {}) =>
    runHicare(args, { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: t.url, ...env });
  const root = join(dir, '1.root.json');
  await writeFile(root, Buffer.from(await (await fetch(`${t.url}/tuf/1.root.json`)).arrayBuffer()));
  ok(await hicare(['trust', root, '--yes']));
  ok(
    await runHicare(
      ['login', '--email', CG_IT, '--password-stdin'],
      { HICARE_HOME: join(dir, 'home'), HICARE_PORTAL: t.url },
      `${t.password(CG_IT)}\n`,
    ),
  );
  return { dir, hicare, close: () => rm(dir, { recursive: true, force: true }) };
}
