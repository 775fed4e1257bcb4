import type { SameShape } from '../../../messages.js';
import type { regionsWords as en } from '../../en/admin/regions.js';

export const regionsWords: SameShape<typeof en> = {};
