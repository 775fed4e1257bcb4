import type { SameShape } from '../../../messages.js';
import type { cliErrors as en } from '../../en/errors/cli.js';

export const cliErrors: SameShape<typeof en> = {};
