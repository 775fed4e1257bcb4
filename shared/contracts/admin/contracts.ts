/** The back office's endpoints: Contracts by the service description’s start-date rules, renewals and tier changes. */
import type { Endpoint } from '../endpoint.js';

export const contractsApi = {} as const satisfies Record<string, Endpoint>;
