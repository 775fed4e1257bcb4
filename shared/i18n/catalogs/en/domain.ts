/** Words of the domain rules: version ranges, product lines, roles, request states, contract offers, attachments. */
import type { Messages } from '../../messages.js';

export const domain = {} satisfies Messages;
