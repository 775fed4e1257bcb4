/**
 * Contracts with their covered systems, read back as the `Contract` of shared/domain/contract.ts that the
 * entitlement verdict takes. Licensed majors, response times and holidays are JSON text in the contract row; the
 * majors the customer earned since by taking an upgrade (licence-advances.ts) are applied on the way out, so every
 * verdict, the later contracts' included, sees them.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { ContractSchema, CoveredSystemSchema, type StartBasis } from '../../shared/contracts/entitlement.js';
import { assertContractShape, type Contract, type CoveredSystem } from '../../shared/domain/contract.js';
import { withLicenceAdvances } from '../../shared/domain/licence.js';
import { HicareError } from '../../shared/errors.js';
import { customerNotFound } from './customers.js';
import { listLicenceAdvances } from './licence-advances.js';
import { announceRevocation } from './revocations.js';
import type { ContractsTable, Database } from './schema.js';
import { IDS_PER_QUERY, checkInput, chunks, compareText, isForeignKeyViolation, isUniqueViolation } from './support.js';

// Both SQLite (32,766) and PostgreSQL (65,535) cap bind parameters per statement; 500 rows × 5 columns stays well under.
const ROWS_PER_INSERT = 500;

/** Checks a contract against the API's schema and the domain's rules, without rewriting any of it. */
export function assertStorableContract(contract: Contract): void {
  checkInput(ContractSchema, contract, 'contract');
  assertContractShape(contract);
  const seen = new Set<string>();
  for (const system of contract.systems) {
    // The primary key is (contract, serial number): the same serial twice would fail half-way through the insert.
    if (seen.has(system.serialNumber)) {
      throw new HicareError(
        'INVALID_INPUT.dbContractSerialTwice',
        { serialNumber: system.serialNumber, contractId: contract.id },
        {
          serialNumber: system.serialNumber,
        },
      );
    }
    seen.add(system.serialNumber);
  }
}

export async function createContract(db: Kysely<Database>, contract: Contract): Promise<Contract> {
  await db.transaction().execute((trx) => insertContract(trx, contract));
  await announceRevocation(db, { kind: 'customer', id: contract.customerId });
  return contract;
}

/**
 * Inserts a contract with its systems inside the caller's transaction (the back office records its audit entry in
 * the same one). The caller announces the revocation once the transaction has committed.
 */
export async function insertContract(trx: Kysely<Database> | Transaction<Database>, contract: Contract): Promise<void> {
  assertStorableContract(contract);
  try {
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', contract.customerId)
      .executeTakeFirst();
    if (customer === undefined) throw customerNotFound(contract.customerId);
    await trx
      .insertInto('contracts')
      .values({
        id: contract.id,
        customer_id: contract.customerId,
        tier: contract.tier,
        region: contract.region,
        time_zone: contract.timeZone,
        start_date: contract.startDate,
        end_date: contract.endDate,
        licensed_majors: JSON.stringify(contract.licensedMajors),
        response_times: contract.responseTimes === undefined ? null : JSON.stringify(contract.responseTimes),
        holidays: contract.holidays === undefined ? null : JSON.stringify(contract.holidays),
        start_basis: contract.startBasis === undefined ? null : JSON.stringify(contract.startBasis),
      })
      .execute();
    const systems = contract.systems.map((s, position) => ({
      contract_id: contract.id,
      serial_number: s.serialNumber,
      product: s.product,
      location: s.location,
      position,
    }));
    for (const rows of chunks(systems, ROWS_PER_INSERT)) await trx.insertInto('systems').values(rows).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new HicareError(
        'ALREADY_EXISTS.dbContract',
        { contractId: contract.id },
        {
          contractId: contract.id,
        },
      );
    }
    // The customer was deleted between the check and the insert.
    if (isForeignKeyViolation(error)) throw customerNotFound(contract.customerId);
    throw error;
  }
}

/** The fields of a contract the back office may change after it was made: never its start or its customer. */
export type ContractChange = Partial<Pick<Contract, 'endDate' | 'region' | 'timeZone' | 'licensedMajors'>>;

/** Writes `change` to the contract row inside the caller's transaction; the caller checked it. */
export async function updateContractRow(
  trx: Kysely<Database> | Transaction<Database>,
  id: string,
  change: ContractChange,
): Promise<void> {
  const values: Partial<Record<'end_date' | 'region' | 'time_zone' | 'licensed_majors', string>> = {};
  if (change.endDate !== undefined) values.end_date = change.endDate;
  if (change.region !== undefined) values.region = change.region;
  if (change.timeZone !== undefined) values.time_zone = change.timeZone;
  if (change.licensedMajors !== undefined) values.licensed_majors = JSON.stringify(change.licensedMajors);
  if (Object.keys(values).length === 0) return;
  await trx.updateTable('contracts').set(values).where('id', '=', id).execute();
}

export async function getContract(db: Kysely<Database>, id: string): Promise<Contract | undefined> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const [contract] = await withSystems(db, [row]);
  return contract;
}

/** Every contract, or a customer's; ordered by start date then id, the same on both dialects. */
export async function listContracts(db: Kysely<Database>, filter: { customerId?: string } = {}): Promise<Contract[]> {
  let query = db.selectFrom('contracts').selectAll();
  if (filter.customerId !== undefined) query = query.where('customer_id', '=', filter.customerId);
  return withSystems(db, await query.execute());
}

/** The contracts with these ids (those that exist), ordered like listContracts. */
export async function contractsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Contract[]> {
  const rows: Selectable<ContractsTable>[] = [];
  for (const part of chunks([...ids], IDS_PER_QUERY)) {
    rows.push(...(await db.selectFrom('contracts').selectAll().where('id', 'in', part).execute()));
  }
  return withSystems(db, rows);
}

/** The contracts that list `serialNumber` (renewals mean there can be several); the verdict takes the best. */
export async function contractsCoveringSystem(db: Kysely<Database>, serialNumber: string): Promise<Contract[]> {
  const rows = await db
    .selectFrom('contracts')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('systems')
        .select('contract_id')
        .where('serial_number', '=', serialNumber)
        .where('retired_at', 'is', null),
    )
    .execute();
  return withSystems(db, rows);
}

async function withSystems(db: Kysely<Database>, rows: Selectable<ContractsTable>[]): Promise<Contract[]> {
  const systemsByContract = new Map<string, CoveredSystem[]>(rows.map((r) => [r.id, []]));
  for (const ids of chunks([...systemsByContract.keys()], IDS_PER_QUERY)) {
    const systems = await db
      .selectFrom('systems')
      .select(['contract_id', 'serial_number', 'product', 'location'])
      .where('contract_id', 'in', ids)
      // A retired system is no longer covered: leaving it out here keeps it out of every verdict and system list.
      .where('retired_at', 'is', null)
      .orderBy('contract_id')
      .orderBy('position')
      .execute();
    for (const s of systems)
      systemsByContract
        .get(s.contract_id)
        ?.push({ serialNumber: s.serial_number, product: s.product, location: s.location });
  }
  const contracts = rows.map((row) => toContract(row, systemsByContract.get(row.id) ?? []));
  const advances = await listLicenceAdvances(
    db,
    rows.map((r) => r.customer_id),
  );
  return withLicenceAdvances(contracts, advances).sort(
    (a, b) => compareText(a.startDate, b.startDate) || compareText(a.id, b.id),
  );
}

function parseJson(
  text: string,
  contractId: string,
  column: 'licensedMajors' | 'responseTimes' | 'holidays' | 'startBasis',
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HicareError(
      'INTERNAL.dbContractUnreadable',
      { contractId, column },
      {
        contractId,
        column,
      },
    );
  }
}

function toContract(row: Selectable<ContractsTable>, systems: CoveredSystem[]): Contract {
  const contract: Contract = {
    id: row.id,
    customerId: row.customer_id,
    tier: row.tier,
    region: row.region,
    timeZone: row.time_zone,
    startDate: row.start_date,
    endDate: row.end_date,
    systems,
    licensedMajors: parseJson(row.licensed_majors, row.id, 'licensedMajors') as Contract['licensedMajors'],
  };
  // Absent, not undefined: with exactOptionalPropertyTypes the two differ, and a round trip should give back the same shape.
  if (row.response_times !== null)
    contract.responseTimes = parseJson(row.response_times, row.id, 'responseTimes') as NonNullable<
      Contract['responseTimes']
    >;
  if (row.holidays !== null)
    contract.holidays = parseJson(row.holidays, row.id, 'holidays') as NonNullable<Contract['holidays']>;
  if (row.start_basis !== null) contract.startBasis = parseJson(row.start_basis, row.id, 'startBasis') as StartBasis;
  return contract;
}

/** Adds a covered system to an existing contract (a site bought another machine mid-term). */
export async function addSystem(db: Kysely<Database>, contractId: string, system: CoveredSystem): Promise<Contract> {
  checkInput(CoveredSystemSchema, system, 'covered system');
  const contract = await getContract(db, contractId);
  if (contract === undefined) {
    throw new HicareError('NOT_FOUND.dbContract', { contractId }, { contractId });
  }
  if (contract.systems.some((s) => s.serialNumber === system.serialNumber)) {
    throw new HicareError(
      'ALREADY_EXISTS.dbCoveredSystem',
      { serialNumber: system.serialNumber, contractId },
      {
        contractId,
        serialNumber: system.serialNumber,
      },
    );
  }
  try {
    await db
      .insertInto('systems')
      .values({
        contract_id: contractId,
        serial_number: system.serialNumber,
        product: system.product,
        location: system.location,
        position: contract.systems.length,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new HicareError(
        'ALREADY_EXISTS.dbCoveredSystem',
        { serialNumber: system.serialNumber, contractId },
        { contractId, serialNumber: system.serialNumber },
      );

    throw error;
  }
  await announceRevocation(db, { kind: 'customer', id: contract.customerId });
  return { ...contract, systems: [...contract.systems, system] };
}
