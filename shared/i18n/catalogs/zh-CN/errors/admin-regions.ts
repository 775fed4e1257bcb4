import type { SameShape } from '../../../messages.js';
import type { regionsErrors as en } from '../../en/errors/admin-regions.js';

export const regionsErrors: SameShape<typeof en> = {};
