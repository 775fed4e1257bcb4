/** The TAC response-time SLA in words: priorities, their definitions, and where a request stands. */
import type { Messages } from '../../messages.js';

export const sla = {} satisfies Messages;
