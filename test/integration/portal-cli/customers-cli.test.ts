/**
 * `hicare-portal customer|account|system` as an operator runs them, on a seeded SQLite portal: lists as a table, JSON
 * and CSV, records, changes audited with the operator's user@host, refusals with exit 1 and a coded error that
 * changed nothing, wrong usage with exit 2, and words in the reader's language.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminAccount,
  AdminSystem,
  CustomerSummary,
  SystemRecord,
} from '../../../shared/contracts/admin/customers.js';
import type { Page } from '../../../shared/contracts/admin/paging.js';
import { openDatabase } from '../../../portal/db/connection.js';
import { cliEnv, runCli, type CliResult } from './cli.js';

function ok(result: CliResult): string {
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('hicare-portal customer, account and system', { timeout: 180_000 }, () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  // A shared build machine can be slow to start node: a generous limit, so only a real hang fails.
  const cli = (...args: string[]) => runCli(args, env, 90_000);
  const jsonOf = async <T>(...args: string[]): Promise<T> => JSON.parse(ok(await cli(...args, '--json'))) as T;

  async function audited(subjectId: string): Promise<{ action: string; actor: string; changes: string }[]> {
    const db = openDatabase({ dataDirectory: join(dir, 'data') });
    try {
      return await db
        .selectFrom('admin_audit')
        .select(['action', 'actor', 'changes'])
        .where('subject_id', '=', subjectId)
        .orderBy('at')
        .execute();
    } finally {
      await db.destroy();
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-portal-customers-cli-'));
    env = cliEnv({ HICARE_PORTAL_DATA: join(dir, 'data'), LANG: 'en_US.UTF-8' });
    const seed = await runCli(['seed', '--demo', '--json'], env);
    if (seed.code !== 0) throw new Error(`seed failed (${String(seed.code)}): ${seed.stderr}`);
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, lists, shows and renames a customer, audited as the operator', async () => {
    expect(await jsonOf('customer', 'add', '--id', 'acme', '--name', 'Acme Rail')).toEqual({
      id: 'acme',
      name: 'Acme Rail',
    });
    const renamed = ok(await cli('customer', 'update', 'acme', '--name', 'Acme Rail Ltd'));
    expect(renamed.trim()).toBe('Customer acme is now named Acme Rail Ltd.');

    // One at a time: four portals opening one SQLite file at once only measure the machine's load.
    const table = await cli('customer', 'list');
    const csv = await cli('customer', 'list', '--csv', '--q', 'north');
    const page = await jsonOf<Page<CustomerSummary>>('customer', 'list', '--limit', '2');
    const shown = await jsonOf<CustomerSummary>('customer', 'show', 'northwind');
    const lines = ok(table).trim().split('\n');
    expect(lines[0]).toMatch(/^Id\s+Name\s+Contracts\s+Accounts\s+Systems$/);
    expect(lines.some((l) => /^acme\s+Acme Rail Ltd\s+0\s+0\s+0$/.test(l))).toBe(true);
    expect(lines.at(-1)).toContain('of 3');
    expect(ok(csv).trimEnd().split('\r\n')).toEqual([
      'Id,Name,Contracts,Accounts,Systems',
      expect.stringMatching(/^northwind,Northwind Utilities,1,\d+,3$/),
    ]);
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items).toHaveLength(2);
    expect(shown).toMatchObject({ id: 'northwind', contracts: 1, systems: 3 });

    const trail = await audited('acme');
    expect(trail.map((e) => e.action)).toEqual(['customer.create', 'customer.update']);
    expect(trail[0]?.actor).toMatch(/^.+@.+$/);
  });

  it('creates an account with a password printed once, then disables, enables and resets it', async () => {
    const add = ok(
      await cli(
        'account',
        'add',
        '--email',
        'ops@acme.example',
        '--name',
        'Acme Ops',
        '--role',
        'it-staff',
        '--customer',
        'northwind',
      ),
    );
    const [createdLine, passwordLine] = add.trim().split('\n');
    expect(createdLine).toBe('Account ops@acme.example created.');
    const password = /^One-time password: (\S{20,})$/.exec(passwordLine ?? '')?.[1] ?? '';
    expect(password).not.toBe('');

    const listed = await jsonOf<Page<AdminAccount>>('account', 'list', '--q', 'ops@acme', '--role', 'it-staff');
    expect(listed.items.map((a) => a.email)).toEqual(['ops@acme.example']);
    const id = listed.items[0]?.id ?? '';

    expect(ok(await cli('account', 'disable', id)).trim()).toBe(
      'Account ops@acme.example disabled; its sessions and API keys are revoked.',
    );
    expect((await jsonOf<AdminAccount>('account', 'show', id)).disabledAt).not.toBeNull();
    expect((await jsonOf<AdminAccount>('account', 'enable', id)).disabledAt).toBeNull();
    const reset = await jsonOf<{ password: string | null }>('account', 'reset-password', id);
    expect(reset.password?.length).toBeGreaterThanOrEqual(20);
    expect(reset.password).not.toBe(password);
    const updated = await jsonOf<AdminAccount>('account', 'update', id, '--role', 'customer-admin');
    expect(updated.role).toBe('customer-admin');

    const trail = await audited(id);
    expect(trail.map((e) => e.action)).toEqual([
      'account.create',
      'account.disable',
      'account.enable',
      'account.resetPassword',
      'account.update',
    ]);
    const written = JSON.stringify(trail);
    expect(written).not.toContain(password);
    expect(written).not.toContain(reset.password ?? '');
  });

  it('refuses a taken e-mail address and an engineer with a customer with exit 1, creating nothing', async () => {
    const before = (await jsonOf<Page<AdminAccount>>('account', 'list')).total;
    const taken = await cli(
      'account',
      'add',
      '--email',
      'ADMIN@northwind.example',
      '--name',
      'Twin',
      '--role',
      'customer-admin',
      '--customer',
      'northwind',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('error ALREADY_EXISTS');
    expect(taken.stderr).toContain('admin@northwind.example');
    const engineer = await cli(
      'account',
      'add',
      '--email',
      'eng2@hicare.example',
      '--name',
      'Eng',
      '--role',
      'engineer',
      '--customer',
      'northwind',
    );
    expect(engineer.code).toBe(1);
    expect(engineer.stderr).toContain('error INVALID_INPUT');
    expect((await jsonOf<Page<AdminAccount>>('account', 'list')).total).toBe(before);
  });

  it('adds, moves and retires a system; retiring twice or an unknown serial exits 1 and changes nothing', async () => {
    expect(
      await jsonOf(
        'system',
        'add',
        '--contract',
        'NW-SUP-2026',
        '--serial',
        'NW-ATL-0099',
        '--product',
        'atlas',
        '--location',
        'Depot 3',
        '--installed',
        '1.4.2',
      ),
    ).toEqual({ contractId: 'NW-SUP-2026', serialNumber: 'NW-ATL-0099', product: 'atlas', location: 'Depot 3' });
    expect(ok(await cli('system', 'move', 'NW-ATL-0099', '--location', 'Plant 2')).trim()).toBe(
      'System NW-ATL-0099 is now at Plant 2.',
    );
    const listed = await jsonOf<Page<AdminSystem>>('system', 'list', '--customer', 'northwind', '--q', '0099');
    expect(listed.items).toEqual([
      expect.objectContaining({
        serialNumber: 'NW-ATL-0099',
        location: 'Plant 2',
        installedVersion: '1.4.2',
        retiredAt: null,
      }),
    ]);
    const retired = await jsonOf<SystemRecord>('system', 'retire', 'NW-ATL-0099', '--reason', 'Scrapped');
    expect(retired.retiredReason).toBe('Scrapped');
    expect(retired.retiredBy).toMatch(/@/);

    const twice = await cli('system', 'retire', 'NW-ATL-0099');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('error ALREADY_EXISTS');
    const unknown = await cli('system', 'move', 'NO-SUCH-1', '--location', 'X');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error NOT_FOUND');
    expect(unknown.stderr).toContain('NO-SUCH-1');
    expect((await audited('NW-ATL-0099')).map((e) => e.action)).toEqual(['system.add', 'system.move', 'system.retire']);
    expect(await audited('NO-SUCH-1')).toEqual([]);

    const shown = ok(await cli('system', 'show', 'NW-ATL-0099'));
    expect(shown).toMatch(/Status\s+Retired since/);
  });

  it('speaks the reader’s language and exits 2 on wrong usage', async () => {
    const chinese = ok(await cli('customer', 'list', '--lang', 'zh-CN', '--q', 'northwind'));
    expect(chinese.split('\n')[0]).toMatch(/^编号\s+名称\s+合同\s+账户\s+系统$/);
    const wrong = await cli('customer', 'frobnicate');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Use `customer list|show|add|update`.');
    const missing = await cli('system', 'move', 'NW-ATL-0001', '--lang', 'zh-CN');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少 --location。');
    const both = await cli('account', 'list', '--json', '--csv');
    expect(both.code).toBe(2);
  });
});
