/**
 * `hicare-portal release` and `line` as an operator runs them, on SQLite: listing with --json and --csv, withdrawing
 * and restoring a release (audited as the operator), refusals that change nothing, and usage errors in the reader's
 * language. Each command is a process of its own, hence the generous timeouts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import type {
  LineSetResult,
  LineView,
  ReleaseDetail,
  ReleaseSummary,
} from '../../../shared/contracts/admin/releases.js';
import { cliEnv, runCli } from './cli.js';

describe('hicare-portal release and line', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-portal-releases-'));
    env = cliEnv({ HICARE_PORTAL_DATA: join(dir, 'data'), LANG: 'C' });
    const seed = await runCli(['seed', '--demo', '--json'], env);
    if (seed.code !== 0) throw new Error(`seed failed (${String(seed.code)}): ${seed.stderr}`);
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('lists releases as JSON and CSV, searchable', async () => {
    const listed = await runCli(['release', 'list', '--q', 'atlas 1.9', '--json'], env);
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout) as Page<ReleaseSummary>;
    expect(page.items.map((r) => `${r.product} ${r.version}`)).toEqual(['atlas 1.9.0']);
    const csv = await runCli(['release', 'list', '--product', 'atlas', '--csv'], env);
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split('\r\n');
    expect(header).toBe('Product,Version,Kind,Published,Size,Line today,Withdrawn,Downloads');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.startsWith('atlas,'))).toBe(true);
  }, 120_000);

  it('withdraws and restores a release; a second withdrawal is refused', async () => {
    const withdrawn = await runCli(
      ['release', 'withdraw', '--product', 'atlas', '--version', '1.9.0', '--reason', 'Bad build', '--json'],
      env,
    );
    expect(withdrawn.code).toBe(0);
    expect((JSON.parse(withdrawn.stdout) as ReleaseDetail).withdrawn).toMatchObject({ reason: 'Bad build' });

    const again = await runCli(
      ['release', 'withdraw', '--product', 'atlas', '--version', '1.9.0', '--reason', 'Other'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error ALREADY_EXISTS: atlas 1\.9\.0 was already withdrawn/);
    const shown = await runCli(['release', 'show', '--product', 'atlas', '--version', '1.9.0', '--json'], env);
    expect((JSON.parse(shown.stdout) as ReleaseDetail).withdrawn).toMatchObject({ reason: 'Bad build' });
    const onlyWithdrawn = await runCli(['release', 'list', '--withdrawn', 'yes', '--json'], env);
    expect((JSON.parse(onlyWithdrawn.stdout) as Page<ReleaseSummary>).items.map((r) => r.version)).toEqual(['1.9.0']);

    const restored = await runCli(['release', 'restore', '--product', 'atlas', '--version', '1.9.0'], env);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Withdrawn\s+no/);
  }, 120_000);

  it('refuses an unknown release and dates out of order, with the coded error and nothing changed', async () => {
    const unknown = await runCli(
      ['release', 'withdraw', '--product', 'atlas', '--version', '9.9.9', '--reason', 'x'],
      env,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error NOT_FOUND: The catalog has no release 9\.9\.9 of atlas\.\n {2}\S/);
    const before = await runCli(['line', 'list', '--product', 'atlas', '--json'], env);
    const bad = await runCli(
      ['line', 'set', '--product', 'atlas', '--major', '1', '--ga', '2025-06-01', '--end-of-service', '2025-01-01'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error INVALID_LIFECYCLE: /);
    const after = await runCli(['line', 'list', '--product', 'atlas', '--json'], env);
    expect(after.stdout).toBe(before.stdout);
  }, 120_000);

  it('sets a line’s dates and lists them', async () => {
    const set = await runCli(
      [
        'line',
        'set',
        '--product',
        'atlas',
        '--major',
        '2',
        '--ga',
        '2025-03-01',
        '--end-of-service',
        '2029-12-31',
        '--json',
      ],
      env,
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout) as LineSetResult).toMatchObject({
      state: 'done',
      line: { endOfService: '2029-12-31' },
    });
    const lines = JSON.parse((await runCli(['line', 'list', '--json'], env)).stdout) as Page<LineView>;
    expect(lines.items.find((l) => l.product === 'atlas' && l.major === 2)).toMatchObject({ ga: '2025-03-01' });
  }, 120_000);

  it('answers wrong usage in the reader’s language with exit code 2', async () => {
    const en = await runCli(['release', 'withdraw', '--product', 'atlas', '--version', '1.9.0'], env);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Say why: --reason TEXT.');
    const zh = await runCli(
      ['release', 'withdraw', '--product', 'atlas', '--version', '1.9.0', '--lang', 'zh-CN'],
      env,
    );
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('请说明原因');
    const line = await runCli(['line', 'set', '--product', 'atlas', '--major', 'two', '--ga', '2025-01-01'], env);
    expect(line.code).toBe(2);
    expect(line.stderr).toContain('--major must be a whole number');
  });
});
