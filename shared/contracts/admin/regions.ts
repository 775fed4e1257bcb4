/** The back office's endpoints: Regions: response-time tables and business calendars. */
import type { Endpoint } from '../endpoint.js';

export const regionsApi = {} as const satisfies Record<string, Endpoint>;
