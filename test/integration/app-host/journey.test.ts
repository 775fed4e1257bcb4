/**
 * The app's window walking the demo through the app API, as a customer admin does: the sign-in screen with the demo
 * accounts, contracts and systems, what each system may take (with the upgrade path), a download followed by its
 * events, an install that works and one whose installer fails (an outcome with known issues, not an error), a
 * request drafted from that failure and sent, and the engineer's change to it arriving as a live event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { FileSecretStore } from '../../../electron/core/secret-file-store.js';
import { DEMO_INSTALL_FAILURE } from '../../../portal/demo/catalog.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const BEACON = 'beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz';
const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const COBALT_FAILING = `cobalt/${DEMO_INSTALL_FAILURE.version}/linux-x64/cobalt-${DEMO_INSTALL_FAILURE.version}-linux-x64.tar.gz`;

let demo: DemoPortal;
let app: AppUnderTest;

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo, { firstCheckDelayMs: 3_600_000, liveBackoff: { baseMs: 100, maxMs: 1_000 } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

describe('the app API on the demo portal', () => {
  it('offers the demo accounts before sign-in, trusts the demo root explicitly and refuses a wrong password', async () => {
    const view = await app.call('session.get', {});
    expect(view.portalUrl).toBe(demo.url);
    expect(view.account).toBeNull();
    expect(view.trust).toMatchObject({ rootPath: demo.rootFile, shipped: false });
    expect(view.trust?.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(view.demoAccounts?.map((a) => a.email)).toContain(CUSTOMER);
    await expect(app.refused('contracts.list', {})).resolves.toMatchObject({
      code: 'UNAUTHENTICATED',
      remedy: expect.stringMatching(/\S/),
    });
    await expect(
      app.refused('session.signIn', { email: CUSTOMER, password: 'not-the-password' }),
    ).resolves.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('signs in and lists the contracts and the systems they cover', async () => {
    const view = await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    expect(view.account).toMatchObject({ email: CUSTOMER, role: 'customer-admin', customerId: 'contoso' });
    const { contracts } = await app.call('contracts.list', {});
    expect(contracts.map((c) => [c.id, c.tier, c.status])).toEqual([['CG-UPS-2026', 'upgrade-support', 'active']]);
    const { systems } = await app.call('systems.list', {});
    expect(systems.map((s) => s.serialNumber).sort()).toEqual(['CG-ATL-0001', 'CG-BCN-0001', 'CG-COB-0001']);
    expect(systems.find((s) => s.serialNumber === 'CG-COB-0001')).toMatchObject({
      installedVersion: '4.2.0',
      contractIds: ['CG-UPS-2026'],
    });
  });

  it('shows what each system may take, with the upgrade path through its intermediate hop', async () => {
    const { resolutions, checkedAt } = await app.call('updates.check', {});
    expect(Date.parse(checkedAt)).not.toBeNaN();
    const atlas = resolutions.find((r) => r.system.serialNumber === 'CG-ATL-0001');
    expect(atlas?.system).toMatchObject({
      product: 'atlas',
      installedVersion: '1.4.2',
      location: 'Contoso operations centre, rack B4',
    });
    expect(atlas?.recommended).toEqual({ version: '2.3.1', hops: ['1.9.0', '2.3.1'], problem: null });
    const preview = atlas?.upgrades.find((c) => c.target.custom.version === '3.0.0-rc.1');
    expect(preview?.verdict).toMatchObject({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'PRERELEASE', remedy: expect.stringMatching(/\S/) })],
    });
  });

  it('records a version entered for remote equipment', async () => {
    const system = await app.call('systems.setVersion', { serialNumber: 'CG-BCN-0001', version: '2.0.0' });
    expect(system).toMatchObject({ serialNumber: 'CG-BCN-0001', installedVersion: '2.0.0', versionSource: 'entered' });
    await expect(
      app.refused('systems.setVersion', { serialNumber: 'NO-SUCH-0001', version: '1.0.0' }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('downloads a package and reports it through downloads.changed until it is verified', async () => {
    const started = await app.call('downloads.start', { targetName: BEACON, serialNumber: 'CG-BCN-0001' });
    expect(started).toMatchObject({ targetName: BEACON, serialNumber: 'CG-BCN-0001', verified: false });
    expect(started.totalBytes).toBeGreaterThan(0);
    const done = await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.state === 'done');
    expect(done).toMatchObject({
      verified: true,
      receivedBytes: started.totalBytes,
      totalBytes: started.totalBytes,
      error: null,
    });
    // Every announcement before the last was of the same download, never verified early.
    const mine = app.eventsOf('downloads.changed').filter((v) => v.id === started.id);
    expect(mine.slice(0, -1).every((v) => !v.verified)).toBe(true);
    const { downloads } = await app.call('downloads.list', {});
    expect(downloads.find((d) => d.id === started.id)).toMatchObject({ state: 'done', verified: true });
    // A finished download cannot be cancelled any more: it stays done.
    await expect(app.call('downloads.cancel', { id: started.id })).resolves.toMatchObject({ state: 'done' });
  });

  it('refuses a package the customer may not have, with the portal’s reason', async () => {
    const win = 'beacon/2.1.4/win-x64/beacon-2.1.4-win-x64.tar.gz';
    const started = await app.call('downloads.start', { targetName: win });
    const failed = await app.waitForEvent('downloads.changed', (v) => v.id === started.id && v.state === 'failed');
    expect(failed.error).toMatchObject({ code: 'NOT_FOR_PLATFORM', remedy: expect.stringMatching(/\S/) });
    expect(failed.verified).toBe(false);
    await expect(
      app.refused('downloads.start', { targetName: 'atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz' }),
    ).resolves.toMatchObject({ code: 'TARGET_UNKNOWN' });
  });

  it('installs a release and streams the installer’s log', async () => {
    // Two windows (or a double click) start the same install at once: one runs, the other is refused, not run twice.
    const settled = await Promise.allSettled(
      ['install-atlas-190-a', 'install-atlas-190-b'].map((installId) =>
        app.call('install.run', { targetName: ATLAS_190, serialNumber: 'CG-ATL-0001', installId }),
      ),
    );
    const ran = settled.findIndex((s) => s.status === 'fulfilled');
    const refused = settled[1 - ran];
    expect(refused?.status === 'rejected' && String(refused.reason)).toMatch(/INSTALL_IN_PROGRESS/);
    const outcome = (settled[ran] as PromiseFulfilledResult<Awaited<ReturnType<typeof app.call<'install.run'>>>>).value;
    expect(outcome).toMatchObject({ ok: true, fromVersion: '1.4.2', toVersion: '1.9.0', detectedVersion: '1.9.0' });
    const lines = app.eventsOf('install.log').filter((l) => l.serialNumber === 'CG-ATL-0001');
    expect(lines.length).toBeGreaterThan(0);
    // Every line says which run it belongs to, as the window named it: only the one that ran.
    expect(new Set(lines.map((l) => l.installId))).toEqual(
      new Set([ran === 0 ? 'install-atlas-190-a' : 'install-atlas-190-b']),
    );
    const { systems } = await app.call('systems.list', {});
    expect(systems.find((s) => s.serialNumber === 'CG-ATL-0001')).toMatchObject({ installedVersion: '1.9.0' });
  });

  it('answers a failing installer with its exit code, log tail and known issues, then drafts and sends a request from it', async () => {
    const outcome = await app.call('install.run', {
      targetName: COBALT_FAILING,
      serialNumber: 'CG-COB-0001',
      installId: 'install-cobalt-fail',
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome).toMatchObject({
      code: 'INSTALL_FAILED',
      exitCode: DEMO_INSTALL_FAILURE.exitCode,
      remedy: expect.stringMatching(/\S/),
    });
    expect(outcome.log).toContain(DEMO_INSTALL_FAILURE.signature);
    expect(outcome.knownIssues.map((a) => a.kind)).toContain('known-issue');
    expect(outcome.failureId).not.toBeNull();
    expect(
      app
        .eventsOf('install.log')
        .some((l) => l.serialNumber === 'CG-COB-0001' && l.text.includes(DEMO_INSTALL_FAILURE.signature)),
    ).toBe(true);

    const draft = await app.call('requests.draft', { failureId: outcome.failureId ?? '' });
    expect(draft.request).toMatchObject({
      serialNumber: 'CG-COB-0001',
      location: 'Contoso wind farm North, turbine 12',
      priority: 'P3',
    });
    expect(draft.request.installFailure).toMatchObject({
      product: 'cobalt',
      fromVersion: '4.2.0',
      toVersion: DEMO_INSTALL_FAILURE.version,
      exitCode: DEMO_INSTALL_FAILURE.exitCode,
    });
    expect(draft.knownIssues.map((a) => a.id)).toEqual(outcome.knownIssues.map((a) => a.id));
    const p2 = await app.call('requests.draft', { failureId: outcome.failureId ?? '', priority: 'P2' });
    expect(p2.request.priority).toBe('P2');

    const sent = await app.call('requests.submit', { request: draft.request, idempotencyKey: draft.idempotencyKey });
    expect(sent.status).toBe('sent');
    if (sent.status !== 'sent') return;
    expect(sent.request).toMatchObject({ serialNumber: 'CG-COB-0001', product: 'cobalt', state: 'submitted' });
    // Sent twice with the same key: still one request.
    const again = await app.call('requests.submit', { request: draft.request, idempotencyKey: draft.idempotencyKey });
    expect(again.status === 'sent' && again.request.id).toBe(sent.request.id);
    const { requests } = await app.call('requests.list', {});
    expect(requests.filter((r) => r.serialNumber === 'CG-COB-0001').map((r) => r.id)).toEqual([sent.request.id]);
    await expect(app.refused('requests.draft', { failureId: 'no-such-failure' })).resolves.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('hears the engineer’s changes to a request as requests.changed, and follows the request through messages, remote access and the survey', async () => {
    app.session.start();
    await expect.poll(() => app.session.listening, { timeout: 5_000 }).toBe(true);
    const [mine] = (await app.call('requests.list', {})).requests;
    const id = mine?.id ?? '';
    const engineer = new PortalClient({
      portalUrl: demo.url,
      secrets: new FileSecretStore(`${app.dataDirectory}/engineer-secrets`),
    });
    await engineer.signIn('engineer@hicare.example', demo.password('engineer@hicare.example'));
    await engineer.call('actOnRequest', { params: { id }, body: { action: 'accept' } });
    await app.waitForEvent('requests.changed', (e) => e.id === id && e.type === 'request.changed');
    await engineer.call('postMessage', {
      params: { id },
      body: { body: 'Please stop the cobalt-agent service and retry.' },
    });
    await app.waitForEvent('requests.changed', (e) => e.id === id && e.type === 'request.message');

    const message = await app.call('requests.message', { id, body: 'Stopped it; retrying now.' });
    expect(message).toMatchObject({ requestId: id, authorRole: 'customer-admin' });
    const grant = await app.call('requests.grant', {
      id,
      grant: { channel: 'ssh', address: 'turbine-12.contoso.example', account: 'tac', scope: 'diagnose' },
    });
    expect(grant.password.length).toBeGreaterThanOrEqual(20);
    await app.waitForEvent('requests.changed', (e) => e.id === id && e.type === 'grant.changed');
    expect((await app.call('requests.revokeGrant', { grantId: grant.id })).state).toBe('revoked');
    // Only the assigned engineer reads grant passwords.
    await expect(app.refused('requests.grantPassword', { grantId: grant.id })).resolves.toMatchObject({
      code: 'FORBIDDEN',
    });

    await engineer.call('actOnRequest', { params: { id }, body: { action: 'start-work' } });
    await engineer.call('actOnRequest', {
      params: { id },
      body: {
        action: 'propose-solution',
        solution: { text: 'Stop the cobalt-agent service, then run the installer again.' },
      },
    });
    expect((await app.call('requests.act', { id, action: 'confirm' })).state).toBe('confirmed');
    await engineer.call('actOnRequest', { params: { id }, body: { action: 'close' } });
    const detail = await app.call('requests.get', { id });
    expect(detail).toMatchObject({ state: 'closed', surveyAnswered: false });
    expect(detail.messages.map((m) => m.body)).toContain('Stopped it; retrying now.');
    expect(await app.call('requests.survey', { id, survey: { rating: 5, comment: 'Quick and clear.' } })).toEqual({
      rating: 5,
      comment: 'Quick and clear.',
    });
    await expect(app.refused('requests.take', { id })).resolves.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('signs out: the window is back at the sign-in screen and portal calls are refused', async () => {
    const view = await app.call('session.signOut', {});
    expect(view.account).toBeNull();
    expect(app.session.listening).toBe(false);
    await expect(app.refused('updates.check', {})).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(app.session.backgroundCheck()).resolves.toBeNull();
  });
});
