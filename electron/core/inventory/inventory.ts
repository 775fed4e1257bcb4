/**
 * The systems this desktop looks after: those of the customer's contracts (serial, product, location), each with the
 * version installed — detected on this desktop with the product's detection rule, or entered by the admin for
 * remote equipment the desktop cannot see. Kept with `conf` in the data directory, so it survives restarts and
 * works offline; refreshed from the contracts whenever the portal is reachable.
 */
import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import type { DetectionRule } from '../../../shared/contracts/catalog.js';
import { SerialNumberSchema } from '../../../shared/contracts/common.js';
import type { SystemRecord } from '../../../shared/contracts/entitlement.js';
import { parseVersion } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';
import type { Clock } from '../adapters.js';
import { detectVersion, type RunCommand } from '../detect/index.js';

/** Where a system's installed version came from; `portal` is the portal's record, the weakest source. */
export const VERSION_SOURCES = ['detected', 'entered', 'installed', 'portal'] as const;

const InventorySystemSchema = z.object({
  serialNumber: SerialNumberSchema,
  product: z.string(),
  location: z.string(),
  contractIds: z.array(z.string()),
  installedVersion: z.string().nullable(),
  versionSource: z.enum(VERSION_SOURCES).nullable(),
  /** e.g. linux-x64: set for systems on this desktop; null for remote equipment. */
  platform: z.string().nullable(),
  /** The folder the product is installed in on this desktop (`{target}` of the installers). */
  installDir: z.string().nullable(),
  updatedAt: z.string(),
  /** Set when the admin confirmed the entered version is not in the vendor's catalog; never shown as up to date. */
  notInCatalog: z.literal(true).optional(),
});

export type InventorySystem = z.infer<typeof InventorySystemSchema>;

export class Inventory {
  private readonly store: Conf<{ systems: InventorySystem[] }>;
  private readonly clock: Clock;

  constructor(dataDirectory: string, clock: Clock) {
    this.store = new Conf<{ systems: InventorySystem[] }>({
      cwd: dataDirectory,
      configName: 'inventory',
      projectName: 'hicare',
      defaults: { systems: [] },
    });
    this.clock = clock;
  }

  list(): InventorySystem[] {
    const parsed = z.array(InventorySystemSchema).safeParse(this.store.get('systems'));
    return parsed.success ? parsed.data : [];
  }

  get(serialNumber: string): InventorySystem {
    const system = this.list().find((s) => s.serialNumber === serialNumber);
    if (system === undefined) {
      throw new HicareError('NOT_FOUND.inventorySystem', { serialNumber }, { serialNumber });
    }
    return system;
  }

  /**
   * Takes the systems of the customer's contracts as the portal lists them: new ones are added, locations follow
   * the contract, systems on no contract any more are dropped. A version known on this desktop (detected, entered,
   * installed here) wins over the portal's record.
   */
  sync(records: readonly SystemRecord[], defaults: { installRoot: string; platform: string }): InventorySystem[] {
    const previous = new Map(this.list().map((s) => [s.serialNumber, s]));
    const systems = records.map((record): InventorySystem => {
      const known = previous.get(record.serialNumber);
      const local = known !== undefined && known.versionSource !== null && known.versionSource !== 'portal';
      const notInCatalog = local ? known.notInCatalog === true : record.notInCatalog === true;
      return {
        serialNumber: record.serialNumber,
        product: record.product,
        location: record.location,
        contractIds: record.contractIds,
        installedVersion: local ? known.installedVersion : record.installedVersion,
        versionSource: local ? known.versionSource : record.installedVersion === null ? null : 'portal',
        platform: known?.platform ?? record.platform ?? defaults.platform,
        installDir:
          known?.installDir ?? join(defaults.installRoot, record.serialNumber.replace(/[^A-Za-z0-9._-]/g, '_')),
        updatedAt: local ? known.updatedAt : this.clock.now().toISOString(),
        ...(notInCatalog ? { notInCatalog: true as const } : {}),
      };
    });
    this.store.set('systems', systems);
    return systems;
  }

  /**
   * Records a version: entered by the admin (remote equipment), detected, or reached by an install. Only an entered
   * version can be marked as outside the catalog; any other record of the system drops the mark.
   */
  setInstalled(
    serialNumber: string,
    version: string | null,
    source: (typeof VERSION_SOURCES)[number],
    changes: { platform?: string | null; installDir?: string | null; notInCatalog?: boolean } = {},
  ): InventorySystem {
    if (version !== null) parseVersion(version);
    const systems = this.list();
    const index = systems.findIndex((s) => s.serialNumber === serialNumber);
    if (index < 0) this.get(serialNumber);
    const { notInCatalog: _previousMark, ...system } = systems[index]!;
    const updated: InventorySystem = {
      ...system,
      ...(changes.notInCatalog === true && source === 'entered' ? { notInCatalog: true as const } : {}),
      installedVersion: version,
      versionSource: version === null ? null : source,
      ...(changes.platform === undefined ? {} : { platform: changes.platform }),
      ...(changes.installDir === undefined ? {} : { installDir: changes.installDir }),
      updatedAt: this.clock.now().toISOString(),
    };
    systems[index] = updated;
    this.store.set('systems', systems);
    return updated;
  }

  /**
   * Detects the installed version of a system on this desktop with the product's detection rule. An entered version
   * (remote equipment) is left alone; a system without a folder here is not touched.
   */
  async detect(
    serialNumber: string,
    rule: DetectionRule,
    options: { run?: RunCommand } = {},
  ): Promise<InventorySystem> {
    const system = this.get(serialNumber);
    if (system.versionSource === 'entered' || system.installDir === null) return system;
    const version = await detectVersion(rule, {
      installDir: system.installDir,
      ...(options.run === undefined ? {} : { run: options.run }),
    });
    // Nothing found here: the product is not on this desktop, so the portal's record (if any) stands.
    if (version === null) return system;
    return this.setInstalled(serialNumber, version, 'detected');
  }
}
