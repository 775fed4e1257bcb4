/**
 * The event bus behind the live event stream. Whoever changes a request publishes here after the change is stored:
 * the event is appended to `request_events`, whose id is its SSE id, and handed to every open stream.
 *
 * Alone (SQLite, one process) the bus hands an event to its streams as soon as it is stored. Shared (PostgreSQL,
 * several instances) it hands out what it reads back from the table, in id order, whenever it is told that new rows
 * exist: by its own publishing, or by a NOTIFY from another instance (see the portal's listener). Either way, a
 * client that reconnects with the last id it saw is sent what it missed, as long as that is within the retention.
 */
import type { Kysely } from 'kysely';
import { EVENT_RETENTION_HOURS } from '../../shared/contracts/portal-api.js';
import type { RequestEvent } from '../../shared/contracts/requests.js';
import { appendEvent, canReplayAfter, eventsAfter, latestEventId, pruneEvents } from '../db/request-events.js';
import type { Database } from '../db/schema.js';

export interface BusEvent {
  /** The row's id in request_events: the same on every instance; sent as the SSE `id:` line. */
  id: number;
  /** Whose request it is about: customers hear only their own. */
  customerId: string;
  event: RequestEvent;
}

export type BusListener = (e: BusEvent) => void;

/** How long a reconnecting client can be away and still be sent what it missed. */
export const EVENT_RETENTION_MS = EVENT_RETENTION_HOURS * 60 * 60 * 1000;
/** Pruning is cheap but not free: a publishing instance does it at most this often. */
const PRUNE_EVERY_MS = 60 * 1000;
/** A replay longer than this is no cheaper for the client than reloading its lists. */
export const MAX_REPLAY_EVENTS = 1000;
const READ_BATCH = 500;

export type Replay = { kind: 'replay'; events: BusEvent[] } | { kind: 'reset'; latestId: number };

export interface RequestEventBusOptions {
  now?: () => Date;
  retentionMs?: number;
  /** Several instances share the table: fan out what is read back from it (call `start` first). */
  shared?: boolean;
  /** Publishing never fails the change that was already stored; what went wrong is reported here. */
  onError?: (error: unknown, what: string) => void;
}

export class RequestEventBus {
  private readonly listeners = new Set<BusListener>();
  private readonly now: () => Date;
  private readonly retentionMs: number;
  private readonly shared: boolean;
  private readonly onError: (error: unknown, what: string) => void;
  /** Shared only: the newest id handed to the streams. */
  private lastSeen = 0;
  private catching: Promise<void> | undefined;
  private again = false;
  private lastPrune = Number.NEGATIVE_INFINITY;
  private pruning: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    options: RequestEventBusOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.retentionMs = options.retentionMs ?? EVENT_RETENTION_MS;
    this.shared = options.shared ?? false;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Shared only: starts from the newest stored event (streams hear what is published from now on). */
  async start(): Promise<void> {
    this.lastSeen = await latestEventId(this.db);
  }

  /** Returns the function that ends the subscription. */
  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stores the event and hands it on; resolves to it, or to undefined when it could not be stored. */
  async publish(customerId: string, event: RequestEvent): Promise<BusEvent | undefined> {
    const now = this.now();
    let stored: BusEvent;
    try {
      const { id } = await appendEvent(this.db, customerId, event, now);
      stored = { id, customerId, event };
    } catch (error) {
      this.onError(error, 'storing a live event');
      return undefined;
    }
    if (this.shared) await this.catchUp();
    else this.deliver(stored);
    this.pruneNowAndThen(now);
    return stored;
  }

  /**
   * Shared only: hands on every stored event newer than the last one handed on. Calls that arrive while one runs
   * make it read once more instead of running alongside, so streams hear each event once, in id order.
   */
  catchUp(): Promise<void> {
    if (this.catching !== undefined) {
      this.again = true;
      return this.catching;
    }
    const run = async (): Promise<void> => {
      do {
        this.again = false;
        for (;;) {
          const batch = await eventsAfter(this.db, this.lastSeen, READ_BATCH);
          for (const e of batch) {
            this.lastSeen = e.id;
            this.deliver({ id: e.id, customerId: e.customerId, event: e.event });
          }
          if (batch.length < READ_BATCH) break;
        }
      } while (this.again);
    };
    this.catching = run()
      .catch((error: unknown) => this.onError(error, 'reading live events'))
      .finally(() => {
        this.catching = undefined;
      });
    return this.catching;
  }

  /**
   * What a client that last saw `lastId` missed, oldest first; or `reset` when that cannot be told exactly (an id
   * this portal never gave out, one older than the retention, or more than MAX_REPLAY_EVENTS behind).
   */
  async replayAfter(lastId: number): Promise<Replay> {
    const cutoff = new Date(this.now().getTime() - this.retentionMs);
    const { replayable, latestId } = await canReplayAfter(this.db, lastId, cutoff);
    if (!replayable || latestId - lastId > MAX_REPLAY_EVENTS) return { kind: 'reset', latestId };
    const rows = await eventsAfter(this.db, lastId, MAX_REPLAY_EVENTS);
    return { kind: 'replay', events: rows.map((e) => ({ id: e.id, customerId: e.customerId, event: e.event })) };
  }

  /** The newest stored event's id (0 when none): where a fresh stream starts. */
  latestId(): Promise<number> {
    return latestEventId(this.db);
  }

  /** Waits for reading and pruning still under way (before the database is closed). */
  async settled(): Promise<void> {
    await Promise.all([this.catching, this.pruning]);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private deliver(e: BusEvent): void {
    for (const listener of [...this.listeners]) {
      // One broken stream must not keep the others (or the change that published) from going on.
      try {
        listener(e);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  private pruneNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now.getTime();
    this.pruning = pruneEvents(this.db, new Date(now.getTime() - this.retentionMs))
      .then(() => undefined)
      .catch((error: unknown) => this.onError(error, 'pruning old live events'))
      .finally(() => {
        this.pruning = undefined;
      });
  }
}
