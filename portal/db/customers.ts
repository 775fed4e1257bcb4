/** Customers: the organisations that hold contracts and whose people have accounts. */
import { z } from 'zod';
import type { Kysely } from 'kysely';
import { IdSchema, NonBlankSchema } from '../../shared/contracts/common.js';
import { HicareError } from '../../shared/errors.js';
import type { Database } from './schema.js';
import { checkInput, compareText, isUniqueViolation, newId } from './support.js';

export interface Customer {
  id: string;
  name: string;
}

export const CustomerSchema = z.object({ id: IdSchema, name: NonBlankSchema(200) });

export interface NewCustomer {
  /** Generated when absent; given when the vendor already has a customer number to keep. */
  id?: string;
  name: string;
}

export async function createCustomer(db: Kysely<Database>, input: NewCustomer): Promise<Customer> {
  const customer = checkInput(CustomerSchema, { id: input.id ?? newId(), name: input.name }, 'customer');
  try {
    await db.insertInto('customers').values(customer).execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new HicareError(
        'ALREADY_EXISTS.dbCustomer',
        { customerId: customer.id },
        {
          customerId: customer.id,
        },
      );
    }
    throw error;
  }
  return customer;
}

export async function getCustomer(db: Kysely<Database>, id: string): Promise<Customer | undefined> {
  return db.selectFrom('customers').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function listCustomers(db: Kysely<Database>): Promise<Customer[]> {
  const rows = await db.selectFrom('customers').select(['id', 'name']).execute();
  return rows.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

export async function renameCustomer(db: Kysely<Database>, id: string, name: string): Promise<Customer> {
  const customer = checkInput(CustomerSchema, { id, name }, 'customer');
  const result = await db.updateTable('customers').set({ name: customer.name }).where('id', '=', id).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw customerNotFound(id);
  return customer;
}

export function customerNotFound(id: string): HicareError {
  return new HicareError('NOT_FOUND.dbCustomer', { customerId: id }, { customerId: id });
}
