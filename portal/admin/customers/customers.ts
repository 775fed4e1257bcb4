/**
 * The back office's customers: listed with how much each holds, created and renamed. The routes and the
 * `hicare-portal customer` commands both call these, with their actor, so each change is audited the same way.
 */
import type { Kysely } from 'kysely';
import type { CustomerSummary, NewCustomerInput } from '../../../shared/contracts/admin/customers.js';
import type { ListQuery, Page } from '../../../shared/contracts/admin/paging.js';
import { createCustomer, customerNotFound, renameCustomer } from '../../db/customers.js';
import type { Database } from '../../db/schema.js';
import { toNumber } from '../../db/support.js';
import { containsText } from '../../db/text-search.js';
import { recordChange, type AdminActor } from '../audit.js';
import { byText } from './text-order.js';

function summaries(db: Kysely<Database>) {
  return db.selectFrom('customers').select((eb) => [
    'customers.id',
    'customers.name',
    eb
      .selectFrom('contracts')
      .whereRef('contracts.customer_id', '=', 'customers.id')
      .select((c) => c.fn.countAll<number | string>().as('n'))
      .as('contracts'),
    eb
      .selectFrom('accounts')
      .whereRef('accounts.customer_id', '=', 'customers.id')
      .select((c) => c.fn.countAll<number | string>().as('n'))
      .as('accounts'),
    eb
      .selectFrom('systems')
      .innerJoin('contracts', 'contracts.id', 'systems.contract_id')
      .whereRef('contracts.customer_id', '=', 'customers.id')
      .where('systems.retired_at', 'is', null)
      .select((c) => c.fn.count<number | string>('systems.serial_number').distinct().as('n'))
      .as('systems'),
  ]);
}

type SummaryRow = {
  id: string;
  name: string;
  contracts: number | string | null;
  accounts: number | string | null;
  systems: number | string | null;
};

function toSummary(row: SummaryRow): CustomerSummary {
  return {
    id: row.id,
    name: row.name,
    contracts: toNumber(row.contracts ?? 0),
    accounts: toNumber(row.accounts ?? 0),
    systems: toNumber(row.systems ?? 0),
  };
}

/** By name (then id), `q` matching the name or the id. */
export async function listCustomerSummaries(db: Kysely<Database>, query: ListQuery): Promise<Page<CustomerSummary>> {
  const matching = (eb: Parameters<typeof containsText<Database, 'customers'>>[0]) =>
    containsText(eb, ['customers.name', 'customers.id'], query.q);
  const counted = await db
    .selectFrom('customers')
    .where(matching)
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await summaries(db)
    .where(matching)
    .orderBy(byText(db, 'customers.name'))
    .orderBy(byText(db, 'customers.id'))
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { items: rows.map(toSummary), total: toNumber(counted.total), offset: query.offset, limit: query.limit };
}

export async function customerSummary(db: Kysely<Database>, id: string): Promise<CustomerSummary> {
  const row = await summaries(db).where('customers.id', '=', id).executeTakeFirst();
  if (row === undefined) throw customerNotFound(id);
  return toSummary(row);
}

export async function addCustomer(
  db: Kysely<Database>,
  actor: AdminActor,
  input: NewCustomerInput,
  now: Date,
): Promise<CustomerSummary> {
  const customer = await db.transaction().execute(async (trx) => {
    const created = await createCustomer(trx, {
      name: input.name,
      ...(input.id === undefined ? {} : { id: input.id }),
    });
    await recordChange(
      trx,
      actor,
      { action: 'customer.create', subject: 'customer', subjectId: created.id, changes: { name: created.name } },
      now,
    );
    return created;
  });
  return { ...customer, contracts: 0, accounts: 0, systems: 0 };
}

export async function updateCustomer(
  db: Kysely<Database>,
  actor: AdminActor,
  id: string,
  change: { name: string },
  now: Date,
): Promise<CustomerSummary> {
  await db.transaction().execute(async (trx) => {
    const renamed = await renameCustomer(trx, id, change.name);
    await recordChange(
      trx,
      actor,
      { action: 'customer.update', subject: 'customer', subjectId: id, changes: { name: renamed.name } },
      now,
    );
  });
  return customerSummary(db, id);
}
