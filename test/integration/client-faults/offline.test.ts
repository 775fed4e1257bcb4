/**
 * No portal at all: the address points at a port nothing listens on (a portal that is down, a wrong address, no
 * network). Signing in and checking for releases both fail with OFFLINE and tell the user what to do; the check,
 * tried with a session kept from an earlier day, leaves its failure in the operation log.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../../electron/core/adapters.js';
import { HicareClient } from '../../../electron/core/client/hicare-client.js';
import { tokenSecretName } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';

let dir: string;
let portalUrl: string;

/** A loopback port that was free a moment ago and that nothing listens on now. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-offline-'));
  portalUrl = `http://127.0.0.1:${await deadPort()}`;
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function offlineClient(name: string): { client: HicareClient; secrets: FileSecretStore } {
  const dataDirectory = join(dir, name);
  const secrets = new FileSecretStore(join(dataDirectory, 'secrets'));
  return {
    client: new HicareClient({ dataDirectory, portalUrl, secrets, clock: systemClock, logger: silentLogger }),
    secrets,
  };
}

describe('a portal that cannot be reached', () => {
  it('makes sign-in fail with OFFLINE and a remedy', async () => {
    const { client } = offlineClient('login');
    const error = await client.login('admin@contoso.example', 'whatever-it-is').then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string; remedy: string },
    );
    expect(error).toMatchObject({ code: 'OFFLINE', message: expect.stringContaining(portalUrl) });
    expect(error?.remedy).toMatch(/network connection/);
  });

  it('makes a check fail with OFFLINE and a remedy, and records the failure', async () => {
    const { client, secrets } = offlineClient('check');
    // Signed in on an earlier day: the session is still on this computer, the portal is not reachable.
    await secrets.set(tokenSecretName(portalUrl), 'a-session-from-yesterday');
    const error = await client.check().then(
      () => undefined,
      (e: unknown) => e as { code: string; remedy: string },
    );
    expect(error).toMatchObject({ code: 'OFFLINE' });
    expect(error?.remedy).toMatch(/network connection/);
    const [last] = await client.operations.recent(1);
    expect(last).toMatchObject({ kind: 'failure', summary: expect.stringContaining('OFFLINE') });
    expect(client.inventory.list()).toEqual([]);
  });
});
