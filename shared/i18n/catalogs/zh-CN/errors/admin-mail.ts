import type { SameShape } from '../../../messages.js';
import type { mailErrors as en } from '../../en/errors/admin-mail.js';

export const mailErrors: SameShape<typeof en> = {};
