/**
 * `hicare-portal contract …` as an operator runs it: a contract from a shipment date, shown with where its start came
 * from in either language, renewed and listed as JSON; a contract with no start basis refused (exit 1, coded, nothing
 * added), and wrong usage answered with exit 2.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractRow } from '../../../shared/contracts/admin/contracts.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import { cliEnv, runCli } from './cli.js';

describe('hicare-portal contract', () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const ids = async (): Promise<string[]> => {
    const listed = await runCli(['contract', 'list', '--json'], env);
    expect(listed.code, listed.stderr).toBe(0);
    return (JSON.parse(listed.stdout) as Page<ContractRow>).items.map((c) => c.id).sort();
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-portal-contracts-'));
    env = cliEnv({ HICARE_PORTAL_DATA: join(dir, 'data'), LANG: 'C' });
    expect((await runCli(['seed', '--demo', '--json'], env)).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a contract with no start basis, adding nothing', async () => {
    const before = await ids();
    const args = ['contract', 'add', '--id', 'NO-START', '--customer', 'northwind', '--tier', 'support'];
    const refused = await runCli([...args, '--end', '2028-01-01'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'error MISSING_START_DATE_BASIS: The contract does not say where its service starts.',
    );
    expect(refused.stderr).toContain('Give exactly one of');
    expect(await ids()).toEqual(before);

    const usage = await runCli(['contract', 'add', '--id', 'X'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Missing --customer, --end');
  }, 60_000);

  it('adds from a shipment date, says where the start came from, renews and lists', async () => {
    const made = await runCli(
      [
        'contract',
        'add',
        '--id',
        'NW-SHIP',
        '--customer',
        'northwind',
        '--tier',
        'support',
        '--shipped',
        '2030-12-05',
        '--end',
        '2032-03-04',
      ],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Contract NW-SHIP (support) for northwind: 2031-03-05 to 2032-03-04');
    expect(made.stdout).toContain('90 days after shipment on 5 Dec 2030');

    const zh = await runCli(['contract', 'show', 'NW-SHIP', '--lang', 'zh-CN'], env);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('发货（2030年12月5日）后 90 天');

    const renewed = await runCli(
      ['contract', 'renew', 'NW-SHIP', '--id', 'NW-SHIP-2', '--end', '2033-03-04', '--json'],
      env,
    );
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(JSON.parse(renewed.stdout)).toMatchObject({
      id: 'NW-SHIP-2',
      startDate: '2032-03-05',
      startBasis: { kind: 'renewal', renewsContractId: 'NW-SHIP' },
    });
    const csv = await runCli(['contract', 'list', '--customer', 'northwind', '--csv'], env);
    expect(csv.stdout.split('\r\n')).toHaveLength(4);
  }, 60_000);
});
