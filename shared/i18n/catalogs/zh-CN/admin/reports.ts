import type { SameShape } from '../../../messages.js';
import type { reportsWords as en } from '../../en/admin/reports.js';

export const reportsWords: SameShape<typeof en> = {};
