import type { SameShape } from '../../../messages.js';
import type { mailWords as en } from '../../en/admin/mail.js';

export const mailWords: SameShape<typeof en> = {};
