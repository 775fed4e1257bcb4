/**
 * Connections cut mid-download, through the real portal: a proxy drops the connection after a seeded random number
 * of body bytes on the first 1–3 attempts of each download of an 8 MiB package, 50 times over. Every download ends
 * with the right hash, the verified cache never holds a corrupt file, and each resume asks only for what is missing
 * (re-transferring at most 1 MiB per cut). Set HICARE_FAULT_SEED to replay another sequence of cuts.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../electron/core/client/hicare-client.js';
import { tokenSecretName } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { ATLAS_SYSTEM, CUSTOMER, openClient } from '../client-attacks/customer-client.js';
import { corruptCacheEntries } from '../client-attacks/nothing-installed.js';
import { PortalProxy } from '../client-attacks/portal-proxy.js';
import { publishRelease, randomArchive } from '../client-attacks/published-release.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { seededRandom } from '../../support/seeded-random.js';

const MiB = 1024 * 1024;
const RUNS = 50;
const PARALLEL = 5;
const SEED = Number(process.env['HICARE_FAULT_SEED'] ?? 20_260_301);

let demo: DemoPortal;
let big: ReleaseTarget;
let token: string;

beforeAll(async () => {
  demo = await startDemoPortal();
  big = await publishRelease(demo, { product: 'atlas', version: '1.9.5', content: randomArchive('1.9.5', 8 * MiB) });
  const { client } = openClient(demo, { portalUrl: demo.url });
  token = (await client.login(CUSTOMER, demo.password(CUSTOMER))).token;
}, 60_000);
afterAll(async () => demo.close());

interface Plan {
  /** How many of the first attempts are cut. */
  cuts: number;
  /** Where in what is left of each cut answer the cut falls, as a fraction. */
  at: number[];
}

interface Attempt {
  from: number;
  sent: number;
  cut: boolean;
}

interface RunReport {
  cuts: number;
  retransferred: number;
  /** Per resume: bytes that had gone out before the cut but were asked for again. */
  askedAgain: number[];
}

async function downloadWithCuts(run: number, plan: Plan): Promise<RunReport> {
  const proxy = await PortalProxy.start(demo.url);
  const attempts: Attempt[] = [];
  const cacheChecks: Promise<string[]>[] = [];
  const dataDirectory = join(demo.dir, `cut-run-${run}`);
  proxy.rule = (req) => {
    if (!(req.url ?? '').startsWith('/api/v1/packages/')) return undefined;
    const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    const attempt: Attempt = { from, sent: 0, cut: false };
    const index = attempts.push(attempt) - 1;
    const onEnd = ({ bytes, cut }: { bytes: number; cut: boolean }): void => {
      attempt.sent = bytes;
      attempt.cut = cut;
      // The moment of the cut is when a careless client would publish what it has: look at the cache then.
      if (cut) cacheChecks.push(corruptCacheEntries(dataDirectory));
    };
    if (index >= plan.cuts) return { kind: 'forward', onEnd };
    return { kind: 'forward', cutAfter: Math.floor((plan.at[index] ?? 0.5) * (big.length - from)), onEnd };
  };
  try {
    await mkdir(dataDirectory, { recursive: true });
    const secrets = new FileSecretStore(join(dataDirectory, 'secrets'));
    await secrets.set(tokenSecretName(proxy.url), token);
    const { client } = openClient(demo, { portalUrl: proxy.url, dataDirectory, secrets, downloadRetries: 5 });
    const result = await client.download(big.name, { serialNumber: ATLAS_SYSTEM });

    expect(result.fromCache).toBe(false);
    expect(result.sha256).toBe(big.sha256);
    expect(await sha256File(result.path)).toBe(big.sha256);
    for (const bad of await Promise.all(cacheChecks)) expect(bad).toEqual([]);
    expect(await corruptCacheEntries(dataDirectory)).toEqual([]);
    expect(attempts.filter((a) => a.cut)).toHaveLength(plan.cuts);
    expect(attempts).toHaveLength(plan.cuts + 1);

    const askedAgain: number[] = [];
    let delivered = 0;
    for (const [i, attempt] of attempts.entries()) {
      if (i > 0) {
        // Never more than what went out, never more than 1 MiB short of it: the rest is asked for, not the whole.
        expect(attempt.from).toBeLessThanOrEqual(delivered);
        askedAgain.push(delivered - attempt.from);
      }
      delivered = attempt.from + attempt.sent;
    }
    const retransferred = result.bytesTransferred - big.length;
    expect(retransferred).toBeGreaterThanOrEqual(0);
    expect(retransferred).toBeLessThanOrEqual(plan.cuts * MiB);
    for (const bytes of askedAgain) expect(bytes).toBeLessThanOrEqual(MiB);
    return { cuts: plan.cuts, retransferred, askedAgain };
  } finally {
    await proxy.close();
    // 50 copies of the package would otherwise sit in the temp folder until the end.
    await rm(dataDirectory, { recursive: true, force: true });
  }
}

describe('downloads over a line that keeps breaking', () => {
  it(`completes ${RUNS} downloads of an 8 MiB package, each cut 1–3 times at random points (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const plans: Plan[] = Array.from({ length: RUNS }, () => ({
      cuts: 1 + Math.floor(random() * 3),
      at: [random(), random(), random()],
    }));
    const reports: RunReport[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < plans.length) {
        const run = next++;
        reports.push(await downloadWithCuts(run, plans[run]!));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    const cuts = reports.reduce((n, r) => n + r.cuts, 0);
    const retransferred = reports.reduce((n, r) => n + r.retransferred, 0);
    const askedAgain = reports.flatMap((r) => r.askedAgain);
    console.log(
      `cut connections: ${reports.length} downloads of ${big.length} bytes, ${cuts} cuts (seed ${SEED}). ` +
        `Re-transferred (bytes received beyond the package's length): ${retransferred} in all. ` +
        `Bytes the proxy sent before a cut that were asked for again: ${askedAgain.reduce((a, b) => a + b, 0)} in all, at most ${Math.max(...askedAgain)} for one cut (allowed: ${MiB}).`,
    );
    expect(reports).toHaveLength(RUNS);
    expect(retransferred).toBeLessThanOrEqual(cuts * MiB);
  }, 60_000);
});
