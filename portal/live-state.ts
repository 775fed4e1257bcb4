/**
 * What one portal instance keeps in memory that must follow changes made anywhere: the live event bus, the token
 * cache and (on PostgreSQL) the contract cache. On SQLite (one process) they are fed in-process; contracts are not
 * cached there, since a local read costs next to nothing and the CLI writes from another process. On PostgreSQL
 * every instance listens on one dedicated connection: `hicare_events` says new events are stored (the bus reads
 * them back in id order), and `hicare_revoke` that a token, an account or a customer's contracts changed (the
 * caches forget it). After the listener reconnects, the bus catches up from the last id it handed on, and the
 * caches start afresh, since announcements may have been missed meanwhile.
 */
import type { Kysely } from 'kysely';
import { TokenCache } from './accounts/token-cache.js';
import { ContractCache } from './entitlement/contract-cache.js';
import { dialectOf } from './db/connection.js';
import { PostgresListener } from './db/listener.js';
import { EVENTS_CHANNEL } from './db/request-events.js';
import { hearRevocation, onRevocation, REVOKE_CHANNEL } from './db/revocations.js';
import type { Database } from './db/schema.js';
import { RequestEventBus } from './requests/events.js';

export interface LiveState {
  events: RequestEventBus;
  tokens: TokenCache;
  /** Only when shared (PostgreSQL). */
  contracts: ContractCache | undefined;
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
  const contracts = shared ? new ContractCache() : undefined;
  const stopForgetting = onRevocation(db, (revocation) => {
    tokens.forget(revocation);
    contracts?.forget(revocation);
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
        contracts?.clear();
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
    async close() {
      await listener?.close();
      await events.settled();
      stopForgetting();
    },
  };
}
