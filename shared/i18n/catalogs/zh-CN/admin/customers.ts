import type { SameShape } from '../../../messages.js';
import type { customersWords as en } from '../../en/admin/customers.js';

export const customersWords: SameShape<typeof en> = {};
