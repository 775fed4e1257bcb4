import type { SameShape } from '../../../messages.js';
import type { contractsWords as en } from '../../en/admin/contracts.js';

export const contractsWords: SameShape<typeof en> = {};
