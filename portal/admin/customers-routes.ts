/** The back office's handlers: Customers, their accounts and their covered systems (./customers/ does the work). */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { customersApi } from '../../shared/contracts/admin/customers.js';
import { accountActor } from './audit.js';
import {
  addAccount,
  adminAccount,
  disableAdminAccount,
  enableAdminAccount,
  listAdminAccounts,
  resetAccountPassword,
  updateAccount,
} from './customers/accounts.js';
import { addCustomer, customerSummary, listCustomerSummaries, updateCustomer } from './customers/customers.js';
import {
  addAdminSystem,
  listAdminSystems,
  moveAdminSystem,
  retireAdminSystem,
  systemRecord,
} from './customers/systems.js';

export function customerHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof customersApi> {
  const { db, now } = ctx;
  return {
    adminCustomers: async ({ query }) => listCustomerSummaries(db, query),
    adminCustomer: async ({ params }) => customerSummary(db, params.id),
    adminCreateCustomer: async ({ body, caller, reply }) => {
      const created = await addCustomer(db, accountActor(caller.account), body, now());
      reply.code(201);
      return created;
    },
    adminUpdateCustomer: async ({ params, body, caller }) =>
      updateCustomer(db, accountActor(caller.account), params.id, body, now()),

    adminAccounts: async ({ query }) => listAdminAccounts(db, query),
    adminAccount: async ({ params }) => adminAccount(db, params.id),
    adminCreateAccount: async ({ body, caller, reply }) => {
      const created = await addAccount(db, accountActor(caller.account), body, now());
      reply.code(201);
      return created;
    },
    adminUpdateAccount: async ({ params, body, caller }) =>
      updateAccount(db, accountActor(caller.account), params.id, body, now()),
    adminDisableAccount: async ({ params, caller }) =>
      disableAdminAccount(db, accountActor(caller.account), params.id, now()),
    adminEnableAccount: async ({ params, caller }) =>
      enableAdminAccount(db, accountActor(caller.account), params.id, now()),
    adminResetPassword: async ({ params, body, caller }) =>
      resetAccountPassword(db, accountActor(caller.account), params.id, body.password, now()),

    adminSystems: async ({ query }) => listAdminSystems(db, query),
    adminSystem: async ({ params }) => systemRecord(db, params.serialNumber),
    adminAddSystem: async ({ body, caller, reply }) => {
      const added = await addAdminSystem(db, accountActor(caller.account), body, now());
      reply.code(201);
      return added;
    },
    adminMoveSystem: async ({ params, body, caller }) =>
      moveAdminSystem(db, accountActor(caller.account), params.serialNumber, body.location, now()),
    adminRetireSystem: async ({ params, body, caller }) =>
      retireAdminSystem(db, accountActor(caller.account), params.serialNumber, body.reason, now()),
  };
}
