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
import { migrateToLatest, requireCurrentSchema } from './db/migrate.js';
import type { Database } from './db/schema.js';
import type { EntitlementContext } from './entitlement/verdicts.js';
import { createPortalApp } from './http/app.js';
import { registerPackageRoute } from './http/package-route.js';
import { bearerAuthentication, registerPortalRoutes } from './http/routes.js';
import { registerTufRoute } from './http/tuf-route.js';
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

export function databaseOptions(dataDirectory: string, databaseUrl: string | undefined, schema?: string): DatabaseOptions {
  if (databaseUrl === undefined || databaseUrl === '') return { dataDirectory };
  return schema === undefined ? { databaseUrl } : { databaseUrl, schema };
}

export interface PortalOptions {
  dataDirectory: string;
  keysDir?: string;
  /** PostgreSQL; SQLite in the data directory when absent. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests keep runs apart with it). */
  databaseSchema?: string;
  now?: () => Date;
  logger?: boolean;
  postExpiry?: PostExpiryPolicy;
  /** Proxies whose X-Forwarded-For is believed (see createPortalApp). */
  trustProxy?: string[];
  /** How often the timestamp's expiry is checked; 0 turns the scheduler off. Default 10 minutes. */
  refreshEveryMs?: number;
  /**
   * 'apply' migrates at start (one process on SQLite does everything); 'require-current' refuses a database that is
   * behind or ahead instead (shared PostgreSQL, where `hicare-portal migrate` is run once by the operator). Default 'apply'.
   */
  migrations?: 'apply' | 'require-current';
  /** Service-request priorities the portal accepts by itself at submission, left unassigned. Default ['P1']. */
  autoAcceptPriorities?: readonly Priority[];
}

export interface Portal {
  app: FastifyInstance;
  db: Kysely<Database>;
  catalog: Catalog;
  layout: PortalLayout;
  /** Re-signs what is about to expire now (the scheduler's step). */
  refreshMetadata(): Promise<boolean>;
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<void>;
}

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const layout = portalLayout(options.dataDirectory, options.keysDir);
  const now = options.now ?? (() => new Date());
  const db = openDatabase(databaseOptions(layout.dataDirectory, options.databaseUrl, options.databaseSchema));
  try {
    if (options.migrations === 'require-current') await requireCurrentSchema(db);
    else await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const catalog = new Catalog({ repoDir: layout.repoDir, keysDir: layout.keysDir });
  const ctx: EntitlementContext = { db, catalog, now, postExpiry: options.postExpiry ?? 'earned' };
  const app = createPortalApp({ version: PORTAL_VERSION, logger: options.logger ?? false, ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }) });
  // Every body the API takes is JSON. Fastify would also parse text/plain (the type a browser may send cross-site
  // without asking first) into a string; refusing it answers 415 like any other non-JSON type.
  app.removeContentTypeParser('text/plain');
  const auth = bearerAuthentication(db, now);
  registerPortalRoutes(app, ctx, auth);
  registerPackageRoute(app, ctx, auth);
  registerTufRoute(app, { repoDir: layout.repoDir });
  registerRequestRoutes(app, { ...ctx, dataDirectory: layout.dataDirectory, ...(options.autoAcceptPriorities === undefined ? {} : { autoAcceptPriorities: options.autoAcceptPriorities }) }, auth);

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
    refreshMetadata,
    async listen({ host, port }) {
      return app.listen({ host, port });
    },
    async close() {
      if (timer !== undefined) clearInterval(timer);
      await app.close();
      await db.destroy();
    },
  };
}
