/** `hicare-portal serve`: the portal on a host and port until SIGINT or SIGTERM, then a clean shutdown. */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { HicareError } from '../../shared/errors.js';
import { parsePoolSize, POOL_SIZE_VARIABLE } from '../db/pool-size.js';
import { createPortal } from '../server.js';
import { parse, UsageError } from './commands.js';
import { layoutFor, type CliEnvironment } from './context.js';

export async function serveCommand(args: readonly string[], io: CliEnvironment, signals: { once(event: 'SIGINT' | 'SIGTERM', fn: () => void): void }): Promise<void> {
  const { values } = parse(args, { host: { type: 'string' }, port: { type: 'string' }, 'trust-proxy': { type: 'string', multiple: true } });
  const port = Number(values.port ?? io.env['PORT'] ?? 8780);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be a number from 0 to 65535.');
  const poolSize = parsePoolSize(io.env[POOL_SIZE_VARIABLE]);
  const layout = layoutFor(values, io);
  await access(join(layout.repoDir, 'timestamp.json')).catch(() => {
    throw new HicareError('NOT_FOUND', `There is no signed catalog in ${layout.dataDirectory}.`, 'Run `hicare-portal seed --demo` (or `keys init` and publish releases) first.');
  });
  const databaseUrl = io.env['DATABASE_URL'];
  const portal = await createPortal({
    dataDirectory: layout.dataDirectory,
    keysDir: layout.keysDir,
    ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
    ...(io.env['HICARE_DATABASE_SCHEMA'] === undefined ? {} : { databaseSchema: io.env['HICARE_DATABASE_SCHEMA'] }),
    ...(poolSize === undefined ? {} : { databasePoolSize: poolSize }),
    logger: io.env['HICARE_PORTAL_LOG'] === '1',
    ...(values['trust-proxy'] === undefined ? {} : { trustProxy: values['trust-proxy'] }),
  });
  const address = await portal.listen({ host: values.host ?? '127.0.0.1', port });
  io.print(values.json === true ? JSON.stringify({ url: address, dataDirectory: layout.dataDirectory }) : `Hi-Care portal listening on ${address} (data: ${layout.dataDirectory}, storage: ${databaseUrl ? 'PostgreSQL' : 'SQLite'})`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  await portal.close();
}
