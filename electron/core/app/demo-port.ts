/**
 * The port through which a host gives the app a demo portal to run on when no portal is configured. The core only
 * knows this shape: the demo itself (a real portal, with its database and signer) lives outside the core, so the
 * packaged app, which never starts one, carries none of the portal's code.
 */
import type { z } from 'zod';
import type { DemoAccountSchema } from '../../../shared/contracts/app-views.js';
import type { Settings } from '../../../shared/contracts/app-api.js';
import type { Logger } from '../adapters.js';

export type DemoAccount = z.infer<typeof DemoAccountSchema>;

/** A demo portal the app can use: its address, the root the app trusts for it, and the accounts it offers. */
export interface RunningDemo {
  url: string;
  /** The demo's root.json: trusted explicitly, never on first use. */
  rootFile: string;
  /** Offered on the sign-in screen while the app uses this portal. */
  accounts: DemoAccount[];
  /** Stops the demo when the host runs it; a demo run by another process is left alone. */
  close(): Promise<void>;
}

export interface DemoContext {
  /** The app's data directory. */
  appDataDirectory: string;
  settings: Settings;
  env: Record<string, string | undefined>;
  logger: Logger;
}

export interface DemoLauncher {
  /** Whether the app should run on the demo with these settings. Absent: whenever no portal is configured. */
  wanted?(context: DemoContext): Promise<boolean>;
  start(context: DemoContext): Promise<RunningDemo>;
}

/** The default of `wanted`: a portal named by the settings or by $HICARE_PORTAL is the one the user wants. */
export function noPortalConfigured({ settings, env }: Pick<DemoContext, 'settings' | 'env'>): boolean {
  return (env['HICARE_PORTAL'] ?? '') === '' && settings.portalUrl === null;
}
