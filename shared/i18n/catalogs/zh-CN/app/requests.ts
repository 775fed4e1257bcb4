import type { SameShape } from '../../../messages.js';
import type { requests as en } from '../../en/app/requests.js';

export const requests: SameShape<typeof en> = {};
