/**
 * Every bad argument a window (or anything pretending to be one) can send is refused by the contract's dispatcher
 * with INVALID_INPUT before a handler runs: nothing is downloaded, installed, sent or stored. And what passes the
 * schema but not the facts (an unknown download, a file that is not a root, a package for another product) gets its
 * own coded error with a remedy, and changes nothing either.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { makeRoot } from '../trust-roots.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const ATLAS = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const VALID_REQUEST = {
  serialNumber: 'CG-COB-0001',
  location: 'Contoso wind farm North',
  faultDescription: 'It fails.',
  priority: 'P3',
};
const KEY = '7f0c1f5e-8a4b-4c1e-9d2a-3b6f0e9a1c2d';

let demo: DemoPortal;
let app: AppUnderTest;

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo);
  await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

const settingsFile = (): string => readFileSync(join(app.dataDirectory, 'settings.json'), 'utf8');

describe('arguments the contract refuses', () => {
  it.each<[string, string, unknown]>([
    ['a traversal in targetName', 'downloads.start', { targetName: '../../../etc/passwd' }],
    ['a traversal inside targetName', 'downloads.start', { targetName: 'atlas/1.9.0/../../../../secrets.json' }],
    ['an absolute targetName', 'downloads.start', { targetName: '/etc/passwd' }],
    ['a Windows path as targetName', 'downloads.start', { targetName: 'C:\\Windows\\win.ini' }],
    ['a backslash in targetName', 'downloads.start', { targetName: 'atlas\\1.9.0\\x.tar.gz' }],
    ['an empty segment in targetName', 'downloads.start', { targetName: 'atlas//x.tar.gz' }],
    ['a NUL in targetName', 'downloads.start', { targetName: 'atlas/x.tar.gz\u0000.txt' }],
    ['an empty targetName', 'downloads.start', { targetName: '' }],
    ['an overlong targetName', 'downloads.start', { targetName: `a/${'x'.repeat(300)}` }],
    ['a targetName that is not a string', 'downloads.start', { targetName: ['atlas'] }],
    ['a serial number with a space', 'downloads.start', { targetName: ATLAS, serialNumber: 'CG ATL 0001' }],
    ['an unknown key', 'downloads.start', { targetName: ATLAS, force: true }],
    [
      'a traversal in an install',
      'install.run',
      { targetName: '../atlas.tar.gz', serialNumber: 'CG-ATL-0001', installId: 'install-0001' },
    ],
    ['an install without a system', 'install.run', { targetName: ATLAS, installId: 'install-0001' }],
    ['an install the window did not name', 'install.run', { targetName: ATLAS, serialNumber: 'CG-ATL-0001' }],
    [
      'an install id with a slash',
      'install.run',
      { targetName: ATLAS, serialNumber: 'CG-ATL-0001', installId: '../install-1' },
    ],
    ['an overlong download id', 'downloads.pause', { id: 'x'.repeat(65) }],
    ['a bad idempotency key', 'requests.submit', { request: VALID_REQUEST, idempotencyKey: 'not-a-uuid' }],
    [
      'a request without a fault description',
      'requests.submit',
      { request: { ...VALID_REQUEST, faultDescription: '  ' }, idempotencyKey: KEY },
    ],
    [
      'a request with an unknown priority',
      'requests.submit',
      { request: { ...VALID_REQUEST, priority: 'P0' }, idempotencyKey: KEY },
    ],
    [
      'a request with an extra field',
      'requests.submit',
      { request: { ...VALID_REQUEST, state: 'closed' }, idempotencyKey: KEY },
    ],
    ['an empty failure id', 'requests.draft', { failureId: '' }],
    ['an unknown priority for a draft', 'requests.draft', { failureId: 'last', priority: 'urgent' }],
    ['an unknown request state', 'requests.list', { state: 'lost' }],
    ['a request id with a slash', 'requests.get', { id: '../grants/x' }],
    ['a request id with a dot-dot', 'requests.take', { id: '..' }],
    ['an unknown action', 'requests.act', { id: 'abc', action: 'delete' }],
    ['a blank message', 'requests.message', { id: 'abc', body: '   ' }],
    [
      'an unknown remote-access channel',
      'requests.grant',
      { id: 'abc', grant: { channel: 'telnet', address: 'x', account: 'y', scope: 'view' } },
    ],
    [
      'a grant longer than 72 hours',
      'requests.grant',
      { id: 'abc', grant: { channel: 'ssh', address: 'x', account: 'y', scope: 'view', expiresInHours: 73 } },
    ],
    [
      'a weak chosen grant password',
      'requests.grant',
      { id: 'abc', grant: { channel: 'ssh', address: 'x', account: 'y', scope: 'view', password: 'short' } },
    ],
    ['a grant id with a slash', 'requests.revokeGrant', { grantId: 'a/b' }],
    ['a survey rating of 6', 'requests.survey', { id: 'abc', survey: { rating: 6 } }],
    ['a survey rating of 2.5', 'requests.survey', { id: 'abc', survey: { rating: 2.5 } }],
    ['a sign-in without an e-mail address', 'session.signIn', { email: 'admin', password: 'x' }],
    [
      'a sign-in with a bad portal address',
      'session.signIn',
      { email: CUSTOMER, password: 'x', portalUrl: 'not a url' },
    ],
    ['an empty root path', 'trust.set', { rootPath: '' }],
    ['an empty version', 'systems.setVersion', { serialNumber: 'CG-BCN-0001', version: '' }],
    ['an argument to session.get', 'session.get', { verbose: true }],
    ['an array instead of an object', 'updates.check', []],
  ])('%s: INVALID_INPUT, nothing changes', async (_what, method, input) => {
    const before = settingsFile();
    const events = app.events.length;
    const downloads = (await app.call('downloads.list', {})).downloads.length;
    const error = await app.refused(method, input);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.remedy).toMatch(/\S/);
    expect(settingsFile()).toBe(before);
    expect(app.events.length).toBe(events);
    expect((await app.call('downloads.list', {})).downloads.length).toBe(downloads);
  });
});

describe('arguments that fit the contract but not the facts', () => {
  it('an unknown download id is NOT_FOUND for pause, resume and cancel', async () => {
    for (const method of ['downloads.pause', 'downloads.resume', 'downloads.cancel']) {
      await expect(app.refused(method, { id: 'no-such-download' })).resolves.toMatchObject({
        code: 'NOT_FOUND',
        remedy: expect.stringMatching(/\S/),
      });
    }
  });

  it('trusts only complete TUF roots: a missing file, JSON that is no root and an expired root are refused and the trusted root stays', async () => {
    const before = settingsFile();
    await expect(app.refused('trust.set', { rootPath: join(demo.dir, 'missing.json') })).resolves.toMatchObject({
      code: 'NOT_FOUND',
      remedy: expect.stringContaining('Trusted root'),
    });
    const notRoot = join(demo.dir, 'timestamp-like.json');
    writeFileSync(notRoot, JSON.stringify({ signed: { _type: 'timestamp' } }));
    await expect(app.refused('trust.set', { rootPath: notRoot })).resolves.toMatchObject({
      code: 'TRUST_ROOT_INVALID',
    });
    writeFileSync(notRoot, 'not json at all');
    await expect(app.refused('trust.set', { rootPath: notRoot })).resolves.toMatchObject({
      code: 'TRUST_ROOT_INVALID',
    });
    const expired = join(demo.dir, 'expired-root.json');
    writeFileSync(expired, makeRoot('expired'));
    await expect(app.refused('trust.set', { rootPath: expired })).resolves.toMatchObject({
      code: 'TRUST_ROOT_EXPIRED',
    });
    expect(settingsFile()).toBe(before);
    expect((await app.call('session.get', {})).trust?.rootPath).toBe(demo.rootFile);
  });

  it('refuses to install a package of another product, and one on a system that is not the customer’s, as errors rather than outcomes', async () => {
    await expect(
      app.refused('install.run', { targetName: ATLAS, serialNumber: 'CG-COB-0001', installId: 'install-0002' }),
    ).resolves.toMatchObject({ code: 'PACKAGE_NOT_FOR_SYSTEM' });
    await expect(
      app.refused('install.run', { targetName: ATLAS, serialNumber: 'NW-ATL-0001', installId: 'install-0003' }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(app.eventsOf('install.log')).toEqual([]);
  });

  it('without a portal configured, sign-in asks for one', async () => {
    const other = await appOn(demo, { trustDemo: false });
    try {
      expect((await other.call('session.get', {})).portalUrl).toBeNull();
      await expect(other.refused('session.signIn', { email: CUSTOMER, password: 'x' })).resolves.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'No portal is configured.',
      });
      expect((await other.call('session.get', {})).trust).toMatchObject({ shipped: true });
    } finally {
      await other.close();
    }
  });

  it("refuses a root whose signatures were altered, and a genuine root that does not sign this portal; the portal's root stays", async () => {
    const before = settingsFile();
    const genuine = JSON.parse(readFileSync(demo.rootFile, 'utf8')) as { signatures: { keyid: string; sig: string }[] };
    const altered = join(demo.dir, 'altered-root.json');
    const flipped = genuine.signatures.map((s) => ({
      ...s,
      sig: `${s.sig.slice(0, -2)}${s.sig.endsWith('00') ? '11' : '00'}`,
    }));
    writeFileSync(altered, JSON.stringify({ ...genuine, signatures: flipped }));
    await expect(app.refused('trust.set', { rootPath: altered })).resolves.toMatchObject({
      code: 'TRUST_ROOT_UNSIGNED',
      remedy: expect.stringMatching(/Nothing was trusted/),
    });

    // The vendor's root shipped with the app is a real, self-signed root, but the demo portal is not signed by it.
    const shipped = (await import('../../../electron/core/shipped-root.js')).SHIPPED_ROOT;
    await expect(app.refused('trust.set', { rootPath: shipped })).resolves.toMatchObject({
      code: 'UNTRUSTED_PORTAL',
      remedy: expect.stringMatching(/Nothing was changed/),
    });

    expect(settingsFile()).toBe(before);
    expect((await app.call('session.get', {})).trust?.rootPath).toBe(demo.rootFile);
    // The catalog still verifies from the portal's own root.
    expect((await app.call('updates.check', {})).resolutions.length).toBeGreaterThan(0);
  });

  it('a failed sign-in to another portal leaves the configured portal as it was', async () => {
    const before = settingsFile();
    const unreachable = 'http://127.0.0.1:9/';
    await expect(
      app.refused('session.signIn', { email: CUSTOMER, password: 'x', portalUrl: unreachable }),
    ).resolves.toMatchObject({ code: 'OFFLINE' });
    expect(settingsFile()).toBe(before);
    expect((await app.call('session.get', {})).portalUrl).toBe(demo.url);
  });
});
