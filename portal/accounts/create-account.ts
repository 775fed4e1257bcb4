/** Creating accounts: who belongs to a customer and who works for the vendor, with the password hashed at once. */
import type { Kysely } from 'kysely';
import { customerMismatch, roleParam } from '../../shared/domain/account-rules.js';
import { assertRole, type Role } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { insertAccount, type AccountRecord } from '../db/accounts.js';
import type { Database } from '../db/schema.js';
import { newId } from '../db/support.js';
import { assertPasswordPolicy, hashPassword } from './password.js';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  /** Required for customer roles, absent (or null) for the vendor's own staff. */
  customerId?: string | null;
  password: string;
  /** Generated when absent. */
  id?: string;
}

export async function createAccount(db: Kysely<Database>, input: NewAccount, now: Date): Promise<AccountRecord> {
  const role = assertRole(input.role);
  const customerId = input.customerId ?? null;
  assertCustomerFits(role, customerId);
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return insertAccount(db, {
    id: input.id ?? newId(),
    email: input.email,
    name: input.name,
    role,
    customerId,
    passwordHash,
    createdAt: now,
  });
}

/** Refuses a customer role without a customer, and a vendor role with one. */
export function assertCustomerFits(role: Role, customerId: string | null): void {
  const mismatch = customerMismatch(role, customerId);
  if (mismatch === 'needsCustomer') {
    throw new HicareError('INVALID_INPUT.accountNeedsCustomer', { role: roleParam(role) }, { role });
  }
  if (mismatch === 'isVendors') {
    throw new HicareError('INVALID_INPUT.accountIsVendors', { role: roleParam(role) }, { role, customerId });
  }
}
