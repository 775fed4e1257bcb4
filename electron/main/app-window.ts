/**
 * The app's one window, opened or brought to the front on a screen: the tray, a notification and a request link all
 * go through here. A screen is a hash route of the UI (renderer/src/lib/routes.ts); moving to one changes the page's
 * hash, so the window keeps its state instead of reloading.
 */
import type { Logger } from '../core/adapters.js';

export const APP_TITLE = 'Hi-Care Update Manager';

/** The updates screen: the systems list, where each system shows the releases it may take. */
export const UPDATES_ROUTE = '#/systems';

/** The screen of one service request; `id` must already have been checked (IdSchema). */
export function requestRoute(id: string): string {
  return `#/requests/${encodeURIComponent(id)}`;
}

/** What the opener needs of Electron's BrowserWindow. */
export interface MainWindowLike {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  webContents: { executeJavaScript(code: string): Promise<unknown> };
}

export interface WindowOpenerOptions {
  /** The window, when one is open. */
  current(): MainWindowLike | null;
  /** Creates the window with the UI loaded at `route` ('' for the UI's own first screen). */
  create(route: string): Promise<MainWindowLike>;
  logger: Logger;
}

/** Opens the window (at `route` when given) or brings it to the front (and moves it to `route`). */
export type OpenWindow = (route?: string) => Promise<void>;

// Only routes the shell builds itself: nothing from outside ever reaches the page's script.
const SAFE_ROUTE = /^#\/[A-Za-z0-9_\-/%]*$/;

export function windowOpener(options: WindowOpenerOptions): OpenWindow {
  let creating: Promise<MainWindowLike> | null = null;

  return async (route) => {
    if (route !== undefined && !SAFE_ROUTE.test(route)) {
      options.logger.warn('the window was not moved to a screen with an unexpected address', {
        route: route.slice(0, 80),
      });
      route = undefined;
    }
    let window = options.current();
    if (window !== null && window.isDestroyed()) window = null;
    if (window === null) {
      if (creating !== null) {
        // A second request while the window is being made: it is brought forward once ready, then moved.
        window = await creating;
      } else {
        creating = options.create(route ?? '');
        try {
          window = await creating;
        } finally {
          creating = null;
        }
        bringToFront(window);
        return;
      }
    }
    bringToFront(window);
    if (route !== undefined) {
      await window.webContents
        .executeJavaScript(`window.location.hash = ${JSON.stringify(route)};`)
        .catch((error: unknown) => {
          options.logger.warn('the window could not be moved to a screen', { route, error: String(error) });
        });
    }
  };
}

function bringToFront(window: MainWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
