/**
 * Who is the signer: a PostgreSQL session-level advisory lock held on a connection of its own for the process's
 * whole life. The server releases it the moment that connection ends — a crash, kill -9 or a lost network included —
 * so no stale lock can outlive its holder, and a standing-by signer takes over on its next try.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

/** First half of the lock's key: "HCSG" (Hi-Care signer), apart from the repository lock's key space. */
const SIGNER_LOCK_CLASS = 0x48435347;

/**
 * Second half: from the schema, because advisory locks are per database and two portals may share one database in
 * different schemas (as the tests do); each must elect its own signer.
 */
function lockObjectFor(schema: string): number {
  return createHash('sha256').update(schema).digest().readInt32BE(0);
}

export interface LeaderLockOptions {
  databaseUrl: string;
  schema?: string;
  /** Called once if the lock's connection is lost while leading: the process must stop signing at once. */
  onLost: (error: Error) => void;
}

export interface LeaderLock {
  /** Tries once; true when this process is now the leader. */
  tryAcquire(): Promise<boolean>;
  /** LISTENs on `channel` over the lock's connection (held anyway) and calls `fn` on each notification. */
  listen(channel: string, fn: () => void): Promise<void>;
  /** Releases the lock (if held) and closes the connection. */
  close(): Promise<void>;
}

export async function openLeaderLock(options: LeaderLockOptions): Promise<LeaderLock> {
  const config: pg.ClientConfig = { connectionString: options.databaseUrl };
  if (options.schema !== undefined) config.options = `-c search_path=${options.schema}`;
  const client = new pg.Client(config);
  let closing = false;
  let held = false;
  client.on('error', (error) => {
    if (!closing && held) options.onLost(error);
  });
  client.on('end', () => {
    if (!closing && held) options.onLost(new Error('the database connection holding the signer lock closed'));
  });
  await client.connect();
  const { rows } = await client.query<{ schema: string | null }>('select current_schema() as schema');
  const key = [SIGNER_LOCK_CLASS, lockObjectFor(rows[0]?.schema ?? '')];
  return {
    async tryAcquire() {
      const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', key);
      held = result.rows[0]?.locked === true;
      return held;
    },
    async listen(channel, fn) {
      client.on('notification', (message) => {
        if (message.channel === channel) fn();
      });
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
    },
    async close() {
      closing = true;
      if (held) await client.query('select pg_advisory_unlock($1, $2)', key).catch(() => undefined);
      held = false;
      await client.end().catch(() => undefined);
    },
  };
}
