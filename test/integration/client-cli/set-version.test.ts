/**
 * `hicare systems set-version` and `hicare entitlement` as real child processes against the real demo portal: a
 * version outside the catalog is refused (exit 1, the known versions, the --not-in-catalog command) and nothing
 * changes; confirmed, it is marked; an entered new major the contract allows shows as licensed since that day.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReports } from '../../../portal/db/installed-versions.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { runHicare, type Run } from './run-hicare.js';

const ADMIN = 'admin@contoso.example';

let demo: DemoPortal;

function hicare(args: string[], stdin = ''): Promise<Run> {
  return runHicare(args, { HICARE_HOME: join(demo.dir, 'cli-home'), HICARE_PORTAL: demo.url }, stdin);
}

beforeAll(async () => {
  demo = await startDemoPortal();
  expect((await hicare(['trust', demo.rootFile, '--yes'])).code).toBe(0);
  const login = await hicare(['login', '--email', ADMIN, '--password-stdin'], `${demo.password(ADMIN)}\n`);
  expect(login.code, login.stderr).toBe(0);
}, 60_000);
afterAll(async () => demo?.close());

describe('hicare systems set-version', () => {
  it('refuses a version outside the catalog with the known versions and the flag that confirms it; nothing changes', async () => {
    const refused = await hicare(['systems', 'set-version', 'CG-COB-0001', '9.9.9']);
    expect(refused.code).toBe(8);
    expect(refused.stderr).toMatch(/^error VERSION_NOT_IN_CATALOG: 9\.9\.9 is not a version of Cobalt/m);
    expect(refused.stderr).toContain('4.0.0, 4.1.0, 4.2.0, 4.2.1');
    expect(refused.stderr).toContain('Command: hicare systems set-version CG-COB-0001 9.9.9 --not-in-catalog');
    const systems = JSON.parse((await hicare(['--json', 'systems'])).stdout) as {
      systems: { serialNumber: string; installedVersion: string }[];
    };
    expect(systems.systems.find((s) => s.serialNumber === 'CG-COB-0001')?.installedVersion).toBe('4.2.0');
    expect(await listReports(demo.portal.db, 'CG-COB-0001')).toEqual([]);
  });

  it('records a confirmed version outside the catalog, marked wherever it is shown', async () => {
    const entered = await hicare(['systems', 'set-version', 'CG-COB-0001', '9.9.9', '--not-in-catalog']);
    expect(entered.code, entered.stderr).toBe(0);
    expect(entered.stdout).toContain('CG-COB-0001: cobalt 9.9.9 (entered, not in the catalog)');
    expect((await hicare(['systems'])).stdout).toMatch(/CG-COB-0001\s+cobalt\s+9\.9\.9 \(not in the catalog\)/);
    const check = await hicare(['check', '--serial', 'CG-COB-0001']);
    // Nothing newer to take: the check exits 0, not 100.
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain('cobalt 9.9.9 (not in the catalog)');
    expect(check.stdout).not.toContain('Up to date');
    expect((await listReports(demo.portal.db, 'CG-COB-0001')).map((r) => [r.version, r.notInCatalog])).toEqual([
      ['9.9.9', true],
    ]);
  });

  it('reports an entered new major the contract allows; `hicare entitlement` shows it licensed since that day', async () => {
    expect((await hicare(['entitlement'])).stdout).toContain('Licensed versions: Atlas 1.x; Beacon 2.x; Cobalt 4.x');
    expect((await hicare(['systems', 'set-version', 'CG-ATL-0001', '2.3.1'])).code).toBe(0);
    const [advance] = (await listReports(demo.portal.db, 'CG-ATL-0001')).map((r) => r.at);
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'Europe/Berlin',
    }).format(new Date(advance ?? ''));
    expect((await hicare(['entitlement'])).stdout).toContain(
      `Licensed versions: Atlas 2.x, since ${day} (CG-ATL-0001); Beacon 2.x; Cobalt 4.x`,
    );
  });
});
