import type { SameShape } from '../../../messages.js';
import type { customersErrors as en } from '../../en/errors/admin-customers.js';

export const customersErrors: SameShape<typeof en> = {};
