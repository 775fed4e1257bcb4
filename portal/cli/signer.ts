/**
 * `hicare-portal signer`: the one process of a shared (PostgreSQL) portal that holds the online keys. It leads or
 * stands by (see portal/signer/signer.ts) until SIGINT or SIGTERM, and logs as JSON lines on standard output.
 */
import { hostname } from 'node:os';
import pino from 'pino';
import { HicareError } from '../../shared/errors.js';
import { openCatalog } from '../catalog/open-catalog.js';
import { openDatabase } from '../db/connection.js';
import { requireCurrentSchema } from '../db/migrate.js';
import { databaseOptions } from '../server.js';
import { openLeaderLock } from '../signer/leader-lock.js';
import { startSigner, type RunningSigner } from '../signer/signer.js';
import { parse, UsageError } from './commands.js';
import { blobStoreFor, isSharedDatabase, layoutFor, type CliEnvironment } from './context.js';

type Signals = { once(event: 'SIGINT' | 'SIGTERM', fn: () => void): void };

function seconds(flag: string, given: string | undefined): number | undefined {
  if (given === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(given)) throw new UsageError(`--${flag} must be a whole number of seconds, e.g. 60.`);
  return Number(given) * 1000;
}

export async function signerCommand(args: readonly string[], io: CliEnvironment, signals: Signals): Promise<void> {
  const { values } = parse(args, { 'refresh-every': { type: 'string' }, 'heartbeat-every': { type: 'string' } });
  const refreshEveryMs = seconds('refresh-every', values['refresh-every']);
  const heartbeatEveryMs = seconds('heartbeat-every', values['heartbeat-every']);
  if (!isSharedDatabase(io.env)) {
    throw new HicareError('INVALID_INPUT.signerNeedsPostgres');
  }
  const databaseUrl = io.env['DATABASE_URL'] ?? '';
  const schema = io.env['HICARE_DATABASE_SCHEMA'];
  const layout = layoutFor(values, io);
  const db = openDatabase(databaseOptions(layout.dataDirectory, databaseUrl, schema));
  try {
    await requireCurrentSchema(db);
    const log = pino(
      { level: io.env['HICARE_LOG_LEVEL'] ?? 'info', base: { role: 'signer', pid: process.pid, hostname: hostname() } },
      { write: (line: string) => io.print(line.trimEnd()) },
    );
    // The lock reports its loss to the signer, which is started with the lock: hence the late binding.
    const started: { signer?: RunningSigner } = {};
    const lock = await openLeaderLock({
      databaseUrl,
      ...(schema === undefined ? {} : { schema }),
      onLost: (error) => started.signer?.abandon(error),
    });
    const store = blobStoreFor(layout, io);
    started.signer = startSigner({
      db,
      catalog: openCatalog({ db, dataDirectory: layout.dataDirectory, keysDir: layout.keysDir, blobs: store }),
      store,
      lock,
      log,
      now: io.now,
      holder: `${hostname()} ${process.pid}`,
      ...(refreshEveryMs === undefined ? {} : { refreshEveryMs }),
      ...(heartbeatEveryMs === undefined ? {} : { heartbeatEveryMs }),
    });
    const running = started.signer;
    const stop = (): void => {
      log.info('stopping: finishing the job in hand, then releasing the signer lock');
      void running.stop().catch(() => undefined);
    };
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
    await running.done;
    log.info('stopped');
  } finally {
    await db.destroy();
  }
}
