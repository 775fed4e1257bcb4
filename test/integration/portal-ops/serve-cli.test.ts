/**
 * `hicare-portal serve` as an operator runs it: configured by environment, JSON log lines with the request id on
 * standard error (standard output keeps the command's own answer), and a bad variable refused before it starts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initKeys } from '../../../portal/tuf/keys.js';
import { initRepository } from '../../../portal/tuf/repository.js';
import { cliEnv, runCli, serve } from '../portal-cli/cli.js';
import { until } from '../wait.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-serve-ops-'));
  await initKeys(join(dir, 'keys'));
  await initRepository({ repoDir: join(dir, 'tuf'), keysDir: join(dir, 'keys') });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('serve', () => {
  it('logs one JSON line per request with its id on standard error', async () => {
    const served = await serve(cliEnv({ HICARE_PORTAL_DATA: dir, HICARE_LOG_LEVEL: 'info' }));
    try {
      const res = await fetch(`${served.url}/tuf/timestamp.json`, { headers: { 'x-request-id': 'edge-4f1c2b7a' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('edge-4f1c2b7a');
      expect((await fetch(`${served.url}/healthz`)).status).toBe(200);
      const line = await until(
        async () =>
          served
            .stderr()
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as Record<string, unknown>)
            .find((l) => l['requestId'] === 'edge-4f1c2b7a'),
        { what: 'the log line of the request', timeoutMs: 10_000, detail: () => served.stderr() },
      );
      expect(line).toMatchObject({
        level: 30,
        msg: 'answered',
        route: '/tuf/*',
        status: 200,
        service: 'hicare-portal',
      });
      // Probes are answered at debug: at info they are not in the log.
      expect(served.stderr()).not.toContain('"/healthz"');
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('stays silent with HICARE_LOG_LEVEL=silent', async () => {
    const served = await serve(cliEnv({ HICARE_PORTAL_DATA: dir, HICARE_LOG_LEVEL: 'silent' }));
    try {
      expect((await fetch(`${served.url}/tuf/timestamp.json`)).status).toBe(200);
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(served.stderr()).toBe('');
  });

  it('refuses a bad variable before starting, with exit 1 and the variable named', async () => {
    const result = await runCli(
      ['serve', '--port', '0'],
      cliEnv({ HICARE_PORTAL_DATA: dir, HICARE_DB_POOL_SIZE: 'lots' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error INVALID_INPUT: HICARE_DB_POOL_SIZE is "lots"');
    expect(result.stdout).toBe('');
  });
});
