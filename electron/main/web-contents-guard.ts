/**
 * Electron's checklist items that concern every web contents the app ever creates, not only its window: no
 * <webview> may be attached, no navigation or redirect may leave the app, no new window may open (https links go
 * to the user's browser instead), and the page is granted no permission — asked for or merely checked. Applied from
 * the app's 'web-contents-created' event, so a contents created later (a devtools-less popup attempt, a future
 * second window) gets the same rules without anyone remembering to add them.
 */
import type { Logger } from '../core/adapters.js';
import { navigationDecision } from './window-policy.js';

interface PreventableEvent {
  preventDefault(): void;
}

/** What the guard needs of Electron's WebContents. */
export interface GuardedContents {
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What the guard needs of Electron's app and default session. */
export interface GuardOptions {
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown };
  session: {
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  };
  openExternally(url: string): void;
  logger: Logger;
}

export function guardWebContents(options: GuardOptions): void {
  const { logger } = options;
  options.session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('a permission request was refused', { permission });
    callback(false);
  });
  options.session.setPermissionCheckHandler(() => false);

  options.app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('a <webview> was refused');
    });
    const stayInApp = (event: PreventableEvent, url: string): void => {
      if (navigationDecision(url) === 'allow') return;
      event.preventDefault();
      logger.warn('a navigation away from the app was refused', { url: url.slice(0, 200) });
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-redirect', stayInApp);
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url) === 'open-externally') options.openExternally(url);
      else logger.warn('a new window was refused', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
  });
}
