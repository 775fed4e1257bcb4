/**
 * The portal CLI's commands. Each parses its own flags strictly (an unknown flag is a usage error, not ignored), runs
 * one operation of the portal, and prints either plain lines or, with --json, one JSON document.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  APP_PRODUCT,
  DetectionRuleSchema,
  ReleaseTargetCustomSchema,
  type ReleaseTarget,
} from '../../shared/contracts/catalog.js';
import { HicareError } from '../../shared/errors.js';
import { publishReleases, setLineLifecycle } from '../admin/publish.js';
import { publishAppRelease } from '../app-updates/publish-app.js';
import { seedDemo } from '../demo/seed.js';
import { newGrantKeyText } from '../requests/grant-key.js';
import { runKeysCommand } from '../tuf/keys-command.js';
import { initRepository } from '../tuf/repository.js';
import type { PublishJob } from '../db/publish-jobs.js';
import type { Database } from '../db/schema.js';
import type { BlobStore } from '../storage/blob-store.js';
import { blobStoreFor, isSharedDatabase, withStorage, type CliEnvironment, type CommonFlags } from './context.js';
import { awaitJob, DEFAULT_WAIT_MS, queueLifecycleJob, queueReleaseJob, type WaitOptions } from './publish-jobs.js';
import { UsageError } from './usage.js';

export { UsageError };

const COMMON = {
  data: { type: 'string' },
  keys: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: readonly string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...COMMON, ...options },
      strict: true,
      allowPositionals: positionals > 0,
    });
    if (parsed.positionals.length > positionals)
      throw new UsageError(`Unexpected argument: ${parsed.positionals[positionals] ?? ''}`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === '');
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((n) => `--${n}`).join(', ')}.`);
}

/** Flags of the commands that hand their work to the signer on a shared portal. */
const JOB_FLAGS = {
  'no-wait': { type: 'boolean' },
  'wait-timeout': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function waitOptions(values: { 'no-wait'?: boolean | undefined; 'wait-timeout'?: string | undefined }): WaitOptions {
  const given = values['wait-timeout'];
  if (given !== undefined && !/^[1-9]\d{0,5}$/.test(given))
    throw new UsageError('--wait-timeout must be a whole number of seconds, e.g. 600.');
  return {
    noWait: values['no-wait'] === true,
    timeoutMs: given === undefined ? DEFAULT_WAIT_MS : Number(given) * 1000,
  };
}

/**
 * Queues the work for the signer and, unless --no-wait, returns what the signer produced. With --no-wait it prints
 * the job's id and returns undefined.
 */
async function runAsJob<T>(
  values: { json?: boolean | undefined } & CommonFlags,
  io: CliEnvironment,
  wait: WaitOptions,
  queue: (db: Kysely<Database>, store: BlobStore) => Promise<PublishJob>,
): Promise<T | undefined> {
  return withStorage(values, io, async ({ db, layout }) => {
    const job = await queue(db, blobStoreFor(layout, io));
    if (wait.noWait) {
      output(io, values.json, { job: job.id, state: job.state }, [
        `Queued job ${job.id}; the signer runs it (see its log).`,
      ]);
      return undefined;
    }
    return (await awaitJob(db, job, wait)) as T;
  });
}

function output(io: CliEnvironment, json: boolean | undefined, value: unknown, lines: string[]): void {
  if (json === true) io.print(JSON.stringify(value, null, 2));
  else for (const line of lines) io.print(line);
}

export async function seedCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values } = parse(args, { demo: { type: 'boolean' } });
  if (values.demo !== true) throw new UsageError('Only the demo can be seeded: use `seed --demo`.');
  const result = await withStorage(values, io, ({ db, catalog, layout }) =>
    seedDemo({ db, catalog, keysDir: layout.keysDir, now: io.now() }),
  );
  const width = Math.max(...result.accounts.map((a) => a.email.length));
  output(io, values.json, result, [
    `Seeded the demo: ${result.customers.length} customers, ${result.targets} signed packages.`,
    '',
    'Accounts (keep these passwords; they are not stored anywhere else):',
    ...result.accounts.map(
      (a) =>
        `  ${a.email.padEnd(width)}  ${a.password}  ${a.role}${a.customer === null ? '' : ` — ${a.customer.name} (${a.customer.tier})`}`,
    ),
  ]);
}

export async function keysCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(args, { 'offline-keys': { type: 'string' } }, 2);
  if (positionals[0] === 'grant-key') {
    // Printed, never stored: the operator puts it where every instance reads it (HICARE_GRANT_KEY or its file).
    const grantKey = newGrantKeyText(randomBytes);
    output(io, values.json, { grantKey }, [grantKey]);
    return;
  }
  const offlineKeysDir = values['offline-keys'];
  if (positionals[0] === 'init' && (offlineKeysDir === undefined || offlineKeysDir === '')) {
    throw new UsageError(
      '`keys init` needs --offline-keys DIR: the root key is never written into the data directory; name where it goes, then move it off this machine.',
    );
  }
  // Both write where the catalog lives (the folder, or the shared database): init signs the first, empty catalog
  // with the new keys, so that serve has something to serve and clients a root to trust; rotation publishes a root.
  const lines = await withStorage(values, io, async ({ catalog, layout }) => {
    const options = { ...catalog.repository.options, keysDir: layout.keysDir, offlineKeysDir, now: io.now() };
    const printed = await runKeysCommand(positionals, options);
    if (positionals[0] !== 'init') return printed;
    await initRepository({
      ...catalog.repository.options,
      keysDir: { keysDir: layout.keysDir, offlineDir: offlineKeysDir ?? '' },
      now: io.now(),
    });
    return [...printed, 'Signed the first, empty catalog (root version 1): clients trust it through /tuf/1.root.json.'];
  });
  output(io, values.json, { lines }, lines);
}

// A known flag with a value that is not JSON is bad input, like a value that is JSON but not a valid rule: both are
// refused with a coded error (exit 1), not as wrong usage.
function parseJsonFlag(flag: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HicareError('INVALID_INPUT.ruleNotJson', {
      flag,
      example: '{"kind":"file","path":"{target}/app/VERSION"}',
    });
  }
}

export async function publishCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values } = parse(args, {
    product: { type: 'string' },
    version: { type: 'string' },
    platform: { type: 'string' },
    arch: { type: 'string' },
    file: { type: 'string' },
    installer: { type: 'string' },
    arg: { type: 'string', multiple: true },
    entry: { type: 'string' },
    timeout: { type: 'string' },
    elevate: { type: 'boolean' },
    detection: { type: 'string' },
    notes: { type: 'string' },
    'notes-file': { type: 'string' },
    'min-upgrade-from': { type: 'string' },
    'published-at': { type: 'string' },
    ...JOB_FLAGS,
  });
  required(values, 'product', 'version', 'platform', 'arch', 'file', 'installer', 'detection');
  const wait = waitOptions(values);
  if (values.product === APP_PRODUCT) {
    // Its target names are the manager's own releases' (publish-app): a customer release there would be mistaken for one.
    throw new HicareError('INVALID_INPUT.reservedProduct', { product: APP_PRODUCT });
  }
  const detection = DetectionRuleSchema.safeParse(parseJsonFlag('detection', values.detection ?? ''));
  if (!detection.success)
    throw new HicareError('INVALID_INPUT.detectionRuleInvalid', {
      problem: detection.error.issues[0]?.message ?? '',
    });
  const notes =
    values['notes-file'] === undefined ? (values.notes ?? '') : await readFile(values['notes-file'], 'utf8');
  const custom = ReleaseTargetCustomSchema.safeParse({
    product: values.product,
    version: values.version,
    platform: values.platform,
    arch: values.arch,
    installer: {
      type: values.installer,
      args: values.arg ?? [],
      ...(values.entry === undefined ? {} : { entry: values.entry }),
      ...(values.timeout === undefined ? {} : { timeoutSeconds: Number(values.timeout) }),
      elevate: values.elevate === true,
    },
    detection: detection.data,
    notes,
    publishedAt: values['published-at'] ?? io.now().toISOString(),
    ...(values['min-upgrade-from'] === undefined ? {} : { minUpgradeFrom: values['min-upgrade-from'] }),
  });
  if (!custom.success) {
    const issue = custom.error.issues[0];
    throw new HicareError('INVALID_INPUT.publishedReleaseInvalid', {
      field: issue?.path.join('.') ?? '',
      problem: issue?.message ?? '',
    });
  }
  const file = values.file ?? '';
  const [target] = isSharedDatabase(io.env)
    ? await runAsJob<ReleaseTarget>(values, io, wait, (db, store) =>
        queueReleaseJob(db, store, io, file, custom.data),
      ).then((t) => (t === undefined ? [] : [t]))
    : await withStorage(values, io, ({ db, catalog }) =>
        publishReleases(db, catalog, [{ file, custom: custom.data }], io.now()),
      );
  if (target === undefined) return;
  output(io, values.json, target, [
    `Published ${target?.name ?? ''} (${target?.length ?? 0} bytes, sha256 ${target?.sha256 ?? ''})`,
  ]);
}

export async function publishAppCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values } = parse(args, {
    file: { type: 'string' },
    version: { type: 'string' },
    os: { type: 'string' },
    arch: { type: 'string' },
    notes: { type: 'string' },
    'notes-file': { type: 'string' },
  });
  required(values, 'file', 'version', 'os', 'arch');
  if (values.notes !== undefined && values['notes-file'] !== undefined)
    throw new UsageError('Give --notes or --notes-file, not both.');
  const notesFile = values['notes-file'];
  const notes =
    notesFile === undefined
      ? (values.notes ?? '')
      : await readFile(notesFile, 'utf8').catch(() => {
          throw new HicareError('NOT_FOUND.notesFile', { file: notesFile }, { file: notesFile });
        });
  const input = {
    file: values.file ?? '',
    version: values.version ?? '',
    os: values.os ?? '',
    arch: values.arch ?? '',
    notes,
  };
  const target = await withStorage(values, io, ({ catalog }) => publishAppRelease(catalog, input, io.now()));
  output(io, values.json, target, [
    `Published ${target.name} (${target.length} bytes, sha256 ${target.sha256})`,
    `Served at /app-updates/${target.custom.os}/${target.custom.arch}/ for the manager's own updates.`,
  ]);
}

export async function lifecycleCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      product: { type: 'string' },
      major: { type: 'string' },
      ga: { type: 'string' },
      'end-of-maintenance': { type: 'string' },
      'end-of-service': { type: 'string' },
      ...JOB_FLAGS,
    },
    1,
  );
  if (positionals[0] !== 'set') throw new UsageError('Use `lifecycle set`.');
  required(values, 'product', 'major', 'ga');
  const wait = waitOptions(values);
  if (!/^\d{1,6}$/.test(values.major ?? '')) throw new UsageError('--major must be a whole number, e.g. 2.');
  const lifecycle = {
    product: values.product ?? '',
    major: Number(values.major),
    ga: values.ga ?? '',
    ...(values['end-of-maintenance'] === undefined ? {} : { endOfMaintenance: values['end-of-maintenance'] }),
    ...(values['end-of-service'] === undefined ? {} : { endOfService: values['end-of-service'] }),
  };
  const result = isSharedDatabase(io.env)
    ? await runAsJob<Awaited<ReturnType<typeof setLineLifecycle>>>(values, io, wait, (db) =>
        queueLifecycleJob(db, io, lifecycle),
      )
    : await withStorage(values, io, ({ db, catalog }) => setLineLifecycle(db, catalog, lifecycle, io.now()));
  if (result === undefined) return;
  output(io, values.json, result, [
    `Lifecycle of ${lifecycle.product} ${lifecycle.major}.x set; ${result.resigned} targets re-signed.`,
  ]);
}
