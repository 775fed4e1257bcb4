/**
 * Which addresses the app hands to the user's browser (shell.openExternal): https only, and only the vendor's own
 * hosts — the portal the app is configured for and the fixed documentation and support sites below. A page that
 * was tricked into opening anything else (a phishing site, a file:// or a custom scheme that starts a program)
 * gets nothing, and the attempt is logged.
 */
import type { Logger } from '../core/adapters.js';

/** The vendor's sites besides the configured portal. */
export const VENDOR_HOSTS: readonly string[] = [
  'hicare.example',
  'www.hicare.example',
  'docs.hicare.example',
  'support.hicare.example',
];

/** Where the Help menu leads (each on a vendor host, so through the same allow-list). */
export const HELP_LINKS = {
  documentation: 'https://docs.hicare.example/update-manager/',
  support: 'https://support.hicare.example/',
} as const;

/** Whether `url` may open in the user's browser, given the portal the app is configured for (if any). */
export function mayOpenExternally(url: string, portalUrl: string | null): boolean {
  const target = URL.parse(url);
  if (target === null || target.protocol !== 'https:' || target.username !== '' || target.password !== '') return false;
  if (VENDOR_HOSTS.includes(target.hostname)) return true;
  const portal = portalUrl === null ? null : URL.parse(portalUrl);
  return portal !== null && portal.protocol === 'https:' && portal.origin === target.origin;
}

export interface ExternalOpenerOptions {
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
  /** The portal in the settings now (it may change while the app runs). */
  portalUrl(): string | null;
  logger: Logger;
}

/** The one way the shell opens a link outside the app; answers whether it did. */
export interface ExternalOpener {
  allowed(url: string): boolean;
  open(url: string): boolean;
}

export function externalOpener(options: ExternalOpenerOptions): ExternalOpener {
  const allowed = (url: string) => mayOpenExternally(url, options.portalUrl());
  return {
    allowed,
    open(url) {
      if (!allowed(url)) {
        options.logger.warn('a link outside the vendor’s sites was not opened', { url: url.slice(0, 200) });
        return false;
      }
      options
        .openExternal(url)
        .catch((error: unknown) =>
          options.logger.warn('the browser could not be started', { url: url.slice(0, 200), error: String(error) }),
        );
      return true;
    },
  };
}
