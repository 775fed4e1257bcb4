/**
 * Who an account works for (DESIGN.md §6.1): customer administrators and IT staff act for one customer; engineers and
 * portal administrators serve all of them and belong to none. Creating and changing an account both apply this.
 */
import type { Role } from './request-state.js';

export const CUSTOMER_ROLES: readonly Role[] = ['customer-admin', 'it-staff'];

export function isCustomerRole(role: Role): boolean {
  return CUSTOMER_ROLES.includes(role);
}

/**
 * What is wrong with giving `role` this customer: `needsCustomer` for a customer role without one, `isVendors` for
 * a vendor role with one, null when they fit.
 */
export function customerMismatch(role: Role, customerId: string | null): 'needsCustomer' | 'isVendors' | null {
  if (isCustomerRole(role)) return customerId === null ? 'needsCustomer' : null;
  return customerId === null ? null : 'isVendors';
}

/** A role as a message selects on it: ICU select keys are words, so `it-staff` is written `itStaff`. */
export function roleParam(role: Role): string {
  return role.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * An administrator may not disable their own account: the portal could be left with no one able to enable it again,
 * and a slip of the hand would end the session that is doing it.
 */
export function mayDisable(actorAccountId: string | null, targetAccountId: string): boolean {
  return actorAccountId !== targetAccountId;
}
