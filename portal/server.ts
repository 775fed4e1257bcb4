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
import type { Catalog } from './catalog/catalog.js';
import { openCatalog } from './catalog/open-catalog.js';
import { readSignerHeartbeat } from './db/signer-status.js';
import { openDatabase, type DatabaseOptions } from './db/connection.js';
import { migrateToLatest, requireCurrentSchema } from './db/migrate.js';
import type { Database } from './db/schema.js';
import type { EntitlementContext } from './entitlement/verdicts.js';
import { createPortalApp } from './http/app.js';
import type { PortalLogSettings } from './ops/logging.js';
import type { PortalMetricsOptions } from './ops/metrics.js';
import {
  catalogFresh,
  databaseReachable,
  migrationsCurrent,
  storeReachable,
  timestampExpiryIn,
  type TimestampExpiry,
} from './ops/portal-checks.js';
import type { ReadinessCheck } from './ops/readiness.js';
import { bearerAuthentication, registerPortalRoutes } from './http/routes.js';
import { loadGrantKey } from './requests/grant-key.js';
import type { GrantSecrets } from './requests/grant-secrets.js';
import { AnswerMemo } from './entitlement/answer-memo.js';
import { startLiveState } from './live-state.js';
import type { RequestEventBus } from './requests/events.js';
import type { BlobStore } from './storage/blob-store.js';
import type { PackageDelivery } from './storage/config.js';

export const PORTAL_VERSION = '0.1.0';

export interface PortalLayout {
  dataDirectory: string;
  /** The TUF repository folder: metadata on SQLite, and the package bytes under targets/ with a local store. */
  repoDir: string;
  /** `online/` keys the portal signs with; `offline/` holds the root key (see `keys init`). */
  keysDir: string;
}

export function portalLayout(dataDirectory: string, keysDir?: string): PortalLayout {
  return { dataDirectory, repoDir: join(dataDirectory, 'tuf'), keysDir: keysDir ?? join(dataDirectory, 'keys') };
}

export function databaseOptions(
  dataDirectory: string,
  databaseUrl: string | undefined,
  schema?: string,
  poolSize?: number,
): DatabaseOptions {
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
  /** Absent or false: silent. true: JSON lines at info on standard error. */
  logger?: boolean | PortalLogSettings;
  /** Checks /readyz runs besides the database, its migrations and the catalog's freshness (the blob store's, say). */
  readinessChecks?: readonly ReadinessCheck[];
  /** Figures /metrics reports besides the HTTP ones (live-event connections, the signer's heartbeat…). */
  metrics?: PortalMetricsOptions;
  /** When the served timestamp expires, for /readyz and /metrics; read from the repository folder when absent. */
  timestampExpiry?: TimestampExpiry;
  postExpiry?: PostExpiryPolicy;
  /** Proxies whose X-Forwarded-For is believed (see createPortalApp). */
  trustProxy?: string[];
  /** Package bytes and attachments; a LocalBlobStore on the data directory when absent. */
  blobs?: BlobStore;
  /**
   * How often the timestamp's expiry is checked; 0 turns the scheduler off. Default 10 minutes on SQLite, and off on
   * PostgreSQL, where instances hold no keys and the signer re-signs.
   */
  refreshEveryMs?: number;
  /**
   * 'apply' migrates at start (one process on SQLite does everything); 'require-current' refuses a database that is
   * behind or ahead instead (shared PostgreSQL, where `hicare-portal migrate` is run once by the operator). Default 'apply'.
   */
  migrations?: 'apply' | 'require-current';
  /** Service-request priorities the portal accepts by itself at submission, left unassigned. Default ['P1']. */
  autoAcceptPriorities?: readonly Priority[];
  /** How packages in a remote store reach clients (see portal/http/package-route.ts). Default 'stream'. */
  packageDelivery?: PackageDelivery;
  /**
   * Configuration the grant key is taken from (HICARE_GRANT_KEY / HICARE_GRANT_KEY_FILE; see loadGrantKey), checked
   * against the stored grants before anything is served. `serve` passes its environment. Without it, the data
   * directory's key file is used unchecked, as by an embedded portal and the tests.
   */
  grantKeyEnv?: Readonly<Record<string, string | undefined>>;
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

async function signerHeartbeatAge(db: Kysely<Database>, now: () => Date): Promise<number | undefined> {
  const beat = await readSignerHeartbeat(db);
  return beat === undefined ? undefined : (now().getTime() - Date.parse(beat.beatAt)) / 1000;
}

export async function createPortal(options: PortalOptions): Promise<Portal> {
  const layout = portalLayout(options.dataDirectory, options.keysDir);
  const now = options.now ?? (() => new Date());
  const db = openDatabase(
    databaseOptions(layout.dataDirectory, options.databaseUrl, options.databaseSchema, options.databasePoolSize),
  );
  try {
    if (options.migrations === 'require-current') await requireCurrentSchema(db);
    else await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let secrets: GrantSecrets | undefined;
  if (options.grantKeyEnv !== undefined) {
    secrets = await loadGrantKey(options.grantKeyEnv, layout.dataDirectory, db, now()).catch(async (error: unknown) => {
      await db.destroy();
      throw error;
    });
  }
  const catalog = openCatalog({
    db,
    dataDirectory: layout.dataDirectory,
    keysDir: layout.keysDir,
    blobs: options.blobs,
  });
  const timestampExpiry = options.timestampExpiry ?? timestampExpiryIn(catalog.repository.metadata);
  const app = createPortalApp({
    version: PORTAL_VERSION,
    logger: options.logger ?? false,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    readiness: [
      databaseReachable(db),
      migrationsCurrent(db),
      storeReachable(catalog.repository.blobs),
      catalogFresh(timestampExpiry, now),
      ...(options.readinessChecks ?? []),
    ],
    metrics: {
      timestampExpiresInSeconds: async () => {
        const expires = await timestampExpiry();
        return expires === undefined ? undefined : (expires.getTime() - now().getTime()) / 1000;
      },
      // Only a shared catalog has a separate signer; on SQLite this process re-signs by itself.
      ...(catalog.repository.metadata.kind === 'database'
        ? { signerHeartbeatAgeSeconds: () => signerHeartbeatAge(db, now) }
        : {}),
      sseConnections: () => live.events.subscriberCount,
      ...options.metrics,
    },
  });
  // Every body the API takes is JSON. Fastify would also parse text/plain (the type a browser may send cross-site
  // without asking first) into a string; refusing it answers 415 like any other non-JSON type.
  app.removeContentTypeParser('text/plain');
  const live = await startLiveState(db, options.databaseUrl, now, (error, what) =>
    app.log.error({ err: error }, `${what} failed`),
  );
  const ctx: EntitlementContext = {
    db,
    catalog,
    now,
    postExpiry: options.postExpiry ?? 'earned',
    contracts: live.contracts,
    productRules: live.productRules,
    answers: new AnswerMemo(),
  };
  const auth = bearerAuthentication(db, now, live.tokens);
  registerPortalRoutes(app, ctx, auth, {
    events: live.events,
    dataDirectory: layout.dataDirectory,
    blobs: catalog.repository.blobs,
    ...(secrets === undefined ? {} : { secrets }),
    ...(options.autoAcceptPriorities === undefined ? {} : { autoAcceptPriorities: options.autoAcceptPriorities }),
    ...(options.packageDelivery === undefined ? {} : { delivery: options.packageDelivery }),
  });

  const refreshMetadata = async (): Promise<boolean> => {
    const changed = await catalog.repository.refreshTimestamp({ now: now() });
    if (changed) catalog.invalidate();
    return changed;
  };
  const every = options.refreshEveryMs ?? (catalog.repository.metadata.kind === 'database' ? 0 : 10 * 60_000);
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
