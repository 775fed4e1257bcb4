/** `serve`'s configuration: flags over environment over defaults, and every bad value refused by name. */
import { describe, expect, it } from 'vitest';
import { serveConfig, type ServeFlags } from '../../../portal/cli/serve-config.js';
import { UsageError } from '../../../portal/cli/usage.js';
import { HicareError } from '../../../shared/errors.js';

const cwd = '/srv/hicare';

function config(env: Record<string, string>, flags: ServeFlags = {}) {
  return serveConfig(flags, { env, cwd });
}

function refusal(env: Record<string, string>, flags: ServeFlags = {}): Error {
  try {
    config(env, flags);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('serve configuration', () => {
  it('has defaults for a single machine', () => {
    expect(config({})).toEqual({
      host: '127.0.0.1',
      port: 8780,
      trustProxy: [],
      dataDirectory: '/srv/hicare/portal-data',
      keysDir: '/srv/hicare/portal-data/keys',
      databaseUrl: undefined,
      databaseSchema: undefined,
      databasePoolSize: undefined,
      logLevel: 'info',
      metricsToken: undefined,
    });
  });

  it('reads the environment a unit file or container sets', () => {
    const c = config({
      HOST: '0.0.0.0',
      PORT: '9000',
      HICARE_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,fd00::/8,loopback',
      HICARE_PORTAL_DATA: '/var/lib/hicare',
      DATABASE_URL: 'postgres://portal@db:5432/hicare',
      HICARE_DATABASE_SCHEMA: 'portal',
      HICARE_DB_POOL_SIZE: '40',
      HICARE_LOG_LEVEL: 'WARN',
      HICARE_LOG_FORMAT: 'json',
      HICARE_METRICS_TOKEN: 'b1946ac92492d2347c6235b4d2611184',
    });
    expect(c).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      trustProxy: ['10.0.0.5', '192.168.0.0/16', 'fd00::/8', 'loopback'],
      dataDirectory: '/var/lib/hicare',
      databaseUrl: 'postgres://portal@db:5432/hicare',
      databaseSchema: 'portal',
      databasePoolSize: 40,
      logLevel: 'warn',
      metricsToken: 'b1946ac92492d2347c6235b4d2611184',
    });
  });

  it('lets flags win over the environment, and treats empty variables as unset', () => {
    const c = config(
      {
        HOST: '0.0.0.0',
        PORT: '9000',
        HICARE_TRUST_PROXY: '10.0.0.5',
        HICARE_PORTAL_DATA: '/var/lib/hicare',
        DATABASE_URL: '',
      },
      {
        host: '::1',
        port: '0',
        'trust-proxy': ['127.0.0.1'],
        data: '/tmp/portal',
        keys: '/tmp/keys',
      },
    );
    expect(c).toMatchObject({
      host: '::1',
      port: 0,
      trustProxy: ['127.0.0.1'],
      dataDirectory: '/tmp/portal',
      keysDir: '/tmp/keys',
      databaseUrl: undefined,
    });
    expect(config({ PORT: ' ', HICARE_LOG_LEVEL: '' })).toMatchObject({ port: 8780, logLevel: 'info' });
  });

  it.each<[string, Record<string, string>]>([
    ['PORT', { PORT: '80a' }],
    ['PORT', { PORT: '70000' }],
    ['HOST', { HOST: 'my host' }],
    ['HOST', { HOST: 'http://portal.example' }],
    ['HICARE_TRUST_PROXY', { HICARE_TRUST_PROXY: '10.0.0.5,everyone' }],
    ['HICARE_TRUST_PROXY', { HICARE_TRUST_PROXY: '10.0.0.0/33' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root:hunter2@db/hicare' }],
    ['HICARE_DATABASE_SCHEMA', { HICARE_DATABASE_SCHEMA: 'portal' }],
    ['HICARE_DATABASE_SCHEMA', { DATABASE_URL: 'postgres://db/hicare', HICARE_DATABASE_SCHEMA: 'portal; drop' }],
    ['HICARE_DB_POOL_SIZE', { HICARE_DB_POOL_SIZE: '0' }],
    ['HICARE_DB_POOL_SIZE', { HICARE_DB_POOL_SIZE: 'ten' }],
    ['HICARE_DB_POOL_SIZE', { HICARE_DB_POOL_SIZE: '5000' }],
    ['HICARE_LOG_LEVEL', { HICARE_LOG_LEVEL: 'verbose' }],
    ['HICARE_LOG_FORMAT', { HICARE_LOG_FORMAT: 'pretty' }],
    ['HICARE_METRICS_TOKEN', { HICARE_METRICS_TOKEN: 'short' }],
  ])('refuses a bad %s with a coded error naming it', (name, env) => {
    const error = refusal(env);
    expect(error).toBeInstanceOf(HicareError);
    const coded = error as HicareError;
    expect(coded.code).toBe('INVALID_INPUT');
    expect(coded.message).toContain(name);
    expect(coded.remedy).toContain(name);
    expect(coded.details).toEqual({ variable: name });
    // A database URL may carry a password: it is never repeated back.
    expect(coded.message).not.toContain('hunter2');
  });

  it.each<[string, ServeFlags]>([
    ['--port', { port: '-1' }],
    ['--host', { host: 'two words' }],
    ['--trust-proxy', { 'trust-proxy': ['10.0.0.1', 'nobody'] }],
  ])('treats a bad %s as wrong usage', (flag, flags) => {
    const error = refusal({}, flags);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(flag);
  });
});
