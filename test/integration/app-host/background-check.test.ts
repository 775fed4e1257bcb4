/**
 * The background check: on its schedule, while someone is signed in, the app resolves every system and announces
 * `updates.available` (the Electron shell's tray count and notification) only when more releases are allowed than
 * the user has already seen — here, when the vendor publishes a new update.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';
import { publishCobaltUpdate } from './cobalt-release.js';

const CUSTOMER = 'admin@northwind.example';
const DAY_MS = 24 * 3_600_000;

let demo: DemoPortal;
let app: AppUnderTest;

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo, { firstCheckDelayMs: 50 });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

describe('the background check', () => {
  it('does nothing while nobody is signed in', async () => {
    await expect(app.session.backgroundCheck()).resolves.toBeNull();
    expect(app.eventsOf('updates.available')).toEqual([]);
  });

  it('runs on its schedule once started and announces what is available', async () => {
    await app.call('session.signIn', { email: CUSTOMER, password: demo.password(CUSTOMER) });
    app.session.start();
    const first = await app.waitForEvent('updates.available', () => true);
    expect(first.count).toBeGreaterThan(0);
    expect(Date.parse(first.checkedAt)).not.toBeNaN();
  });

  it('stays quiet while nothing new appears, and speaks when the vendor publishes an update', async () => {
    const [first] = app.eventsOf('updates.available');
    await expect(app.session.backgroundCheck()).resolves.toBe(first?.count);
    expect(app.eventsOf('updates.available')).toHaveLength(1);

    await publishCobaltUpdate(demo, '4.2.3');
    const count = await app.session.backgroundCheck();
    expect(count).toBe((first?.count ?? 0) + 1);
    expect(app.eventsOf('updates.available').at(-1)).toMatchObject({ count });

    // What the user checked themselves counts as seen: the next background check has nothing new to announce.
    const { resolutions } = await app.call('updates.check', {});
    const cobalt = resolutions.find((r) => r.system.serialNumber === 'NW-COB-0001');
    expect(cobalt?.updates.filter((c) => c.verdict.allowed).map((c) => c.target.custom.version)).toContain('4.2.3');
    const announced = app.eventsOf('updates.available').length;
    await publishCobaltUpdate(demo, '4.2.4');
    await app.call('updates.check', {});
    await app.session.backgroundCheck();
    expect(app.eventsOf('updates.available')).toHaveLength(announced);
  });

  it('follows a new interval from the settings: nothing before a day has passed, one check when it has', async () => {
    // Only the timers are faked: the portal, the database and the clock the catalog's expiry is read by stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const checks = vi.spyOn(app.session, 'backgroundCheck').mockResolvedValue(null);
    try {
      const updated = await app.call('settings.update', { checkEveryHours: 24 });
      expect(updated.checkEveryHours).toBe(24);
      // The old schedule is dropped: nothing runs at the old interval nor anywhere short of a day.
      await vi.advanceTimersByTimeAsync(DAY_MS - 1);
      expect(checks).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(checks).toHaveBeenCalledTimes(1);
      // And again a day after that one.
      await vi.advanceTimersByTimeAsync(DAY_MS - 1);
      expect(checks).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(checks).toHaveBeenCalledTimes(2);
    } finally {
      checks.mockRestore();
      vi.useRealTimers();
    }
  });
});
