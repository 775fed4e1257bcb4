/**
 * The app's side of one portal: the client core for the configured portal (built again whenever a setting it
 * depends on changes: address, trusted root, proxy, CA bundle, install folder, previews), who is signed in, the
 * live request events while someone is, and the background check that tells the window (and the Electron shell's
 * tray) when releases the user has not seen yet become available.
 */
import type { EventName, EventPayload } from '../../../shared/api/define.js';
import type { AppApi } from '../../../shared/contracts/app-api.js';
import type { Account, Session } from '../../../shared/contracts/accounts.js';
import type { SessionView } from '../../../shared/contracts/app-views.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoAccount } from './demo-port.js';
import { HicareError } from '../../../shared/errors.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import type { HostAdapter } from '../adapters.js';
import { HicareClient, type HicareClientOptions } from '../client/hicare-client.js';
import type { SystemResolution } from '../resolver/resolver.js';
import { Trust } from '../trust/trust.js';
import type { SettingsService } from '../settings.js';
import { DownloadRegistry } from './download-registry.js';
import { LiveEvents, requestIdOf } from './live-events.js';
import { readTrustRoot, trustRootInForce } from './trust-root.js';
import { allowedCount } from './views.js';

export type AppEmit = <E extends EventName<AppApi>>(event: E, payload: EventPayload<AppApi, E>) => void;

export interface AppSessionOptions {
  host: HostAdapter;
  settings: SettingsService;
  /** How events reach the window: the web host's SSE, the Electron shell's webContents. */
  emit?: AppEmit;
  /** HICARE_PORTAL (a portal when the settings name none) and the proxy variables. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** The embedded demo portal, when the app runs on one: its accounts are offered on the sign-in screen. */
  demo?: { url: string; accounts: DemoAccount[] } | null;
  /** Passed to every client the session builds (tests: the platform, few download retries). */
  client?: Partial<Pick<HicareClientOptions, 'platform' | 'downloadRetries'>>;
  liveBackoff?: { baseMs: number; maxMs: number };
  /** The first background check runs this long after start(). Default 30 s. */
  firstCheckDelayMs?: number;
  /** The language the user reads now, sent to the portal on every call so it answers errors in it. */
  language?: () => DisplayLocale;
}

/** The session is over on the portal: the token is forgotten and the user signs in again. */
const SESSION_OVER = new Set(['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_REVOKED']);
/** Roles the portal's event stream serves. */
const LISTENING_ROLES = new Set(['customer-admin', 'engineer', 'portal-admin']);

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export class AppSession {
  readonly downloads: DownloadRegistry;
  private current: { key: string; client: HicareClient } | undefined;
  /** undefined: not asked yet for this client; null: nobody is signed in. */
  private account: Account | null | undefined;
  private live: LiveEvents | undefined;
  private started = false;
  private checkTimer: NodeJS.Timeout | undefined;
  private checkEveryHours: number;
  private lastAllowed = 0;
  private readonly unsubscribe: () => void;
  /** Work that outlives the call that started it (a download's bookkeeping after its answer): close() lets it end. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: AppSessionOptions) {
    this.downloads = new DownloadRegistry({
      onChange: (view) => this.emit('downloads.changed', view),
      owner: () => this.ownerKey(),
    });
    this.checkEveryHours = options.settings.get().checkEveryHours;
    this.unsubscribe = options.settings.onChange(() => this.settingsChanged());
  }

  emit<E extends EventName<AppApi>>(event: E, payload: EventPayload<AppApi, E>): void {
    try {
      this.options.emit?.(event, payload);
    } catch (error) {
      this.options.host.logger.warn('an event could not be sent to the window', { event, error: String(error) });
    }
  }

  /** The portal in use: $HICARE_PORTAL when set (as for the CLI), else the settings'; null when neither names one. */
  portalUrl(): string | null {
    const fromEnv = (this.options.env ?? process.env)['HICARE_PORTAL'];
    return fromEnv === undefined || fromEnv === '' ? this.options.settings.get().portalUrl : fromEnv;
  }

  private clientKey(): string | null {
    const s = this.options.settings.get();
    const portalUrl = this.portalUrl();
    return portalUrl === null
      ? null
      : JSON.stringify([
          origin(portalUrl),
          s.trustRootPath,
          s.proxyUrl,
          s.caBundlePath,
          s.installRoot,
          s.includePreviews,
        ]);
  }

  /** The host's clock, for handlers that stamp what they record. */
  now(): Date {
    return this.options.host.clock.now();
  }

  /** The client core for the current settings. */
  client(): HicareClient {
    const key = this.clientKey();
    const portalUrl = this.portalUrl();
    if (key === null || portalUrl === null) {
      throw new HicareError('INVALID_INPUT.noPortalConfigured');
    }
    if (this.current?.key === key) return this.current.client;
    this.dropClient();
    const s = this.options.settings.get();
    const { host } = this.options;
    const client = new HicareClient({
      dataDirectory: host.paths.dataDirectory,
      portalUrl,
      secrets: host.secrets,
      clock: host.clock,
      logger: host.logger,
      env: this.options.env ?? process.env,
      ...(s.trustRootPath === null ? {} : { trustRoot: s.trustRootPath }),
      network: {
        ...(s.proxyUrl === null ? {} : { proxy: s.proxyUrl }),
        ...(s.caBundlePath === null ? {} : { caFile: s.caBundlePath }),
      },
      ...(s.installRoot === null ? {} : { installRoot: s.installRoot }),
      previews: s.includePreviews,
      ...(this.options.language === undefined ? {} : { language: this.options.language }),
      ...this.options.client,
    });
    // Downloads of an earlier client keep being shown (and controlled) until they end.
    this.downloads.attach(client.downloads);
    this.current = { key, client };
    return client;
  }

  /** The client, once it is certain someone is signed in (and who: downloads belong to them); UNAUTHENTICATED otherwise. */
  async signedInClient(): Promise<HicareClient> {
    const client = this.client();
    const unauthenticated = () => new HicareError('UNAUTHENTICATED.notSignedIn');
    if ((await client.portal.token()) === null) throw unauthenticated();
    // Who it is is learned once (a remembered sign-in after a restart, a sign-in from the CLI); a portal that cannot
    // say now is no reason to refuse, an ended session is.
    if (this.account === undefined || this.account === null) {
      this.account = undefined;
      if ((await this.knownAccount()) === null && this.sessionEnded()) throw unauthenticated();
    }
    return client;
  }

  /** The portal said the session is over (knownAccount then remembers null). */
  private sessionEnded(): boolean {
    return this.account === null;
  }

  /** Who owns what is started now: the portal and the account signed in to it; null when that is not known. */
  private ownerKey(): string | null {
    const portalUrl = this.portalUrl();
    return portalUrl === null || this.account === undefined || this.account === null
      ? null
      : `${origin(portalUrl)}#${this.account.id}`;
  }

  async view(): Promise<SessionView> {
    const portalUrl = this.portalUrl();
    return {
      portalUrl,
      account: portalUrl === null ? null : await this.knownAccount(),
      trust: await trustRootInForce(this.options.settings.get().trustRootPath),
      demoAccounts: this.demoAccounts(),
    };
  }

  private demoAccounts(): DemoAccount[] | null {
    const { demo } = this.options;
    const portalUrl = this.portalUrl();
    return demo === undefined || demo === null || portalUrl === null || origin(portalUrl) !== origin(demo.url)
      ? null
      : demo.accounts;
  }

  /** Who is signed in, asked of the portal once per client; null when nobody is (or the portal cannot say now). */
  private async knownAccount(): Promise<Account | null> {
    if (this.account !== undefined) return this.account;
    const client = this.client();
    if ((await client.portal.token()) === null) return (this.account = null);
    try {
      const account = await client.portal.call('me', {});
      if (this.current?.client === client) this.account = account;
      return account;
    } catch (error) {
      if (error instanceof HicareError && SESSION_OVER.has(error.code)) {
        await client.logout().catch(() => undefined);
        if (this.current?.client === client) this.account = null;
      }
      return null;
    }
  }

  async signIn(email: string, password: string, portalUrl?: string): Promise<SessionView> {
    const current = this.portalUrl();
    const previous = this.options.settings.get().portalUrl;
    const switching = portalUrl !== undefined && (current === null || origin(current) !== origin(portalUrl));
    // The client is built for the portal named; it is kept in the settings only once someone signed in to it.
    if (switching) this.options.settings.update({ portalUrl });
    let session: Session;
    let client: HicareClient;
    try {
      client = this.client();
      session = await client.login(email, password);
    } catch (error) {
      if (switching) this.options.settings.update({ portalUrl: previous });
      throw error;
    }
    // A portal named only by $HICARE_PORTAL is remembered once someone signed in to it, as the CLI does.
    if (this.options.settings.get().portalUrl === null)
      this.options.settings.update({ portalUrl: client.portal.portalUrl });
    this.account = session.account;
    this.stopLive();
    void this.startLive();
    return this.view();
  }

  async signOut(): Promise<SessionView> {
    this.stopLive();
    if (this.portalUrl() !== null) {
      await this.client().logout();
      this.account = null;
    }
    return this.view();
  }

  /** Trusts a root file the user chose (a staging portal's, the demo's); the view shows its fingerprint. */
  async trust(rootPath: string): Promise<SessionView> {
    const root = await readTrustRoot(rootPath, this.options.host.clock.now());
    const portalUrl = this.portalUrl();
    if (portalUrl !== null) await this.assertRootSignsPortal(root.rootPath, portalUrl);
    this.options.settings.update({ trustRootPath: root.rootPath });
    return this.view();
  }

  /**
   * A root is trusted for the portal in use only if that portal's signed catalog verifies from it: checked in a
   * scratch metadata folder, so a refused root leaves the trusted one and its cache as they were.
   */
  private async assertRootSignsPortal(rootFile: string, portalUrl: string): Promise<void> {
    const scratch = await mkdtemp(join(this.options.host.paths.dataDirectory, 'trust-check-'));
    try {
      const trial = new Trust({
        dataDirectory: scratch,
        portalUrl,
        rootFile,
        transport: this.client().portal.transport,
      });
      await trial.refresh();
    } catch (error) {
      if (
        error instanceof HicareError &&
        (error.code === 'UNTRUSTED_PORTAL' || error.code === 'TRUST_METADATA_INVALID')
      ) {
        throw new HicareError(
          'UNTRUSTED_PORTAL.rootDoesNotSign',
          { portal: origin(portalUrl) },
          { rootPath: rootFile, cause: error.message },
        );
      }
      throw error;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /** Starts the live events (when signed in) and the background checks. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(this.options.firstCheckDelayMs ?? 30_000);
    void this.startLive();
  }

  /** Keeps track of work that goes on after its call answered. */
  background(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
  }

  /** Stops listening and checking; waits a little for background work (a paused download does not end by itself). */
  async close(waitMs = 2_000): Promise<void> {
    this.started = false;
    this.stopLive();
    clearTimeout(this.checkTimer);
    this.unsubscribe();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(this.pending), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  /** Whether the portal's live events are being listened to now. */
  get listening(): boolean {
    return this.live?.connected ?? false;
  }

  private async startLive(): Promise<void> {
    if (!this.started || this.live !== undefined || this.portalUrl() === null) return;
    const account = await this.knownAccount().catch(() => null);
    if (account === null || !LISTENING_ROLES.has(account.role) || this.live !== undefined || !this.started) return;
    const client = this.client();
    const live: LiveEvents = new LiveEvents({
      portalUrl: client.portal.portalUrl,
      headers: () => client.portal.authHeaders(),
      transport: client.portal.transport,
      onEvent: (event) => this.emit('requests.changed', { id: requestIdOf(event), type: event.type }),
      onReset: () => this.emit('requests.reset', {}),
      onUnauthorized: () => {
        if (this.live !== live) return;
        this.live = undefined;
        // Asked again on the next view: an expired session is then forgotten.
        this.account = undefined;
      },
      logger: this.options.host.logger,
      ...(this.options.liveBackoff === undefined ? {} : { backoff: this.options.liveBackoff }),
    });
    this.live = live;
    live.start();
  }

  private stopLive(): void {
    this.live?.stop();
    this.live = undefined;
  }

  private dropClient(): void {
    this.stopLive();
    this.current = undefined;
    this.account = undefined;
  }

  private settingsChanged(): void {
    if (this.current !== undefined && this.current.key !== this.clientKey()) {
      this.dropClient();
      void this.startLive();
    }
    const every = this.options.settings.get().checkEveryHours;
    if (every !== this.checkEveryHours) {
      this.checkEveryHours = every;
      if (this.started) this.schedule(every * 3_600_000);
    }
  }

  private schedule(firstDelayMs: number): void {
    clearTimeout(this.checkTimer);
    const run = (delay: number): void => {
      this.checkTimer = setTimeout(() => {
        void this.backgroundCheck()
          .catch((error: unknown) =>
            this.options.host.logger.warn('the background check failed', { error: String(error) }),
          )
          .finally(() => {
            if (this.started) run(this.checkEveryHours * 3_600_000);
          });
      }, delay);
      this.checkTimer.unref();
    };
    run(firstDelayMs);
  }

  /**
   * One background check: when signed in, resolves every system and announces `updates.available` if more releases
   * are allowed than the last check (or the user's own) found. Answers the count, or null when nobody is signed in.
   */
  async backgroundCheck(): Promise<number | null> {
    if (this.portalUrl() === null) return null;
    const client = this.client();
    if ((await client.portal.token()) === null) return null;
    const count = allowedCount(await client.check());
    const grew = count > this.lastAllowed;
    this.lastAllowed = count;
    if (grew) this.emit('updates.available', { count, checkedAt: this.options.host.clock.now().toISOString() });
    return count;
  }

  /** The user checked and saw the result: a background check announces only what comes after. */
  noteChecked(resolutions: readonly SystemResolution[]): void {
    this.lastAllowed = allowedCount(resolutions);
  }
}
