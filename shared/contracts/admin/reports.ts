/** The back office's endpoints: Reports for the vendor: SLA, surveys, downloads, requests. */
import type { Endpoint } from '../endpoint.js';

export const reportsApi = {} as const satisfies Record<string, Endpoint>;
