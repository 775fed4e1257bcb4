import type { SameShape } from '../../messages.js';
import type { domain as en } from '../en/domain.js';

export const domain: SameShape<typeof en> = {};
