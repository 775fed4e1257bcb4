/**
 * The operating system's notifications: one when more updates became available (clicking it opens the updates
 * screen), and the self-update's "Restart to update", in the app's language. Electron's Notification is passed in
 * as a factory, so this is tested without Electron.
 */
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator } from '../../shared/i18n/translator.js';
import type { Logger } from '../core/adapters.js';
import { UPDATES_ROUTE } from './app-window.js';

/** What a notification needs of Electron's Notification. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotificationContent {
  title: string;
  body: string;
}

export interface NotifierOptions {
  create(content: NotificationContent): NotificationLike;
  /** Electron's Notification.isSupported(); some Linux desktops have no notification service. */
  isSupported(): boolean;
  logger: Logger;
}

/** Shows notifications and keeps each one referenced until it is gone: a collected one loses its click handler. */
export class Notifier {
  private readonly shown = new Set<NotificationLike>();

  constructor(private readonly options: NotifierOptions) {}

  /** Shows one notification; null when the desktop cannot show any (the content is logged instead). */
  show(content: NotificationContent, onClick: () => void): NotificationLike | null {
    if (!this.options.isSupported()) {
      this.options.logger.info('notifications are not supported on this desktop', {
        title: content.title,
        body: content.body,
      });
      return null;
    }
    const notification = this.options.create(content);
    this.shown.add(notification);
    notification.on('click', () => {
      this.shown.delete(notification);
      onClick();
    });
    notification.on('close', () => this.shown.delete(notification));
    notification.show();
    return notification;
  }

  /** How many notifications are still on screen (or in the notification centre). */
  get pending(): number {
    return this.shown.size;
  }
}

export function updatesAvailableMessage(count: number, locale: DisplayLocale = 'en'): NotificationContent {
  const t = translator(locale);
  return { title: t('desktop.notifications.updatesTitle'), body: t('desktop.notifications.updatesBody', { count }) };
}

export interface UpdateNotificationsOptions {
  notifier: Notifier;
  /** The app's language now; English when not given. */
  locale?: () => DisplayLocale;
  /** Opens the window on a screen. */
  open(route: string): void;
}

/**
 * One notification each time the number of available releases grows. The app session announces only growth; the
 * count is also kept here, so the same count is never notified twice in a row, and a count the user has already
 * seen (their own check) is not notified.
 */
export class UpdateNotifications {
  private known = 0;
  private current: NotificationLike | null = null;

  constructor(private readonly options: UpdateNotificationsOptions) {}

  /** A background check's `updates.available`. */
  announce(count: number): void {
    const grew = count > this.known;
    this.known = count;
    if (!grew) return;
    // The newer count replaces the older notification rather than stacking under it.
    this.current?.close();
    this.current = this.options.notifier.show(updatesAvailableMessage(count, this.options.locale?.()), () =>
      this.options.open(UPDATES_ROUTE),
    );
  }

  /** A count the user saw for themselves: only growth past it is notified. */
  seen(count: number): void {
    this.known = count;
  }
}
