/** The back office's endpoints: Releases, their lines’ lifecycle dates, and withdrawals. */
import type { Endpoint } from '../endpoint.js';

export const releasesApi = {} as const satisfies Record<string, Endpoint>;
