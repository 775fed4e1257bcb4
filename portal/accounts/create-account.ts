/** Creating accounts: who belongs to a customer and who works for the vendor, with the password hashed at once. */
import type { Kysely } from 'kysely';
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

// Customer admins and IT staff act for one customer; engineers and portal admins serve all of them.
const CUSTOMER_ROLES: readonly Role[] = ['customer-admin', 'it-staff'];

/** A role as a message selects on it: ICU select keys are words, so `it-staff` is written `itStaff`. */
function roleParam(role: Role): string {
  return role.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

export async function createAccount(db: Kysely<Database>, input: NewAccount, now: Date): Promise<AccountRecord> {
  const role = assertRole(input.role);
  const customerId = input.customerId ?? null;
  if (CUSTOMER_ROLES.includes(role) && customerId === null) {
    throw new HicareError('INVALID_INPUT.accountNeedsCustomer', { role: roleParam(role) }, { role });
  }
  if (!CUSTOMER_ROLES.includes(role) && customerId !== null) {
    throw new HicareError('INVALID_INPUT.accountIsVendors', { role: roleParam(role) }, { role, customerId });
  }
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
