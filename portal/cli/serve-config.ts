/**
 * What `hicare-portal serve` runs with, read in one place: flags first, then the environment (what a container or a
 * systemd unit sets), then defaults. Every value is checked here, before anything starts, so that a typo in a unit
 * file is one clear error naming the variable, not a portal that half starts. The blob store's and the grant key's
 * variables are read by their own modules.
 */
import { isIP } from 'node:net';
import { parsePoolSize, POOL_SIZE_VARIABLE } from '../db/pool-size.js';
import { HicareError } from '../../shared/errors.js';
import { LOG_LEVELS, type LogLevel } from '../ops/logging.js';
import { portalLayout } from '../server.js';
import type { CliEnvironment } from './context.js';
import { UsageError } from './usage.js';

export interface ServeFlags {
  host?: string | undefined;
  port?: string | undefined;
  'trust-proxy'?: string[] | undefined;
  data?: string | undefined;
  keys?: string | undefined;
}

export interface ServeConfig {
  host: string;
  port: number;
  /** Proxies whose X-Forwarded-For is believed; empty: none. */
  trustProxy: string[];
  dataDirectory: string;
  keysDir: string;
  /** PostgreSQL; SQLite in the data directory when absent. */
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  databasePoolSize: number | undefined;
  logLevel: LogLevel;
  /** When set, /metrics needs it as a bearer token. */
  metricsToken: string | undefined;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8780;

type Env = Record<string, string | undefined>;

/** A variable that is set to something; systemd and compose files often leave a variable empty to mean "unset". */
function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** What a setting must be: a kind the message words, or one of a list of choices. */
type Expected = 'port' | 'host' | 'proxies' | 'schema' | readonly string[];

function badVariable(name: string, value: string, expected: Expected): HicareError {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const kind = typeof expected === 'string' ? { expected } : { expected: 'choices', choices: expected.join(', ') };
  return new HicareError('INVALID_INPUT.serveVariable', { name, value: shown, ...kind }, { variable: name });
}

function parsePort(value: string): number | undefined {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(port) && port <= 65_535 ? port : undefined;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function validHost(value: string): boolean {
  return isIP(value) !== 0 || (value.length <= 253 && HOST.test(value));
}

/** The names proxy-addr (behind Fastify's trustProxy) knows for whole address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validProxy(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const METRICS_TOKEN = /^[\x21-\x7e]{16,512}$/;

export function serveConfig(flags: ServeFlags, io: Pick<CliEnvironment, 'env' | 'cwd'>): ServeConfig {
  const { env } = io;

  let port: number;
  if (flags.port !== undefined) {
    const parsed = parsePort(flags.port);
    if (parsed === undefined) throw new UsageError('--port must be a number from 0 to 65535.');
    port = parsed;
  } else {
    const value = setting(env, 'PORT');
    const parsed = value === undefined ? DEFAULT_PORT : parsePort(value);
    if (parsed === undefined) throw badVariable('PORT', value ?? '', 'port');
    port = parsed;
  }

  let host: string;
  if (flags.host !== undefined) {
    if (!validHost(flags.host)) throw new UsageError('--host must be an IP address or a host name.');
    host = flags.host;
  } else {
    host = setting(env, 'HOST') ?? DEFAULT_HOST;
    if (!validHost(host)) throw badVariable('HOST', host, 'host');
  }

  let trustProxy: string[];
  if (flags['trust-proxy'] !== undefined) {
    trustProxy = flags['trust-proxy']
      .flatMap((f) => f.split(','))
      .map((f) => f.trim())
      .filter((f) => f !== '');
    const bad = trustProxy.find((p) => !validProxy(p));
    if (bad !== undefined) throw new UsageError(`--trust-proxy "${bad}" is not an IP address or a CIDR range.`);
  } else {
    const value = setting(env, 'HICARE_TRUST_PROXY');
    trustProxy =
      value === undefined
        ? []
        : value
            .split(',')
            .map((p) => p.trim())
            .filter((p) => p !== '');
    const bad = trustProxy.find((p) => !validProxy(p));
    if (bad !== undefined) throw badVariable('HICARE_TRUST_PROXY', bad, 'proxies');
  }

  const databaseUrl = setting(env, 'DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/\S+$/i.test(databaseUrl)) {
    // The URL may hold a password: it is not repeated in the message.
    throw new HicareError('INVALID_INPUT.databaseUrlNotPostgres', {}, { variable: 'DATABASE_URL' });
  }
  const databaseSchema = setting(env, 'HICARE_DATABASE_SCHEMA');
  if (databaseSchema !== undefined) {
    if (databaseUrl === undefined) {
      throw new HicareError('INVALID_INPUT.schemaWithoutDatabase', {}, { variable: 'HICARE_DATABASE_SCHEMA' });
    }
    if (!SCHEMA_NAME.test(databaseSchema)) throw badVariable('HICARE_DATABASE_SCHEMA', databaseSchema, 'schema');
  }
  const databasePoolSize = parsePoolSize(env[POOL_SIZE_VARIABLE]);

  const levelValue = setting(env, 'HICARE_LOG_LEVEL')?.toLowerCase() ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(levelValue))
    throw badVariable('HICARE_LOG_LEVEL', levelValue, LOG_LEVELS);
  const format = setting(env, 'HICARE_LOG_FORMAT');
  if (format !== undefined && format !== 'json') {
    throw new HicareError(
      'INVALID_INPUT.logFormat',
      { format: format.slice(0, 30) },
      { variable: 'HICARE_LOG_FORMAT' },
    );
  }

  const metricsToken = setting(env, 'HICARE_METRICS_TOKEN');
  if (metricsToken !== undefined && !METRICS_TOKEN.test(metricsToken)) {
    throw new HicareError('INVALID_INPUT.metricsToken', {}, { variable: 'HICARE_METRICS_TOKEN' });
  }

  const layout = portalLayout(flags.data ?? setting(env, 'HICARE_PORTAL_DATA') ?? `${io.cwd}/portal-data`, flags.keys);

  return {
    host,
    port,
    trustProxy,
    dataDirectory: layout.dataDirectory,
    keysDir: layout.keysDir,
    databaseUrl,
    databaseSchema,
    databasePoolSize,
    logLevel: levelValue as LogLevel,
    metricsToken,
  };
}
