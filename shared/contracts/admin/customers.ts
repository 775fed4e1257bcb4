/** The back office's endpoints: Customers, their accounts and their covered systems. */
import type { Endpoint } from '../endpoint.js';

export const customersApi = {} as const satisfies Record<string, Endpoint>;
