/**
 * One running app, and links into it: `hicare://request/<id>` (from an e-mail, the portal, a colleague) opens the
 * window on that service request. Windows and Linux start a second process with the link in its command line,
 * which hands it to the first one and quits; macOS sends `open-url`. Anything that is not exactly such a link with
 * a valid request id is logged and ignored: nothing from outside the app is ever navigated to as given.
 */
import { IdSchema } from '../../shared/contracts/common.js';
import type { Logger } from '../core/adapters.js';
import { requestRoute } from './app-window.js';

export const LINK_SCHEME = 'hicare';

/** A request id is at most 64 characters; a longer argument is not worth parsing (nor logging whole). */
const MAX_LINK_LENGTH = 200;
const REQUEST_LINK = /^hicare:\/\/request\/([^/?#]+)\/?$/i;

/** The request id of a `hicare://request/<id>` link, or null for anything else. Nothing is decoded or normalised. */
export function requestIdOfLink(link: string): string | null {
  if (link.length > MAX_LINK_LENGTH) return null;
  const id = REQUEST_LINK.exec(link)?.[1];
  if (id === undefined) return null;
  return IdSchema.safeParse(id).success ? id : null;
}

/** The link among a command line's arguments (the last one, if several), or undefined when there is none. */
export function linkInArgv(argv: readonly string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (arg !== undefined && arg.toLowerCase().startsWith(`${LINK_SCHEME}:`)) return arg;
  }
  return undefined;
}

/** What deep links need of Electron's app. */
export interface DeepLinkApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

export interface DeepLinkOptions {
  app: DeepLinkApp;
  /** This process's command line: on Windows and Linux, the link that started the app is in it. */
  argv: readonly string[];
  /** Opens (or focuses) the window, on `route` when given. */
  open(route?: string): void;
  logger: Logger;
  /**
   * When running unpackaged (`electron .`), the OS must start Electron with the app's script for a link:
   * Electron's own path and that script.
   */
  unpackaged?: { execPath: string; script: string };
}

export type DeepLinkStart = { primary: false } | { primary: true; initialRoute: string | undefined };

/**
 * Claims the single-instance lock. When another instance holds it, this one quits (its command line, and so any
 * link in it, goes to the other). Otherwise registers the `hicare:` scheme and listens for links; `initialRoute` is
 * the screen of the link this process was started with, if it was.
 */
export function startDeepLinks(options: DeepLinkOptions): DeepLinkStart {
  const { app, logger } = options;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false };
  }

  const registered =
    options.unpackaged === undefined
      ? app.setAsDefaultProtocolClient(LINK_SCHEME)
      : app.setAsDefaultProtocolClient(LINK_SCHEME, options.unpackaged.execPath, [options.unpackaged.script]);
  if (!registered) logger.warn('the hicare: links could not be registered with the operating system');

  const routeOf = (link: string): string | null => {
    const id = requestIdOfLink(link);
    if (id === null) {
      logger.warn('ignored a link that is not a Hi-Care request link', { link: link.slice(0, MAX_LINK_LENGTH) });
      return null;
    }
    return requestRoute(id);
  };

  app.on('second-instance', (_event, argv) => {
    const link = linkInArgv(argv);
    // Started again without a link: the user wants the window.
    if (link === undefined) return options.open();
    const route = routeOf(link);
    if (route !== null) options.open(route);
  });

  app.on('open-url', (event, url) => {
    event.preventDefault();
    const route = routeOf(url);
    if (route !== null) options.open(route);
  });

  const link = linkInArgv(options.argv);
  return { primary: true, initialRoute: link === undefined ? undefined : (routeOf(link) ?? undefined) };
}
