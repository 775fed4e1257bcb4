/**
 * What one portal instance keeps in memory that must follow changes made anywhere: the live event bus, the token
 * cache, the contract cache and the product rules (lifecycles, withdrawals). On SQLite (one process) they are fed
 * in-process; what the CLI writes from another process is seen when a cached entry ages out (seconds). On
 * PostgreSQL every instance listens on one dedicated connection: `hicare_events` says new events are stored (the bus
 * reads them back in id order), and `hicare_revoke` that a token, an account, a customer's contracts or a product's
 * rules changed (the caches forget it). After the listener reconnects, the bus catches up from the last id it handed
 * on, and the caches start afresh, since announcements may have been missed meanwhile.
 */
import type { Kysely } from 'kysely';
import { TokenCache } from './accounts/token-cache.js';
import { ContractCache } from './entitlement/contract-cache.js';
import { ProductRulesCache } from './entitlement/product-rules.js';
import { dialectOf } from './db/connection.js';
import { PostgresListener } from './db/listener.js';
import { EVENTS_CHANNEL } from './db/request-events.js';
import { hearRevocation, onRevocation, REVOKE_CHANNEL } from './db/revocations.js';
import type { Database } from './db/schema.js';
import { RequestEventBus } from './requests/events.js';

export interface LiveState {
  events: RequestEventBus;
  tokens: TokenCache;
  contracts: ContractCache;
  productRules: ProductRulesCache;
  close(): Promise<void>;
}

export async function startLiveState(
  db: Kysely<Database>,
  databaseUrl: string | undefined,
  now: () => Date,
  onError: (error: unknown, what: string) => void,
): Promise<LiveState> {
  const shared = dialectOf(db) === 'postgres' && databaseUrl !== undefined;
  const tokens = new TokenCache();
  const contracts = new ContractCache();
  const productRules = new ProductRulesCache();
  const stopForgetting = onRevocation(db, (revocation) => {
    tokens.forget(revocation);
    contracts.forget(revocation);
    productRules.forget(revocation);
  });
  const events = new RequestEventBus(db, { now, shared, onError });
  let listener: PostgresListener | undefined;
  if (shared) {
    await events.start();
    listener = new PostgresListener({
      databaseUrl,
      channels: [EVENTS_CHANNEL, REVOKE_CHANNEL],
      onNotification: (channel, payload) => {
        if (channel === EVENTS_CHANNEL) void events.catchUp();
        else hearRevocation(db, payload);
      },
      onConnected: () => {
        tokens.clear();
        contracts.clear();
        productRules.clear();
        void events.catchUp();
      },
      onError: (error) => onError(error, 'listening for other portal instances'),
    });
    await listener.start();
  }
  return {
    events,
    tokens,
    contracts,
    productRules,
    async close() {
      await listener?.close();
      await events.settled();
      stopForgetting();
    },
  };
}
