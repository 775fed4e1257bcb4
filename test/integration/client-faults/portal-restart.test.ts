/**
 * The portal restarts in the middle of a download: the process goes away while an 8 MiB package is on its way
 * (throttled by a proxy so that it is mid-transfer), and a new portal comes up on the same data directory and port.
 * The client rides it out with its retries and backoff, resumes from what it had, and ends with the right bytes.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../electron/core/client/hicare-client.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { createPortal, type Portal } from '../../../portal/server.js';
import { ATLAS_SYSTEM, customerClient } from '../client-attacks/customer-client.js';
import { corruptCacheEntries } from '../client-attacks/nothing-installed.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { publishRelease, randomArchive } from '../client-attacks/published-release.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { untilTrue } from '../wait.js';

const MiB = 1024 * 1024;
/** How often the client must have asked in vain before the portal comes back: past its first retry, as in a real restart. */
const ASKS_WHILE_DOWN = 2;

let demo: DemoPortal;
let proxy: PortalProxy;
let big: ReleaseTarget;
/** Whichever portal is running now. */
let running: Portal;

beforeAll(async () => {
  demo = await startDemoPortal();
  running = demo.portal;
  proxy = await PortalProxy.start(demo.url);
  big = await publishRelease(demo, { product: 'atlas', version: '1.9.5', content: randomArchive('1.9.5', 8 * MiB) });
}, 60_000);
afterAll(async () => {
  await proxy.close();
  await running.close();
  await rm(demo.dir, { recursive: true, force: true });
});

/** Stops the portal as a killed process would: every open connection dropped, nothing finished. */
async function stopAbruptly(portal: Portal): Promise<void> {
  const closing = portal.close();
  portal.app.server.closeAllConnections();
  await closing;
}

describe('a portal restart during a download', () => {
  it('is ridden out: the download resumes against the new portal and ends with the right hash', async () => {
    const { client, dataDirectory } = await customerClient(demo, { portalUrl: proxy.url, downloadRetries: 8 });
    const attempts: { from: number; status: number; bytes: number; cut: boolean }[] = [];
    let restart: Promise<void> | undefined;
    let down = false;
    let askedWhileDown = 0;
    const port = Number(new URL(demo.url).port);
    proxy.rule = (req) => {
      if (!(req.url ?? '').startsWith('/api/v1/packages/')) return undefined;
      if (down) askedWhileDown += 1;
      const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      return {
        kind: 'forward',
        bytesPerSecond: 16 * MiB,
        onEnd: ({ status, bytes, cut }) => attempts.push({ from, status, bytes, cut }),
      };
    };
    // A third of the way in, the portal goes down and comes back on the same data directory and port.
    const progress = (event: { receivedBytes: number }): void => {
      if (restart !== undefined || event.receivedBytes < big.length / 3) return;
      restart = (async () => {
        down = true;
        await stopAbruptly(running);
        await untilTrue(async () => askedWhileDown >= ASKS_WHILE_DOWN, {
          what: 'the client to ask again while the portal is down',
        });
        running = await createPortal({ dataDirectory: join(demo.dir, 'portal'), refreshEveryMs: 0 });
        await running.listen({ host: '127.0.0.1', port });
        down = false;
      })();
    };
    client.downloads.on('progress', progress);

    const result = await client.download(big.name, { serialNumber: ATLAS_SYSTEM });
    await restart;

    expect(restart, 'the portal was never restarted').toBeDefined();
    expect(result.sha256).toBe(big.sha256);
    expect(await sha256File(result.path)).toBe(big.sha256);
    expect(await corruptCacheEntries(dataDirectory)).toEqual([]);
    // The first answer was cut by the restart; a later one resumed from where the part stood.
    expect(attempts[0]).toMatchObject({ from: 0, cut: true });
    const resumed = attempts.find((a) => a.from > 0 && a.status === 206);
    expect(resumed, JSON.stringify(attempts)).toBeDefined();
    // While it was down the client kept asking, backing off, and did not give up.
    expect(askedWhileDown).toBeGreaterThanOrEqual(ASKS_WHILE_DOWN);
    expect(result.bytesTransferred).toBeLessThanOrEqual(big.length + MiB);
    const kinds = (await client.operations.list()).map((r) => r.kind);
    expect(kinds.at(-1)).toBe('download');
  }, 20_000);
});
