/**
 * What the cluster tests look at besides HTTP answers: rows the signer keeps in the shared database (its heartbeat,
 * the publish jobs), the signed metadata each instance serves, and a tuf-js client that trusts the first root.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Updater } from 'tuf-js';
import { POSTGRES_URL } from '../integration/postgres.js';

/** One query in the cluster's schema. */
export async function query<R extends pg.QueryResultRow>(
  schema: string,
  sql: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface Heartbeat {
  holder: string;
  beatAt: Date;
}

export async function heartbeat(schema: string): Promise<Heartbeat | undefined> {
  const rows = await query<{ holder: string; beat_at: Date | string }>(
    schema,
    'select holder, beat_at from signer_status order by beat_at desc limit 1',
  ).catch(() => []);
  const row = rows[0];
  return row === undefined ? undefined : { holder: row.holder, beatAt: new Date(row.beat_at) };
}

export async function jobStates(schema: string): Promise<{ id: string; state: string }[]> {
  return query<{ id: string; state: string }>(
    schema,
    'select id::text as id, state from publish_jobs order by created_at',
  ).catch(() => []);
}

export interface ServedMetadata {
  version: number;
  etag: string | null;
  text: string;
}

/** The timestamp an instance serves now (never a cached copy: the test wants the instance's own answer). */
export async function servedTimestamp(base: string): Promise<ServedMetadata> {
  const response = await fetch(`${base}/tuf/timestamp.json`, { headers: { 'cache-control': 'no-cache' } });
  if (response.status !== 200) throw new Error(`${base}/tuf/timestamp.json answered ${response.status}`);
  const text = await response.text();
  return {
    version: (JSON.parse(text) as { signed: { version: number } }).signed.version,
    etag: response.headers.get('etag'),
    text,
  };
}

/** A tuf-js client whose every refresh may go to another base URL, as an app behind a load balancer would. */
export class AlternatingTufClient {
  private constructor(
    private readonly dir: string,
    private readonly bases: readonly string[],
  ) {}

  private turn = 0;

  /** Trusts the root the first base serves as version 1, the way an installed app trusts the root it shipped with. */
  static async create(bases: readonly string[]): Promise<AlternatingTufClient> {
    const dir = await mkdtemp(join(tmpdir(), 'hicare-cluster-tuf-'));
    await mkdir(join(dir, 'metadata'));
    await mkdir(join(dir, 'targets'));
    const root = await fetch(`${bases[0] ?? ''}/tuf/1.root.json`);
    if (root.status !== 200) throw new Error(`no first root at ${bases[0] ?? ''}: ${root.status}`);
    await writeFile(join(dir, 'metadata', 'root.json'), Buffer.from(await root.arrayBuffer()));
    return new AlternatingTufClient(dir, bases);
  }

  /** Refreshes through the next base in turn; returns the timestamp version it now trusts. */
  async refresh(): Promise<number> {
    const base = this.bases[this.turn % this.bases.length] ?? '';
    this.turn += 1;
    const updater = new Updater({
      metadataBaseUrl: `${base}/tuf/`,
      targetBaseUrl: `${base}/tuf/targets/`,
      metadataDir: join(this.dir, 'metadata'),
      targetDir: join(this.dir, 'targets'),
      config: { fetchRetries: 0, fetchTimeout: 10_000 },
    });
    await updater.refresh();
    const { readFile } = await import('node:fs/promises');
    return (
      JSON.parse(await readFile(join(this.dir, 'metadata', 'timestamp.json'), 'utf8')) as {
        signed: { version: number };
      }
    ).signed.version;
  }

  close(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
