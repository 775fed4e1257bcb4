/** The inventory: systems follow the contracts, and a version known on this desktop wins over the portal's record. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SystemRecord } from '../../../shared/contracts/entitlement.js';
import { Inventory } from '../../../electron/core/inventory/inventory.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-inventory-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
const record = (
  serialNumber: string,
  installedVersion: string | null,
  extra: Partial<SystemRecord> = {},
): SystemRecord => ({
  serialNumber,
  product: 'atlas',
  location: `site of ${serialNumber}`,
  contractIds: ['C1'],
  installedVersion,
  platform: null,
  ...extra,
});
const defaults = () => ({ installRoot: join(dir, 'installs'), platform: 'linux-x64' });

describe('Inventory', () => {
  it('takes the systems of the contracts with the portal’s versions, and keeps them across restarts', () => {
    new Inventory(dir, clock).sync([record('A-1', '1.4.2'), record('A/2', null)], defaults());
    const systems = new Inventory(dir, clock).list();
    expect(systems.map((s) => [s.serialNumber, s.installedVersion, s.versionSource, s.platform])).toEqual([
      ['A-1', '1.4.2', 'portal', 'linux-x64'],
      ['A/2', null, null, 'linux-x64'],
    ]);
    // A serial number never becomes a path outside the install root.
    expect(systems[1]?.installDir).toBe(join(dir, 'installs', 'A_2'));
  });

  it('keeps a version entered or installed here over the portal’s record, and drops systems no longer on a contract', () => {
    const inventory = new Inventory(dir, clock);
    inventory.sync([record('A-1', '1.4.2'), record('A-2', '1.4.2'), record('A-3', '1.4.2')], defaults());
    inventory.setInstalled('A-1', '1.9.0', 'installed');
    inventory.setInstalled('A-2', '1.8.0', 'entered');
    const next = inventory.sync([record('A-1', '1.4.2'), record('A-2', '1.4.2', { location: 'moved' })], defaults());
    expect(next.map((s) => [s.serialNumber, s.installedVersion, s.versionSource, s.location])).toEqual([
      ['A-1', '1.9.0', 'installed', 'site of A-1'],
      ['A-2', '1.8.0', 'entered', 'moved'],
    ]);
  });

  it('refuses a version that is not one, and a system that is not on the contracts, changing nothing', () => {
    const inventory = new Inventory(dir, clock);
    inventory.sync([record('A-1', '1.4.2')], defaults());
    expect(() => inventory.setInstalled('A-1', 'one point nine', 'entered')).toThrow(
      expect.objectContaining({ code: 'INVALID_VERSION' }) as Error,
    );
    expect(() => inventory.setInstalled('B-9', '1.0.0', 'entered')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
    expect(inventory.get('A-1').installedVersion).toBe('1.4.2');
  });

  it('marks only an entered version as outside the catalog, drops the mark on any other record, and takes the portal’s mark', () => {
    const inventory = new Inventory(dir, clock);
    inventory.sync([record('A-1', '1.4.2'), record('A-2', '9.9.9', { notInCatalog: true })], defaults());
    expect(inventory.get('A-2').notInCatalog).toBe(true);
    expect(inventory.setInstalled('A-1', '9.9.9', 'entered', { notInCatalog: true }).notInCatalog).toBe(true);
    // The mark stays across a sync: the entered version wins over the portal's record.
    inventory.sync([record('A-1', '1.4.2'), record('A-2', '9.9.9', { notInCatalog: true })], defaults());
    expect(inventory.get('A-1')).toMatchObject({ installedVersion: '9.9.9', notInCatalog: true });
    expect(inventory.setInstalled('A-1', '1.9.0', 'installed')).not.toHaveProperty('notInCatalog');
    expect(inventory.setInstalled('A-2', '9.9.9', 'detected', { notInCatalog: true })).not.toHaveProperty(
      'notInCatalog',
    );
  });

  it('detects the installed version on this desktop, and leaves an entered one and an absent product alone', async () => {
    const inventory = new Inventory(dir, clock);
    inventory.sync([record('A-1', '1.4.2'), record('A-2', '1.4.2'), record('A-3', '1.4.2')], defaults());
    const rule = { kind: 'file', path: '{target}/atlas/VERSION', regex: '^(\\S+)' } as const;
    for (const serial of ['A-1', 'A-2']) {
      await mkdir(join(dir, 'installs', serial, 'atlas'), { recursive: true });
      await writeFile(join(dir, 'installs', serial, 'atlas', 'VERSION'), '1.9.0\n');
    }
    inventory.setInstalled('A-2', '1.8.0', 'entered');
    expect(await inventory.detect('A-1', rule)).toMatchObject({ installedVersion: '1.9.0', versionSource: 'detected' });
    expect(await inventory.detect('A-2', rule)).toMatchObject({ installedVersion: '1.8.0', versionSource: 'entered' });
    expect(await inventory.detect('A-3', rule)).toMatchObject({ installedVersion: '1.4.2', versionSource: 'portal' });
  });
});
