/**
 * The back office's contract operations, shared by the API's handlers and the `hicare-portal contract` commands:
 * list, show, create by the start-date rules, update, renew and change tier. Each change is checked against the
 * customer's other contracts, written with its audit entry in one transaction, and announced so that entitlement
 * caches drop the customer's contracts.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  AdminContract,
  ContractCreate,
  ContractListQuery,
  ContractRenew,
  ContractRow,
  ContractUpdate,
  TierChange,
} from '../../shared/contracts/admin/contracts.js';
import type { Page } from '../../shared/contracts/admin/paging.js';
import type { StartBasis } from '../../shared/contracts/entitlement.js';
import { assertServicePeriod, contractStanding, type Contract } from '../../shared/domain/contract.js';
import {
  assertNoOverlap,
  contractChain,
  planTierChange,
  resolveContractStart,
} from '../../shared/domain/contract-start.js';
import { HicareError } from '../../shared/errors.js';
import {
  contractsByIds,
  insertContract,
  listContracts,
  updateContractRow,
  type ContractChange,
} from '../db/contracts.js';
import { customerNotFound } from '../db/customers.js';
import { announceRevocation } from '../db/revocations.js';
import type { Database } from '../db/schema.js';
import { containsText } from '../db/text-search.js';
import { recordChange, type AdminActor } from './audit.js';

type Db = Kysely<Database> | Transaction<Database>;

const PURCHASE_ORDER: StartBasis = { kind: 'purchase-order' };

function contractNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.dbContract', { contractId: id }, { contractId: id });
}

async function customerName(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('customers').select('name').where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw customerNotFound(id);
  return row.name;
}

/** Matches id, customer id or customer name; filters by customer, region and (worked out for today) status. */
export async function listAdminContracts(
  db: Kysely<Database>,
  query: ContractListQuery,
  now: Date,
): Promise<Page<ContractRow>> {
  let select = db
    .selectFrom('contracts')
    .innerJoin('customers', 'customers.id', 'contracts.customer_id')
    .select(['contracts.id as id', 'customers.name as name'])
    .where((eb) => containsText(eb, ['contracts.id', 'contracts.customer_id', 'customers.name'], query.q));
  if (query.customerId !== undefined) select = select.where('contracts.customer_id', '=', query.customerId);
  if (query.region !== undefined) select = select.where('contracts.region', '=', query.region);
  const found = await select.execute();
  const names = new Map(found.map((r) => [r.id, r.name]));
  // Status depends on today in each contract's zone, so it is worked out here rather than in SQL.
  const rows = (await contractsByIds(db, [...names.keys()]))
    .map((c): ContractRow => {
      const { status, daysLeft, daysUntilStart } = contractStanding(c, now);
      const { systems, responseTimes: _r, holidays: _h, ...rest } = c;
      return {
        ...rest,
        customerName: names.get(c.id) ?? '',
        status,
        daysLeft,
        daysUntilStart,
        systemCount: systems.length,
        startBasis: c.startBasis ?? PURCHASE_ORDER,
      };
    })
    .filter((r) => query.status === undefined || r.status === query.status);
  return {
    items: rows.slice(query.offset, query.offset + query.limit),
    total: rows.length,
    offset: query.offset,
    limit: query.limit,
  };
}

export async function showContract(db: Db, id: string, now: Date): Promise<AdminContract> {
  const [contract] = await contractsByIds(db as Kysely<Database>, [id]);
  if (contract === undefined) throw contractNotFound(id);
  const siblings = await listContracts(db as Kysely<Database>, { customerId: contract.customerId });
  const { status, daysLeft, daysUntilStart } = contractStanding(contract, now);
  return {
    ...contract,
    customerName: await customerName(db, contract.customerId),
    status,
    daysLeft,
    daysUntilStart,
    startBasis: contract.startBasis ?? PURCHASE_ORDER,
    chain: contractChain(contract, siblings).map((c) => ({
      id: c.id,
      tier: c.tier,
      startDate: c.startDate,
      endDate: c.endDate,
      status: contractStanding(c, now).status,
      startBasis: c.startBasis ?? PURCHASE_ORDER,
    })),
  };
}

/** What the audit keeps of a creation: what was given, not the carried-over systems (the contract lists them). */
function createdChanges(contract: Contract, given: Record<string, unknown>): Record<string, unknown> {
  return { ...given, startDate: contract.startDate, startBasis: contract.startBasis, systems: contract.systems.length };
}

export async function createAdminContract(
  db: Kysely<Database>,
  actor: AdminActor,
  input: ContractCreate,
  now: Date,
): Promise<AdminContract> {
  const contract = await db.transaction().execute(async (trx) => {
    await customerName(trx, input.customerId);
    const others = await listContracts(trx as Kysely<Database>, { customerId: input.customerId });
    let previous: Contract | undefined;
    if (input.renews !== undefined) {
      [previous] = await contractsByIds(trx as Kysely<Database>, [input.renews]);
      if (previous === undefined) throw contractNotFound(input.renews);
    }
    const { startDate, startBasis } = resolveContractStart(input, input.customerId, previous);
    const tier = input.tier ?? previous?.tier;
    const region = input.region ?? previous?.region;
    const timeZone = input.timeZone ?? previous?.timeZone;
    if (tier === undefined || region === undefined || timeZone === undefined) {
      const missing = [
        tier === undefined && 'tier',
        region === undefined && 'region',
        timeZone === undefined && 'timeZone',
      ]
        .filter((f): f is string => f !== false)
        .join(', ');
      throw new HicareError('INVALID_INPUT.contractFieldsMissing', { fields: missing }, { missing });
    }
    const created: Contract = {
      id: input.id,
      customerId: input.customerId,
      tier,
      region,
      timeZone,
      startDate,
      endDate: input.endDate,
      systems: input.systems ?? previous?.systems ?? [],
      licensedMajors: input.licensedMajors ?? previous?.licensedMajors ?? {},
      startBasis,
    };
    assertServicePeriod(created.startDate, created.endDate);
    assertNoOverlap(created, others);
    await insertContract(trx, created);
    const { systems: _s, ...given } = input;
    await recordChange(
      trx,
      actor,
      {
        action: previous === undefined ? 'contract.create' : 'contract.renew',
        subject: 'contract',
        subjectId: created.id,
        changes: createdChanges(created, given),
      },
      now,
    );
    return created;
  });
  await announceRevocation(db, { kind: 'customer', id: contract.customerId });
  return showContract(db, contract.id, now);
}

/** A renewal of `id`: the customer is the renewed contract's; everything not given is carried over. */
export async function renewContract(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  input: ContractRenew,
  now: Date,
): Promise<AdminContract> {
  const [previous] = await contractsByIds(db, [id]);
  if (previous === undefined) throw contractNotFound(id);
  return createAdminContract(db, actor, { ...input, customerId: previous.customerId, renews: id }, now);
}

export async function updateAdminContract(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  given: ContractUpdate,
  now: Date,
): Promise<AdminContract> {
  // Only the fields given: an absent field keeps its value.
  const change = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as ContractChange;
  const customerId = await db.transaction().execute(async (trx) => {
    const [contract] = await contractsByIds(trx as Kysely<Database>, [id]);
    if (contract === undefined) throw contractNotFound(id);
    const updated: Contract = { ...contract, ...change };
    assertServicePeriod(updated.startDate, updated.endDate);
    const others = await listContracts(trx as Kysely<Database>, { customerId: contract.customerId });
    assertNoOverlap(updated, others);
    await updateContractRow(trx, id, change);
    await recordChange(
      trx,
      actor,
      { action: 'contract.update', subject: 'contract', subjectId: id, changes: change },
      now,
    );
    return contract.customerId;
  });
  await announceRevocation(db, { kind: 'customer', id: customerId });
  return showContract(db, id, now);
}

/**
 * Ends the contract the day before `on` and starts a new period on `on` with the new tier, the same customer,
 * region, zone, systems and licensed majors; the verdict takes the better of the two for each release.
 */
export async function changeContractTier(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  change: TierChange,
  now: Date,
): Promise<AdminContract> {
  const next = await db.transaction().execute(async (trx) => {
    const [contract] = await contractsByIds(trx as Kysely<Database>, [id]);
    if (contract === undefined) throw contractNotFound(id);
    const plan = planTierChange(contract, change.tier, change.on);
    const nextContract: Contract = {
      ...contract,
      id: change.id ?? `${contract.id}-${change.on}`,
      ...plan.next,
    };
    // Read back without the licence advances: they are applied to every contract of the customer on the way out.
    const stored = await trx.selectFrom('contracts').select('licensed_majors').where('id', '=', id).executeTakeFirst();
    if (stored !== undefined)
      nextContract.licensedMajors = JSON.parse(stored.licensed_majors) as Contract['licensedMajors'];
    await updateContractRow(trx, id, { endDate: plan.previousEndDate });
    await insertContract(trx, nextContract);
    await recordChange(
      trx,
      actor,
      {
        action: 'contract.changeTier',
        subject: 'contract',
        subjectId: id,
        changes: { tier: change.tier, on: change.on, endDate: plan.previousEndDate, newContractId: nextContract.id },
      },
      now,
    );
    return nextContract;
  });
  await announceRevocation(db, { kind: 'customer', id: next.customerId });
  return showContract(db, next.id, now);
}
