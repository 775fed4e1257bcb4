/** The back office's endpoints: E-mail: the outbox, preferences and the survey page. */
import type { Endpoint } from '../endpoint.js';

export const mailApi = {} as const satisfies Record<string, Endpoint>;
