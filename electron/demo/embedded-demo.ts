/**
 * The demo portal `npm start` runs when no portal is configured: a real portal (SQLite, signed catalog, real
 * packages) in `<data>/demo-portal`, seeded on first start, on loopback. Its accounts are kept next to
 * it (0600) so later starts reuse the same world and passwords; it listens on the port it had before when it can,
 * so a sign-in (kept per portal address) survives a restart. The app trusts its root explicitly, never on first use.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DemoAccountSchema } from '../../shared/contracts/app-views.js';
import { seedDemo } from '../../portal/demo/seed.js';
import { createMailSender, mailSettingsFromEnv, startMailLoop, type MailLoop } from '../../portal/mail/sender.js';
import { createPortal, type Portal } from '../../portal/server.js';
import { HicareError } from '../../shared/errors.js';
import type { Settings } from '../../shared/contracts/app-api.js';
import type { Logger } from '../core/adapters.js';
import { noPortalConfigured, type DemoLauncher, type RunningDemo } from '../core/app/demo-port.js';

export interface EmbeddedDemo extends RunningDemo {
  dataDirectory: string;
}

export interface EmbeddedDemoOptions {
  /** The app's data directory; the demo lives in `demo-portal/` below it. */
  appDataDirectory: string;
  /** 0 (or absent): the port of the last start if free, else any. */
  port?: number;
  logger: Logger;
  now?: () => Date;
  /** HICARE_SMTP_URL (and HICARE_MAIL_FROM) here make the demo send its e-mail; without them it stays queued. */
  env?: Record<string, string | undefined>;
}

/** The demo's mail goes out within seconds, so that a survey invitation can be followed while one waits. */
const DEMO_MAIL_EVERY_MS = 2000;

const StateSchema = z.object({ accounts: z.array(DemoAccountSchema), url: z.string().optional() });

export function demoDirectory(appDataDirectory: string): string {
  return join(appDataDirectory, 'demo-portal');
}

const stateFileOf = (appDataDirectory: string): string => join(demoDirectory(appDataDirectory), 'demo-accounts.json');

/**
 * Whether the app should run on its embedded demo: when no portal is configured, or when the one configured is
 * the demo of an earlier start (its root trusted, its last address in the settings).
 */
export async function demoWanted(
  appDataDirectory: string,
  settings: Settings,
  env: Record<string, string | undefined>,
): Promise<boolean> {
  if ((env['HICARE_PORTAL'] ?? '') !== '') return false;
  if (noPortalConfigured({ settings, env })) return true;
  if (settings.trustRootPath !== join(demoDirectory(appDataDirectory), 'tuf', '1.root.json')) return false;
  const last = (await readState(stateFileOf(appDataDirectory)))?.url;
  return (
    last !== undefined && settings.portalUrl !== null && new URL(last).origin === new URL(settings.portalUrl).origin
  );
}

/** $HICARE_DEMO_PORTAL_PORT: the port the demo listens on; 0 (unset) for the last one if free, else any. */
export function demoPort(env: Record<string, string | undefined>): number {
  const portText = env['HICARE_DEMO_PORTAL_PORT'] ?? '';
  const port = portText === '' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new HicareError('INVALID_INPUT.demoPortalPort', { value: portText });
  }
  return port;
}

/** `npm start`'s demo, run in this process: the web host's, and the demo process that `npm start` gives Electron. */
export const embeddedDemo: DemoLauncher = {
  wanted: ({ appDataDirectory, settings, env }) => demoWanted(appDataDirectory, settings, env),
  start: ({ appDataDirectory, env, logger }) =>
    startEmbeddedDemo({ appDataDirectory, port: demoPort(env), logger, env }),
};

async function saveState(file: string, state: z.infer<typeof StateSchema>): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}

async function readState(file: string): Promise<z.infer<typeof StateSchema> | null> {
  try {
    const parsed = StateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function listen(portal: Portal, port: number, fallback: boolean): Promise<string> {
  try {
    return await portal.listen({ host: '127.0.0.1', port });
  } catch (error) {
    if (!fallback || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return portal.listen({ host: '127.0.0.1', port: 0 });
  }
}

export async function startEmbeddedDemo(options: EmbeddedDemoOptions): Promise<EmbeddedDemo> {
  const dataDirectory = demoDirectory(options.appDataDirectory);
  const stateFile = stateFileOf(options.appDataDirectory);
  const now = options.now ?? (() => new Date());
  let state = await readState(stateFile);
  // A demo directory without its accounts is a seed that never finished: nobody could sign in to it, so start over.
  if (state === null && existsSync(dataDirectory)) await rm(dataDirectory, { recursive: true, force: true });
  await mkdir(dataDirectory, { recursive: true, mode: 0o700 });

  const portal = await createPortal({ dataDirectory, now });
  try {
    if (state === null) {
      const seed = await seedDemo({
        db: portal.db,
        catalog: portal.catalog,
        keysDir: portal.layout.keysDir,
        now: now(),
      });
      state = { accounts: seed.accounts };
      await saveState(stateFile, state);
      options.logger.info('seeded the demo portal', { dataDirectory });
    }
    const previousPort = state.url === undefined ? 0 : Number(new URL(state.url).port);
    const asked = options.port ?? 0;
    const url = await listen(portal, asked === 0 ? previousPort : asked, asked === 0);
    if (state.url !== url) await saveState(stateFile, { ...state, url });
    const accounts = state.accounts;
    const mail = sendsMail(options.env) ? startDemoMail(portal, url, options) : null;
    return {
      url,
      dataDirectory,
      rootFile: join(portal.layout.repoDir, '1.root.json'),
      accounts,
      close: async () => {
        mail?.stop();
        await portal.close();
      },
    };
  } catch (error) {
    await portal.close().catch(() => undefined);
    throw error;
  }
}

function sendsMail(env: Record<string, string | undefined> | undefined): env is Record<string, string | undefined> {
  return (env?.['HICARE_SMTP_URL'] ?? '') !== '';
}

function startDemoMail(portal: Portal, url: string, options: EmbeddedDemoOptions): MailLoop {
  const sender = createMailSender({
    db: portal.db,
    now: options.now ?? (() => new Date()),
    settings: mailSettingsFromEnv(options.env ?? {}, url),
  });
  return startMailLoop(sender, DEMO_MAIL_EVERY_MS, (error, what) =>
    options.logger.warn(`demo portal: ${what} failed`, { error: String(error) }),
  );
}
