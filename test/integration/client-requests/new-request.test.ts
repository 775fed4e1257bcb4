/**
 * Requests opened from the command line for any covered system, against the real demo portal: a P4 enquiry with its
 * alarms, measurements and a log file reaches the engineer; files too large, of a refused kind or missing are refused
 * before anything is sent; IT staff are told before anything is queued; the same failure drafted twice while the
 * portal is down gives one request; and a queued request the portal refuses is kept, shown with the portal's reason,
 * and makes `request flush` exit non-zero until it is discarded.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/requests.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { runHicare, type Run } from '../client-cli/run-hicare.js';

const CUSTOMER = 'admin@contoso.example';
const IT_STAFF = 'it@contoso.example';
const FAILING = `cobalt/${DEMO_INSTALL_FAILURE.version}/linux-x64/cobalt-${DEMO_INSTALL_FAILURE.version}-linux-x64.tar.gz`;

let demo: DemoPortal;

function hicare(home: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runHicare(args, { HICARE_HOME: home, HICARE_PORTAL: demo.url, ...env });
}

/** A desktop of its own, trusting the demo and signed in as `email`. */
async function desktop(email: string): Promise<(args: string[]) => Promise<Run>> {
  const home = await mkdtemp(join(demo.dir, 'home-'));
  const run = (args: string[]) => hicare(home, args);
  expect((await run(['trust', demo.rootFile, '--yes'])).code).toBe(0);
  expect((await hicare(home, ['login', '--email', email], { HICARE_PASSWORD: demo.password(email) })).code).toBe(0);
  Object.assign(run, { home });
  return run;
}

const homeOf = (run: unknown): string => (run as { home: string }).home;
const outboxOf = async (run: unknown): Promise<string[]> =>
  (await readdir(join(homeOf(run), 'outbox')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));

async function engineer(): Promise<PortalClient> {
  const client = new PortalClient({
    portalUrl: demo.url,
    secrets: new FileSecretStore(await mkdtemp(join(demo.dir, 'secrets-'))),
  });
  await client.signIn('engineer@hicare.example', demo.password('engineer@hicare.example'));
  return client;
}

async function requestCount(): Promise<number> {
  return (await (await engineer()).call('listRequests', {})).requests.length;
}

beforeAll(async () => {
  demo = await startDemoPortal();
}, 60_000);
afterAll(async () => demo.close());

describe('hicare request create for any covered system', () => {
  it('sends a P4 enquiry with alarms, measurements and a log file the engineer can read', async () => {
    const run = await desktop(CUSTOMER);
    const log = join(demo.dir, 'agent.log');
    await writeFile(
      log,
      '2026-11-30 10:00:01 WARN queue depth 9120 above 5000\n2026-11-30 10:00:02 ERROR flush stalled\n',
    );
    const created = await run([
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--priority',
      'P4',
      '--description',
      'Which queue depth should the agent alarm at? password=Hunter2Hunter2',
      '--alarm',
      'ALM-2231 queue depth high',
      '--alarm',
      'ALM-2240 flush stalled',
      '--measurement',
      'queue depth p95 9120',
      '--measurement',
      'flush latency 4.2 s',
      '--attach',
      log,
      '--yes',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/Redaction removed 1 secret from the description:\n {2}- password on line 1: /);
    const number = /Sent: (TAC-\d{4}-\d{6})/.exec(created.stdout)?.[1];
    expect(number).toBeDefined();

    const vendor = await engineer();
    const listed = (await vendor.call('listRequests', {})).requests.find((r) => r.number === number);
    const detail = await vendor.call('getRequest', { params: { id: listed?.id ?? '' } });
    expect(detail).toMatchObject({
      priority: 'P4',
      serialNumber: 'CG-ATL-0001',
      location: 'Contoso operations centre, rack B4',
      alarms: ['ALM-2231 queue depth high', 'ALM-2240 flush stalled'],
      performanceMeasurements: 'queue depth p95 9120\nflush latency 4.2 s',
    });
    expect(detail.faultDescription).toBe('Which queue depth should the agent alarm at? password=[REDACTED password]');
    expect(detail.attachments).toEqual([
      expect.objectContaining({ fileName: 'agent.log', contentType: 'text/plain', uploaderRole: 'customer-admin' }),
    ]);
    expect(await outboxOf(run)).toEqual([]);
  });

  it('refuses a file too large, a program, and a missing file before anything is sent', async () => {
    const run = await desktop(CUSTOMER);
    const before = await requestCount();
    const big = join(demo.dir, 'huge.log');
    await writeFile(big, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x61));
    const program = join(demo.dir, 'tool.png');
    await writeFile(program, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]));
    const base = [
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--priority',
      'P4',
      '--description',
      'Enquiry',
      '--yes',
    ];

    const tooLarge = await run([...base, '--attach', big]);
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain(
      'error ATTACHMENT_TOO_LARGE: The file huge.log is 5.0 MiB; at most 5 MiB can be attached.',
    );
    expect(tooLarge.stderr).toMatch(/Compress the file/);

    const refused = await run([...base, '--attach', program]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error ATTACHMENT_TYPE_REFUSED: The file tool.png is a program.');

    const missing = await run([...base, '--attach', join(demo.dir, 'no-such.log')]);
    expect(missing.code).toBe(7);
    expect(missing.stderr).toMatch(
      /error NOT_FOUND: The file .*no-such\.log cannot be found\.\n {2}Check the path given to --attach/,
    );
    expect(missing.stderr).not.toMatch(/ENOENT|errno|syscall/);

    expect(await requestCount()).toBe(before);
    expect(await outboxOf(run)).toEqual([]);
  });

  it('tells IT staff they cannot open requests before anything is queued, without naming the role', async () => {
    const run = await desktop(IT_STAFF);
    const before = await requestCount();
    const refused = await run([
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--priority',
      'P4',
      '--description',
      'Enquiry',
      '--yes',
    ]);
    expect(refused.code).toBe(9);
    expect(refused.stderr).toContain('error ROLE_NOT_ALLOWED: IT staff accounts cannot open service requests.');
    expect(refused.stderr).toContain('Ask your customer administrator');
    expect(refused.stderr).not.toContain('it-staff');
    expect(await outboxOf(run)).toEqual([]);
    expect(await requestCount()).toBe(before);
  });
});

describe('the outbox', () => {
  it('gives one request for a failure drafted twice offline, and keeps a refused request until it is discarded', async () => {
    const run = await desktop(CUSTOMER);
    expect((await run(['install', FAILING, '--serial', 'CG-COB-0001'])).code).toBe(5);
    const port = new URL(demo.url).port;
    const dataDirectory = demo.portal.layout.dataDirectory;
    const before = await requestCount();
    await demo.portal.close();

    for (let i = 0; i < 2; i++) {
      const queued = await run(['request', 'create', '--from-failure', 'last', '--yes']);
      expect(queued.code, queued.stderr).toBe(0);
      expect(queued.stdout).toContain('Queued on this desktop');
    }
    // A system the contract does not cover: the portal will refuse it when it is back.
    const doomed = await run([
      'request',
      'create',
      '--serial',
      'NO-SUCH-0001',
      '--location',
      'Lab',
      '--priority',
      'P4',
      '--description',
      'Enquiry',
      '--yes',
    ]);
    expect(doomed.code, doomed.stderr).toBe(0);
    expect(await outboxOf(run)).toHaveLength(2);

    const { createPortal } = await import('../../../portal/server.js');
    demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
    await demo.portal.listen({ host: '127.0.0.1', port: Number(port) });

    const flushed = await run(['request', 'flush']);
    expect(flushed.stdout).toContain('1 sent, 0 still waiting, 1 refused.');
    expect(flushed.code).toBe(1);
    expect(flushed.stderr).toMatch(/Not sent: NO-SUCH-0001 "Enquiry" \(([0-9a-f-]{36})\)\n {2}NOT_FOUND: /);
    expect(flushed.stderr).toContain(
      'error REQUEST_REFUSED: The portal refused a request waiting on this desktop; it is kept.',
    );
    expect(await requestCount()).toBe(before + 1);
    const vendor = await engineer();
    const forFailure = (await vendor.call('listRequests', {})).requests.filter(
      (r) => r.serialNumber === 'CG-COB-0001' && r.installFailure !== undefined,
    );
    expect(forFailure).toHaveLength(1);
    // Drafted a third time, online now: still that request, not a second one and not an error.
    const third = await run(['request', 'create', '--from-failure', 'last', '--yes']);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain(`Sent: ${forFailure[0]?.number ?? '?'}`);

    // Kept and reported again, never retried as it is, until the customer discards it.
    const again = await run(['request', 'flush']);
    expect(again.code).toBe(1);
    expect(await outboxOf(run)).toHaveLength(1);
    const key = /\(([0-9a-f-]{36})\)/.exec(again.stderr)?.[1] ?? '';
    expect((await run(['request', 'discard', key])).code).toBe(0);
    const clean = await run(['request', 'flush']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toContain('0 sent, 0 still waiting, 0 refused.');
    expect(await requestCount()).toBe(before + 1);
  }, 180_000);
});
