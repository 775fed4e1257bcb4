import type { SameShape } from '../../messages.js';
import type { sla as en } from '../en/sla.js';

export const sla: SameShape<typeof en> = {};
