/**
 * A real tuf-js client pointed at a test portal's `/tuf/`, trusting the portal's first root the way an installed app
 * trusts the root it shipped with. Its local metadata lives in a temp dir that `close()` removes.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Updater } from 'tuf-js';

export interface PortalTufClient {
  metadataDir: string;
  /** A new Updater over the same local state, as the app makes on each check. */
  updater(): Updater;
  close(): Promise<void>;
}

export async function portalTufClient(portalUrl: string, repoDir: string): Promise<PortalTufClient> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-portal-tuf-client-'));
  const metadataDir = join(dir, 'metadata');
  const targetDir = join(dir, 'targets');
  await mkdir(metadataDir);
  await mkdir(targetDir);
  // The portal's first root, as the app ships it; from the files when there are any, else as the portal serves it
  // (a portal on PostgreSQL keeps its metadata in the database).
  const root = await readFile(join(repoDir, '1.root.json')).catch(async () =>
    Buffer.from(await (await fetch(`${portalUrl}/tuf/1.root.json`)).arrayBuffer()),
  );
  await writeFile(join(metadataDir, 'root.json'), root);
  return {
    metadataDir,
    updater: () =>
      new Updater({
        metadataBaseUrl: `${portalUrl}/tuf/`,
        targetBaseUrl: `${portalUrl}/tuf/targets/`,
        metadataDir,
        targetDir,
        config: { fetchRetries: 0, fetchTimeout: 10_000 },
      }),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
