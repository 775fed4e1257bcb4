import type { SameShape } from '../../messages.js';
import type { cli as en } from '../en/cli.js';

export const cli: SameShape<typeof en> = {};
