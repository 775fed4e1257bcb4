/**
 * What one route of the portal's JSON API declares, and the groups of roles routes are open to. The tables in
 * ./portal-api.ts and ./admin/ are made of these; the portal registers them and the clients derive their calls.
 */
import type { z } from 'zod';
import type { ROLES } from '../domain/request-state.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path: `:name` segments are params. */
  path: string;
  summary: string;
  /** Roles that may call it; `public` needs no token. */
  auth: 'public' | readonly (typeof ROLES)[number][];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Creation endpoints that honour an `Idempotency-Key` header. */
  idempotent?: boolean;
}

export const customer = ['customer-admin'] as const;
export const customerOrStaff = ['customer-admin', 'it-staff'] as const;
export const people = ['customer-admin', 'it-staff', 'engineer', 'portal-admin'] as const;
export const support = ['customer-admin', 'engineer', 'portal-admin'] as const;
export const engineer = ['engineer'] as const;
export const conversation = ['customer-admin', 'engineer'] as const;
/** The vendor's back office (DESIGN.md §6.2): only the portal administrator. */
export const vendorAdmin = ['portal-admin'] as const;
/** DESIGN.md §3.5: download records are for the customer's admin and the vendor. */
export const customerOrVendorAdmin = ['customer-admin', 'portal-admin'] as const;

/** Keeps an endpoint's literal types (its auth tuple, its schemas) while checking it is one. */
export function endpoint<E extends Endpoint>(e: E): E {
  return e;
}
