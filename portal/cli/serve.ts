/** `hicare-portal serve`: the portal on a host and port until SIGINT or SIGTERM, then a clean shutdown. */
import { HicareError } from '../../shared/errors.js';
import { createPortal } from '../server.js';
import { parse } from './commands.js';
import { isSharedDatabase, type CliEnvironment } from './context.js';
import { serveConfig } from './serve-config.js';
import { createMailSender, mailSettingsFromEnv, startMailLoop } from '../mail/sender.js';

/** How often the outbox is looked at and the SLA clocks scanned. */
const MAIL_EVERY_MS = 30_000;
import { blobStoreFromEnv, packageDeliveryFromEnv } from '../storage/config.js';

export async function serveCommand(
  args: readonly string[],
  io: CliEnvironment,
  signals: { once(event: 'SIGINT' | 'SIGTERM', fn: () => void): void },
): Promise<void> {
  const { values } = parse(args, {
    host: { type: 'string' },
    port: { type: 'string' },
    'trust-proxy': { type: 'string', multiple: true },
  });
  const config = serveConfig(values, io);
  // Checked before anything opens, so that a bad store setting is refused in plain words and changes nothing.
  const blobs = blobStoreFromEnv(io.env, config.dataDirectory);
  const packageDelivery = packageDeliveryFromEnv(io.env);
  mailSettingsFromEnv(io.env, 'http://127.0.0.1');
  const portal = await createPortal({
    blobs,
    packageDelivery,
    dataDirectory: config.dataDirectory,
    keysDir: config.keysDir,
    ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
    ...(config.databaseSchema === undefined ? {} : { databaseSchema: config.databaseSchema }),
    ...(config.databasePoolSize === undefined ? {} : { databasePoolSize: config.databasePoolSize }),
    // JSON lines on standard error, so that standard output keeps only what the command prints.
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    ...(config.metricsToken === undefined ? {} : { metrics: { token: config.metricsToken } }),
    grantKeyEnv: io.env,
    // Shared (PostgreSQL): the operator migrates once with `hicare-portal migrate`, and only the signer signs.
    ...(isSharedDatabase(io.env) ? { migrations: 'require-current' as const, refreshEveryMs: 0 } : {}),
  });
  if ((await portal.catalog.repository.metadata.changeStamp()) === undefined) {
    await portal.close();
    // `database` selects the sentence that names the database rather than a folder.
    const where = config.databaseUrl === undefined ? config.dataDirectory : 'database';
    throw new HicareError('NOT_FOUND.servedCatalog', { where });
  }
  const address = await portal.listen({ host: config.host, port: config.port });
  // Every instance sends: the outbox's claims keep a mail to one of them. Links use HICARE_PUBLIC_URL, else this address.
  const sender = createMailSender({
    db: portal.db,
    now: () => new Date(),
    settings: mailSettingsFromEnv(io.env, address),
  });
  const mail = startMailLoop(sender, MAIL_EVERY_MS, (error, what) =>
    portal.app.log.error({ err: error }, `${what} failed`),
  );
  if (!sender.configured) portal.app.log.warn('no SMTP server is set (HICARE_SMTP_URL): e-mail stays queued');
  const storage = config.databaseUrl === undefined ? 'SQLite' : 'PostgreSQL';
  io.print(
    values.json === true
      ? JSON.stringify({ url: address, dataDirectory: config.dataDirectory })
      : `Hi-Care portal listening on ${address} (data: ${config.dataDirectory}, storage: ${storage})`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  mail.stop();
  await portal.close();
}
