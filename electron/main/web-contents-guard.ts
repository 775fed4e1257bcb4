/**
 * Electron's checklist items that concern every web contents the app ever creates, not only its window: no
 * <webview> may be attached, no navigation or redirect may leave the app, no new window may open (links to the
 * vendor's sites go to the user's browser instead, see external-links.ts), and the page is granted no permission,
 * asked for or merely checked. Applied from the app's 'web-contents-created' event, so a contents created later
 * (a devtools-less popup attempt, a future second window) gets the same rules without anyone remembering to add them.
 */
import type { Logger } from '../core/adapters.js';
import type { ExternalOpener } from './external-links.js';
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
    setPermissionRequestHandler(
      handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ): void;
    setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  };
  /** Decides and opens links outside the app (the vendor's sites only). */
  external: ExternalOpener;
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
    const stayInApp =
      (kind: 'navigation' | 'redirect') =>
      (event: PreventableEvent, url: string): void => {
        const decision = navigationDecision(url, options.external.allowed);
        if (decision === 'allow') return;
        event.preventDefault();
        // A plain link to the vendor's documentation opens in the browser; a redirect is never followed out.
        if (decision === 'open-externally' && kind === 'navigation') options.external.open(url);
        else logger.warn(`a ${kind} away from the app was refused`, { url: url.slice(0, 200) });
      };
    contents.on('will-navigate', stayInApp('navigation'));
    contents.on('will-redirect', stayInApp('redirect'));
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url, options.external.allowed) === 'open-externally') options.external.open(url);
      else logger.warn('a new window was refused', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
  });
}
