/**
 * What the app's handlers hand the window, short of a portal: resolutions as views (the upgrade path as versions, the
 * reason when there is no path), the tail of a long installer log, and the handlers' answers when no portal is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appHandlers, type CallContext } from '../../../electron/core/app-handlers.js';
import { AppSession } from '../../../electron/core/app/app-session.js';
import { LOG_TAIL_CHARS, allowedCount, logTail, resolutionView } from '../../../electron/core/app/views.js';
import type { SystemResolution } from '../../../electron/core/resolver/resolver.js';
import { SettingsService } from '../../../electron/core/settings.js';
import { createDispatcher } from '../../../shared/api/define.js';
import { appApi } from '../../../shared/contracts/app-api.js';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { silentLogger } from '../../../electron/core/adapters.js';
import { testHost } from '../../support.js';

const now = new Date('2026-05-01T10:00:00Z');

function target(version: string): ReleaseTarget {
  return {
    name: `atlas/${version}/linux-x64/atlas-${version}-linux-x64.tar.gz`,
    length: 10,
    sha256: 'a'.repeat(64),
    custom: {
      product: 'atlas',
      version,
      platform: 'linux',
      arch: 'x64',
      installer: { type: 'archive', timeoutSeconds: 60, elevate: false },
      detection: { kind: 'file', path: '{target}/atlas/VERSION', regex: '^(\\S+)' },
      publishedAt: '2026-01-01T00:00:00Z',
      notes: '',
    },
  } as ReleaseTarget;
}

const allowed = {
  allowed: true,
  kind: 'update' as const,
  requiredRight: 'update' as const,
  reasons: [],
  contractId: 'C-1',
};

describe('resolution views', () => {
  const system = {
    serialNumber: 'S-1',
    product: 'atlas',
    location: 'Plant 1',
    installedVersion: '1.4.2',
    platform: 'linux-x64',
  };

  it('lists the upgrade path as versions and takes the system from the inventory', () => {
    const resolution: SystemResolution = {
      system,
      updates: [{ target: target('1.9.0'), verdict: allowed }],
      upgrades: [{ target: target('2.3.1'), verdict: { ...allowed, kind: 'upgrade', requiredRight: 'upgrade' } }],
      line: null,
      recommended: {
        version: '2.3.1',
        plan: {
          ok: true,
          hops: [
            { product: 'atlas', version: '1.9.0', publishedAt: '2026-01-01T00:00:00Z' },
            { product: 'atlas', version: '2.3.1', publishedAt: '2026-02-01T00:00:00Z' },
          ],
        },
      },
    };
    const inventory = [
      {
        ...system,
        contractIds: ['C-1'],
        versionSource: 'detected' as const,
        installDir: '/opt/s-1',
        updatedAt: now.toISOString(),
      },
    ];
    const view = resolutionView(resolution, inventory, now);
    expect(view.recommended).toEqual({ version: '2.3.1', hops: ['1.9.0', '2.3.1'], problem: null });
    expect(view.system).toEqual(inventory[0]);
    expect(allowedCount([resolution])).toBe(2);
  });

  it('says why there is no path, with its remedy', () => {
    const resolution: SystemResolution = {
      system,
      updates: [],
      upgrades: [],
      line: null,
      recommended: {
        version: '3.0.0',
        plan: {
          ok: false,
          code: 'NO_UPGRADE_PATH',
          message: 'No release installs over 1.4.2.',
          remedy: 'Ask the vendor for an intermediate release.',
        },
      },
    };
    const view = resolutionView(resolution, [], now);
    expect(view.recommended).toEqual({
      version: '3.0.0',
      hops: [],
      problem: { message: 'No release installs over 1.4.2.', remedy: 'Ask the vendor for an intermediate release.' },
    });
    // A system the inventory has not seen yet is still shown, with what the resolver knew.
    expect(view.system).toMatchObject({ serialNumber: 'S-1', contractIds: [], versionSource: null, installDir: null });
    expect(allowedCount([resolution])).toBe(0);
  });
});

describe('installer log tails', () => {
  it('keeps a short log whole', () => {
    expect(logTail('one\ntwo\n')).toBe('one\ntwo\n');
  });

  it('keeps the end of a long log from a whole line, and says how much was left out', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i}`);
    const tail = logTail(lines.join('\n'));
    expect(tail.length).toBeLessThanOrEqual(LOG_TAIL_CHARS + 100);
    expect(tail).toMatch(/^\[… \d+ earlier characters left out …\]\nline \d+\n/);
    expect(tail.endsWith('line 4999')).toBe(true);
  });
});

describe('handlers without a portal', () => {
  let dir: string;
  let session: AppSession;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hicare-'));
  });
  afterEach(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the sign-in screen with the shipped root and no demo, and asks for a portal for anything else', async () => {
    const settings = new SettingsService(dir);
    session = new AppSession({ host: testHost(dir, 'web'), settings, env: {} });
    const dispatch = createDispatcher<typeof appApi, CallContext>(
      appApi,
      appHandlers({ host: testHost(dir, 'web'), settings, session, uiBuilt: () => true }),
    );
    const view = await dispatch('session.get', {}, { origin: 'test' });
    expect(view).toMatchObject({
      ok: true,
      value: { portalUrl: null, account: null, demoAccounts: null, trust: { shipped: true } },
    });
    for (const method of ['contracts.list', 'systems.list', 'updates.check', 'requests.list']) {
      const reply = await dispatch(method, {}, { origin: 'test' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'No portal is configured.' } });
    }
    expect(await dispatch('downloads.list', {}, { origin: 'test' })).toEqual({ ok: true, value: { downloads: [] } });
    expect(await dispatch('session.signOut', {}, { origin: 'test' })).toMatchObject({
      ok: true,
      value: { account: null },
    });
  });

  it('takes the portal from HICARE_PORTAL when the settings name none', async () => {
    const settings = new SettingsService(dir);
    session = new AppSession({ host: testHost(dir, 'web'), settings, env: { HICARE_PORTAL: 'http://127.0.0.1:9' } });
    const dispatch = createDispatcher<typeof appApi, CallContext>(
      appApi,
      appHandlers({ host: testHost(dir, 'web'), settings, session, uiBuilt: () => true }),
    );
    expect(await dispatch('app.info', {}, { origin: 'test' })).toMatchObject({
      ok: true,
      value: { portalUrl: 'http://127.0.0.1:9' },
    });
    // Nobody signed in there: refused before any connection is tried.
    expect(await dispatch('contracts.list', {}, { origin: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('logs the cause of an uncoded failure, with its method, while the user sees only the coded INTERNAL', async () => {
    const settings = new SettingsService(dir);
    const logged: { message: string; fields: Record<string, unknown> | undefined }[] = [];
    const host = {
      ...testHost(dir, 'web'),
      logger: {
        ...silentLogger,
        error: (message: string, fields?: Record<string, unknown>) => logged.push({ message, fields }),
      },
    };
    session = new AppSession({ host, settings, env: {} });
    vi.spyOn(settings, 'get').mockImplementation(() => {
      throw new TypeError('settings went missing');
    });
    const dispatch = createDispatcher<typeof appApi, CallContext>(
      appApi,
      appHandlers({ host, settings, session, uiBuilt: () => true }),
    );
    const reply = await dispatch('settings.get', {}, { origin: 'test' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong inside the app.' },
    });
    expect(JSON.stringify(reply)).not.toContain('settings went missing');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toMatchObject({
      method: 'settings.get',
      error: expect.stringContaining('TypeError: settings went missing'),
    });
  });
});
