import type { SameShape } from '../../messages.js';
import type { portal as en } from '../en/portal.js';

export const portal: SameShape<typeof en> = {};
