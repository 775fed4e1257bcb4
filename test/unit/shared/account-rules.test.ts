import { describe, expect, it } from 'vitest';
import { customerMismatch, mayDisable, roleParam } from '../../../shared/domain/account-rules.js';
import type { Role } from '../../../shared/domain/request-state.js';

describe('which accounts belong to a customer', () => {
  const cases: [Role, string | null, ReturnType<typeof customerMismatch>][] = [
    ['customer-admin', 'northwind', null],
    ['customer-admin', null, 'needsCustomer'],
    ['it-staff', 'northwind', null],
    ['it-staff', null, 'needsCustomer'],
    ['engineer', null, null],
    ['engineer', 'northwind', 'isVendors'],
    ['portal-admin', null, null],
    ['portal-admin', 'northwind', 'isVendors'],
  ];
  it.each(cases)('%s with customer %s → %s', (role, customerId, expected) => {
    expect(customerMismatch(role, customerId)).toBe(expected);
  });

  it.each([
    ['customer-admin', 'customerAdmin'],
    ['it-staff', 'itStaff'],
    ['engineer', 'engineer'],
    ['portal-admin', 'portalAdmin'],
  ] as [Role, string][])('writes %s as the select key %s', (role, key) => {
    expect(roleParam(role)).toBe(key);
  });

  it.each([
    ['a1', 'a1', false],
    ['a1', 'a2', true],
    [null, 'a1', true],
  ] as [string | null, string, boolean][])('actor %s may disable %s: %s', (actor, target, expected) => {
    expect(mayDisable(actor, target)).toBe(expected);
  });
});
