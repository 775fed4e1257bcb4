/**
 * One dedicated PostgreSQL connection that LISTENs for what the other portal instances announce (stored events,
 * revocations). A pooled connection cannot do this: LISTEN belongs to a session. When the connection drops it is
 * opened again with growing pauses, and `onConnected` runs after every (re)connection so that the caller can catch
 * up on whatever was announced while nobody listened.
 */
import pg from 'pg';

export interface ListenerOptions {
  databaseUrl: string;
  channels: readonly string[];
  onNotification: (channel: string, payload: string) => void;
  /** After the first connection and every reconnection, once LISTEN is in place. */
  onConnected: () => void;
  onError: (error: unknown) => void;
  backoff?: { baseMs: number; maxMs: number };
}

/** Shows up in pg_stat_activity, so an operator can tell the listener from pooled connections. */
export const LISTENER_APPLICATION_NAME = 'hicare-portal-listener';

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export class PostgresListener {
  private client: pg.Client | undefined;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | undefined;

  constructor(private readonly options: ListenerOptions) {
    for (const channel of options.channels) {
      // Channel names are spliced into LISTEN (it takes no parameters): only plain identifiers.
      if (!CHANNEL_NAME.test(channel)) throw new Error(`"${channel}" is not a plain channel name`);
    }
  }

  /** Resolves after the first attempt to connect, whether it worked or a retry is scheduled. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    let dropped = false;
    const drop = (error?: unknown): void => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.closed) return;
      if (error !== undefined) this.options.onError(error);
      this.scheduleReconnect();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', (message) => {
      this.options.onNotification(message.channel, message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      drop(error);
      return;
    }
    if (this.closed || dropped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.options.onConnected();
  }

  private scheduleReconnect(): void {
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 100, maxMs: 5_000 };
    const delay = Math.min(maxMs, baseMs * 2 ** Math.min(this.failures, 16));
    this.failures += 1;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}
