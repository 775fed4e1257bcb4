/**
 * The back office's covered systems: listed across contracts, added to a contract, moved to another location on
 * every contract that lists them, and retired. A retired system stays on its contracts' rows (requests and downloads
 * name it) but ../../db/contracts.ts no longer reads it as covered, so the entitlement verdict refuses it and the
 * customer's own list of systems leaves it out, like any serial their contracts do not cover.
 */
import type { Kysely } from 'kysely';
import type { AdminSystem, NewSystemInput, SystemRecord } from '../../../shared/contracts/admin/customers.js';
import type { ListQuery, Page } from '../../../shared/contracts/admin/paging.js';
import { HicareError } from '../../../shared/errors.js';
import { addSystem } from '../../db/contracts.js';
import { setInstalledVersion } from '../../db/installed-versions.js';
import { announceRevocation } from '../../db/revocations.js';
import type { Database } from '../../db/schema.js';
import { toIso, toNumber } from '../../db/support.js';
import { containsText } from '../../db/text-search.js';
import { recordChange, type AdminActor } from '../audit.js';
import { byText } from './text-order.js';

export interface SystemFilter extends ListQuery {
  customerId?: string | undefined;
  contractId?: string | undefined;
}

function systemRows(db: Kysely<Database>) {
  return db
    .selectFrom('systems')
    .innerJoin('contracts', 'contracts.id', 'systems.contract_id')
    .innerJoin('customers', 'customers.id', 'contracts.customer_id')
    .leftJoin('installed_versions', (join) =>
      join
        .onRef('installed_versions.serial_number', '=', 'systems.serial_number')
        .onRef('installed_versions.product', '=', 'systems.product'),
    )
    .select([
      'systems.serial_number',
      'systems.product',
      'systems.location',
      'systems.contract_id',
      'contracts.customer_id',
      'customers.name as customer_name',
      'installed_versions.installed_version',
      'systems.retired_at',
      'systems.retired_by',
      'systems.retired_reason',
    ]);
}

type SystemRow = Awaited<ReturnType<ReturnType<typeof systemRows>['executeTakeFirstOrThrow']>>;

function toAdminSystem(row: SystemRow): AdminSystem {
  return {
    serialNumber: row.serial_number,
    product: row.product,
    location: row.location,
    contractId: row.contract_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    installedVersion: row.installed_version,
    retiredAt: row.retired_at,
    retiredBy: row.retired_by,
    retiredReason: row.retired_reason,
  };
}

/** One row per system and contract, by serial number; `q` matches the serial, the product or the location. */
export async function listAdminSystems(db: Kysely<Database>, filter: SystemFilter): Promise<Page<AdminSystem>> {
  let query = systemRows(db).where((eb) =>
    containsText(eb, ['systems.serial_number', 'systems.product', 'systems.location'], filter.q),
  );
  if (filter.customerId !== undefined) query = query.where('contracts.customer_id', '=', filter.customerId);
  if (filter.contractId !== undefined) query = query.where('systems.contract_id', '=', filter.contractId);
  const [counted] = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .execute();
  const rows = await query
    .orderBy(byText(db, 'systems.serial_number'))
    .orderBy('contracts.start_date')
    .orderBy(byText(db, 'systems.contract_id'))
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    items: rows.map(toAdminSystem),
    total: toNumber(counted?.total ?? 0),
    offset: filter.offset,
    limit: filter.limit,
  };
}

export function adminSystemNotFound(serialNumber: string): HicareError {
  return new HicareError('NOT_FOUND.adminSystem', { serialNumber }, { serialNumber });
}

/** The system as one record: retired once every contract row of it is. */
export async function systemRecord(db: Kysely<Database>, serialNumber: string): Promise<SystemRecord> {
  const rows = await systemRows(db)
    .where('systems.serial_number', '=', serialNumber)
    .orderBy('contracts.start_date')
    .orderBy(byText(db, 'systems.contract_id'))
    .execute();
  const contracts = rows.map(toAdminSystem);
  const active = contracts.filter((c) => c.retiredAt === null);
  const latest = active.at(-1) ?? contracts.at(-1);
  if (latest === undefined) throw adminSystemNotFound(serialNumber);
  const retired = active.length === 0 ? latest : undefined;
  return {
    serialNumber,
    product: latest.product,
    location: latest.location,
    installedVersion: latest.installedVersion,
    retiredAt: retired?.retiredAt ?? null,
    retiredBy: retired?.retiredBy ?? null,
    retiredReason: retired?.retiredReason ?? null,
    contracts,
  };
}

/** The customers whose contracts list the serial: their cached contracts are stale after a change to it. */
async function customersOf(db: Kysely<Database>, serialNumber: string): Promise<string[]> {
  const rows = await db
    .selectFrom('systems')
    .innerJoin('contracts', 'contracts.id', 'systems.contract_id')
    .select('contracts.customer_id')
    .distinct()
    .where('systems.serial_number', '=', serialNumber)
    .execute();
  return rows.map((r) => r.customer_id);
}

async function announceCustomers(db: Kysely<Database>, customerIds: readonly string[]): Promise<void> {
  for (const id of customerIds) await announceRevocation(db, { kind: 'customer', id });
}

export async function addAdminSystem(
  db: Kysely<Database>,
  actor: AdminActor,
  input: NewSystemInput,
  now: Date,
  /** The installed version's platform, which only the command line records today. */
  platform: string | null = null,
): Promise<SystemRecord> {
  const system = { serialNumber: input.serialNumber, product: input.product, location: input.location };
  const contract = await db.transaction().execute(async (trx) => {
    const added = await addSystem(trx, input.contractId, system);
    if (input.installedVersion !== undefined) {
      await setInstalledVersion(trx, { ...system, installedVersion: input.installedVersion, platform }, now);
    }
    await recordChange(
      trx,
      actor,
      { action: 'system.add', subject: 'system', subjectId: system.serialNumber, changes: { ...input } },
      now,
    );
    return added;
  });
  await announceCustomers(db, [contract.customerId]);
  return systemRecord(db, system.serialNumber);
}

export async function moveAdminSystem(
  db: Kysely<Database>,
  actor: AdminActor,
  serialNumber: string,
  location: string,
  now: Date,
): Promise<SystemRecord> {
  const customers = await db.transaction().execute(async (trx) => {
    const before = await systemRecord(trx, serialNumber);
    await trx.updateTable('systems').set({ location }).where('serial_number', '=', serialNumber).execute();
    await recordChange(
      trx,
      actor,
      {
        action: 'system.move',
        subject: 'system',
        subjectId: serialNumber,
        changes: { location, from: before.location },
      },
      now,
    );
    return customersOf(trx, serialNumber);
  });
  await announceCustomers(db, customers);
  return systemRecord(db, serialNumber);
}

export async function retireAdminSystem(
  db: Kysely<Database>,
  actor: AdminActor,
  serialNumber: string,
  reason: string | undefined,
  now: Date,
): Promise<SystemRecord> {
  const at = toIso(now);
  const customers = await db.transaction().execute(async (trx) => {
    const before = await systemRecord(trx, serialNumber);
    if (before.retiredAt !== null) {
      throw new HicareError(
        'ALREADY_EXISTS.systemRetired',
        { serialNumber, retiredAt: before.retiredAt, zone: 'UTC' },
        { serialNumber, retiredAt: before.retiredAt },
      );
    }
    await trx
      .updateTable('systems')
      .set({ retired_at: at, retired_by: actor.label, retired_reason: reason ?? null })
      .where('serial_number', '=', serialNumber)
      .where('retired_at', 'is', null)
      .execute();
    await recordChange(
      trx,
      actor,
      {
        action: 'system.retire',
        subject: 'system',
        subjectId: serialNumber,
        changes: reason === undefined ? {} : { reason },
      },
      now,
    );
    return customersOf(trx, serialNumber);
  });
  await announceCustomers(db, customers);
  return systemRecord(db, serialNumber);
}
