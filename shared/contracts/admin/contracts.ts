/** The back office's endpoints: Contracts by the service description’s start-date rules, renewals and tier changes. */
import { z } from 'zod';
import { CalendarDateSchema, IdSchema, NonBlankSchema, ProductIdSchema, TimeZoneSchema } from '../common.js';
import { endpoint, vendorAdmin, type Endpoint } from '../endpoint.js';
import {
  ContractSchema,
  ContractStatusSchema,
  ContractViewSchema,
  CoveredSystemSchema,
  StartBasisSchema,
  TierSchema,
} from '../entitlement.js';
import { ListQuerySchema, pageOf } from './paging.js';

const LicensedMajorsSchema = z.record(ProductIdSchema, z.number().int().min(0).max(999_999));
const SystemsSchema = z.array(CoveredSystemSchema).max(10_000);

export const ContractListQuerySchema = ListQuerySchema.extend({
  customerId: IdSchema.optional(),
  status: ContractStatusSchema.optional(),
  region: NonBlankSchema(64).optional(),
}).strict();
export type ContractListQuery = z.output<typeof ContractListQuerySchema>;

/** One line of the list: the contract without its systems, with its standing today and where its start came from. */
export const ContractRowSchema = ContractSchema.omit({ systems: true, responseTimes: true, holidays: true }).extend({
  customerName: z.string().max(200),
  status: ContractStatusSchema,
  daysLeft: z.number().int(),
  daysUntilStart: z.number().int(),
  systemCount: z.number().int().min(0),
  startBasis: StartBasisSchema,
});
export type ContractRow = z.infer<typeof ContractRowSchema>;

/** A contract as the back office shows it: its systems and the renewals and tier changes it belongs to. */
export const AdminContractSchema = ContractViewSchema.extend({
  customerName: z.string().max(200),
  startBasis: StartBasisSchema,
  /** Oldest first, this contract included. */
  chain: z.array(
    ContractSchema.pick({ id: true, tier: true, startDate: true, endDate: true }).extend({
      status: ContractStatusSchema,
      startBasis: StartBasisSchema,
    }),
  ),
});
export type AdminContract = z.infer<typeof AdminContractSchema>;

/**
 * A new contract. Exactly one of `start` (the purchase order's date), `shippedOn` (with `installationServices` and
 * then `pacOn`) or `renews` says where the start comes from; a renewal carries over the renewed contract's tier,
 * region, time zone, systems and licensed majors unless given.
 */
export const ContractCreateSchema = z
  .object({
    id: IdSchema,
    customerId: IdSchema,
    tier: TierSchema.optional(),
    region: NonBlankSchema(64).optional(),
    timeZone: TimeZoneSchema.optional(),
    endDate: CalendarDateSchema,
    start: CalendarDateSchema.optional(),
    shippedOn: CalendarDateSchema.optional(),
    installationServices: z.boolean().optional(),
    pacOn: CalendarDateSchema.optional(),
    renews: IdSchema.optional(),
    systems: SystemsSchema.optional(),
    licensedMajors: LicensedMajorsSchema.optional(),
  })
  .strict();
export type ContractCreate = z.infer<typeof ContractCreateSchema>;

/** What may change on a contract: never its start (a different start is a different contract) or its customer. */
export const ContractUpdateSchema = z
  .object({
    endDate: CalendarDateSchema.optional(),
    region: NonBlankSchema(64).optional(),
    timeZone: TimeZoneSchema.optional(),
    licensedMajors: LicensedMajorsSchema.optional(),
  })
  .strict();
export type ContractUpdate = z.infer<typeof ContractUpdateSchema>;

export const ContractRenewSchema = z
  .object({
    id: IdSchema,
    endDate: CalendarDateSchema,
    tier: TierSchema.optional(),
    region: NonBlankSchema(64).optional(),
    timeZone: TimeZoneSchema.optional(),
    systems: SystemsSchema.optional(),
    licensedMajors: LicensedMajorsSchema.optional(),
  })
  .strict();
export type ContractRenew = z.infer<typeof ContractRenewSchema>;

export const TierChangeSchema = z
  .object({
    tier: TierSchema,
    /** The first day of the new tier. */
    on: CalendarDateSchema,
    /** The new period's id; `<old id>-<on>` when not given. */
    id: IdSchema.optional(),
  })
  .strict();
export type TierChange = z.infer<typeof TierChangeSchema>;

const ContractParams = z.object({ id: IdSchema }).strict();

export const contractsApi = {
  adminContracts: endpoint({
    method: 'GET',
    path: '/api/v1/admin/contracts',
    summary: 'Contracts, searchable by id and customer, filtered by customer, status and region, a page at a time',
    auth: vendorAdmin,
    query: ContractListQuerySchema,
    response: pageOf(ContractRowSchema),
  }),
  adminContract: endpoint({
    method: 'GET',
    path: '/api/v1/admin/contracts/:id',
    summary: 'One contract with its systems, where its start came from and its renewals and tier changes',
    auth: vendorAdmin,
    params: ContractParams,
    response: AdminContractSchema,
  }),
  adminContractCreate: endpoint({
    method: 'POST',
    path: '/api/v1/admin/contracts',
    summary: 'Create a contract from its purchase order date, its shipment (or PAC) date, or as a renewal',
    auth: vendorAdmin,
    body: ContractCreateSchema,
    response: AdminContractSchema,
  }),
  adminContractUpdate: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/contracts/:id',
    summary: 'Change a contract’s end date, region, time zone or licensed majors',
    auth: vendorAdmin,
    params: ContractParams,
    body: ContractUpdateSchema,
    response: AdminContractSchema,
  }),
  adminContractRenew: endpoint({
    method: 'POST',
    path: '/api/v1/admin/contracts/:id/renew',
    summary: 'Renew a contract: the new one starts the day after it ends',
    auth: vendorAdmin,
    params: ContractParams,
    body: ContractRenewSchema,
    response: AdminContractSchema,
  }),
  adminContractChangeTier: endpoint({
    method: 'POST',
    path: '/api/v1/admin/contracts/:id/change-tier',
    summary: 'Change a contract’s tier from a date: it ends the day before and a new period runs to its end',
    auth: vendorAdmin,
    params: ContractParams,
    body: TierChangeSchema,
    response: AdminContractSchema,
  }),
} as const satisfies Record<string, Endpoint>;
