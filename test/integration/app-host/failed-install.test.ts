/**
 * A failed install stays reachable: the system's last failure (what, when, exit code, known issues) is offered again
 * after the app starts anew over the same data, until the customer dismisses it or a request is sent for it. The
 * download records: after a download, the customer admin's records show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const SERIAL = 'CG-COB-0001';
const COBALT_FAILING = `cobalt/${DEMO_INSTALL_FAILURE.version}/linux-x64/cobalt-${DEMO_INSTALL_FAILURE.version}-linux-x64.tar.gz`;
const BEACON = 'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz';
const QUIET = { firstCheckDelayMs: 3_600_000 };

let demo: DemoPortal;
const apps: AppUnderTest[] = [];

async function started(dataDirectory?: string): Promise<AppUnderTest> {
  const app = await appOn(demo, { ...QUIET, ...(dataDirectory === undefined ? {} : { dataDirectory }) });
  apps.push(app);
  return app;
}

async function failInstall(app: AppUnderTest, installId: string): Promise<string> {
  const outcome = await app.call('install.run', { targetName: COBALT_FAILING, serialNumber: SERIAL, installId });
  if (outcome.ok || outcome.failureId === null) throw new Error('the demo installer was expected to fail');
  return outcome.failureId;
}

beforeAll(async () => {
  demo = await startDemoPortal();
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await demo?.close();
});

describe('a failed install stays on its system', () => {
  it('is shown again after a restart over the same data, until it is dismissed', async () => {
    const first = await started();
    await first.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    expect(await first.call('failures.open', { serialNumber: SERIAL })).toEqual({ failure: null });
    const failureId = await failInstall(first, 'install-cobalt-fail-1');
    await first.close();

    const again = await started(first.dataDirectory);
    const { failure } = await again.call('failures.open', { serialNumber: SERIAL });
    expect(failure).toMatchObject({
      id: failureId,
      product: 'cobalt',
      fromVersion: '4.2.0',
      toVersion: DEMO_INSTALL_FAILURE.version,
      exitCode: DEMO_INSTALL_FAILURE.exitCode,
    });
    expect(Date.parse(failure?.failedAt ?? '')).not.toBeNaN();
    expect(failure?.knownIssues.map((a) => a.kind)).toContain('known-issue');
    // Only its own system shows it.
    expect(await again.call('failures.open', { serialNumber: 'CG-ATL-0001' })).toEqual({ failure: null });

    await expect(again.refused('failures.dismiss', { failureId: 'no-such-failure' })).resolves.toMatchObject({
      code: 'NOT_FOUND',
      remedy: expect.stringMatching(/\S/),
    });
    expect((await again.call('failures.open', { serialNumber: SERIAL })).failure?.id).toBe(failureId);
    expect(await again.call('failures.dismiss', { failureId })).toEqual({ dismissed: true });
    expect(await again.call('failures.open', { serialNumber: SERIAL })).toEqual({ failure: null });
    await again.close();
    expect(await (await started(first.dataDirectory)).call('failures.open', { serialNumber: SERIAL })).toEqual({
      failure: null,
    });
  });

  it('goes away once a request drafted from it is sent', async () => {
    const app = await started();
    await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    const failureId = await failInstall(app, 'install-cobalt-fail-2');
    const draft = await app.call('requests.draft', { failureId });
    // Only drafting it changes nothing: the failure waits for the request to go out.
    expect((await app.call('failures.open', { serialNumber: SERIAL })).failure?.id).toBe(failureId);
    const sent = await app.call('requests.submit', { request: draft.request, idempotencyKey: draft.idempotencyKey });
    expect(sent.status).toBe('sent');
    expect(await app.call('failures.open', { serialNumber: SERIAL })).toEqual({ failure: null });
    // A new failure of the same system is shown again.
    const next = await failInstall(app, 'install-cobalt-fail-3');
    expect((await app.call('failures.open', { serialNumber: SERIAL })).failure?.id).toBe(next);
  });
});

describe('download records', () => {
  it('show the customer admin a download made for one of their systems', async () => {
    const app = await started();
    await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    const download = await app.call('downloads.start', { targetName: BEACON, serialNumber: 'CG-BCN-0001' });
    await app.waitForEvent('downloads.changed', (v) => v.id === download.id && v.state === 'done');
    const { records } = await app.call('records.downloads', {});
    expect(records[0]).toMatchObject({
      serialNumber: 'CG-BCN-0001',
      product: 'beacon',
      version: '2.1.4',
      targetName: BEACON,
      account: { email: CUSTOMER },
    });
    await expect(app.refused('records.downloads', { before: 'not-a-marker' })).resolves.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
