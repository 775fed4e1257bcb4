/**
 * The back office's endpoints: Customers, their accounts and their covered systems (DESIGN.md §6.2). Lists are
 * paged and searchable (./paging.ts); every change is audited with the calling administrator.
 */
import { z } from 'zod';
import { RoleSchema } from '../accounts.js';
import {
  IdSchema,
  InstantSchema,
  NonBlankSchema,
  ProductIdSchema,
  SerialNumberSchema,
  VersionSchema,
} from '../common.js';
import { endpoint, vendorAdmin, type Endpoint } from '../endpoint.js';
import { ListQuerySchema, pageOf } from './paging.js';

// ---- customers -------------------------------------------------------------------------------------------------

export const CustomerSummarySchema = z.object({
  id: IdSchema,
  name: z.string().max(200),
  contracts: z.number().int().min(0),
  accounts: z.number().int().min(0),
  /** Distinct serial numbers on the customer's contracts that are not retired. */
  systems: z.number().int().min(0),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const NewCustomerSchema = z
  .object({
    /** Given when the vendor already has a customer number to keep; generated otherwise. */
    id: IdSchema.optional(),
    name: NonBlankSchema(200),
  })
  .strict();
export type NewCustomerInput = z.infer<typeof NewCustomerSchema>;

export const CustomerChangeSchema = z.object({ name: NonBlankSchema(200) }).strict();
export type CustomerChange = z.infer<typeof CustomerChangeSchema>;

// ---- accounts --------------------------------------------------------------------------------------------------

export const AdminAccountSchema = z.object({
  id: IdSchema,
  email: z.string().max(254),
  name: z.string().max(200),
  role: RoleSchema,
  customerId: IdSchema.nullable(),
  customerName: z.string().max(200).nullable(),
  createdAt: InstantSchema,
  disabledAt: InstantSchema.nullable(),
});
export type AdminAccount = z.infer<typeof AdminAccountSchema>;

export const AccountQuerySchema = ListQuerySchema.extend({
  customerId: IdSchema.optional(),
  role: RoleSchema.optional(),
}).strict();

/** A password an administrator types for someone: the same bounds as portal/accounts/password.ts applies. */
export const GivenPasswordSchema = z.string().min(10).max(256);

export const NewAccountSchema = z
  .object({
    email: z.email().max(254),
    name: NonBlankSchema(200),
    role: RoleSchema,
    /** Required for customer administrators and IT staff; absent or null for engineers and portal administrators. */
    customerId: IdSchema.nullable().optional(),
    /** Absent: the portal generates a strong one-time password and answers it once. */
    password: GivenPasswordSchema.optional(),
  })
  .strict();
export type NewAccountInput = z.infer<typeof NewAccountSchema>;

export const AccountChangeSchema = z
  .object({
    name: NonBlankSchema(200).optional(),
    role: RoleSchema.optional(),
    customerId: IdSchema.nullable().optional(),
  })
  .strict();
export type AccountChange = z.infer<typeof AccountChangeSchema>;

export const PasswordResetSchema = z.object({ password: GivenPasswordSchema.optional() }).strict();

/** A created or reset account; `password` is the generated one, shown once, or null when the administrator chose it. */
export const AccountWithPasswordSchema = z.object({
  account: AdminAccountSchema,
  password: z.string().max(256).nullable(),
});
export type AccountWithPassword = z.infer<typeof AccountWithPasswordSchema>;

// ---- covered systems -------------------------------------------------------------------------------------------

/** One system on one contract: a serial on a renewed contract appears once per contract. */
export const AdminSystemSchema = z.object({
  serialNumber: z.string().max(64),
  product: z.string().max(64),
  location: z.string().max(200),
  contractId: IdSchema,
  customerId: IdSchema,
  customerName: z.string().max(200),
  /** As the customer's desktop reported it or the vendor entered it; null when unknown. */
  installedVersion: z.string().max(64).nullable(),
  retiredAt: InstantSchema.nullable(),
  retiredBy: z.string().max(320).nullable(),
  retiredReason: z.string().max(500).nullable(),
});
export type AdminSystem = z.infer<typeof AdminSystemSchema>;

export const SystemQuerySchema = ListQuerySchema.extend({
  customerId: IdSchema.optional(),
  contractId: IdSchema.optional(),
}).strict();

export const SerialParamsSchema = z.object({ serialNumber: SerialNumberSchema }).strict();

export const SystemRecordSchema = z.object({
  serialNumber: z.string().max(64),
  product: z.string().max(64),
  location: z.string().max(200),
  installedVersion: z.string().max(64).nullable(),
  retiredAt: InstantSchema.nullable(),
  retiredBy: z.string().max(320).nullable(),
  retiredReason: z.string().max(500).nullable(),
  /** Every contract row of this serial, oldest start first. */
  contracts: z.array(AdminSystemSchema),
});
export type SystemRecord = z.infer<typeof SystemRecordSchema>;

export const NewSystemSchema = z
  .object({
    contractId: IdSchema,
    serialNumber: SerialNumberSchema,
    product: ProductIdSchema,
    location: NonBlankSchema(200),
    installedVersion: VersionSchema.optional(),
  })
  .strict();
export type NewSystemInput = z.infer<typeof NewSystemSchema>;

export const SystemMoveSchema = z.object({ location: NonBlankSchema(200) }).strict();
export const SystemRetireSchema = z.object({ reason: NonBlankSchema(500).optional() }).strict();

const IdParams = z.object({ id: IdSchema }).strict();

export const customersApi = {
  adminCustomers: endpoint({
    method: 'GET',
    path: '/api/v1/admin/customers',
    summary: 'Customers by name, searchable by name or id, with how many contracts, accounts and systems each has',
    auth: vendorAdmin,
    query: ListQuerySchema,
    response: pageOf(CustomerSummarySchema),
  }),
  adminCustomer: endpoint({
    method: 'GET',
    path: '/api/v1/admin/customers/:id',
    summary: 'One customer with its counts',
    auth: vendorAdmin,
    params: IdParams,
    response: CustomerSummarySchema,
  }),
  adminCreateCustomer: endpoint({
    method: 'POST',
    path: '/api/v1/admin/customers',
    summary: 'Adds a customer',
    auth: vendorAdmin,
    body: NewCustomerSchema,
    response: CustomerSummarySchema,
  }),
  adminUpdateCustomer: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/customers/:id',
    summary: 'Renames a customer',
    auth: vendorAdmin,
    params: IdParams,
    body: CustomerChangeSchema,
    response: CustomerSummarySchema,
  }),
  adminAccounts: endpoint({
    method: 'GET',
    path: '/api/v1/admin/accounts',
    summary: 'Accounts by e-mail address, searchable by address or name, filtered by customer and role',
    auth: vendorAdmin,
    query: AccountQuerySchema,
    response: pageOf(AdminAccountSchema),
  }),
  adminAccount: endpoint({
    method: 'GET',
    path: '/api/v1/admin/accounts/:id',
    summary: 'One account',
    auth: vendorAdmin,
    params: IdParams,
    response: AdminAccountSchema,
  }),
  adminCreateAccount: endpoint({
    method: 'POST',
    path: '/api/v1/admin/accounts',
    summary: 'Adds an account; without a given password the answer carries a generated one, once',
    auth: vendorAdmin,
    body: NewAccountSchema,
    response: AccountWithPasswordSchema,
  }),
  adminUpdateAccount: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/accounts/:id',
    summary: 'Changes an account’s name, role or customer',
    auth: vendorAdmin,
    params: IdParams,
    body: AccountChangeSchema,
    response: AdminAccountSchema,
  }),
  adminDisableAccount: endpoint({
    method: 'POST',
    path: '/api/v1/admin/accounts/:id/disable',
    summary: 'Disables an account and revokes its sessions and API keys',
    auth: vendorAdmin,
    params: IdParams,
    response: AdminAccountSchema,
  }),
  adminEnableAccount: endpoint({
    method: 'POST',
    path: '/api/v1/admin/accounts/:id/enable',
    summary: 'Enables a disabled account again (its old sessions and keys stay revoked)',
    auth: vendorAdmin,
    params: IdParams,
    response: AdminAccountSchema,
  }),
  adminResetPassword: endpoint({
    method: 'POST',
    path: '/api/v1/admin/accounts/:id/password',
    summary: 'Sets a new password; without a given one the answer carries a generated one, once',
    auth: vendorAdmin,
    params: IdParams,
    body: PasswordResetSchema,
    response: AccountWithPasswordSchema,
  }),
  adminSystems: endpoint({
    method: 'GET',
    path: '/api/v1/admin/systems',
    summary: 'Covered systems across contracts, searchable by serial, product or location',
    auth: vendorAdmin,
    query: SystemQuerySchema,
    response: pageOf(AdminSystemSchema),
  }),
  adminSystem: endpoint({
    method: 'GET',
    path: '/api/v1/admin/systems/:serialNumber',
    summary: 'One covered system with every contract it is on',
    auth: vendorAdmin,
    params: SerialParamsSchema,
    response: SystemRecordSchema,
  }),
  adminAddSystem: endpoint({
    method: 'POST',
    path: '/api/v1/admin/systems',
    summary: 'Adds a covered system to a contract',
    auth: vendorAdmin,
    body: NewSystemSchema,
    response: SystemRecordSchema,
  }),
  adminMoveSystem: endpoint({
    method: 'POST',
    path: '/api/v1/admin/systems/:serialNumber/move',
    summary: 'Changes a system’s location on every contract that lists it',
    auth: vendorAdmin,
    params: SerialParamsSchema,
    body: SystemMoveSchema,
    response: SystemRecordSchema,
  }),
  adminRetireSystem: endpoint({
    method: 'POST',
    path: '/api/v1/admin/systems/:serialNumber/retire',
    summary: 'Retires a system: it is no longer covered by any contract',
    auth: vendorAdmin,
    params: SerialParamsSchema,
    body: SystemRetireSchema,
    response: SystemRecordSchema,
  }),
} as const satisfies Record<string, Endpoint>;
