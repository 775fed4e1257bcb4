/**
 * Requests opened through the app API, as the New request form sends them: files checked and kept on this desktop
 * (one base64 file per call), then a P4 enquiry sent with them and seen by the engineer; files too large or of a
 * refused kind refused with nothing sent; IT staff told before anything is queued; a refused queued request listed
 * with the portal's reason until it is discarded.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/requests.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const COBALT_FAILING = `cobalt/${DEMO_INSTALL_FAILURE.version}/linux-x64/cobalt-${DEMO_INSTALL_FAILURE.version}-linux-x64.tar.gz`;
const LOG = Buffer.from('2026-11-30 10:00:01 WARN queue depth 9120 above 5000\n');

let demo: DemoPortal;
const apps: AppUnderTest[] = [];

async function signedIn(email: string): Promise<AppUnderTest> {
  const app = await appOn(demo, { firstCheckDelayMs: 3_600_000 });
  apps.push(app);
  await app.call('session.signIn', { email, password: demo.password(email) });
  return app;
}

/** Stops the demo portal, runs `offline`, and starts it again on the same data and port. */
async function whilePortalDown(offline: () => Promise<void>): Promise<void> {
  const port = new URL(demo.url).port;
  const dataDirectory = demo.portal.layout.dataDirectory;
  await demo.portal.close();
  await offline();
  const { createPortal } = await import('../../../portal/server.js');
  demo.portal = await createPortal({ dataDirectory, refreshEveryMs: 0 });
  await demo.portal.listen({ host: '127.0.0.1', port: Number(port) });
}

async function engineer(): Promise<PortalClient> {
  const { mkdtemp } = await import('node:fs/promises');
  const client = new PortalClient({
    portalUrl: demo.url,
    secrets: new FileSecretStore(await mkdtemp(join(demo.dir, 'secrets-'))),
  });
  await client.signIn('engineer@hicare.example', demo.password('engineer@hicare.example'));
  return client;
}

const requestCount = async () => (await (await engineer()).call('listRequests', {})).requests.length;
const outboxFiles = async (app: AppUnderTest) => readdir(join(app.dataDirectory, 'outbox')).catch(() => [] as string[]);
const enquiry = (serialNumber = 'CG-ATL-0001') => ({
  serialNumber,
  location: 'Contoso operations centre, rack B4',
  faultDescription: 'At which queue depth should the agent raise an alarm?',
  priority: 'P4' as const,
  alarms: ['ALM-2231 queue depth high'],
  performanceMeasurements: 'queue depth p95 9120',
  operationRecords: [],
});

beforeAll(async () => {
  demo = await startDemoPortal();
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await demo?.close();
});

describe('a request opened from the app for any covered system', () => {
  it('sends a P4 enquiry with alarms, measurements and a log the engineer sees', async () => {
    const app = await signedIn(CUSTOMER);
    const staged = await app.call('requests.stageAttachment', {
      fileName: 'agent.log',
      dataBase64: LOG.toString('base64'),
    });
    expect(staged).toMatchObject({ fileName: 'agent.log', contentType: 'text/plain', size: LOG.length });
    const outcome = await app.call('requests.submit', {
      request: enquiry(),
      idempotencyKey: crypto.randomUUID(),
      attachments: [staged],
    });
    expect(outcome.status).toBe('sent');
    if (outcome.status !== 'sent') return;
    const detail = await (await engineer()).call('getRequest', { params: { id: outcome.request.id } });
    expect(detail).toMatchObject({
      priority: 'P4',
      alarms: ['ALM-2231 queue depth high'],
      performanceMeasurements: 'queue depth p95 9120',
    });
    expect(detail.attachments).toEqual([
      expect.objectContaining({ fileName: 'agent.log', size: LOG.length, uploaderRole: 'customer-admin' }),
    ]);
    expect((await app.call('requests.outbox', {})).entries).toEqual([]);
  });

  it('refuses a file too large and a program before anything is sent', async () => {
    const app = await signedIn(CUSTOMER);
    const before = await requestCount();
    const tooLarge = await app.refused('requests.stageAttachment', {
      fileName: 'huge.log',
      dataBase64: Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x61).toString('base64'),
    });
    expect(tooLarge).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      message: 'The file huge.log is 5.0 MiB; at most 5 MiB can be attached.',
      remedy: expect.stringMatching(/Compress/),
    });
    const program = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(100)]);
    await expect(
      app.refused('requests.stageAttachment', { fileName: 'shot.png', dataBase64: program.toString('base64') }),
    ).resolves.toMatchObject({
      code: 'ATTACHMENT_TYPE_REFUSED',
      message: 'The file shot.png is a program.',
    });
    expect(await outboxFiles(app)).toEqual([]);
    expect(await requestCount()).toBe(before);
  });

  it('tells IT staff before anything is queued', async () => {
    const app = await signedIn('it@contoso.example');
    const before = await requestCount();
    const error = await app.refused('requests.submit', { request: enquiry(), idempotencyKey: crypto.randomUUID() });
    expect(error).toMatchObject({
      code: 'ROLE_NOT_ALLOWED',
      message: 'IT staff accounts cannot open service requests.',
    });
    expect(`${error.message} ${error.remedy}`).not.toContain('it-staff');
    expect((await outboxFiles(app)).filter((n) => n.endsWith('.json'))).toEqual([]);
    expect(await requestCount()).toBe(before);
  });

  it('answers a refusal on send with the portal’s code and queues nothing', async () => {
    const app = await signedIn(CUSTOMER);
    await expect(
      app.refused('requests.submit', { request: enquiry('NO-SUCH-0001'), idempotencyKey: crypto.randomUUID() }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.call('requests.outbox', {})).entries).toEqual([]);
  });

  it('gives one request for a failure drafted and approved twice while the portal is down', async () => {
    const app = await signedIn(CUSTOMER);
    const outcome = await app.call('install.run', {
      targetName: COBALT_FAILING,
      serialNumber: 'CG-COB-0001',
      installId: 'install-cobalt-twice',
    });
    expect(outcome.ok).toBe(false);
    const failureId = outcome.ok ? '' : (outcome.failureId ?? '');
    const first = await app.call('requests.draft', { failureId });
    await whilePortalDown(async () => {
      const second = await app.call('requests.draft', { failureId, priority: 'P2' });
      expect(second.idempotencyKey).toBe(first.idempotencyKey);
      expect(
        (await app.call('requests.submit', { request: first.request, idempotencyKey: first.idempotencyKey })).status,
      ).toBe('queued');
      expect(
        (await app.call('requests.submit', { request: second.request, idempotencyKey: second.idempotencyKey })).status,
      ).toBe('queued');
      // The later approval replaced the earlier one: one request waits.
      expect((await app.call('requests.outbox', {})).entries.map((e) => e.request.priority)).toEqual(['P2']);
    });
    await app.call('requests.list', {});
    expect((await app.call('requests.outbox', {})).entries).toEqual([]);
    const sent = (await (await engineer()).call('listRequests', {})).requests.filter(
      (r) => r.serialNumber === 'CG-COB-0001',
    );
    expect(sent.map((r) => [r.priority, r.installFailure?.toVersion])).toEqual([['P2', DEMO_INSTALL_FAILURE.version]]);
  }, 60_000);

  it('keeps a queued request the portal refuses, with its code and reason, until it is discarded', async () => {
    const app = await signedIn(CUSTOMER);
    const key = crypto.randomUUID();
    await whilePortalDown(async () => {
      const queued = await app.call('requests.submit', { request: enquiry('NO-SUCH-0001'), idempotencyKey: key });
      expect(queued.status).toBe('queued');
    });
    // Opening the list sends what waits; the refusal stays, with the portal's words.
    await app.call('requests.list', {});
    const { entries } = await app.call('requests.outbox', {});
    expect(entries).toEqual([
      expect.objectContaining({
        idempotencyKey: key,
        refusal: expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/NO-SUCH-0001/) }),
      }),
    ]);
    await app.call('requests.list', {});
    expect((await app.call('requests.outbox', {})).entries).toHaveLength(1);
    expect((await app.call('requests.discard', { idempotencyKey: key })).entries).toEqual([]);
    await expect(app.refused('requests.discard', { idempotencyKey: key })).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 60_000);
});
