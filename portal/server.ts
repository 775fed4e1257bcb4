/**
 * One portal instance: its storage (SQLite in the data directory, or PostgreSQL), its signed catalog, the HTTP
 * routes, and the scheduler that re-signs the TUF timestamp before it expires. The CLI's `serve`, the app's
 * embedded demo portal and the tests all start the portal through here.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Priority } from '../shared/domain/sla.js';
import type { PostExpiryPolicy } from '../shared/domain/verdict.js';
import { Catalog } from './catalog/catalog.js';
import { openDatabase, type DatabaseOptions } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Database } from './db/schema.js';
import type { EntitlementContext } from './entitlement/verdicts.js';
import { createPortalApp } from './http/app.js';
import { registerPackageRoute } from './http/package-route.js';
import { bearerAuthentication, registerPortalRoutes } from './http/routes.js';
import { registerTufRoute } from './http/tuf-route.js';
import { startLiveState } from './live-state.js';
import type { RequestEventBus } from './requests/events.js';
import { registerRequestRoutes } from './requests/routes.js';

export const PORTAL_VERSION = '0.1.0';

export interface PortalLayout {
  dataDirectory: string;
  /** The TUF repository served under /tuf/ (metadata, and the package bytes under targets/). */
  repoDir: string;
  /** `online/` keys the portal signs with; `offline/` holds the root key (see `keys init`). */
  keysDir: string;
}

export function portalLayout(dataDirectory: string, keysDir?: string): PortalLayout {
  return { dataDirectory, repoDir: join(dataDirectory, 'tuf'), keysDir: keysDir ?? join(dataDirectory, 'keys') };
}

export function databaseOptions(dataDirectory: string, databaseUrl: string | undefined, schema?: string, poolSize?: number): DatabaseOptions {
  if (databaseUrl === undefined || databaseUrl === '') return { dataDirectory };
  return { databaseUrl, ...(schema === undefined ? {} : { schema }), ...(poolSize === undefined ? {} : { poolSize }) };
}

export interface PortalOptions {
  dataDirectory: string;
  keysDir?: string;
  /** PostgreSQL; SQLite in the data directory when absent. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests keep runs apart with it). */
  databaseSchema?: string;
  /** PostgreSQL connections per instance (HICARE_DB_POOL_SIZE); pg's default (10) when absent. */
  databasePoolSize?: number;
  now?: () => Date;
  logger?: boolean;
  postExpiry?: PostExpiryPolicy;
  /** Proxies whose X-Forwarded-For is believed (see createPortalApp). */
  trustProxy?: string[];
  /** How often the timestamp's expiry is checked; 0 turns the scheduler off. Default 10 minutes. */
  refreshEveryMs?: number;
  /** Service-request priorities the portal accepts by itself at submission, left unassigned. Default ['P1']. */
  autoAcceptPriorities?: readonly Priority[];
}

export interface Portal {
  app: FastifyInstance;
  db: Kysely<Database>;
  catalog: Catalog;
  layout: PortalLayout;
  /** The live event bus: its subscriberCount is the number of open event streams (for /metrics). */
  events: RequestEventBus;
  /** Open live event streams on this instance. */
  subscriberCount(): number;
  /** Re-signs what is about to expire now (the scheduler's step). */
  refreshMetadata(): Promise<boolean>;
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<void>;
}

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const layout = portalLayout(options.dataDirectory, options.keysDir);
  const now = options.now ?? (() => new Date());
  const db = openDatabase(databaseOptions(layout.dataDirectory, options.databaseUrl, options.databaseSchema, options.databasePoolSize));
  await migrateToLatest(db);
  const catalog = new Catalog({ repoDir: layout.repoDir, keysDir: layout.keysDir });
  const app = createPortalApp({ version: PORTAL_VERSION, logger: options.logger ?? false, ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }) });
  // Every body the API takes is JSON. Fastify would also parse text/plain (the type a browser may send cross-site
  // without asking first) into a string; refusing it answers 415 like any other non-JSON type.
  app.removeContentTypeParser('text/plain');
  const live = await startLiveState(db, options.databaseUrl, now, (error, what) => app.log.error({ err: error }, `${what} failed`));
  const ctx: EntitlementContext = { db, catalog, now, postExpiry: options.postExpiry ?? 'earned', ...(live.contracts === undefined ? {} : { contracts: live.contracts }) };
  const auth = bearerAuthentication(db, now, live.tokens);
  registerPortalRoutes(app, ctx, auth);
  registerPackageRoute(app, ctx, auth);
  registerTufRoute(app, { repoDir: layout.repoDir });
  registerRequestRoutes(app, { ...ctx, events: live.events, dataDirectory: layout.dataDirectory, ...(options.autoAcceptPriorities === undefined ? {} : { autoAcceptPriorities: options.autoAcceptPriorities }) }, auth);

  const refreshMetadata = async (): Promise<boolean> => {
    const changed = await catalog.repository.refreshTimestamp({ now: now() });
    if (changed) catalog.invalidate();
    return changed;
  };
  const every = options.refreshEveryMs ?? 10 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  if (every > 0) {
    const tick = (): void => {
      refreshMetadata().catch((error: unknown) => app.log.error({ err: error }, 're-signing the TUF metadata failed'));
    };
    tick();
    timer = setInterval(tick, every);
    timer.unref();
  }

  return {
    app,
    db,
    catalog,
    layout,
    events: live.events,
    subscriberCount: () => live.events.subscriberCount,
    refreshMetadata,
    async listen({ host, port }) {
      return app.listen({ host, port });
    },
    async close() {
      if (timer !== undefined) clearInterval(timer);
      await app.close();
      await live.close();
      await db.destroy();
    },
  };
}
