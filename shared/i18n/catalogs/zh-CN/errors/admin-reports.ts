import type { SameShape } from '../../../messages.js';
import type { reportsErrors as en } from '../../en/errors/admin-reports.js';

export const reportsErrors: SameShape<typeof en> = {};
