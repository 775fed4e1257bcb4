import { describe, expect, it } from 'vitest';
import { seesGrantDetails, type GrantViewer } from '../../../shared/domain/grant-visibility.js';

const REQUEST = { customerId: 'northwind', assignedEngineerId: 'eng-1' };
const UNASSIGNED = { customerId: 'northwind', assignedEngineerId: null };

const CASES: ReadonlyArray<readonly [string, GrantViewer, typeof REQUEST | typeof UNASSIGNED, boolean]> = [
  ['the request’s customer admin', { id: 'a1', role: 'customer-admin', customerId: 'northwind' }, REQUEST, true],
  ['another customer’s admin', { id: 'a2', role: 'customer-admin', customerId: 'contoso' }, REQUEST, false],
  ['a customer admin of no customer', { id: 'a3', role: 'customer-admin', customerId: null }, REQUEST, false],
  ['the assigned engineer', { id: 'eng-1', role: 'engineer', customerId: null }, REQUEST, true],
  ['another engineer', { id: 'eng-2', role: 'engineer', customerId: null }, REQUEST, false],
  ['an engineer, while nobody is assigned', { id: 'eng-1', role: 'engineer', customerId: null }, UNASSIGNED, false],
  ['a portal admin', { id: 'pa', role: 'portal-admin', customerId: null }, REQUEST, false],
  ['IT staff of the customer', { id: 'it', role: 'it-staff', customerId: 'northwind' }, REQUEST, false],
];

describe('who sees where and as whom a grant lets the engineer in', () => {
  it.each(CASES)('%s: %s', (_who, viewer, request, sees) => {
    expect(seesGrantDetails(viewer, request)).toBe(sees);
  });
});
