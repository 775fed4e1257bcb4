/** The desktop notification for new updates: once per increase, never for a count already shown, opening the updates screen. */
import { describe, expect, it } from 'vitest';
import type { Notification } from 'electron';
import {
  Notifier,
  UpdateNotifications,
  updatesAvailableMessage,
  type NotificationLike,
} from '../../../electron/main/notifications.js';
import { parseRoute } from '../../../renderer/src/lib/routes.js';
import { fakeNotifications, recordingLogger } from './shell-fakes.js';

function setUp(supported = true) {
  const fakes = fakeNotifications(supported);
  const logger = recordingLogger();
  const notifier = new Notifier({ create: fakes.create, isSupported: fakes.isSupported, logger });
  const opened: string[] = [];
  const updates = new UpdateNotifications({ notifier, open: (route) => void opened.push(route) });
  return { fakes, logger, notifier, updates, opened };
}

describe('updates available', () => {
  it('a first announcement shows one notification saying how many', () => {
    const { fakes, updates } = setUp();
    updates.announce(3);
    expect(fakes.shown()).toEqual([{ title: 'Updates available', body: '3 updates are available for your systems' }]);
  });

  it('says "1 update is" for one', () => {
    expect(updatesAvailableMessage(1).body).toBe('1 update is available for your systems');
  });

  it('the same count again shows nothing', () => {
    const { fakes, updates } = setUp();
    updates.announce(3);
    updates.announce(3);
    updates.announce(3);
    expect(fakes.made).toHaveLength(1);
  });

  it('each increase shows one more, replacing the older one', () => {
    const { fakes, updates } = setUp();
    updates.announce(2);
    updates.announce(5);
    expect(fakes.shown().map((c) => c.body)).toEqual([
      '2 updates are available for your systems',
      '5 updates are available for your systems',
    ]);
    expect(fakes.made.map((n) => n.closed)).toEqual([true, false]);
  });

  it('a smaller count shows nothing, and growth after it shows again', () => {
    const { fakes, updates } = setUp();
    updates.announce(4);
    updates.announce(1);
    expect(fakes.made).toHaveLength(1);
    updates.announce(2);
    expect(fakes.shown().at(-1)?.body).toBe('2 updates are available for your systems');
  });

  it('zero shows nothing', () => {
    const { fakes, updates } = setUp();
    updates.announce(0);
    expect(fakes.made).toEqual([]);
  });

  it('a count the user saw for themselves is not notified; only growth past it is', () => {
    const { fakes, updates } = setUp();
    updates.seen(4);
    updates.announce(4);
    expect(fakes.made).toEqual([]);
    updates.announce(6);
    expect(fakes.shown().map((c) => c.body)).toEqual(['6 updates are available for your systems']);
  });

  it('clicking it opens the window on the updates screen', () => {
    const { fakes, updates, opened } = setUp();
    updates.announce(2);
    fakes.made[0]?.click();
    expect(opened).toHaveLength(1);
    expect(parseRoute(opened[0] ?? '')).toEqual({ name: 'systems' });
  });
});

describe('the notifier', () => {
  it('keeps each notification until it is clicked or closed (a collected one would lose its click)', () => {
    const { fakes, notifier } = setUp();
    let clicks = 0;
    notifier.show({ title: 'a', body: 'b' }, () => clicks++);
    notifier.show({ title: 'c', body: 'd' }, () => clicks++);
    expect(notifier.pending).toBe(2);
    fakes.made[0]?.click();
    fakes.made[1]?.close();
    expect(notifier.pending).toBe(0);
    expect(clicks).toBe(1);
  });

  it('where the desktop has no notifications, none is made and the message is logged', () => {
    const { fakes, logger, updates } = setUp(false);
    updates.announce(3);
    expect(fakes.made).toEqual([]);
    expect(logger.lines).toEqual([
      {
        level: 'info',
        message: 'notifications are not supported on this desktop',
        fields: { title: 'Updates available', body: '3 updates are available for your systems' },
      },
    ]);
  });

  it('Electron’s Notification is what the notifier expects', () => {
    const fits = (n: Notification): NotificationLike => n;
    expect(fits).toBeTypeOf('function');
  });
});
