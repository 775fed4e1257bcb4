/**
 * The repository as the real tuf-js client sees it over HTTP: what it accepts (fresh and existing clients, across key
 * rotations) and what it refuses (tampered bytes, expired or rolled-back metadata).
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetadataKind, MetaFile, Timestamp } from '@tufjs/models';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { loadKey } from '../../../portal/tuf/keys.js';
import { rotateKey } from '../../../portal/tuf/rotate.js';
import { hashedTargetPath } from '../../../portal/tuf/target-name.js';
import {
  cleanup,
  DAY,
  freshRepository,
  HOUR,
  packageFile,
  releaseCustom,
  serve,
  trustingClient,
  type Client,
} from './helpers.js';

afterEach(cleanup);

const NAME = 'hicare-server/2.4.1/linux-x64/hicare-server-2.4.1.tar.gz';

async function downloadAndRead(
  client: Client,
  name: string,
): Promise<{ custom: Record<string, unknown>; bytes: Buffer }> {
  const updater = client.updater();
  await updater.refresh();
  const info = await updater.getTargetInfo(name);
  if (info === undefined) throw new Error(`client does not see ${name}`);
  const path = await updater.downloadTarget(info);
  return { custom: info.custom, bytes: await readFile(path) };
}

async function rootVersionOf(client: Client): Promise<number> {
  return (JSON.parse(await readFile(join(client.metadataDir, 'root.json'), 'utf8')) as { signed: { version: number } })
    .signed.version;
}

describe('tuf-js against the portal repository', () => {
  it('refreshes, finds the target, downloads it by its hash-prefixed path, and the custom metadata round-trips', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const content = Buffer.from('package bytes '.repeat(5000));
    const published = await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'p.tar.gz', content),
      custom: releaseCustom(),
    });
    const served = await serve(repoDir);

    const { custom, bytes } = await downloadAndRead(await trustingClient(repoDir, served), NAME);

    expect(bytes.equals(content)).toBe(true);
    expect(custom).toEqual(ReleaseTargetCustomSchema.parse(releaseCustom()));
    expect(custom).toEqual(published.custom);
    expect(served.requests).toContain(`/tuf/targets/${hashedTargetPath(NAME, published.sha256)}`);
    expect(served.requests).toEqual(
      expect.arrayContaining([
        '/tuf/2.root.json',
        '/tuf/timestamp.json',
        '/tuf/2.snapshot.json',
        '/tuf/2.targets.json',
      ]),
    );
  });

  it.each(['targets', 'snapshot', 'timestamp', 'root'] as const)(
    'after `keys rotate %s`, an existing client chains to the new root, keeps working, and sees the next release',
    async (role) => {
      const { repoDir, keysDir, workDir, repo } = await freshRepository();
      await repo.addTarget({ name: NAME, path: await packageFile(workDir, 'a', 'first'), custom: releaseCustom() });
      const served = await serve(repoDir);
      const client = await trustingClient(repoDir, served);
      await downloadAndRead(client, NAME);

      const rotation = await rotateKey({ repoDir, keysDir, role });
      // Clients keep working straight after the rotation, before anything new is published.
      expect((await downloadAndRead(client, NAME)).bytes.toString()).toBe('first');
      const next = 'hicare-server/2.4.2/linux-x64/hicare-server-2.4.2.tar.gz';
      await repo.addTarget({
        name: next,
        path: await packageFile(workDir, 'b', 'second'),
        custom: releaseCustom({ version: '2.4.2' }),
      });

      const { bytes, custom } = await downloadAndRead(client, next);
      expect(bytes.toString()).toBe('second');
      expect(custom.version).toBe('2.4.2');
      expect(await rootVersionOf(client)).toBe(rotation.rootVersion);
      expect(rotation.rootVersion).toBe(2);
      expect(rotation.retiredKeyIds).not.toContain(rotation.keyId);
      // A client installed before both rotations chains through every root too.
      expect((await downloadAndRead(await trustingClient(repoDir, served), NAME)).bytes.toString()).toBe('first');
    },
  );

  it('chains through several rotations in a row, root included', async () => {
    const { repoDir, keysDir, workDir, repo } = await freshRepository();
    const served = await serve(repoDir);
    const client = await trustingClient(repoDir, served);
    await client.updater().refresh();
    for (const role of ['root', 'targets', 'root', 'timestamp', 'snapshot'] as const)
      await rotateKey({ repoDir, keysDir, role });
    await repo.addTarget({ name: NAME, path: await packageFile(workDir, 'a', 'bytes'), custom: releaseCustom() });

    expect((await downloadAndRead(client, NAME)).bytes.toString()).toBe('bytes');
    expect(await rootVersionOf(client)).toBe(6);
  });

  it('refuses a target whose bytes were altered on disk, whether the length changed or not', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const published = await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'a', 'genuine bytes'),
      custom: releaseCustom(),
    });
    const stored = join(repoDir, 'targets', hashedTargetPath(NAME, published.sha256));
    const served = await serve(repoDir);
    const client = await trustingClient(repoDir, served);

    await writeFile(stored, 'tampered bytes'.slice(0, 'genuine bytes'.length));
    const updater = client.updater();
    const info = (await updater.getTargetInfo(NAME))!;
    await expect(updater.downloadTarget(info)).rejects.toThrow(/hash/i);

    await writeFile(stored, 'genuine bytes plus a payload');
    await expect(updater.downloadTarget(info)).rejects.toThrow(/length/i);
    expect(await updater.findCachedTarget(info)).toBeUndefined();
  });

  it('refuses an expired timestamp, and accepts the repository again once the scheduler re-signs it', async () => {
    const { repoDir, workDir, repo } = await freshRepository(new Date(Date.now() - 2 * DAY));
    await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'a', 'bytes'),
      custom: releaseCustom(),
      now: new Date(Date.now() - 2 * DAY),
    });
    const client = await trustingClient(repoDir, await serve(repoDir));

    await expect(client.updater().refresh()).rejects.toThrow(/timestamp\.json is expired/);

    expect(await repo.refreshTimestamp()).toBe(true);
    expect((await downloadAndRead(client, NAME)).bytes.toString()).toBe('bytes');
  });

  it('refuses a timestamp rolled back to an older version after the client saw a newer one', async () => {
    const { repoDir, workDir, repo } = await freshRepository();
    const client = await trustingClient(repoDir, await serve(repoDir));
    await client.updater().refresh();
    const saved = join(workDir, 'old-timestamp.json');
    await copyFile(join(repoDir, 'timestamp.json'), saved);

    await repo.addTarget({ name: NAME, path: await packageFile(workDir, 'a', 'bytes'), custom: releaseCustom() });
    await client.updater().refresh();
    // A mirror or attacker now replays the older, still validly signed and unexpired timestamp.
    await copyFile(saved, join(repoDir, 'timestamp.json'));

    await expect(client.updater().refresh()).rejects.toThrow(/timestamp version 1 is less than current version 2/);
    // A client that never saw the newer state has nothing to compare with: rollback protection is per client.
    await expect((await trustingClient(repoDir, await serve(repoDir))).updater().refresh()).resolves.toBeUndefined();
  });

  it('refuses a newer timestamp that points back to an older snapshot (a stolen timestamp key cannot roll back)', async () => {
    const { repoDir, keysDir, workDir, repo } = await freshRepository();
    await repo.addTarget({ name: NAME, path: await packageFile(workDir, 'a', 'a'), custom: releaseCustom() });
    await repo.addTarget({ name: `${NAME}.sig`, path: await packageFile(workDir, 'b', 'b'), custom: releaseCustom() });
    const client = await trustingClient(repoDir, await serve(repoDir));
    await client.updater().refresh();

    const current = Metadata.fromJSON(
      MetadataKind.Timestamp,
      JSON.parse(await readFile(join(repoDir, 'timestamp.json'), 'utf8')),
    );
    const oldSnapshotBytes = await readFile(join(repoDir, '2.snapshot.json'));
    const forged = new Metadata(
      new Timestamp({
        version: current.signed.version + 1,
        specVersion: current.signed.specVersion,
        expires: new Date(Date.now() + DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        snapshotMeta: new MetaFile({ version: 2, length: oldSnapshotBytes.length }),
      }),
    );
    forged.sign((await loadKey(keysDir, 'timestamp')).signer);
    await writeFile(join(repoDir, 'timestamp.json'), JSON.stringify(forged.toJSON()));

    await expect(client.updater().refresh()).rejects.toThrow(/snapshot version 2 is less than current version 3/);
  });

  it('accepts the timestamp refreshTimestamp re-signs near expiry', async () => {
    const start = new Date(Date.now() - 20 * HOUR);
    const { repoDir, workDir, repo } = await freshRepository(start);
    await repo.addTarget({
      name: NAME,
      path: await packageFile(workDir, 'a', 'bytes'),
      custom: releaseCustom(),
      now: start,
    });
    const client = await trustingClient(repoDir, await serve(repoDir));
    await client.updater().refresh();

    expect(await repo.refreshTimestamp()).toBe(true);
    expect((await downloadAndRead(client, NAME)).bytes.toString()).toBe('bytes');
  });
});
