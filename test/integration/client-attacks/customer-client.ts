/**
 * Clients of the demo portal for the attack and fault tests: a Contoso admin's client pointed at the portal or at a
 * proxy in front of it, on its own data directory, which can be reopened on the same directory (the app restarted:
 * same inventory, cache and trust state, but nothing held in memory).
 */
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../electron/core/adapters.js';
import { HicareClient, type HicareClientOptions } from '../../../electron/core/client/hicare-client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import type { DemoPortal } from '../client-core/demo-portal.js';

export const CUSTOMER = 'admin@contoso.example';
/** Contoso's atlas: 1.4.2 installed, on linux-x64, entitled to every 1.x update. */
export const ATLAS_SYSTEM = 'CG-ATL-0001';
export const COBALT_SYSTEM = 'CG-COB-0001';

export interface CustomerClient {
  client: HicareClient;
  dataDirectory: string;
  /** The same client after a restart. */
  reopen(): HicareClient;
}

let opened = 0;

export function openClient(
  demo: DemoPortal,
  options: Partial<HicareClientOptions> & { portalUrl: string },
): CustomerClient {
  const dataDirectory = options.dataDirectory ?? join(demo.dir, `attack-client-${++opened}`);
  const make = (): HicareClient =>
    new HicareClient({
      secrets: new FileSecretStore(join(dataDirectory, 'secrets')),
      clock: systemClock,
      logger: silentLogger,
      trustRoot: demo.rootFile,
      downloadRetries: 1,
      platform: 'linux-x64',
      ...options,
      dataDirectory,
    });
  return { client: make(), dataDirectory, reopen: make };
}

/** Signed in and checked once while nobody interferes, so the inventory and the trust cache hold the honest state. */
export async function customerClient(
  demo: DemoPortal,
  options: Partial<HicareClientOptions> & { portalUrl: string },
): Promise<CustomerClient> {
  const opened = openClient(demo, options);
  await opened.client.login(CUSTOMER, demo.password(CUSTOMER));
  await opened.client.check();
  return opened;
}
