/**
 * A demo portal for the client-core tests: seeded, on loopback, on a SQLite file; and clients that trust its root
 * explicitly, as a user of the demo does, each with its own data directory and a 0600 token file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../electron/core/adapters.js';
import { HicareClient, type HicareClientOptions } from '../../../electron/core/client/hicare-client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { seedDemo, type DemoSeedResult } from '../../../portal/demo/seed.js';
import { createPortal, type Portal } from '../../../portal/server.js';

export interface DemoPortal {
  /** A test may replace it with a restarted portal on the same data directory. */
  portal: Portal;
  url: string;
  seed: DemoSeedResult;
  dir: string;
  rootFile: string;
  password(email: string): string;
  client(overrides?: Partial<HicareClientOptions>): Promise<{ client: HicareClient; dataDirectory: string }>;
  close(): Promise<void>;
}

export async function startDemoPortal(): Promise<DemoPortal> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-client-core-'));
  const portal = await createPortal({ dataDirectory: join(dir, 'portal'), refreshEveryMs: 0 });
  const seed = await seedDemo({
    db: portal.db,
    catalog: portal.catalog,
    keysDir: portal.layout.keysDir,
    now: new Date(),
  });
  const url = await portal.listen({ host: '127.0.0.1', port: 0 });
  let clients = 0;
  const demo: DemoPortal = {
    portal,
    url,
    seed,
    dir,
    rootFile: join(portal.layout.repoDir, '1.root.json'),
    password(email) {
      const account = seed.accounts.find((a) => a.email === email);
      if (account === undefined) throw new Error(`no demo account ${email}`);
      return account.password;
    },
    async client(overrides = {}) {
      const dataDirectory = join(dir, `client-${++clients}`);
      const client = new HicareClient({
        dataDirectory,
        portalUrl: url,
        secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
        clock: systemClock,
        logger: silentLogger,
        trustRoot: join(portal.layout.repoDir, '1.root.json'),
        downloadRetries: 1,
        ...overrides,
      });
      return { client, dataDirectory };
    },
    async close() {
      // The portal a test restarted, if it did.
      await demo.portal.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return demo;
}
