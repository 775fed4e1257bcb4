/** The PostgreSQL pool size from HICARE_DB_POOL_SIZE: a bad value stops `serve` before it opens anything. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePoolSize } from '../../../portal/db/pool-size.js';
import { HicareError } from '../../../shared/errors.js';
import { cliEnv, runCli } from './cli.js';

describe('HICARE_DB_POOL_SIZE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hicare-pool-size-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a whole number of connections, and leaves the default when unset or empty', () => {
    expect(parsePoolSize('20')).toBe(20);
    expect(parsePoolSize(' 1 ')).toBe(1);
    expect(parsePoolSize('1000')).toBe(1000);
    expect(parsePoolSize(undefined)).toBeUndefined();
    expect(parsePoolSize('')).toBeUndefined();
  });

  it.each(['0', '-5', '2.5', 'ten', '1001', '1e3', '0x10'])(
    'refuses %j with INVALID_INPUT naming the variable and what to set',
    (value) => {
      let error: unknown;
      try {
        parsePoolSize(value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HicareError);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { variable: 'HICARE_DB_POOL_SIZE' } });
      expect((error as HicareError).message).toContain('HICARE_DB_POOL_SIZE');
      expect((error as HicareError).remedy).toMatch(/whole number/);
    },
  );

  it('stops serve with the coded error before it creates anything', async () => {
    const data = join(dir, 'data');
    const result = await runCli(
      ['serve', '--port', '0'],
      cliEnv({ HICARE_PORTAL_DATA: data, HICARE_DB_POOL_SIZE: 'ten' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('INVALID_INPUT');
    expect(result.stderr).toContain('HICARE_DB_POOL_SIZE is "ten"');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(data)).toBe(false);
  });
});
