/** The back office's handlers: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';
import type { contractsApi } from '../../shared/contracts/admin/contracts.js';
import { accountActor } from './audit.js';
import {
  changeContractTier,
  createAdminContract,
  listAdminContracts,
  renewContract,
  showContract,
  updateAdminContract,
} from './contracts.js';

export function contractHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof contractsApi> {
  const { db, now } = ctx;
  return {
    adminContracts: async ({ query }) => listAdminContracts(db, query, now()),
    adminContract: async ({ params }) => showContract(db, params.id, now()),
    adminContractCreate: async ({ caller, body }) => createAdminContract(db, accountActor(caller.account), body, now()),
    adminContractUpdate: async ({ caller, params, body }) =>
      updateAdminContract(db, accountActor(caller.account), params.id, body, now()),
    adminContractRenew: async ({ caller, params, body }) =>
      renewContract(db, accountActor(caller.account), params.id, body, now()),
    adminContractChangeTier: async ({ caller, params, body }) =>
      changeContractTier(db, accountActor(caller.account), params.id, body, now()),
  };
}
