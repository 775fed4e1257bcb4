import type { SameShape } from '../../../messages.js';
import type { contractsErrors as en } from '../../en/errors/admin-contracts.js';

export const contractsErrors: SameShape<typeof en> = {};
